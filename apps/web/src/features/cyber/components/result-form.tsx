import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CYBER_SEVERITIES } from '@jqt/domain';
import { isApiError } from '../../../lib/api-client';
import { todayShanghai } from '../../../lib/format';
import { pick } from '../../../lib/i18n';
import { useRecordResult } from '../api/cyber';

interface Values {
  inspectedOn: Dayjs;
  summary: string;
  findings?: { severity: string; description: string }[];
}

/** 记录检查结果: the day, the conclusion and the findings; saving issues the 整改通知书 when there are findings. */
export function ResultForm({ inspectionId }: { inspectionId: string }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordResult(inspectionId);
  const [error, setError] = useState<string | null>(null);
  const req = { required: true, message: t('cyber.required') };
  const finish = async (v: Values) => {
    setError(null);
    try {
      await record.mutateAsync({ inspectedOn: v.inspectedOn.format('YYYY-MM-DD'), summary: v.summary, findings: v.findings ?? [] });
    } catch (e) {
      if (!isApiError(e)) throw e;
      // server paths `findings.0.severity` are the form's ['findings', 0, 'severity']
      const named = e.fieldErrors.map((f) => ({ name: f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as ['findings', number, 'severity'], errors: [f.message] }));
      form.setFields(named);
      if (!named.length) setError(e.message);
    }
  };
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0 }}>{t('cyber.recordResult')}</Typography.Title>}>
      <Form form={form} name="cyber-result" layout="vertical" onFinish={finish} disabled={record.isPending} initialValues={{ inspectedOn: dayjs(todayShanghai()), findings: [{ severity: 'high', description: '' }] }}>
        <Form.Item name="inspectedOn" label={t('cyber.inspectedOn')} rules={[req]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(todayShanghai()), 'day')} />
        </Form.Item>
        <Form.Item name="summary" label={t('cyber.summary')} rules={[req, { min: 4, message: t('cyber.min', { n: 4 }) }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              {fields.map((field, n) => (
                <Card key={field.key} size="small" title={t('cyber.findingNo', { n: n + 1 })} extra={<Button type="text" icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label={t('cyber.removeFinding', { n: n + 1 })} />}>
                  <Form.Item name={[field.name, 'severity']} label={t('cyber.severityLabel')} rules={[req]}>
                    <Select options={CYBER_SEVERITIES.map((s) => ({ value: s.value, label: `${t('cyber.severity', { level: pick(s.label, i18n.language) })} · ${t('cyber.workdays', { n: s.workdays })}` }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']} label={t('cyber.description')} rules={[req, { min: 4, message: t('cyber.min', { n: 4 }) }]}>
                    <Input.TextArea rows={2} maxLength={1000} />
                  </Form.Item>
                </Card>
              ))}
              <Button onClick={() => add({ severity: 'medium', description: '' })} icon={<PlusOutlined aria-hidden />} data-testid="cyber-add-finding">
                {t('cyber.addFinding')}
              </Button>
            </Space>
          )}
        </Form.List>
        {error ? <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} /> : null}
        <Button type="primary" htmlType="submit" loading={record.isPending} style={{ marginTop: 16 }} data-testid="cyber-result-save">
          {t('cyber.saveResult')}
        </Button>
      </Form>
    </Card>
  );
}
