import { useState } from 'react';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAudit, verifyAudit, type AuditEntry, type AuditVerification } from '../../../features/admin/api/admin';
import { formatDateTime } from '../../../lib/format';

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const audit = useAudit();
  const [verifying, setVerifying] = useState(false);
  const [result, setResult] = useState<AuditVerification | { error: string } | null>(null);
  const rows = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('admin.audit')}</Typography.Title>}
      extra={
        <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={verifying} data-testid="verify-chain"
          onClick={async () => { setVerifying(true); try { setResult(await verifyAudit()); } catch (e) { setResult({ error: (e as Error).message }); } finally { setVerifying(false); } }}>
          {t('admin.verifyChain')}
        </Button>
      }
    >
      {result ? (
        'error' in result ? <Alert type="error" showIcon title={result.error} style={{ marginBottom: 12 }} /> :
        <Alert style={{ marginBottom: 12 }} type={result.ok ? 'success' : 'error'} showIcon data-testid="verify-result"
          description={result.anchor ? t('admin.chainAnchor', { seq: result.anchor.seq, signed: t(result.anchor.signed ? 'admin.anchorSigned' : 'admin.anchorUnsigned') }) : undefined}
          title={result.ok ? t('admin.chainOk', { n: result.checked }) : t('admin.chainBroken', { n: result.checked, at: result.brokenAt?.id ?? '?', reason: t(`admin.chainReason.${result.brokenAt?.reason ?? 'hash_mismatch'}`) })} />
      ) : null}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={audit.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('admin.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, i18n.language) },
          { title: t('admin.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? t('common.system') },
          { title: t('admin.action'), dataIndex: 'action' },
          { title: t('admin.subject'), dataIndex: 'subject', render: (v: string | null) => v ?? '—' },
          { title: t('admin.detail'), dataIndex: 'detail', render: (v: unknown) => <Typography.Text style={{ fontSize: '0.85em' }} ellipsis={{ tooltip: JSON.stringify(v) }}>{v ? JSON.stringify(v) : '—'}</Typography.Text> },
          { title: 'IP', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
        ]}
      />
      {audit.hasNextPage ? <Button style={{ marginTop: 12 }} onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>{t('common.loadMore')}</Button> : null}
    </Card>
  );
}
