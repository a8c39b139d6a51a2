import { Breadcrumb, Result, Skeleton } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useItemType } from '../../../features/item-types/api/get-item-types';
import { ServiceGuide } from '../../../features/item-types/components/service-guide';
import { useMe } from '../../../features/auth/api/get-me';
import { pick } from '../../../lib/i18n';
import { TiaThresholdsCard } from './tia-thresholds-card';

export default function ServiceGuidePage() {
  const { code } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const { itemType, isLoading } = useItemType(code);
  if (isLoading) return <div className="jqt-content"><Skeleton active /></div>;
  if (!itemType) return <Result status="404" title={t('common.notFound')} extra={<Link to={paths.home}>{t('common.backHome')}</Link>} />;
  const publicOk = itemType.submitters.includes('public');
  const apply = () => {
    if (publicOk && !me.data) navigate(paths.complaint);
    else if (me.data) navigate(paths.enterprise.newItem(itemType.code));
    else navigate(paths.login(paths.enterprise.newItem(itemType.code)));
  };
  return (
    <div className="jqt-content">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to={paths.home}>{t('portal.home')}</Link> }, { title: pick(itemType.names, i18n.language) }]} />
      <ServiceGuide itemType={itemType} onApply={apply} applyLabel={me.data || publicOk ? t('guide.apply') : t('guide.loginToApply')} extra={itemType.code === 'tia-screening' ? <TiaThresholdsCard /> : undefined} />
    </div>
  );
}
