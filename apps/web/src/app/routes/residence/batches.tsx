import { useState } from 'react';
import { Alert, Button, Card, Empty, List, Skeleton, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LedgerButton } from '../../../components/ledger-button';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useItemType } from '../../../features/item-types/api/get-item-types';
import { templateUrl, useBatches, useUploadBatch, type Batch, type RejectedRow } from '../../../features/residence-batches/api/batches';
import { RowReport } from '../../../features/residence-batches/components/row-report';
import { BatchStatusTag } from '../../../features/residence-batches/components/batch-status-tag';

function BatchList({ detail }: { detail: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const list = useBatches();
  if (list.isLoading) return <Skeleton active />;
  if (!list.data?.length) return <Empty description={t('screens.batch.none')} />;
  return (
    <List
      data-testid="batch-list"
      dataSource={list.data}
      renderItem={(b: Batch) => (
        <List.Item key={b.id} data-batch={b.number} data-status={b.status}>
          <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
            <Space wrap size={6}>
              <Link to={detail(b.id)} style={{ fontWeight: 600 }}>
                {b.number}
              </Link>
              <BatchStatusTag status={b.status} />
            </Space>
            <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
              {b.filename} · {formatDateTime(b.createdAt, i18n.language, false)}
            </Typography.Text>
            <Typography.Text>{t('screens.batch.countsLine', { rows: b.rowCount, created: b.createdCount, rejected: b.rejectedCount, duplicates: b.duplicateCount })}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 居住证集中申办 (M5), the enterprise's side: download the template, upload it, see every row's result, follow the batches. */
export function EnterpriseBatches() {
  const { t } = useTranslation();
  const upload = useUploadBatch();
  const residence = useItemType('residence-permit');
  const [result, setResult] = useState<{ kind: 'ok' | 'refused'; text: string; rows: RejectedRow[]; batchId?: string } | null>(null);

  const send = async (file: File) => {
    setResult(null);
    try {
      const r = await upload.mutateAsync(file);
      setResult({ kind: 'ok', text: t('screens.batch.uploaded', { number: r.batch.number, rows: r.rows, created: r.created, rejected: r.rejected.length }), rows: r.rejected, batchId: r.batch.id });
    } catch (e) {
      if (!isApiError(e)) throw e;
      const rows = Array.isArray(e.body.rows) ? (e.body.rows as RejectedRow[]) : [];
      const fileError = e.fieldErrors.find((f) => !f.path.startsWith('rows.'));
      setResult({ kind: 'refused', text: fileError?.message ?? e.message, rows });
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('screens.batch.title')}</Typography.Title>} className="jqt-wrap-title">
        <Typography.Paragraph type="secondary">{t('screens.batch.intro')}</Typography.Paragraph>
        <ol className="jqt-steps-list">
          <li>{t('screens.batch.step1')}</li>
          <li>{t('screens.batch.step2')}</li>
          <li>{t('screens.batch.step3')}</li>
        </ol>
        <Space wrap>
          <Button href={templateUrl} icon={<DownloadOutlined aria-hidden />} data-testid="batch-template">
            {t('screens.batch.template')}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined aria-hidden />} loading={upload.isPending} data-testid="batch-upload">
              {t('screens.batch.upload')}
            </Button>
          </Upload>
        </Space>
        {result ? (
          <div style={{ marginTop: 16 }} data-testid="batch-result" data-kind={result.kind}>
            <Alert
              type={result.kind === 'ok' ? (result.rows.length ? 'warning' : 'success') : 'error'}
              showIcon
              role="status"
              title={result.text}
              description={result.rows.length ? t('screens.batch.fixRows') : undefined}
              action={result.batchId ? <Link to={paths.enterprise.residenceBatch(result.batchId)}>{t('screens.batch.open')}</Link> : undefined}
              style={{ marginBottom: 12 }}
            />
            {result.rows.length ? <RowReport rows={result.rows} schema={residence.itemType?.form} /> : null}
          </div>
        ) : null}
      </Card>
      <Card title={<Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0 }}>{t('screens.batch.mine')}</Typography.Title>}>
        <BatchList detail={paths.enterprise.residenceBatch} />
      </Card>
    </Space>
  );
}

/** 居住证集中办理, the police station's side: the batches filed with the station, newest first. */
export function StationBatches() {
  const { t } = useTranslation();
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('screens.batch.stationTitle')}</Typography.Title>}
      extra={<LedgerButton path="/residence-permits/batches/export.xlsx" query={{}} testId="batches-ledger" />}
      className="jqt-wrap-title"
    >
      <Typography.Paragraph type="secondary">{t('screens.batch.stationIntro')}</Typography.Paragraph>
      <BatchList detail={paths.workbench.residenceBatch} />
    </Card>
  );
}
