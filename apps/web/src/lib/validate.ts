import { api } from './api-client';
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An antd Form rule validator that checks a value with /api/v1/validate as the user types, debounced:
 * only the last keystroke within `delay` ms reaches the server; antd ignores superseded validations.
 */
export function checkedValidator(kind: CheckKind, fieldKey: string, delay = 350) {
  return async (_rule: unknown, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    const ticket = (latest.get(fieldKey) ?? 0) + 1;
    latest.set(fieldKey, ticket);
    await sleep(delay);
    if (latest.get(fieldKey) !== ticket) return;
    let r: ValidationResult;
    try {
      r = await validateValue(kind, String(value));
    } catch {
      return; // the server re-validates on submit
    }
    if (!r.valid) throw new Error(r.errors.map((e) => e.message).join('；') || 'invalid');
  };
}
