import { Breadcrumb, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useMyCase } from '../../../features/cases/api/cases';
import { CaseProgress } from '../../../features/cases/components/case-progress';
import { isApiError } from '../../../lib/api-client';

/** 案件进度 of one report (the enterprise's view: the disclosed fields only). */
export default function CasePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = useMyCase(id);
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Result status={isApiError(q.error) && q.error.status === 404 ? '404' : 'error'} title={(q.error as Error)?.message ?? t('common.notFound')} extra={<Link to={paths.enterprise.cases}>{t('cases.myCases')}</Link>} />;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={paths.enterprise.cases}>{t('cases.myCases')}</Link> }, { title: q.data.number }, { title: <Link to={paths.enterprise.item(q.data.id)}>{t('cases.itemRecord')}</Link> }]}
      />
      <CaseProgress c={q.data} />
    </>
  );
}
