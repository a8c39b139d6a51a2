/**
 * Time of day in Zibo for the access rules. The offset and the local date are the calendar's
 * (Asia/Shanghai, fixed UTC+08:00): one definition for the whole domain.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDate } from '../calendar/local-time.ts';

export { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDate };

/** Milliseconds since local (Shanghai) midnight. */
export function shanghaiTimeOfDayMs(at: Date): number {
  const ms = (at.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS;
  return ms < 0 ? ms + DAY_MS : ms;
}

/** 'YYYY-MM-DD HH:MM' in Shanghai local time, for messages a driver reads. */
export function formatShanghai(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' (00:00–23:59) → milliseconds since midnight, or null when malformed. */
export function parseClock(s: string): number | null {
  const m = clockPattern.exec(s);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 60_000 : null;
}

/** 'HH:MM' of a time of day in milliseconds (seconds dropped). */
export function formatClock(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Whether a time of day lies in the half-open window [start, end). A window whose end is not after
 * its start wraps midnight: [23:00, 06:00) holds 23:00:00 … 05:59:59.
 */
export function insideWindow(start: number, end: number, tod: number): boolean {
  return start < end ? tod >= start && tod < end : tod >= start || tod < end;
}

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * A full ISO 8601 date-time WITH an offset or Z ('2026-01-05T08:30:00+08:00', '…Z', '…-05:00').
 * Null when malformed, out of range (2026-02-30, 24:00) or missing its offset: a time without an
 * offset is ambiguous, and guessing the server's zone is exactly what must never happen.
 */
export function parseIsoDateTime(s: string): Date | null {
  const m = isoPattern.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  if (y < 1970 || mo < 1 || mo > 12 || h > 23 || mi > 59 || sec > 59) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return null;
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 14 || om > 59) return null;
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return new Date(Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offsetMin * 60_000);
}
