import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { FormField, FormSchema } from '../types/api';
import { isApiError, newIdempotencyKey } from '../lib/api-client';
import { checkedValidator } from '../lib/validate';
import { AttachmentsInput } from './attachments-input';

export interface ItemFormProps {
  /** The item type's form as JSON Schema (from GET /item-types). */
  schema: FormSchema;
  /** Called with the form data and the idempotency key of this submit attempt; reject with an ApiError to show errors. */
  onSubmit: (data: Record<string, unknown>, idempotencyKey: string) => Promise<unknown>;
  submitText?: ReactNode;
  initialValues?: Record<string, unknown>;
  /** A prefix for ids, so two forms on one page never share one. */
  idPrefix?: string;
  extra?: ReactNode;
  disabled?: boolean;
}

export function fieldLabel(f: FormField, lang: string) {
  return lang === 'en' ? f['x-label-en'] || f.title : f.title;
}
export function fieldHelp(f: FormField, lang: string) {
  return lang === 'en' ? f['x-help-en'] || f.description : f.description;
}

function widgetOf(f: FormField): string {
  if (f['x-widget']) return f['x-widget'];
  if (f.enum) return 'select';
  if (f.type === 'boolean') return 'boolean';
  if (f.type === 'number' || f.type === 'integer') return 'number';
  if (f.type === 'array') return 'attachments';
  return 'text';
}

/** Turns server field errors (`data.<field>`) into antd field errors; the rest are returned for a banner. */
export function fieldErrorsOf(e: unknown, fieldNames: string[]) {
  const onFields: { name: string; errors: string[] }[] = [];
  const other: string[] = [];
  if (!isApiError(e)) return { onFields, other };
  for (const fe of e.fieldErrors) {
    const name = fe.path.replace(/^\/?data[./]/, '').split(/[./[]/)[0];
    if (fieldNames.includes(name)) {
      const existing = onFields.find((x) => x.name === name);
      if (existing) existing.errors.push(fe.message);
      else onFields.push({ name, errors: [fe.message] });
    } else other.push(fe.message);
  }
  return { onFields, other };
}

/**
 * Renders ANY item type's form from its JSON Schema declaration: labels by UI language, required, length,
 * enum options, `x-check` fields validated as the user types (debounced /validate), and the server's
 * 422 field errors mapped back onto the fields. One component for every type: never a form per type.
 */
export function ItemForm({ schema, onSubmit, submitText, initialValues, idPrefix = 'item', extra, disabled }: ItemFormProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const attemptKey = useRef<string | null>(null);
  const names = useMemo(() => Object.keys(schema.properties), [schema]);
  const required = new Set(schema.required ?? []);

  const rulesFor = (name: string, f: FormField): Rule[] => {
    const label = fieldLabel(f, lang);
    const rules: Rule[] = [];
    const w = widgetOf(f);
    if (required.has(name)) {
      rules.push(
        w === 'boolean'
          ? { validator: async (_r, v) => { if (v !== true) throw new Error(t('form.mustConfirm', { label })); } }
          : { required: true, message: t('form.required', { label }) },
      );
    }
    if (f.type === 'string' && w !== 'date' && w !== 'select') {
      rules.push({ whitespace: required.has(name), message: t('form.required', { label }) });
      if (f.maxLength) rules.push({ max: f.maxLength, message: t('form.maxLength', { label, n: f.maxLength }) });
      if (f.minLength) rules.push({ min: f.minLength, message: t('form.minLength', { label, n: f.minLength }) });
    }
    if (f['x-check']) {
      rules.push({ validator: checkedValidator(f['x-check'], `${idPrefix}.${name}`) });
    } else if (f.pattern) {
      rules.push({ pattern: new RegExp(f.pattern), message: t('form.pattern', { label }) });
    }
    if (w === 'number') {
      if (f.minimum !== undefined) rules.push({ type: 'number', min: f.minimum, message: t('form.minimum', { label, n: f.minimum }) });
      if (f.maximum !== undefined) rules.push({ type: 'number', max: f.maximum, message: t('form.maximum', { label, n: f.maximum }) });
    }
    return rules;
  };

  const control = (name: string, f: FormField) => {
    const w = widgetOf(f);
    const label = fieldLabel(f, lang);
    switch (w) {
      case 'textarea':
        return <Input.TextArea rows={5} maxLength={f.maxLength} showCount={!!f.maxLength} />;
      case 'select':
        return (
          <Select
            placeholder={t('form.selectPlaceholder', { label })}
            options={(f.enum ?? []).map((v) => {
              const l = f['x-enum-labels']?.[String(v)];
              return { value: v, label: l ? (lang === 'en' ? l.en || l.zh : l.zh) : String(v) };
            })}
          />
        );
      case 'date':
        return <DatePicker style={{ width: '100%' }} placeholder={t('form.datePlaceholder')} />;
      case 'number':
        return <InputNumber style={{ width: '100%' }} min={f.minimum} max={f.maximum} />;
      case 'boolean':
        return <Switch />;
      case 'attachments':
        return <AttachmentsInput maxItems={f.maxItems ?? 10} label={label} />;
      case 'checked':
        return <Input maxLength={f.maxLength ?? 64} autoComplete={f['x-check'] === 'mobile' ? 'tel' : 'off'} inputMode={f['x-check'] === 'mobile' ? 'tel' : undefined} />;
      default:
        return <Input maxLength={f.maxLength} />;
    }
  };

  const finish = async (values: Record<string, unknown>) => {
    setBanner(null);
    const data: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(schema.properties)) {
      const w = widgetOf(f);
      let v = values[name];
      if (w === 'attachments') {
        if (Array.isArray(v) && v.length) data[name] = v;
        continue;
      }
      if (w === 'date' && v) v = (v as Dayjs).format('YYYY-MM-DD');
      if (typeof v === 'string') v = v.trim();
      if (v === undefined || v === null || v === '') continue;
      data[name] = v;
    }
    attemptKey.current ??= newIdempotencyKey();
    setSubmitting(true);
    try {
      await onSubmit(data, attemptKey.current);
      attemptKey.current = null;
    } catch (e) {
      attemptKey.current = null; // a new attempt after fixing the errors
      const { onFields, other } = fieldErrorsOf(e, names);
      if (onFields.length) form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={finish} initialValues={initialValues} disabled={disabled || submitting} scrollToFirstError name={idPrefix} requiredMark>
      {Object.entries(schema.properties).map(([name, f]) => {
        const w = widgetOf(f);
        return (
          <Form.Item
            key={name}
            name={name}
            label={fieldLabel(f, lang)}
            extra={fieldHelp(f, lang)}
            rules={rulesFor(name, f)}
            valuePropName={w === 'boolean' ? 'checked' : 'value'}
            required={required.has(name) && w !== 'attachments'}
            hasFeedback={!!f['x-check']}
            data-field={name}
          >
            {control(name, f)}
          </Form.Item>
        );
      })}
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} role="alert" /> : null}
      {extra}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} size="large" block data-testid="item-form-submit">
          {submitText ?? t('form.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
