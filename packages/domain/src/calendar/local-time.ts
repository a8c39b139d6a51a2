/**
 * Dates and instants in Asia/Shanghai. The zone has been a fixed UTC+08:00 since 1991 (no DST), so plain
 * arithmetic is exact; the machine's clock and time zone are never consulted.
 *
 * A date is a 'YYYY-MM-DD' string (a Shanghai calendar day); an instant is a `Date`.
 */
import { DomainError } from '../errors.ts';

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil: integer arithmetic only). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of daysFromCivil. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Whether `s` is a real calendar date written 'YYYY-MM-DD' (2026-02-29 and 2026-13-01 are not). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = datePattern.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function invalidDate(value: unknown): never {
  throw new DomainError('invalid_date', { kind: 'invalid', params: { value: String(value) } });
}

function invalidInstant(): never {
  throw new DomainError('instant_invalid', { kind: 'invalid' });
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws `invalid_date` on anything else. */
export function epochDay(date: string): number {
  if (!isIsoDate(date)) invalidDate(date);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** 'YYYY-MM-DD' of a day count since 1970-01-01 (years 0000–9999 only, the range dates are written in). */
export function dateOfEpochDay(days: number): string {
  if (!Number.isInteger(days)) invalidDate(days);
  const [y, m, d] = civilFromDays(days);
  if (y < 0 || y > 9999) invalidDate(days);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Calendar year of a day count since 1970-01-01. */
export function yearOfEpochDay(days: number): number {
  return civilFromDays(days)[0];
}

function instantMs(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(t)) invalidInstant();
  return t;
}

/** The Shanghai calendar day an instant falls on. */
export function shanghaiDate(instant: Date): string {
  return dateOfEpochDay(Math.floor((instantMs(instant) + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** 00:00:00.000 +08:00 of a date. */
export function startOfShanghaiDay(date: string): Date {
  return new Date(epochDay(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.000 +08:00 of a date: the moment a day-based deadline expires (SPEC §4). */
export function endOfShanghaiDay(date: string): Date {
  return new Date((epochDay(date) + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1000);
}

/** '2026-01-05T23:59:59+08:00': an instant as the API shows it (milliseconds dropped). */
export function formatShanghai(instant: Date): string {
  const local = instantMs(instant) + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const secondOfDay = Math.floor((local - day * DAY_MS) / 1000);
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay % 3600) / 60);
  return `${dateOfEpochDay(day)}T${pad(hh)}:${pad(mm)}:${pad(secondOfDay % 60)}+08:00`;
}

/** '2026-01-05 23:59': an instant in Shanghai time to the minute, for messages a person reads (a driver, a holder). */
export function formatShanghaiMinute(instant: Date): string {
  return formatShanghai(instant).slice(0, 16).replace('T', ' ');
}

/** Milliseconds since Shanghai midnight of an instant. */
export function shanghaiTimeOfDayMs(instant: Date): number {
  const ms = (instant.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS;
  return ms < 0 ? ms + DAY_MS : ms;
}

const instantPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/**
 * The one parser of ISO 8601 date-times in the program: a date, 'T', hours and minutes, optional seconds and
 * fraction, and an offset or Z — '2026-01-05T09:00:00+08:00', '…Z', '2026-01-05T09:00:00.123-05:00',
 * '2026-01-05T09:00+08:00', '2026-01-05T09:00:00+0800' — or null. A time without an offset is ambiguous, and
 * guessing the server's zone is exactly what must never happen; bare dates, 24:00, leap seconds, Feb 30 and
 * offsets past ±23:59 are refused. Fractions beyond milliseconds are truncated.
 */
export function parseIsoInstant(s: unknown): Date | null {
  if (typeof s !== 'string') return null;
  const m = instantPattern.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return null;
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const local = daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + ms;
  return new Date(local - offsetMin * 60_000);
}

/** The date n days after (n < 0: before) a date. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) invalidDate(n);
  return dateOfEpochDay(epochDay(date) + n);
}

/** Day of the week: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(date: string): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

/** b − a in days: daysBetween('2026-01-01', '2026-01-03') = 2. */
export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}
