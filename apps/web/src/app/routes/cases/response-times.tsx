import { Card, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResponseTimes } from '../../../features/cases/api/incidents';
import { pick } from '../../../lib/i18n';

const mins = (n: number | null) => (n === null ? '—' : String(n));

/** 涉企警情响应时间 (M10): dispatch and arrival by unit, linkage acknowledgement and report by department. */
export default function ResponseTimesPage() {
  const { t, i18n } = useTranslation();
  const q = useResponseTimes();
  if (q.isLoading || !q.data) return <Skeleton active />;
  const name = (n: { zh: string; en: string } | null, id: string) => (n ? pick(n, i18n.language) : id);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('cases.responseTimes')}（{q.data.incidents}）</Typography.Title>
      <Card title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('cases.byDispatchedUnit')}</Typography.Title>}>
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
