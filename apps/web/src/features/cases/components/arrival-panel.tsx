import { App, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { showServerErrors } from '../../../lib/forms';
import type { Item } from '../../../types/api';
import { useRecordArrival } from '../api/incidents';

/**
 * 接警、派警、到达: the incident's times; when the arrival was not known at 接警, the owning unit records it here once
 * (the server checks it against the declaration's rules and refuses other units).
 */
export function ArrivalPanel({ item, mayRecord }: { item: Item; mayRecord: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ arrivedAt: string }>();
  const record = useRecordArrival(item.id);
  const data = item.data as Record<string, unknown>;
  const text = (k: string) => (typeof data[k] === 'string' && data[k] ? String(data[k]) : '—');
  const save = async ({ arrivedAt }: { arrivedAt: string }) => {
    try {
      await record.mutateAsync(arrivedAt.trim());
      message.success(t('cases.arrivalSaved'));
    } catch (e) {
      const rest = isApiError(e) ? showServerErrors(form, ['arrivedAt'], e) : e instanceof Error ? e.message : t('common.error');
      if (rest) message.error(rest);
    }
  };
  return (
    <Card
      style={{ marginTop: 16 }}
      title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('cases.responseTitle')}</Typography.Title>}
      data-testid="incident-arrival"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          { key: 'received', label: t('cases.receivedAt'), children: text('receivedAt') },
          { key: 'dispatched', label: t('cases.dispatchedAt'), children: text('dispatchedAt') },
          { key: 'arrived', label: t('cases.arrivedAt'), children: <span data-testid="incident-arrived-at">{text('arrivedAt')}</span> },
        ]}
      />
      {!data.arrivedAt && mayRecord ? (
        <Form form={form} layout="inline" name="arrival" onFinish={save} style={{ marginTop: 12, rowGap: 8 }} requiredMark={false}>
          <Form.Item name="arrivedAt" label={t('cases.arrivedAt')} extra={t('cases.arrivedAtHelp')} rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('cases.arrivedAt') }) }]}>
            <Input placeholder="2026-12-07 09:30" maxLength={40} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="arrival-submit">
              {t('cases.recordArrival')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
    </Card>
  );
}
