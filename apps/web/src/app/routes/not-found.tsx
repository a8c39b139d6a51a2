import { Result, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../config/paths';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('common.notFound')} extra={<Link to={paths.home}><Button type="primary">{t('common.backHome')}</Button></Link>} />;
}
