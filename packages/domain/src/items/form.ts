import { isIsoDate } from '../calendar/index.ts';
import type { FieldError } from '../errors.ts';
import { validate, type CheckContext, type ValidatorKind } from '../validation/index.ts';

/** Text in both languages of the platform. */
export interface Label {
  zh: string;
  en: string;
}

interface FieldBase {
  name: string;
  label: Label;
  required?: boolean;
  help?: Label;
}

/**
 * One field of an item type's form. The same declaration validates on the server,
 * becomes JSON Schema for the browser form and the OpenAPI document, and lists materials in the guide.
 */
export type FormField =
  | (FieldBase & { kind: 'text' | 'textarea'; maxLength: number; minLength?: number })
  | (FieldBase & { kind: 'select'; options: { value: string; label: Label }[] })
  | (FieldBase & { kind: 'checked'; check: ValidatorKind })
  | (FieldBase & { kind: 'date' })
  | (FieldBase & { kind: 'number'; min: number; max: number; integer?: boolean })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'attachments'; maxFiles: number })
  /** Rows of the same small form (e.g. vehicles with a VIN each); errors name the row: `data.vehicles.3.vin`. */
  | (FieldBase & { kind: 'list'; fields: readonly FormField[]; minItems: number; maxItems: number });

export type Form = readonly FormField[];

export interface FormResult {
  value: Record<string, unknown>;
  errors: FieldError[];
}


/** Checks one field; returns the normalized value or the field's errors. */
function checkField(field: FormField, raw: unknown, path: string, context: CheckContext): { value?: unknown; errors: FieldError[] } {
  const err = (code: string, params?: Record<string, unknown>) => ({ errors: [{ path, code, ...(params ? { params } : {}) }] });
  switch (field.kind) {
    case 'text':
    case 'textarea': {
      if (typeof raw !== 'string') return err('invalid_type');
      const v = raw.trim();
      if (v.length === 0 && field.required) return err('required');
      if (v.length > field.maxLength) return err('too_long', { max: field.maxLength });
      if (field.minLength && v.length < field.minLength) return err('too_short', { min: field.minLength });
      return { value: v, errors: [] };
    }
    case 'select':
      if (typeof raw !== 'string' || !field.options.some((o) => o.value === raw)) return err('not_in_options');
      return { value: raw, errors: [] };
    case 'checked': {
      const r = validate(field.check, raw, context);
      if (!r.valid) return { errors: r.errors.map((e) => ({ path, code: e.code, ...(e.params ? { params: e.params } : {}) })) };
      return { value: r.normalized ?? raw, errors: [] };
    }
    case 'date':
      if (typeof raw !== 'string' || !isIsoDate(raw)) return err('invalid_date');
      return { value: raw, errors: [] };
    case 'number':
      if (typeof raw !== 'number' || !Number.isFinite(raw) || (field.integer && !Number.isInteger(raw))) return err('invalid_type');
      if (raw < field.min) return err('too_small', { min: field.min });
      if (raw > field.max) return err('too_large', { max: field.max });
      return { value: raw, errors: [] };
    case 'boolean':
      if (typeof raw !== 'boolean') return err('invalid_type');
      return { value: raw, errors: [] };
    case 'attachments':
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string' || !/^[0-9a-f-]{36}$/.test(x))) return err('invalid_type');
      if (raw.length > field.maxFiles) return err('too_large', { max: field.maxFiles });
      if (raw.length === 0 && field.required) return err('required');
      return { value: raw, errors: [] };
    case 'list': {
      if (!Array.isArray(raw)) return err('invalid_type');
      if (raw.length < field.minItems) return err('too_small', { min: field.minItems });
      if (raw.length > field.maxItems) return err('too_large', { max: field.maxItems });
      const rows = raw.map((row, i) => validateForm(field.fields, row, `${path}.${i}`, context));
      const errors = rows.flatMap((r) => r.errors);
      return errors.length ? { errors } : { value: rows.map((r) => r.value), errors: [] };
    }
  }
}

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Validates a whole form and reports every bad field at once (never just the first). `context.today`
 * (Asia/Shanghai) is passed to the checked fields, so an ID number born after today is refused.
 */
export function validateForm(form: Form, data: unknown, prefix = 'data', context: CheckContext = {}): FormResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { value: {}, errors: [{ path: prefix, code: 'invalid_type' }] };
  }
  const input = data as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const known = new Set(form.map((f) => f.name));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ path: `${prefix}.${key}`, code: 'unknown_field' });
  }
  for (const field of form) {
    const raw = input[field.name];
    const path = `${prefix}.${field.name}`;
    if (isEmpty(raw)) {
      if (field.required) errors.push({ path, code: 'required' });
      continue;
    }
    const r = checkField(field, raw, path, context);
    if (r.errors.length) errors.push(...r.errors);
    else value[field.name] = r.value;
  }
  return { value, errors };
}

const checkedPatterns: Record<ValidatorKind, string> = {
  uscc: '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$',
  idcard: '^[0-9]{17}[0-9Xx]$',
  mobile: '^1[3-9][0-9]{9}$',
  plate: '^\\S{7,8}$',
  vin: '^[0-9A-HJ-NPR-Za-hj-npr-z]{17}$',
};

/** JSON Schema (2020-12) of a form: titles in Chinese, `x-label-en` and `x-widget` for the browser renderer. */
export function formJsonSchema(form: Form): Record<string, unknown> {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...objectSchema(form) };
}

function objectSchema(form: Form): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const f of form) {
    const base = { title: f.label.zh, 'x-label-en': f.label.en, ...(f.help ? { description: f.help.zh, 'x-help-en': f.help.en } : {}) };
    switch (f.kind) {
      case 'text':
      case 'textarea':
        properties[f.name] = { ...base, type: 'string', maxLength: f.maxLength, ...(f.minLength ? { minLength: f.minLength } : {}), 'x-widget': f.kind };
        break;
      case 'select':
        properties[f.name] = {
          ...base,
          type: 'string',
          enum: f.options.map((o) => o.value),
          'x-enum-labels': Object.fromEntries(f.options.map((o) => [o.value, o.label])),
          'x-widget': 'select',
        };
        break;
      case 'checked':
        properties[f.name] = { ...base, type: 'string', pattern: checkedPatterns[f.check], 'x-widget': 'checked', 'x-check': f.check };
        break;
      case 'date':
        properties[f.name] = { ...base, type: 'string', format: 'date', 'x-widget': 'date' };
        break;
      case 'number':
        properties[f.name] = { ...base, type: f.integer ? 'integer' : 'number', minimum: f.min, maximum: f.max, 'x-widget': 'number' };
        break;
      case 'boolean':
        properties[f.name] = { ...base, type: 'boolean', 'x-widget': 'boolean' };
        break;
      case 'attachments':
        properties[f.name] = { ...base, type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: f.maxFiles, 'x-widget': 'attachments' };
        break;
      case 'list':
        properties[f.name] = { ...base, type: 'array', items: objectSchema(f.fields), minItems: f.minItems, maxItems: f.maxItems, 'x-widget': 'list' };
        break;
    }
  }
  return {
    type: 'object',
    properties,
    required: form.filter((f) => f.required).map((f) => f.name),
    additionalProperties: false,
  };
}
