/**
 * Time of day in Zibo for the access rules' windows. Instants, dates, the offset and their parsing and formatting
 * are the calendar's (calendar/local-time.ts, Asia/Shanghai, fixed UTC+08:00): one time library for the whole domain.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDate, shanghaiTimeOfDayMs } from '../calendar/local-time.ts';

export { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDate, shanghaiTimeOfDayMs };

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
