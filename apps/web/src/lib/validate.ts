import { api, apiLanguage } from './api-client';
import type { CheckKind } from '../types/api';

export interface ValidationResult {
  valid: boolean;
  normalized?: string;
  errors: { code: string; message: string }[];
}

export function validateValue(kind: CheckKind, value: string) {
  return api<ValidationResult>('/validate', { method: 'POST', body: { kind, value } });
}

const latest = new Map<string, number>();
/**
 * Answers already given, by language (a value's validity never changes, its message's language may):
 * re-validating a whole form on submit, e.g. a list of 500 VINs, asks the server only about new values.
 */
const answers = new Map<string, ValidationResult>();
const ANSWERS_MAX = 2000;

function remember(key: string, r: ValidationResult) {
  if (answers.size >= ANSWERS_MAX) answers.delete(answers.keys().next().value!);
  answers.set(key, r);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An antd Form rule validator that checks a value with /api/v1/validate as the user types, debounced:
 * only the last keystroke within `delay` ms reaches the server; antd ignores superseded validations.
 */
export function checkedValidator(kind: CheckKind, fieldKey: string, delay = 350) {
  return async (_rule: unknown, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    const cacheKey = `${apiLanguage()}:${kind}:${String(value)}`;
    const ticket = (latest.get(fieldKey) ?? 0) + 1;
    latest.set(fieldKey, ticket);
    const known = answers.get(cacheKey);
    if (known) {
      if (!known.valid) throw new Error(known.errors.map((e) => e.message).join('；') || 'invalid');
      return;
    }
    await sleep(delay);
    if (latest.get(fieldKey) !== ticket) return;
    let r: ValidationResult;
    try {
      r = await validateValue(kind, String(value));
      remember(cacheKey, r);
    } catch {
      return; // the server re-validates on submit
    }
    if (!r.valid) throw new Error(r.errors.map((e) => e.message).join('；') || 'invalid');
  };
}
