// 公民身份号码, GB 11643-1999.
import type { CheckResult } from '../errors.ts';
import { fail, maskMiddle, ok, precheck, type Issue } from './shared.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432'; // ISO 7064 MOD 11-2: index = weighted sum mod 11
/** Province-level codes of GB/T 2260 (81–83: 港澳台居民居住证). Catches typos in digits 1–2. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** True for a real calendar date given as YYYYMMDD. */
function isCalendarDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

/** What a check may need to know about the moment: today's date in Asia/Shanghai, YYYY-MM-DD (the caller's clock). */
export interface CheckContext {
  today?: string;
}

/**
 * Checks a resident ID number. With `today` (Asia/Shanghai, YYYY-MM-DD) a birth date after it is refused; without
 * it (no clock in the domain) only the calendar and the 1900 floor are checked.
 */
export function checkIdCard(value: unknown, context: CheckContext = {}): CheckResult {
  const pre = precheck('idcard', value);
  if ('errors' in pre) return fail(pre.errors);
  const { chars, raw } = pre;
  const id = chars.join('');
  if (/^\d{15}$/.test(id)) return fail([{ code: 'idcard_legacy_15' }]);
  if (chars.length !== 18) return fail([{ code: 'idcard_length', params: { expected: 18, actual: chars.length } }]);

  const errors: Issue[] = [];
  chars.forEach((char, i) => {
    const allowed = i === 17 ? /^[0-9X]$/ : /^[0-9]$/;
    if (!allowed.test(char)) errors.push({ code: 'idcard_invalid_char', params: { position: i + 1, char: raw[i] } });
  });
  if (errors.length > 0) return fail(errors);

  const region = id.slice(0, 6);
  if (!PROVINCES.has(region.slice(0, 2))) errors.push({ code: 'idcard_region', params: { region } });
  const birth = id.slice(6, 14);
  if (!isCalendarDate(birth)) errors.push({ code: 'idcard_birthdate', params: { birth } });
  else if (Number(birth.slice(0, 4)) < 1900) errors.push({ code: 'idcard_birth_year', params: { year: birth.slice(0, 4) } });
  else if (context.today !== undefined && birth > context.today.replace(/-/g, '')) {
    errors.push({ code: 'idcard_birth_future', params: { birth: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}` } });
  }
  if (errors.length > 0) return fail(errors);

  const expected = checkChar(id);
  if (id[17] !== expected) return fail([{ code: 'idcard_check_digit', params: { position: 18, expected, actual: raw[17] } }]);
  return ok(id);
}

/**
 * A valid ID number for factories. `birth` is YYYYMMDD or YYYY-MM-DD; `seq` 0–999 (odd = male).
 * Throws on arguments that cannot make a valid number (a programming error, not user input).
 */
export function makeIdCard(region: string, birth: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError(`seq must be an integer 0–999: ${seq}`);
  const first17 = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const id = /^\d{17}$/.test(first17) ? first17 + checkChar(first17) : first17;
  const result = checkIdCard(id);
  if (!result.valid) throw new RangeError(`makeIdCard(${region}, ${birth}, ${seq}): ${result.errors.map((e) => e.code).join(', ')}`);
  return id;
}

/** Birth date of a valid ID number as YYYY-MM-DD, or null if the number is not valid. */
export function birthDateOf(id: unknown): string | null {
  const r = checkIdCard(id);
  if (!r.valid || r.normalized === undefined) return null;
  const b = r.normalized.slice(6, 14);
  return `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6, 8)}`;
}

/** PIPL masking for lists: first 6 + 8 stars + last 4 (`370303********123X`). */
export function maskIdCard(id: string): string {
  return maskMiddle(String(id ?? ''), 6, 4);
}
