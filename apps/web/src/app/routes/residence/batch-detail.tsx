import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Result, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LedgerButton } from '../../../components/ledger-button';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { checkedValues } from '../../../lib/forms';
import { formatDateTime } from '../../../lib/format';
import { useItemType } from '../../../features/item-types/api/get-item-types';
import { useBatch, useBatchStep, type BatchStep } from '../../../features/residence-batches/api/batches';
import { BatchStatusTag } from '../../../features/residence-batches/components/batch-status-tag';
import { RowReport } from '../../../features/residence-batches/components/row-report';

const ORDER = ['submitted', 'accepted', 'produced', 'delivered'];

function BatchDetail({ area }: { area: 'enterprise' | 'workbench' }) {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const q = useBatch(id);
  const step = useBatchStep(id ?? '');
  const residence = useItemType('residence-permit');
  const [delivering, setDelivering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ signerName: string; note?: string }>();
  const listPath = area === 'enterprise' ? paths.enterprise.residenceBatches : paths.workbench.residenceBatches;
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Result status="404" title={isApiError(q.error) ? q.error.message : t('common.notFound')} extra={<Link to={listPath}>{t('screens.batch.back')}</Link>} />;
  const b = q.data;

  const run = async (s: BatchStep, input: { signerName?: string; note?: string } = {}) => {
    setError(null);
    try {
      await step.mutateAsync({ step: s, ...input });
      message.success(t(`screens.batch.done.${s}`));
      return true;
    } catch (e) {
      if (!isApiError(e)) throw e;
      const onFields = e.fieldErrors.filter((f) => f.path === 'signerName' || f.path === 'note');
      if (s === 'delivered' && onFields.length) form.setFields(onFields.map((f) => ({ name: f.path as 'signerName' | 'note', errors: [f.message] })));
      else setError(e.fieldErrors[0]?.message ?? e.message);
      return false;
    }
  };
  const deliver = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    if (await run('delivered', { signerName: v.signerName, note: v.note })) setDelivering(false);
  };
  const current = ORDER.indexOf(b.status);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="batch-detail" data-status={b.status}>
      <Breadcrumb items={[{ title: <Link to={listPath}>{t(area === 'enterprise' ? 'screens.batch.title' : 'screens.batch.stationTitle')}</Link> }, { title: b.number }]} />
      <Card>
        <Space wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>
            {t('screens.batch.batchN', { number: b.number })}
          </Typography.Title>
          <BatchStatusTag status={b.status} />
        </Space>
        <Steps
          size="small"
          current={b.status === 'delivered' ? ORDER.length : current + 1}
          responsive
          items={ORDER.map((s) => ({ title: t(`screens.batch.stage.${s}`) }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          <Descriptions.Item label={t('screens.batch.file')}>
            <span style={{ wordBreak: 'break-all' }}>{b.filename}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('screens.batch.rows')}>{b.rowCount}</Descriptions.Item>
          <Descriptions.Item label={t('screens.batch.created')}>
            <span data-testid="batch-created">{b.createdCount}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('screens.batch.rejected')}>{b.rejectedCount}</Descriptions.Item>
          <Descriptions.Item label={t('screens.batch.duplicates')}>{b.duplicateCount}</Descriptions.Item>
          <Descriptions.Item label={t('screens.batch.submittedAt')}>{formatDateTime(b.createdAt, i18n.language, false)}</Descriptions.Item>
          {b.acceptedAt ? <Descriptions.Item label={t('screens.batch.acceptedAt')}>{formatDateTime(b.acceptedAt, i18n.language, false)}</Descriptions.Item> : null}
          {b.producedAt ? <Descriptions.Item label={t('screens.batch.producedAt')}>{formatDateTime(b.producedAt, i18n.language, false)}</Descriptions.Item> : null}
          {b.deliveredAt ? <Descriptions.Item label={t('screens.batch.deliveredAt')}>{formatDateTime(b.deliveredAt, i18n.language, false)}</Descriptions.Item> : null}
          {b.delivery ? (
            <Descriptions.Item label={t('screens.batch.signer')}>
              <span data-testid="batch-signer">{b.delivery.signerName}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {Object.keys(b.itemsByStatus).length ? (
          <div style={{ marginTop: 12 }} data-testid="batch-items">
            <Typography.Text type="secondary">{t('screens.batch.itemsByStatus')}</Typography.Text>{' '}
            {Object.entries(b.itemsByStatus).map(([s, n]) => (
              <Tag key={s} data-item-status={s}>
                {t(`status.${s}`)} {n}
              </Tag>
            ))}
          </div>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} /> : null}
        <Space wrap style={{ marginTop: 16 }}>
          {b.abilities.canAcceptAll ? (
            <Popconfirm title={t('screens.batch.confirmAccept', { n: b.createdCount })} okText={t('screens.common.confirm')} cancelText={t('screens.common.cancel')} onConfirm={() => run('accept-all')}>
              <Button type="primary" loading={step.isPending} data-action="accept-all">
                {t('screens.batch.acceptAll')}
              </Button>
            </Popconfirm>
          ) : null}
          {b.abilities.canMarkProduced ? (
            <Popconfirm title={t('screens.batch.confirmProduced')} okText={t('screens.common.confirm')} cancelText={t('screens.common.cancel')} onConfirm={() => run('mark-produced')}>
              <Button type="primary" loading={step.isPending} data-action="mark-produced">
                {t('screens.batch.markProduced')}
              </Button>
            </Popconfirm>
          ) : null}
          {b.abilities.canDeliver ? (
            <Button type="primary" onClick={() => setDelivering(true)} data-action="delivered">
              {t('screens.batch.deliver')}
            </Button>
          ) : null}
        </Space>
      </Card>
      {b.rejected?.length ? (
        <Card
          title={<Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0 }}>{t('screens.batch.rejectedRows', { n: b.rejected.length })}</Typography.Title>}
          extra={<LedgerButton path={`/residence-permits/batches/${encodeURIComponent(b.id)}/report.xlsx`} query={{}} testId="batch-report-ledger" />}
          className="jqt-wrap-title"
        >
          <RowReport rows={b.rejected} schema={residence.itemType?.form} />
        </Card>
      ) : null}
      <Modal
        open={delivering}
        title={t('screens.batch.deliver')}
        onCancel={() => setDelivering(false)}
        onOk={() => void deliver()}
        okText={t('screens.common.confirm')}
        cancelText={t('screens.common.cancel')}
        confirmLoading={step.isPending}
        okButtonProps={{ 'data-testid': 'deliver-confirm' } as Record<string, string>}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('screens.batch.deliverHint')}</Typography.Paragraph>
        <Form form={form} name="deliver" layout="vertical" preserve={false}>
          <Form.Item name="signerName" label={t('screens.batch.signer')} rules={[{ required: true, whitespace: true, message: t('screens.common.required') }, { max: 50 }]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item name="note" label={t('screens.batch.deliveryNote')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export const EnterpriseBatchDetail = () => <BatchDetail area="enterprise" />;
export const StationBatchDetail = () => <BatchDetail area="workbench" />;
