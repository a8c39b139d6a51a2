/**
 * The working calendar (SPEC §4): which Shanghai days are working days.
 *
 * Stored days are overrides keyed by date: holidays, make-up workdays and any single day an admin amended
 * (to any kind, even 'workday' on a Sunday or 'holiday' on a Tuesday, as in 2020's Spring Festival extension).
 * A day without an override is decided by its weekday; if its year's schedule is not loaded, that guess is
 * marked provisional so it never passes silently for the real thing.
 */
import { DomainError, type FieldError } from '../errors.ts';
import { dateOfEpochDay, epochDay, isIsoDate, yearOfEpochDay } from './local-time.ts';
import type { YearSchedule } from './schedules.ts';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';
export const DAY_KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeup-workday'];

/** One day as `GET /calendar/days` returns it; `name` and `provisional` are absent rather than empty. */
export interface CalendarDay {
  date: string;
  workday: boolean;
  kind: DayKind;
  name?: string;
  provisional?: true;
}

/** Where a walk over the calendar ended, and whether it consulted a provisional (weekday-guessed) day. */
export interface DayStep {
  date: string;
  provisional: boolean;
}

/** Longest `days(from, to)` query, both ends included. */
export const MAX_RANGE_DAYS = 366 * 3;
/** Most working days one walk may count (ten years): guards a runaway n. */
export const MAX_WORKDAY_STEPS = 3650;
/** Most calendar days one walk may scan: stops a calendar amended to all holidays from looping forever. */
const MAX_SCAN_DAYS = 40_000;

interface Override {
  kind: DayKind;
  name?: string;
}

const isWorkingKind = (kind: DayKind): boolean => kind === 'workday' || kind === 'makeup-workday';

export class WorkCalendar {
  private readonly loaded: ReadonlySet<number>;
  /** Keyed by days since 1970-01-01, so a walk never formats a string per step. */
  private readonly overrides = new Map<number, Override>();

  constructor(input: { loadedYears: Iterable<number>; days: Iterable<{ date: string; kind: DayKind; name?: string | null }> }) {
    this.loaded = new Set(input.loadedYears);
    for (const d of input.days) {
      if (!isIsoDate(d.date) || !DAY_KINDS.includes(d.kind)) {
        throw new DomainError('calendar_day_invalid', { params: { date: String(d.date), kind: String(d.kind) } });
      }
      this.overrides.set(epochDay(d.date), d.name ? { kind: d.kind, name: d.name } : { kind: d.kind });
    }
  }

  /** A calendar of published schedules, each year counted as loaded (seeding and tests). */
  static fromSchedules(schedules: Iterable<YearSchedule>): WorkCalendar {
    const list = [...schedules];
    return new WorkCalendar({ loadedYears: list.map((s) => s.year), days: list.flatMap((s) => s.days) });
  }

  /** Years whose schedule is loaded, ascending. */
  get loadedYears(): number[] {
    return [...this.loaded].sort((a, b) => a - b);
  }

  isYearLoaded(year: number): boolean {
    return this.loaded.has(year);
  }

  day(date: string): CalendarDay {
    return this.dayAt(epochDay(date));
  }

  /** Every day from `from` to `to`, both included; at most MAX_RANGE_DAYS. */
  days(from: string, to: string): CalendarDay[] {
    const a = epochDay(from);
    const b = epochDay(to);
    if (b < a) throw new DomainError('calendar_range_invalid', { kind: 'invalid', params: { from, to } });
    if (b - a + 1 > MAX_RANGE_DAYS) throw new DomainError('calendar_range_too_long', { kind: 'invalid', params: { max: MAX_RANGE_DAYS } });
    const out: CalendarDay[] = [];
    for (let e = a; e <= b; e++) out.push(this.dayAt(e));
    return out;
  }

  isWorkday(date: string): boolean {
    return this.workingAt(epochDay(date));
  }

  /**
   * Whether the day is a weekday guess: no stored day and its year's schedule not loaded. A stored day is
   * never provisional: an admin (or a notice reaching across the new year, like 2022-12-31) decided it.
   */
  isProvisional(date: string): boolean {
    return this.provisionalAt(epochDay(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkday(date: string): string {
    return this.workdayAfter(date, 1).date;
  }

  /** The nth working day strictly after `date` (n = 0: `date` itself). */
  addWorkdays(date: string, n: number): string {
    return this.workdayAfter(date, n).date;
  }

  /** addWorkdays, also telling whether any day stepped over (after `date`) was provisional. */
  workdayAfter(date: string, n: number): DayStep {
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKDAY_STEPS) {
      throw new DomainError('deadline_n_invalid', { kind: 'invalid', params: { min: 0, max: MAX_WORKDAY_STEPS } });
    }
    let e = epochDay(date);
    let provisional = false;
    for (let left = n, scanned = 0; left > 0; ) {
      e += 1;
      if (++scanned > MAX_SCAN_DAYS) this.exhausted(date);
      provisional ||= this.provisionalAt(e);
      if (this.workingAt(e)) left -= 1;
    }
    return { date: dateOfEpochDay(e), provisional };
  }

  /** `date` itself when it is a working day, else the first working day after it; each day looked at counts. */
  workdayFrom(date: string): DayStep {
    let e = epochDay(date);
    let provisional = this.provisionalAt(e);
    for (let scanned = 0; !this.workingAt(e); ) {
      e += 1;
      if (++scanned > MAX_SCAN_DAYS) this.exhausted(date);
      provisional ||= this.provisionalAt(e);
    }
    return { date: dateOfEpochDay(e), provisional };
  }

  /** Working days d with from < d ≤ to (0 when to ≤ from). */
  countWorkdays(from: string, to: string): { count: number; provisional: boolean } {
    const a = epochDay(from);
    const b = epochDay(to);
    if (b - a > MAX_SCAN_DAYS) throw new DomainError('calendar_range_too_long', { kind: 'invalid', params: { max: MAX_SCAN_DAYS } });
    let count = 0;
    let provisional = false;
    for (let e = a + 1; e <= b; e++) {
      provisional ||= this.provisionalAt(e);
      if (this.workingAt(e)) count += 1;
    }
    return { count, provisional };
  }

  private dayAt(e: number): CalendarDay {
    const date = dateOfEpochDay(e);
    const o = this.overrides.get(e);
    if (o) {
      const day: CalendarDay = { date, workday: isWorkingKind(o.kind), kind: o.kind };
      if (o.name) day.name = o.name;
      return day;
    }
    const weekend = isWeekendAt(e);
    const day: CalendarDay = { date, workday: !weekend, kind: weekend ? 'weekend' : 'workday' };
    if (!this.loaded.has(yearOfEpochDay(e))) day.provisional = true;
    return day;
  }

  private workingAt(e: number): boolean {
    const o = this.overrides.get(e);
    return o ? isWorkingKind(o.kind) : !isWeekendAt(e);
  }

  private provisionalAt(e: number): boolean {
    return !this.overrides.has(e) && !this.loaded.has(yearOfEpochDay(e));
  }

  private exhausted(from: string): never {
    throw new DomainError('calendar_no_workday', { params: { from, days: MAX_SCAN_DAYS } });
  }
}

/** 1970-01-01 (day 0) was a Thursday, so day e is a Saturday or Sunday when (e + 4) mod 7 is 6 or 0. */
function isWeekendAt(e: number): boolean {
  const w = (((e + 4) % 7) + 7) % 7;
  return w === 0 || w === 6;
}

/** Checks the `from`/`to` query of `GET /calendar/days`; never throws. */
export function parseDayRange(from: unknown, to: unknown): { ok: true; from: string; to: string } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const [path, v] of [['from', from], ['to', to]] as const) {
    if (v === undefined || v === null || v === '') errors.push({ path, code: 'required' });
    else if (!isIsoDate(v)) errors.push({ path, code: 'invalid_date' });
  }
  if (errors.length) return { ok: false, errors };
  const [a, b] = [epochDay(from as string), epochDay(to as string)];
  if (b < a) return { ok: false, errors: [{ path: 'to', code: 'calendar_range_invalid', params: { from, to } }] };
  if (b - a + 1 > MAX_RANGE_DAYS) return { ok: false, errors: [{ path: 'to', code: 'calendar_range_too_long', params: { max: MAX_RANGE_DAYS } }] };
  return { ok: true, from: from as string, to: to as string };
}
