/**
 * Test support only (never imported by the product): an independent reading of the calendar, built from the
 * `chinese-days` dev dependency and JavaScript's own Date, to cross-check our data and arithmetic.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** 'YYYY-MM-DD' → "English,中文,n" */
export const chineseDays: Record<'holidays' | 'workdays' | 'inLieuDays', Record<string, string>> = require('chinese-days/dist/chinese-days.json');

/** The span our seed covers: the 2023 notice starts on 2022-12-31; nothing is loaded after 2026. */
export const FIRST_SEEDED = '2022-12-31';
export const LAST_LOADED = '2026-12-31';

export const refAddDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const refWeekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Whether a day is a working day, by chinese-days inside the seeded span and by weekday outside it. */
export function refIsWorkday(date: string): boolean {
  if (date >= FIRST_SEEDED && date <= LAST_LOADED) {
    if (date in chineseDays.holidays) return false;
    if (date in chineseDays.workdays) return true;
  }
  const w = refWeekday(date);
  return w !== 0 && w !== 6;
}

/** A day is a guess when its year is after the last loaded one (the only unloaded years our walks reach). */
export const refProvisional = (date: string): boolean => date > LAST_LOADED;

/** SPEC §4 read literally, one day at a time: [due date, provisional]. */
export function refDeadlineDate(kind: 'workdays' | 'sameday' | 'calendarDays', accepted: string, n = 0): [string, boolean] {
  let d = accepted;
  let provisional = false;
  if (kind === 'workdays') {
    for (let left = n; left > 0; ) {
      d = refAddDays(d, 1);
      provisional ||= refProvisional(d);
      if (refIsWorkday(d)) left--;
    }
    return [d, provisional];
  }
  if (kind === 'calendarDays') d = refAddDays(accepted, n);
  provisional = refProvisional(d);
  while (!refIsWorkday(d)) {
    d = refAddDays(d, 1);
    provisional ||= refProvisional(d);
  }
  return [d, provisional];
}
