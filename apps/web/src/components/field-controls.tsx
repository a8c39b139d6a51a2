import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { Dayjs } from 'dayjs';
import type { FieldWidget, FormField, FormSchema } from '../types/api';
import { checkedValidator } from '../lib/validate';
import { AttachmentsInput } from './attachments-input';

/** The field's label in the UI language (the declaration's `title` is Chinese, `x-label-en` English). */
export function fieldLabel(f: FormField, lang: string) {
  return lang === 'en' ? f['x-label-en'] || f.title : f.title;
}
export function fieldHelp(f: FormField, lang: string) {
  return lang === 'en' ? f['x-help-en'] || f.description : f.description;
}

export function widgetOf(f: FormField): FieldWidget {
  if (f['x-widget']) return f['x-widget'];
  if (f.enum) return 'select';
  if (f.type === 'boolean') return 'boolean';
  if (f.type === 'number' || f.type === 'integer') return 'number';
  if (f.type === 'array') return f.items?.type === 'object' ? 'list' : 'attachments';
  return 'text';
}

export interface RuleContext {
  t: TFunction;
  lang: string;
  /** A key unique to this field instance (form, field, row), so debounced checks of two cells never cancel each other. */
  checkKey: string;
}

/**
 * The browser-side rules of one declared field: required, length, number range, and `x-check` fields (USCC, ID,
 * plate, mobile, VIN) checked with the domain's validators through /validate as the user types. The server checks
 * everything again on submit; these only make the error appear where and when the user types.
 */
export function fieldRules(f: FormField, isRequired: boolean, { t, lang, checkKey }: RuleContext): Rule[] {
  const label = fieldLabel(f, lang);
  const rules: Rule[] = [];
  const w = widgetOf(f);
  if (isRequired) {
    rules.push(
      w === 'boolean'
        ? {
            validator: async (_r, v) => {
              if (v !== true) throw new Error(t('form.mustConfirm', { label }));
            },
          }
        : { required: true, message: t('form.required', { label }) },
    );
  }
  if (f.type === 'string' && w !== 'date' && w !== 'select') {
    rules.push({ whitespace: isRequired, message: t('form.required', { label }) });
    if (f.maxLength) rules.push({ max: f.maxLength, message: t('form.maxLength', { label, n: f.maxLength }) });
    if (f.minLength) rules.push({ min: f.minLength, message: t('form.minLength', { label, n: f.minLength }) });
  }
  if (f['x-check']) {
    rules.push({ validator: checkedValidator(f['x-check'], checkKey) });
  } else if (f.pattern) {
    rules.push({ pattern: new RegExp(f.pattern), message: t('form.pattern', { label }) });
  }
  if (w === 'number') {
    if (f.minimum !== undefined) rules.push({ type: 'number', min: f.minimum, message: t('form.minimum', { label, n: f.minimum }) });
    if (f.maximum !== undefined) rules.push({ type: 'number', max: f.maximum, message: t('form.maximum', { label, n: f.maximum }) });
  }
  return rules;
}

export interface FieldControlProps {
  f: FormField;
  lang: string;
  t: TFunction;
  /** Passed through by antd's Form.Item (id, value, onChange, aria-*). */
  [injected: string]: unknown;
}

/** The input for one scalar field (every widget except `list`, which ListField renders). */
export function FieldControl({ f, lang, t, ...injected }: FieldControlProps) {
  const w = widgetOf(f);
  const label = fieldLabel(f, lang);
  switch (w) {
    case 'textarea':
      return <Input.TextArea rows={5} maxLength={f.maxLength} showCount={!!f.maxLength} {...injected} />;
    case 'select':
      return (
        <Select
          placeholder={t('form.selectPlaceholder', { label })}
          options={(f.enum ?? []).map((v) => {
            const l = f['x-enum-labels']?.[String(v)];
            return { value: v, label: l ? (lang === 'en' ? l.en || l.zh : l.zh) : String(v) };
          })}
          {...injected}
        />
      );
    case 'date':
      return <DatePicker style={{ width: '100%' }} placeholder={t('form.datePlaceholder')} {...injected} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} min={f.minimum} max={f.maximum} {...injected} />;
    case 'boolean':
      return <Switch {...injected} />;
    case 'attachments':
      return <AttachmentsInput maxItems={f.maxItems ?? 10} label={label} {...injected} />;
    case 'checked': {
      const mobile = f['x-check'] === 'mobile';
      const upper = f['x-check'] === 'vin' || f['x-check'] === 'plate';
      return (
        <Input
          maxLength={f.maxLength ?? 64}
          autoComplete={mobile ? 'tel' : 'off'}
          inputMode={mobile ? 'tel' : undefined}
          autoCapitalize={upper ? 'characters' : undefined}
          spellCheck={false}
          {...injected}
        />
      );
    }
    default:
      return <Input maxLength={f.maxLength} {...injected} />;
  }
}

/**
 * The form's values as the API wants them: strings trimmed, dates as YYYY-MM-DD, empty fields left out,
 * attachments only when some were uploaded, list rows cleaned the same way (a row keeps its place, so the
 * server's `vehicles.3.vin` still names the row the user sees as the fourth).
 */
export function cleanValues(schema: FormSchema, values: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(schema.properties)) {
    const w = widgetOf(f);
    let v = values[name];
    if (w === 'attachments') {
      if (Array.isArray(v) && v.length) data[name] = v;
      continue;
    }
    if (w === 'list') {
      if (!Array.isArray(v) || !f.items) continue;
      const rows = v.map((row) => cleanValues(f.items!, (row ?? {}) as Record<string, unknown>));
      // a list nobody touched is "not given", so an optional list may stay empty
      if (rows.length && (rows.some((r) => Object.keys(r).length) || (schema.required ?? []).includes(name))) data[name] = rows;
      continue;
    }
    if (w === 'date' && v) v = (v as Dayjs).format('YYYY-MM-DD');
    if (typeof v === 'string') v = v.trim();
    if (v === undefined || v === null || v === '') continue;
    data[name] = v;
  }
  return data;
}
