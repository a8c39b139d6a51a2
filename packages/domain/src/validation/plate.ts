// 机动车号牌, GA 36-2018 (ordinary, trailer/coach/police suffixes, new-energy).
import type { CheckResult } from '../errors.ts';
import { fail, ok, precheck, type Issue } from './shared.ts';

export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
export type PlateSuffix = '挂' | '学' | '警';
const SUFFIXES = '挂学警';
/** Dots and dashes people copy from the plate's printed layout ("鲁C·12345"). */
const SEPARATORS = '·•・.-_';
const SERIAL_CHAR = /^[A-HJ-NP-Z0-9]$/; // I and O never appear: they read as 1 and 0
const SMALL_NEV = /^[DABCEFGHJK][A-HJ-NP-Z0-9]\d{4}$/;
const LARGE_NEV = /^\d{5}[DF]$/;

export type ParsedPlate =
  | { ok: true; plate: string; province: string; city: string; newEnergy: boolean; nevSize?: 'small' | 'large'; suffix?: PlateSuffix }
  | { ok: false; errors: Issue[] };

export function parsePlate(value: unknown): ParsedPlate {
  const pre = precheck('plate', value);
  if ('errors' in pre) return { ok: false, errors: pre.errors };
  const { chars, raw } = pre;
  const errors: Issue[] = [];

  const seps = chars.flatMap((char, i) => (SEPARATORS.includes(char) ? [{ code: 'plate_separator', params: { position: i + 1, char } }] : []));
  if (seps.length > 0) return { ok: false, errors: seps };

  // Province and issuing-authority letter first: with those wrong, the length says little.
  const [province, city] = chars;
  if (!PLATE_PROVINCES.includes(province)) errors.push({ code: 'plate_province', params: { position: 1, char: raw[0] } });
  if (city === undefined) errors.push({ code: 'plate_length', params: { actual: chars.length } });
  else if (city === 'I' || city === 'O') errors.push({ code: 'plate_forbidden_letter', params: { position: 2, char: raw[1] } });
  else if (!/^[A-Z]$/.test(city)) errors.push({ code: 'plate_city', params: { position: 2, char: raw[1] } });
  if (errors.length > 0) return { ok: false, errors };

  if (chars.length !== 7 && chars.length !== 8) return { ok: false, errors: [{ code: 'plate_length', params: { actual: chars.length } }] };

  chars.slice(2).forEach((char, i) => {
    const position = i + 3;
    const typed = raw[i + 2];
    if (SERIAL_CHAR.test(char)) return;
    if (char === 'I' || char === 'O') errors.push({ code: 'plate_forbidden_letter', params: { position, char: typed } });
    else if (SUFFIXES.includes(char)) {
      // A suffix replaces the last character of an ordinary (7-character) plate only.
      if (position !== 7 || chars.length !== 7) errors.push({ code: 'plate_suffix_position', params: { position, char } });
    } else errors.push({ code: 'plate_invalid_char', params: { position, char: typed } });
  });
  if (errors.length > 0) return { ok: false, errors };

  const plate = chars.join('');
  const base = { ok: true as const, plate, province, city };
  if (chars.length === 7) {
    const last = chars[6];
    return SUFFIXES.includes(last) ? { ...base, newEnergy: false, suffix: last as PlateSuffix } : { ...base, newEnergy: false };
  }
  const serial = plate.slice(2);
  if (SMALL_NEV.test(serial)) return { ...base, newEnergy: true, nevSize: 'small' };
  if (LARGE_NEV.test(serial)) return { ...base, newEnergy: true, nevSize: 'large' };
  return { ok: false, errors: [{ code: 'plate_nev_serial', params: { serial } }] };
}

export function checkPlate(value: unknown): CheckResult {
  const p = parsePlate(value);
  return p.ok ? ok(p.plate) : fail(p.errors);
}
