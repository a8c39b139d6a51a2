import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { pick } from '../../../lib/i18n';
import { isApiError } from '../../../lib/api-client';
import { useFileReconsideration, type CaseView } from '../api/cases';

export const stageColor = (stage: string) =>
  ({ reported: 'default', registered: 'processing', filed: 'blue', investigating: 'blue', prosecution: 'purple', concluded: 'green', withdrawn: 'default', 'not-filed': 'orange', 'not-accepted': 'orange' })[stage] ?? 'default';

export const yuan = (n: number | null | undefined, lang: string) =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(n);

/** 案件进度: what the enterprise may see of its case — stage, unit and duty phone, the dates, the losses recovered. */
export function CaseProgress({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{c.title ?? c.number}</Typography.Title>}
        extra={<Tag color={stageColor(c.stage)} data-testid="case-stage">{pick(c.stageName, lang)}</Tag>}
        className="jqt-wrap-title"
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'number', label: t('cases.number'), children: c.number },
            { key: 'category', label: t('cases.category'), children: c.category ? pick(c.category.label, lang) : '—' },
            { key: 'unit', label: t('cases.unit'), children: c.unit ? pick(c.unit.name, lang) : '—' },
            {
              key: 'phone',
              label: t('cases.workPhone'),
              children: c.workPhone ? (
                <a href={`tel:${c.workPhone.replace(/[^\d+]/g, '')}`} data-testid="case-phone">
                  <PhoneOutlined aria-hidden /> {c.workPhone}
                </a>
              ) : (
                '—'
              ),
            },
            { key: 'amount', label: t('cases.amountInvolved'), children: yuan(c.amountInvolved, lang) },
            { key: 'reported', label: t('cases.reportedAt'), children: formatDateTime(c.reportedAt, lang) },
            ...(c.decisionDueAt ? [{ key: 'due', label: t('cases.decisionDueAt'), children: formatDateTime(c.decisionDueAt, lang) }] : []),
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('cases.confidential')}
        </Typography.Paragraph>
      </Card>
      {c.stage === 'not-filed' ? <Refusal c={c} /> : null}
      <Card title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('cases.stages')}</Typography.Title>}>
        <Timeline
          data-testid="case-stages"
          items={c.stages.map((s) => ({ key: `${s.stage}-${s.at}`, color: s.stage === c.stage ? 'blue' : 'gray', children: <><strong>{pick(s.name, lang)}</strong> <Typography.Text type="secondary">{formatDateTime(s.at, lang)}</Typography.Text></> }))}
        />
      </Card>
      <Recoveries c={c} />
    </Space>
  );
}

export function Recoveries({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('cases.recoveries')}</Typography.Title>} data-testid="case-recoveries">
      <Space wrap size={24} style={{ marginBottom: 12 }}>
        <Statistic title={t('cases.recoveredTotal')} value={yuan(c.recovered.total, lang)} data-testid="recovered-total" />
        <Statistic title={t('cases.kind.stopped')} value={yuan(c.recovered.stopped, lang)} />
        <Statistic title={t('cases.kind.recovered')} value={yuan(c.recovered.recovered, lang)} />
      </Space>
      {c.recoveries.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={c.recoveries}
          columns={[
            { key: 'on', title: t('cases.date'), dataIndex: 'on' },
            { key: 'kind', title: t('cases.kindTitle'), render: (_, r) => t(`cases.kind.${r.kind}`) },
            { key: 'amount', title: t('cases.amount'), align: 'right', render: (_, r) => yuan(r.amount, lang) },
            ...(c.recoveries.some((r) => r.note !== undefined) ? [{ key: 'note', title: t('cases.internalNote'), render: (_: unknown, r: { note?: string }) => r.note || '—' }] : []),
          ]}
        />
      ) : (
        <Empty description={t('cases.noRecoveries')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

function Refusal({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const file = useFileReconsideration(c.id);
  const r = c.reconsideration;
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('cases.refusal')}</Typography.Title>}>
      <Alert type="warning" showIcon title={t('cases.refusalReason')} description={c.decisionReason} style={{ marginBottom: 12 }} />
      {r?.item ? (
        <Alert type="info" showIcon title={t('cases.reconsiderationFiled', { number: r.item.number })} />
      ) : r?.open ? (
        <>
          <Typography.Paragraph>{t('cases.reconsiderationRight', { until: formatDateTime(r.allowedUntil, i18n.language) })}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            name="reconsideration"
            onFinish={async (v) => {
              try {
                const item = await file.mutateAsync(v);
                message.success(t('cases.reconsiderationFiled', { number: item.number }));
              } catch (e) {
                if (isApiError(e) && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: 'reason' as const, errors: [f.message] })));
                else message.error(e instanceof Error ? e.message : t('common.error'));
              }
            }}
          >
            <Form.Item name="reason" label={t('cases.reconsiderationReason')} rules={[{ required: true, min: 10, message: t('cases.reasonRequired') }]}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={file.isPending}>
              {t('cases.fileReconsideration')}
            </Button>
          </Form>
        </>
      ) : (
        <Typography.Text type="secondary">{t('cases.reconsiderationClosed')}</Typography.Text>
      )}
    </Card>
  );
}
