import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormSchema } from '../types/api';
import { isApiError, newIdempotencyKey } from '../lib/api-client';
import { FieldControl, cleanValues, fieldHelp, fieldLabel, fieldRules, widgetOf } from './field-controls';
import { ListField } from './list-field';

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

export { fieldHelp, fieldLabel } from './field-controls';

type NamePath = (string | number)[];

/**
 * Turns server field errors into antd field errors by their path: `data.title` → `['title']`, a list cell
 * `data.vehicles.3.vin` → `['vehicles', 3, 'vin']`, the list itself (`data.vehicles`: too few rows) → `['vehicles']`.
 * A path the form has no field for (an unknown key, a whole row) goes to the list or to the banner.
 */
export function fieldErrorsOf(e: unknown, schema: FormSchema, rowLabel: (n: number) => string = (n) => `#${n}`) {
  const onFields: { name: NamePath; errors: string[] }[] = [];
  const other: string[] = [];
  if (!isApiError(e)) return { onFields, other };
  const push = (name: NamePath, message: string) => {
    const key = name.join('.');
    const existing = onFields.find((x) => x.name.join('.') === key);
    if (existing) existing.errors.push(message);
    else onFields.push({ name, errors: [message] });
  };
  for (const fe of e.fieldErrors) {
    const [top, ...rest] = fe.path.replace(/^\/?data[./]/, '').split(/[./[\]]+/).filter(Boolean);
    const f = top ? schema.properties[top] : undefined;
    if (!f) {
      other.push(fe.message);
      continue;
    }
    if (widgetOf(f) === 'list' && f.items && rest.length) {
      const row = Number(rest[0]);
      const cell = rest[1];
      if (Number.isInteger(row) && row >= 0 && cell && cell in f.items.properties && rest.length === 2) push([top, row, cell], fe.message);
      else push([top], Number.isInteger(row) ? `${rowLabel(row + 1)}：${fe.message}` : fe.message);
      continue;
    }
    push([top], fe.message);
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
  const required = new Set(schema.required ?? []);

  const finish = async (values: Record<string, unknown>) => {
    setBanner(null);
    const data = cleanValues(schema, values);
    attemptKey.current ??= newIdempotencyKey();
    setSubmitting(true);
    try {
      await onSubmit(data, attemptKey.current);
      attemptKey.current = null;
    } catch (e) {
      attemptKey.current = null; // a new attempt after fixing the errors
      const { onFields, other } = fieldErrorsOf(e, schema, (n) => t('form.listRow', { n }));
      if (onFields.length) {
        form.setFields(onFields);
        form.scrollToField(onFields[0].name, { block: 'center' });
      }
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={finish} initialValues={initialValues} disabled={disabled || submitting} scrollToFirstError name={idPrefix} requiredMark>
      {Object.entries(schema.properties).map(([name, f]) => {
        const w = widgetOf(f);
        if (w === 'list' && f.items) return <ListField key={name} name={name} field={f} required={required.has(name)} idPrefix={idPrefix} />;
        return (
          <Form.Item
            key={name}
            name={name}
            label={fieldLabel(f, lang)}
            extra={fieldHelp(f, lang)}
            rules={fieldRules(f, required.has(name), { t, lang, checkKey: `${idPrefix}.${name}` })}
            valuePropName={w === 'boolean' ? 'checked' : 'value'}
            required={required.has(name) && w !== 'attachments'}
            hasFeedback={!!f['x-check']}
            data-field={name}
          >
            <FieldControl f={f} lang={lang} t={t} />
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
