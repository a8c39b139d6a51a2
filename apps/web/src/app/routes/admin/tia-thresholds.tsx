import { App, Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { TIA_KEYS, usePublishTiaThresholds, useTiaThresholdVersions, type TiaBound, type TiaKey, type TiaThresholdVersion } from '../../../features/traffic/api/tia-thresholds';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { pick } from '../../../lib/i18n';

/** Tag colours that keep 4.5:1 (antd's green tag is 3.4:1), as the status tags do. */
const IN_FORCE = { color: '#1f6b0a', background: '#eefbe6', borderColor: '#a6d98a' };
const SCHEDULED = { color: '#0a4bb3', background: '#e8f0ff', borderColor: '#a8c5f7' };

interface FormValues {
  thresholds: Partial<Record<TiaKey, number | null>>;
  effectiveFrom?: Dayjs | null;
  note?: string;
}

/** 交通影响评价启动阈值: every published version (the one in force tagged) and publishing version N+1. */
export default function TiaThresholdsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const list = useTiaThresholdVersions();
  const publish = usePublishTiaThresholds();
  const [form] = Form.useForm<FormValues>();
  const bounds = list.data?.bounds;
  const inForce = list.data?.versions.find((v) => v.inForce);
  const label = (k: TiaKey) => (bounds ? pick(bounds[k].label, lang) : k);
  const now = Date.now();
  const inForceVersion = inForce?.version;
  // the form starts from the thresholds in force (and follows them when a published version takes over)
  useEffect(() => {
    if (inForce) form.setFieldsValue({ thresholds: inForce.thresholds });
  }, [inForceVersion, form]);

  const submit = async (v: FormValues) => {
    const body = {
      thresholds: Object.fromEntries(TIA_KEYS.map((k) => [k, v.thresholds[k]])) as Record<TiaKey, number>,
      ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom.format('YYYY-MM-DDTHH:mm:ssZ') } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    try {
      const created = await publish.mutateAsync(body);
      message.success(t('tia.published', { version: created.version }));
      form.setFieldsValue({ effectiveFrom: null, note: '' });
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const known = new Set(['effectiveFrom', 'note', ...TIA_KEYS.map((k) => `thresholds.${k}`)]);
        const on = e.fieldErrors.map((fe) => ({ path: fe.path.replace(/^\//, '').replace(/\//g, '.'), message: fe.message }));
        form.setFields(on.filter((f) => known.has(f.path)).map((f) => ({ name: f.path.split('.') as never, errors: [f.message] })));
        const rest = on.filter((f) => !known.has(f.path));
        if (rest.length) message.error(rest.map((f) => f.message).join('；'));
        return;
      }
      message.error(e instanceof Error ? e.message : t('common.error'));
    }
  };

  const rulesOf = (k: TiaKey, b: TiaBound | undefined) => {
    const name = label(k);
    return [
      { required: true, message: t('form.required', { label: name }) },
      ...(b
        ? [
            {
              validator: (_r: unknown, value: number | null | undefined) =>
                value === null || value === undefined || (value >= b.min && value <= b.max && (!b.integer || Number.isInteger(value)))
                  ? Promise.resolve()
                  : Promise.reject(new Error(`${name}：${t(b.integer ? 'tia.rangeInteger' : 'tia.range', { min: b.min, max: b.max })}`)),
            },
          ]
        : []),
    ];
  };

  const state = (v: TiaThresholdVersion) =>
    v.inForce ? <Tag style={IN_FORCE}>{t('tia.inForce')}</Tag> : new Date(v.effectiveFrom).getTime() > now ? <Tag style={SCHEDULED}>{t('tia.scheduled')}</Tag> : <Tag>{t('tia.superseded')}</Tag>;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="tia-thresholds-page">
      <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0, whiteSpace: 'normal' }}>{t('tia.title')}</Typography.Title>}>
        <Table<TiaThresholdVersion>
          rowKey="version"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.versions ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="tia-versions"
          onRow={(v) => ({ 'data-version': v.version, 'data-in-force': v.inForce }) as never}
          columns={[
            { title: t('tia.version'), dataIndex: 'version', render: (n: number, v) => <Space size={4}>{`v${n}`}{state(v)}</Space> },
            { title: t('tia.effectiveFrom'), dataIndex: 'effectiveFrom', render: (s: string) => formatDateTime(s, lang) },
            ...TIA_KEYS.map((k) => ({ title: label(k), key: k, align: 'right' as const, render: (_x: unknown, v: TiaThresholdVersion) => v.thresholds[k].toLocaleString(lang) })),
            { title: t('tia.note'), dataIndex: 'note', render: (s: string) => <div style={{ minWidth: 160, maxWidth: 280, whiteSpace: 'normal' }}>{s || '—'}</div> },
            { title: t('tia.author'), key: 'author', render: (_x, v) => <span title={`${t('tia.createdAt')} ${formatDateTime(v.createdAt, lang)}`}>{v.author?.name ?? t('common.system')}</span> },
          ]}
        />
      </Card>
      <Card title={<Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0 }}>{t('tia.publish')}</Typography.Title>}>
        <Typography.Paragraph type="secondary">{t('tia.publishHelp')}</Typography.Paragraph>
        <Form<FormValues> form={form} layout="vertical" name="tia" onFinish={(v) => void submit(v)} style={{ maxWidth: 560 }}>
          {TIA_KEYS.map((k) => {
            const b = bounds?.[k];
            return (
              <Form.Item key={k} name={['thresholds', k]} label={label(k)} rules={rulesOf(k, b)} extra={b ? t(b.integer ? 'tia.rangeInteger' : 'tia.range', { min: b.min, max: b.max }) : undefined} data-field={k}>
                <InputNumber style={{ width: '100%' }} step={1} />
              </Form.Item>
            );
          })}
          <Form.Item name="effectiveFrom" label={t('tia.effectiveFrom')} extra={t('tia.effectiveNow')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
          </Form.Item>
          <Form.Item name="note" label={t('tia.note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="tia-publish">
            {t('tia.publish')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
