import { Card, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCaseStatistics, useResponseTimes, type CaseStatistics, type CaseStatsRow } from '../../../features/cases/api/incidents';
import { yuan } from '../../../features/cases/components/case-progress';
import { LedgerButton } from '../../../components/ledger-button';
import { pick } from '../../../lib/i18n';

const mins = (n: number | null) => (n === null ? '—' : String(n));

/** 涉企警情响应时间 (M10): dispatch and arrival by unit, linkage acknowledgement and report by department. */
export default function ResponseTimesPage() {
  const { t, i18n } = useTranslation();
  const q = useResponseTimes();
  const stats = useCaseStatistics();
  if (q.isLoading || !q.data) return <Skeleton active />;
  const name = (n: { zh: string; en: string } | null, id: string) => (n ? pick(n, i18n.language) : id);
  const statColumns = <T extends CaseStatsRow>(): ColumnsType<T> => [
    { key: 'r', title: t('cases.reports'), dataIndex: 'reports', align: 'right' as const },
    { key: 'f', title: t('cases.filed'), dataIndex: 'filed', align: 'right' as const },
    { key: 'rate', title: t('cases.filingRate'), align: 'right' as const, render: (_: unknown, r: T) => (r.filingRate === null ? '—' : `${Math.round(r.filingRate * 100)}%`) },
    { key: 'd', title: t('cases.avgDays'), align: 'right' as const, render: (_: unknown, r: T) => r.avgDaysToDecision ?? '—' },
    { key: 'o', title: t('cases.overdueDecisions'), dataIndex: 'overdueDecisions', align: 'right' as const },
    { key: 'm', title: t('cases.recoveredTotal'), align: 'right' as const, render: (_: unknown, r: T) => yuan(r.recovered, i18n.language) },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('cases.responseTimes')}</Typography.Title>
      {stats.data ? (
        <Card
          title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('cases.statistics')}</Typography.Title>}
          extra={<LedgerButton path="/cases/statistics.xlsx" query={{}} testId="case-statistics-export" />}
          data-testid="case-statistics"
        >
          <Table<CaseStatistics['byCategory'][number]> size="small" rowKey="category" pagination={false} scroll={{ x: true }} dataSource={stats.data.byCategory} columns={[{ key: 'c', title: t('cases.category'), render: (_: unknown, r: CaseStatistics['byCategory'][number]) => name(r.label, r.category) }, ...statColumns<CaseStatistics['byCategory'][number]>()]} />
          <Table<CaseStatistics['byUnit'][number]> size="small" rowKey="unitId" pagination={false} scroll={{ x: true }} style={{ marginTop: 12 }} dataSource={stats.data.byUnit} columns={[{ key: 'u', title: t('cases.unit'), render: (_: unknown, r: CaseStatistics['byUnit'][number]) => name(r.unitName, r.unitId) }, ...statColumns<CaseStatistics['byUnit'][number]>()]} />
        </Card>
      ) : null}
      <Card title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('cases.byDispatchedUnit')}（{q.data.incidents}）</Typography.Title>}>
        <Table
          size="small"
          rowKey="unitId"
          pagination={false}
          scroll={{ x: true }}
          dataSource={q.data.byDispatchedUnit}
          columns={[
            { key: 'u', title: t('cases.unit'), render: (_, r) => name(r.unitName, r.unitId) },
            { key: 'n', title: t('cases.incidents'), dataIndex: 'incidents', align: 'right' },
            { key: 'd', title: t('cases.avgDispatch'), align: 'right', render: (_, r) => mins(r.avgDispatchMinutes) },
            { key: 'a', title: t('cases.avgArrival'), align: 'right', render: (_, r) => mins(r.avgArrivalMinutes) },
          ]}
        />
      </Card>
      <Card title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('cases.byPartner')}</Typography.Title>}>
        <Table
          size="small"
          rowKey="unitId"
          pagination={false}
          scroll={{ x: true }}
          dataSource={q.data.byPartner}
          columns={[
            { key: 'u', title: t('cases.department'), render: (_, r) => name(r.unitName, r.unitId) },
            { key: 'n', title: t('cases.branches'), dataIndex: 'branches', align: 'right' },
            { key: 'k', title: t('cases.avgAck'), align: 'right', render: (_, r) => mins(r.avgAcknowledgeMinutes) },
            { key: 'l', title: t('cases.lateAck'), dataIndex: 'lateAcknowledgements', align: 'right' },
            { key: 'r', title: t('cases.avgReport'), align: 'right', render: (_, r) => mins(r.avgReportMinutes) },
            { key: 'o', title: t('cases.openBranches'), dataIndex: 'open', align: 'right' },
          ]}
        />
      </Card>
    </Space>
  );
}
