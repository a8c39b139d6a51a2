// Mainland mobile numbers: exactly 11 digits, 1[3-9]…; no prefix, no separators.
import type { CheckResult } from '../errors.ts';
import { fail, maskMiddle, ok, precheck, type Issue } from './shared.ts';

const SEPARATORS = '-—–.()/_·';
/** "+86…", "0086…" or "86…" followed by a full mobile number. */
const WITH_COUNTRY_CODE = /^(\+|00)?86\d{11}$/;

export function checkMobile(value: unknown): CheckResult {
  const pre = precheck('mobile', value);
  if ('errors' in pre) return fail(pre.errors);
  const text = pre.chars.join('');
  // Kept strict on purpose: one stored form, so lookups and de-duplication stay exact.
  if (WITH_COUNTRY_CODE.test(text)) return fail([{ code: 'mobile_country_code' }]);

  const errors: Issue[] = [];
  pre.chars.forEach((char, i) => {
    if (/\d/.test(char)) return;
    const code = SEPARATORS.includes(char) ? 'mobile_separator' : 'mobile_invalid_char';
    errors.push({ code, params: { position: i + 1, char: pre.raw[i] } });
  });
  if (errors.length > 0) return fail(errors);

  if (text.length !== 11) return fail([{ code: 'mobile_length', params: { expected: 11, actual: text.length } }]);
  if (!/^1[3-9]/.test(text)) return fail([{ code: 'mobile_prefix', params: { prefix: text.slice(0, 2) } }]);
  return ok(text);
}

/** PIPL masking for lists: `138****1234`. */
export function maskMobile(m: string): string {
  return maskMiddle(String(m ?? ''), 3, 4);
}
