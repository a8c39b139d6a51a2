import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { todayShanghai } from '../../../lib/format';
import { useEnterpriseSearch, usePlanInspection, type Inspection } from '../api/cyber';

interface Values {
  enterpriseId: string;
  projectName?: string;
  plannedDate: Dayjs;
  scope: string;
  inspectors: string[];
}
const FIELDS = ['enterpriseId', 'projectName', 'plannedDate', 'scope', 'inspectors'] as const;

/** 检查计划: the enterprise (searched by name or USCC), an optional major project, the date, scope and inspectors. */
export function PlanForm({ onDone }: { onDone: (i: Inspection) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const plan = usePlanInspection();
  const [q, setQ] = useState('');
  const found = useEnterpriseSearch(q);
  const [error, setError] = useState<string | null>(null);
  const req = { required: true, message: t('cyber.required') };
  const finish = async (v: Values) => {
    setError(null);
    try {
      onDone(await plan.mutateAsync({ enterpriseId: v.enterpriseId, projectName: v.projectName?.trim() || undefined, plannedDate: v.plannedDate.format('YYYY-MM-DD'), scope: v.scope, inspectors: v.inspectors }));
      form.resetFields();
    } catch (e) {
      if (!isApiError(e)) throw e;
      // `inspectors.0` belongs on the inspectors field
      const on = e.fieldErrors.map((f) => ({ ...f, path: f.path.split('.')[0] })).filter((f) => (FIELDS as readonly string[]).includes(f.path));
      form.setFields(on.map((f) => ({ name: f.path as keyof Values, errors: [f.message] })));
      setError(on.length ? null : (e.fieldErrors[0]?.message ?? e.message));
    }
  };
  return (
    <Form form={form} name="cyber-plan" layout="vertical" onFinish={finish} disabled={plan.isPending} requiredMark>
      <Form.Item name="enterpriseId" label={t('cyber.enterprise')} rules={[req]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          loading={found.isFetching}
          placeholder={t('cyber.searchEnterprise')}
          notFoundContent={q.trim().length >= 2 ? undefined : null}
          options={(found.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
      </Form.Item>
      <Form.Item name="projectName" label={t('cyber.projectName')} rules={[{ min: 2, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="plannedDate" label={t('cyber.plannedDate')} rules={[req]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(todayShanghai()), 'day')} />
      </Form.Item>
      <Form.Item name="scope" label={t('cyber.scope')} rules={[req, { min: 4, message: t('cyber.min', { n: 4 }) }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item name="inspectors" label={t('cyber.inspectors')} rules={[req]} extra={t('cyber.inspectorsHelp')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={plan.isPending} data-testid="cyber-plan-save">
        {t('cyber.savePlan')}
      </Button>
    </Form>
  );
}
