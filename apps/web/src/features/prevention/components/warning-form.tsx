import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { INDUSTRIES, RISK_KINDS, RISK_LEVELS, districts } from '@jqt/domain';
import { isApiError } from '../../../lib/api-client';
import { pick } from '../../../lib/i18n';
import { useAudienceTags, useDraftWarning, useEnterpriseSearch, type DraftInput, type WarningDetail } from '../api/warnings';

interface Values {
  title: string;
  body: string;
  riskKind: string;
  level: string;
  districts?: string[];
  tags?: string[];
  enterpriseIds?: string[];
  industries?: string[];
  partnerUnitIds?: string[];
  public?: boolean;
}

/** A server path (`audience.tags.0`) to the form's field. */
const fieldOf = (path: string): keyof Values | null => {
  const [top, sub] = path.split('.');
  if (top === 'audience') return (sub as keyof Values | undefined) ?? 'districts';
  return ['title', 'body', 'riskKind', 'level', 'public'].includes(top) ? (top as keyof Values) : null;
};

/** 起草风险预警: title, body, kind, level, and the audience by district, tag, industry, named enterprises or partner departments. */
export function WarningForm({ onDone, partnerUnits, partnersLoading }: { onDone: (w: WarningDetail) => void; partnerUnits: readonly { id: string; nameZh: string; nameEn: string }[]; partnersLoading: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<Values>();
  const draft = useDraftWarning();
  const tags = useAudienceTags();
  const [q, setQ] = useState('');
  const found = useEnterpriseSearch(q);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string[]>([]);

  const finish = async (v: Values) => {
    setOther([]);
    const body: DraftInput = {
      title: v.title,
      body: v.body,
      riskKind: v.riskKind,
      level: v.level,
      public: !!v.public,
      audience: { districts: v.districts ?? [], tags: v.tags ?? [], enterpriseIds: v.enterpriseIds ?? [], industries: v.industries ?? [], partnerUnitIds: v.partnerUnitIds ?? [] },
    };
    try {
      onDone(await draft.mutateAsync(body));
      form.resetFields();
    } catch (e) {
      if (!isApiError(e)) throw e;
      const byField = new Map<keyof Values, string[]>();
      const rest: string[] = [];
      for (const fe of e.fieldErrors) {
        const f = fieldOf(fe.path);
        if (f) byField.set(f, [...(byField.get(f) ?? []), fe.message]);
        else rest.push(fe.message);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      setOther(rest.length || byField.size ? rest : [e.message]);
    }
  };
  const req = { required: true, message: t('prevention.warning.required') };
  const options = (list: readonly { value: string; label: { zh: string; en: string } }[]) => list.map((o) => ({ value: o.value, label: pick(o.label, lang) }));

  return (
    <Form form={form} name="warning" layout="vertical" onFinish={finish} disabled={draft.isPending} requiredMark>
      <Form.Item name="title" label={t('prevention.warning.titleField')} rules={[req, { min: 4, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="body" label={t('prevention.warning.body')} rules={[req, { min: 10, max: 5000 }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="riskKind" label={t('prevention.warning.riskKind')} rules={[req]}>
        <Select options={options(RISK_KINDS)} placeholder={t('prevention.warning.choose')} />
      </Form.Item>
      <Form.Item name="level" label={t('prevention.warning.level')} rules={[req]}>
        <Select options={options(RISK_LEVELS)} placeholder={t('prevention.warning.choose')} />
      </Form.Item>
      <Form.Item label={t('prevention.warning.audience')} extra={t('prevention.warning.audienceHelp')} style={{ marginBottom: 0 }} required>
        <Form.Item name="districts" label={t('prevention.warning.districts')}>
          <Select mode="multiple" allowClear options={districts.map((d) => ({ value: d.code, label: lang === 'en' ? d.en : d.zh }))} placeholder={t('prevention.warning.choose')} />
        </Form.Item>
        <Form.Item name="tags" label={t('prevention.warning.tags')}>
          <Select mode="multiple" allowClear loading={tags.isLoading} options={(tags.data ?? []).map((x) => ({ value: x.code, label: lang === 'en' ? x.nameEn || x.nameZh : x.nameZh }))} placeholder={t('prevention.warning.choose')} />
        </Form.Item>
        <Form.Item name="industries" label={t('prevention.warning.industries')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={INDUSTRIES.map((x) => ({ value: x.code, label: `${x.code} ${lang === 'en' ? x.en : x.zh}` }))} placeholder={t('prevention.warning.choose')} />
        </Form.Item>
        <Form.Item name="enterpriseIds" label={t('prevention.warning.enterprises')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={found.isFetching}
            placeholder={t('prevention.warning.searchEnterprise')}
            notFoundContent={q.trim().length >= 2 ? undefined : null}
            options={[
              ...Object.entries(picked).map(([value, label]) => ({ value, label })),
              ...(found.data ?? []).filter((e) => !(e.id in picked)).map((e) => ({ value: e.id, label: e.name })),
            ]}
            onChange={(ids: string[]) => {
              const names = Object.fromEntries([...Object.entries(picked), ...(found.data ?? []).map((e) => [e.id, e.name] as const)].filter(([id]) => ids.includes(id)));
              setPicked(names);
            }}
          />
        </Form.Item>
        <Form.Item name="partnerUnitIds" label={t('prevention.warning.partners')} extra={t('prevention.warning.partnersHelp')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={partnersLoading}
            options={partnerUnits.map((u) => ({ value: u.id, label: lang === 'en' ? u.nameEn || u.nameZh : u.nameZh }))}
            placeholder={t('prevention.warning.choose')}
          />
        </Form.Item>
      </Form.Item>
      <Form.Item name="public" label={t('prevention.warning.public')} valuePropName="checked" extra={t('prevention.warning.publicHelp')}>
        <Switch />
      </Form.Item>
      {other.length ? <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={draft.isPending} data-testid="warning-save">
        {t('prevention.warning.save')}
      </Button>
    </Form>
  );
}
