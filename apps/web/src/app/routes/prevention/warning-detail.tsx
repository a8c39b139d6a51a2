import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Grid, Input, Modal, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { districts, INDUSTRIES } from '@jqt/domain';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useAudienceTags, useWarning, useWarningAction, type Delivery, type DepartmentDelivery } from '../../../features/prevention/api/warnings';
import { LevelTag, riskKindName } from '../../../features/prevention/components/warning-labels';

/** One warning: its text, audience, approval, and who has read it (已阅知) or was escalated to their liaison officer. */
export default function WarningDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const q = useWarning(id);
  const act = useWarningAction(id ?? '');
  const tags = useAudienceTags();
  const screens = Grid.useBreakpoint();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Result status="404" title={isApiError(q.error) ? q.error.message : t('common.notFound')} extra={<Link to={paths.workbench.warnings}>{t('prevention.warning.listTitle')}</Link>} />;
  const w = q.data;
  const run = async (action: 'submit' | 'approve' | 'return', n?: string) => {
    setError(null);
    try {
      await act.mutateAsync({ action, note: n });
      message.success(t(`prevention.warning.done.${action}`));
      setReturning(false);
    } catch (e) {
      setError(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.message) : String(e));
    }
  };
  const district = (c: string) => districts.find((d) => d.code === c)?.[lang === 'en' ? 'en' : 'zh'] ?? c;
  const state = (d: Delivery) =>
    d.acknowledgedAt ? <Tag color="green">{t('prevention.warning.acknowledged')}</Tag> : d.escalatedAt ? <Tag color="red">{t('prevention.warning.escalated')}</Tag> : <Tag color="gold">{t('prevention.warning.unread')}</Tag>;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="warning-detail" data-status={w.status}>
      <Breadcrumb items={[{ title: <Link to={paths.workbench.warnings}>{t('prevention.warning.listTitle')}</Link> }, { title: w.title }]} />
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
          {w.title}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <LevelTag level={w.level} lang={lang} />
          <Tag>{riskKindName(w.riskKind, lang)}</Tag>
          <Tag color={w.status === 'published' ? 'green' : w.status === 'submitted' ? 'gold' : 'default'}>{t(`prevention.warning.status.${w.status}`)}</Tag>
          {w.public ? <Tag>{t('prevention.warning.isPublic')}</Tag> : null}
        </Space>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{w.body}</Typography.Paragraph>
        {w.decisionNote && w.status === 'draft' ? <Alert type="warning" showIcon title={t('prevention.warning.returnedWith', { note: w.decisionNote })} style={{ marginBottom: 12 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Space wrap>
          {w.abilities.canSubmit ? (
            <Button type="primary" onClick={() => void run('submit')} loading={act.isPending} data-action="submit">
              {t('prevention.warning.submit')}
            </Button>
          ) : null}
          {w.abilities.canApprove ? (
            <Button type="primary" onClick={() => void run('approve')} loading={act.isPending} data-action="approve">
              {t('prevention.warning.approve')}
            </Button>
          ) : null}
          {w.abilities.canReturn ? (
            <Button danger onClick={() => setReturning(true)} data-action="return">
              {t('prevention.warning.return')}
            </Button>
          ) : null}
        </Space>
      </Card>
      <Card title={t('prevention.warning.audience')}>
        <Descriptions column={1} size="small" layout={screens.sm ? 'horizontal' : 'vertical'}>
          {w.audience.districts.length ? <Descriptions.Item label={t('prevention.warning.districts')}>{w.audience.districts.map(district).join(lang === 'en' ? ', ' : '、')}</Descriptions.Item> : null}
          {w.audience.tags.length ? <Descriptions.Item label={t('prevention.warning.tags')}>{w.audience.tags.map((c) => { const x = tags.data?.find((g) => g.code === c); return x ? (lang === 'en' ? x.nameEn || x.nameZh : x.nameZh) : c; }).join(lang === 'en' ? ', ' : '、')}</Descriptions.Item> : null}
          {w.audience.industries.length ? <Descriptions.Item label={t('prevention.warning.industries')}>{w.audience.industries.map((c) => { const x = INDUSTRIES.find((i) => i.code === c); return x ? `${c} ${lang === 'en' ? x.en : x.zh}` : c; }).join(lang === 'en' ? '; ' : '；')}</Descriptions.Item> : null}
          {w.audience.partnerUnitIds.length ? <Descriptions.Item label={t('prevention.warning.partners')}>{(w.departments.length ? w.departments.map((d) => (lang === 'en' ? d.nameEn || d.nameZh : d.nameZh)) : w.audience.partnerUnitIds).join(lang === 'en' ? ', ' : '、')}</Descriptions.Item> : null}
          {w.audience.enterpriseIds.length ? <Descriptions.Item label={t('prevention.warning.enterprises')}>{t('prevention.warning.nEnterprises', { n: w.audience.enterpriseIds.length })}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      {w.status === 'published' ? (
        <Card title={t('prevention.warning.deliveries')} extra={<span data-testid="warning-counts">{t('prevention.warning.counts', { ...w.counts })}</span>}>
          <Table<Delivery>
            rowKey="enterpriseId"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={w.deliveries}
            scroll={{ x: true }}
            onRow={(d) => ({ 'data-enterprise': d.enterpriseName, 'data-state': d.acknowledgedAt ? 'acknowledged' : d.escalatedAt ? 'escalated' : 'unread' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('prevention.warning.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('prevention.warning.state'), key: 'state', render: (_: unknown, d) => state(d) },
              ...(screens.md
                ? [
                    { title: t('prevention.warning.district'), dataIndex: 'district', render: (c: string) => district(c) },
                    { title: t('prevention.warning.acknowledgedAt'), dataIndex: 'acknowledgedAt', render: (v: string | null) => v?.slice(0, 16).replace('T', ' ') ?? '—' },
                    { title: t('prevention.warning.escalatedTo'), dataIndex: 'escalatedTo', render: (v: string | null, d: Delivery) => (d.escalatedAt ? (v ?? t('prevention.warning.noOfficer')) : '—') },
                  ]
                : []),
            ]}
          />
        </Card>
      ) : null}
      {w.status === 'published' && w.departments.length ? (
        <Card title={t('prevention.warning.departmentDeliveries')}>
          <Table<DepartmentDelivery>
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={w.departments}
            scroll={{ x: true }}
            onRow={(d) => ({ 'data-department': d.unitId, 'data-state': d.acknowledgedAt ? 'acknowledged' : 'unread' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('prevention.warning.department'), key: 'name', render: (_: unknown, d) => (lang === 'en' ? d.nameEn || d.nameZh : d.nameZh) },
              { title: t('prevention.warning.state'), key: 'state', render: (_: unknown, d) => (d.acknowledgedAt ? <Tag color="green">{t('prevention.warning.acknowledged')}</Tag> : <Tag color="gold">{t('prevention.warning.unread')}</Tag>) },
              ...(screens.md
                ? [
                    { title: t('prevention.warning.acknowledgedAt'), dataIndex: 'acknowledgedAt', render: (v: string | null) => v?.slice(0, 16).replace('T', ' ') ?? '—' },
                    { title: t('prevention.warning.acknowledgedBy'), dataIndex: 'acknowledgedBy', render: (v: string | null) => v ?? '—' },
                  ]
                : []),
            ]}
          />
        </Card>
      ) : null}
      <Modal title={t('prevention.warning.return')} open={returning} onCancel={() => setReturning(false)} onOk={() => void run('return', note)} okButtonProps={{ loading: act.isPending, ...({ 'data-testid': 'warning-return-confirm' } as Record<string, string>) }}>
        <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('prevention.warning.returnNote')} placeholder={t('prevention.warning.returnNote')} />
      </Modal>
    </Space>
  );
}
