import { Breadcrumb, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useInspection, type Side } from '../../../features/cyber/api/cyber';
import { InspectionView } from '../../../features/cyber/components/inspection-view';
import { ResultForm } from '../../../features/cyber/components/result-form';

function InspectionPage({ side }: { side: Side }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useInspection(side, id);
  const back = side === 'unit' ? paths.workbench.cyber : paths.enterprise.cyber;
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Result status="404" title={t('common.notFound')} extra={<Link to={back}>{t(side === 'unit' ? 'cyber.listTitle' : 'cyber.mineTitle')}</Link>} />;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to={back}>{t(side === 'unit' ? 'cyber.listTitle' : 'cyber.mineTitle')}</Link> }, { title: q.data.enterpriseName }]} />
      <InspectionView inspection={q.data}>{q.data.abilities.canRecordResult ? <ResultForm inspectionId={q.data.id} /> : null}</InspectionView>
    </>
  );
}

export function UnitInspectionPage() {
  return <InspectionPage side="unit" />;
}
export function EnterpriseInspectionPage() {
  return <InspectionPage side="enterprise" />;
}
