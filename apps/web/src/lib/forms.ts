import type { FormInstance } from 'antd';

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
