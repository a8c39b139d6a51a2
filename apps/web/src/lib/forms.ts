import type { FormInstance } from 'antd';
import type { ApiError } from './api-client';

/**
 * The form's values, or null when a field fails the browser's own rules: antd has already shown those errors on
 * the fields, so the rejection is not an error of the page (left unhandled it was one in the console, issue 16).
 */
export async function checkedValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (e) {
    if (e && typeof e === 'object' && 'errorFields' in e) return null;
    throw e;
  }
}

/**
 * Puts the server's field errors on the form's own fields (those named in `fields`); returns the message to show
 * beside the form when none of them found a field (null when at least one did). `fieldOf` maps a server path to
 * the form's field (`topics.1` → `topics`); by default the path is the field.
 */
export function showServerErrors(form: FormInstance, fields: readonly string[], e: ApiError, fieldOf: (path: string) => string = (p) => p): string | null {
  const on = e.fieldErrors.map((f) => ({ ...f, path: fieldOf(f.path) })).filter((f) => fields.includes(f.path));
  form.setFields(on.map((f) => ({ name: f.path, errors: [f.message] })));
  return on.length ? null : (e.fieldErrors[0]?.message ?? e.message);
}
