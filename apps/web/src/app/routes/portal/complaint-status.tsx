import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Grid, Input, Timeline, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../../components/status-tag';
import { DeadlineTag } from '../../../components/deadline-tag';
import { paths } from '../../../config/paths';
import { api, isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { checkedValues } from '../../../lib/forms';
import { pick } from '../../../lib/i18n';
import type { ItemStatus } from '../../../types/api';

interface PublicStatus {
  number: string;
  typeName: { zh: string; en: string } | null;
  status: ItemStatus;
  submittedAt: string;
  dueAt: string | null;
  overdue: boolean;
  steps: { action: string; at: string }[];
}

const DONE: string[] = ['answered', 'closed', 'refused'];

/** 12389 进度查询: the number and query code from the receipt give the status and the dates of each step, nothing more. */
export default function ComplaintStatusPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ number: string; queryCode: string }>();
  const [result, setResult] = useState<PublicStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const screens = Grid.useBreakpoint();

  const look = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api<PublicStatus>('/public/items/status', { method: 'POST', body: { number: v.number.trim(), queryCode: v.queryCode.trim() } }));
    } catch (e) {
      setResult(null);
      setError(isApiError(e) ? e.message : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="jqt-content" style={{ maxWidth: 760 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('complaint.statusTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('complaint.statusIntro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" name="complaint_status" initialValues={{ number: params.get('number') ?? '' }} onFinish={() => void look()} requiredMark={false}>
          <Form.Item name="number" label={t('item.number')} rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('item.number') }) }]}>
            <Input autoComplete="off" placeholder="JQ20261207000001" />
          </Form.Item>
          <Form.Item name="queryCode" label={t('complaint.queryCode')} rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('complaint.queryCode') }) }]}>
            <Input autoComplete="off" />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="status-error" /> : null}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="status-submit">
            {t('complaint.statusLook')}
          </Button>{' '}
          <Link to={paths.complaint}>{t('complaint.fileNew')}</Link>
        </Form>
      </Card>
      {result ? (
        <Card style={{ marginTop: 16 }} data-testid="status-result">
          <Descriptions column={1} size="small" layout={screens.sm ? 'horizontal' : 'vertical'} bordered>
            <Descriptions.Item label={t('item.number')}>{result.number}</Descriptions.Item>
            <Descriptions.Item label={t('item.type')}>{pick(result.typeName, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('item.status')}>
              <StatusTag status={result.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('item.deadline')}>
              <DeadlineTag dueAt={result.dueAt} overdue={result.overdue} done={DONE.includes(result.status)} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: '1.1em', marginTop: 16 }}>{t('complaint.statusSteps')}</Typography.Title>
          <Timeline items={result.steps.map((s) => ({ content: `${formatDateTime(s.at, lang)} · ${t(`action.${s.action}`, { defaultValue: s.action })}` }))} />
        </Card>
      ) : null}
    </div>
  );
}
