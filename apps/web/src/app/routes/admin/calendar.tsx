import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Tabs, Typography, Select, DatePicker } from 'antd';
import { PlusOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { useCalendarStatus, useLoadCalendarYear, type CalendarYearInput } from '../../../features/admin/api/admin';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';

const EXAMPLE = `{
  "year": 2027,
  "notice": "国办发明电〔2026〕X号",
  "title": "国务院办公厅关于2027年部分节假日安排的通知",
  "days": [
    { "date": "2027-01-01", "kind": "holiday", "name": "元旦" },
    { "date": "2027-02-06", "kind": "makeup-workday", "name": "春节调休" }
  ]
}`;

/** Loaded statutory calendar years, and loading next year's schedule from pasted JSON or a small editor. */
export default function CalendarAdminPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const status = useCalendarStatus();
  const load = useLoadCalendarYear();
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const send = async (input: CalendarYearInput) => {
    try {
      await load.mutateAsync(input);
      message.success(t('admin.calendarLoaded', { year: input.year }));
      return true;
    } catch (e) {
      const detail = isApiError(e) && e.fieldErrors.length ? e.fieldErrors.map((f) => `${f.path}: ${f.message}`).join('；') : (e as Error).message;
      setJsonError(detail);
      return false;
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('admin.calendar')}</Typography.Title>}>
        {status.data ? (
          <Alert
            style={{ marginBottom: 12 }}
            type={status.data.nextYearLoaded ? 'success' : 'warning'}
            showIcon
            title={status.data.nextYearLoaded ? t('admin.nextYearLoaded', { year: status.data.nextYear }) : t('admin.nextYearMissing', { year: status.data.nextYear })}
          />
        ) : null}
        <Table
          rowKey="year"
          size="small"
          loading={status.isLoading}
          pagination={false}
          dataSource={status.data?.years ?? []}
          columns={[
            { title: t('admin.year'), dataIndex: 'year' },
            { title: t('admin.notice'), dataIndex: 'notice' },
            { title: t('admin.noticeTitle'), dataIndex: 'title' },
            { title: t('admin.loadedAt'), dataIndex: 'loadedAt', render: (v: string) => formatDateTime(v, i18n.language) },
          ]}
        />
      </Card>
      <Card title={t('admin.loadYear')}>
        <Tabs
          items={[
            {
              key: 'json',
              label: t('admin.pasteJson'),
              children: (
                <>
                  <Typography.Paragraph type="secondary">{t('admin.pasteJsonHelp')}</Typography.Paragraph>
                  <Input.TextArea aria-label={t('admin.pasteJson')} rows={12} value={json} onChange={(e) => setJson(e.target.value)} placeholder={EXAMPLE} style={{ fontFamily: 'monospace' }} />
                  {jsonError ? <Alert type="error" showIcon title={jsonError} style={{ marginTop: 12 }} /> : null}
                  <Button
                    type="primary"
                    style={{ marginTop: 12 }}
                    loading={load.isPending}
                    onClick={async () => {
                      setJsonError(null);
                      let input: CalendarYearInput;
                      try {
                        input = JSON.parse(json) as CalendarYearInput;
                      } catch (e) {
                        setJsonError(`${t('admin.badJson')}: ${(e as Error).message}`);
                        return;
                      }
                      if (await send(input)) setJson('');
                    }}
                  >
                    {t('admin.load')}
                  </Button>
                </>
              ),
            },
            {
              key: 'editor',
              label: t('admin.editor'),
              children: (
                <Form
                  form={form}
                  layout="vertical"
                  name="calendar-year"
                  initialValues={{ year: status.data?.nextYear, days: [{}] }}
                  onFinish={async (v: { year: number; notice: string; title: string; days: { date: Dayjs; kind: 'holiday' | 'makeup-workday'; name: string }[] }) => {
                    setJsonError(null);
                    const ok = await send({ year: v.year, notice: v.notice, title: v.title, days: v.days.map((d) => ({ date: d.date.format('YYYY-MM-DD'), kind: d.kind, name: d.name })) });
                    if (ok) form.resetFields();
                  }}
                >
                  <Space wrap>
                    <Form.Item name="year" label={t('admin.year')} rules={[{ required: true }]}><InputNumber min={2023} max={2100} /></Form.Item>
                    <Form.Item name="notice" label={t('admin.notice')} rules={[{ required: true }]}><Input style={{ minWidth: 220 }} /></Form.Item>
                  </Space>
                  <Form.Item name="title" label={t('admin.noticeTitle')} rules={[{ required: true }]}><Input /></Form.Item>
                  <Form.List name="days">
                    {(fields, { add, remove }) => (
                      <>
                        {fields.map((f) => (
                          <Space key={f.key} wrap align="baseline">
                            <Form.Item name={[f.name, 'date']} label={t('admin.date')} rules={[{ required: true }]}><DatePicker /></Form.Item>
                            <Form.Item name={[f.name, 'kind']} label={t('admin.kind')} rules={[{ required: true }]}>
                              <Select style={{ width: 150 }} options={[{ value: 'holiday', label: t('calendarKind.holiday') }, { value: 'makeup-workday', label: t('calendarKind.makeup-workday') }]} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'name']} label={t('admin.holidayName')} rules={[{ required: true }]}><Input /></Form.Item>
                            <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                          </Space>
                        ))}
                        <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} style={{ marginBottom: 12 }}>{t('admin.addDay')}</Button>
                      </>
                    )}
                  </Form.List>
                  {jsonError ? <Alert type="error" showIcon title={jsonError} style={{ marginBottom: 12 }} /> : null}
                  <Button type="primary" htmlType="submit" loading={load.isPending}>{t('admin.load')}</Button>
                </Form>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
