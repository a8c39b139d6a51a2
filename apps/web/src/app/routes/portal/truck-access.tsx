import { Result, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';

export default function TruckAccessPage() {
  const { t } = useTranslation();
  return (
    <div className="jqt-content">
      <Result status="info" title={t('truck.title')} subTitle={t('truck.soon')} extra={<Link to={paths.home}><Button>{t('common.backHome')}</Button></Link>} />
    </div>
  );
}
