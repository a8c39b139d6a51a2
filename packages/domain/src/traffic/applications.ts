import type { FieldError } from '../errors.ts';
import { DAY_MS, parseClock, shanghaiDate } from './local-time.ts';
import type { RoadClass } from './grants.ts';
import type { TimeWindow } from './rules.ts';

/** 货车通行码 kinds and their longest validity in days (SPEC §5 defaults: 7 days, 3 months, 12 months). */
export const PASS_CODE_MAX_DAYS = { temporary: 7, 'short-term': 92, 'long-term': 366 } as const;
export type PassCodeKind = keyof typeof PASS_CODE_MAX_DAYS;
export const passCodeKinds = Object.keys(PASS_CODE_MAX_DAYS) as PassCodeKind[];

/** Local (Asia/Shanghai) calendar dates, both inclusive, as the instants [start, end). */
export function localDateRange(from: string, to: string): { validFrom: Date; validTo: Date } {
  return { validFrom: new Date(`${from}T00:00:00+08:00`), validTo: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS) };
}

/**
 * The validity of an application (dates already well-formed by the form): the end not before the start, the start not
 * before today, and no longer than the kind allows. Errors name `data.validFrom` / `data.validTo`.
 */
export function checkValidity(
  data: { validFrom: string; validTo: string },
  now: Date,
  maxDays: number,
): { ok: true; validFrom: Date; validTo: Date } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (data.validFrom < shanghaiDate(now)) errors.push({ path: 'data.validFrom', code: 'pass_code_starts_in_past' });
  const range = localDateRange(data.validFrom, data.validTo);
  const days = Math.round((range.validTo.getTime() - range.validFrom.getTime()) / DAY_MS);
  if (days < 1) errors.push({ path: 'data.validTo', code: 'pass_code_validity_invalid' });
  else if (days > maxDays) errors.push({ path: 'data.validTo', code: 'pass_code_validity_too_long', params: { max: maxDays } });
  return errors.length ? { ok: false, errors } : { ok: true, ...range };
}

/** The road classes a pass code covers, from the form's choice. */
export function passCodeRoadClasses(choice: unknown): RoadClass[] {
  return choice === 'all' ? ['ordinary', 'expressway'] : ['ordinary'];
}

/** Road ids typed as a list: commas (also full-width), semicolons or spaces between them; empty parts dropped. */
export function parseIdList(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return [...new Set(text.split(/[\s,，;；、]+/).map((x) => x.trim()).filter(Boolean))];
}

/** "05:00-07:00, 20:00-23:00" → windows; null when any part is malformed or empty. */
export function parseTimeWindows(text: unknown): TimeWindow[] | null {
  if (typeof text !== 'string') return null;
  const parts = text.split(/[,，;；、]+/).map((x) => x.trim()).filter(Boolean);
  if (!parts.length) return null;
  const windows: TimeWindow[] = [];
  for (const p of parts) {
    const m = /^(\d{2}:\d{2})\s*[-–~～至]\s*(\d{2}:\d{2})$/.exec(p);
    if (!m || parseClock(m[1]) === null || parseClock(m[2]) === null || m[1] === m[2]) return null;
    windows.push({ start: m[1], end: m[2] });
  }
  return windows;
}
