/**
 * The deadline rules of SPEC §4, the clock pause (补正) and the escalation points. Pure: the caller passes the
 * calendar and every instant; a day-based deadline is 23:59:59 +08:00 of its day.
 */
import { DomainError, type FieldError } from '../errors.ts';
import type { DayStep, WorkCalendar } from './calendar.ts';
import { addDays, daysBetween, endOfShanghaiDay, shanghaiDate } from './local-time.ts';

export type DeadlineRule =
  | { kind: 'workdays'; n: number }
  | { kind: 'sameday' }
  | { kind: 'calendarDays'; n: number }
  | { kind: 'hours'; n: number }
  | { kind: 'instant' };

export interface Deadline {
  due: Date;
  /** True when a day consulted lies in a year whose schedule is not loaded (guessed by weekday). */
  provisional: boolean;
}

/** n of workdays / calendarDays / hours: 1 … ten years. */
export const DEADLINE_N_MIN = 1;
export const DEADLINE_N_MAX = 3650;
/** The rules `GET /calendar/deadline` accepts (instant needs no computing). */
export const DEADLINE_QUERY_RULES = ['workdays', 'sameday', 'calendarDays', 'hours'] as const;
const RULE_KINDS = [...DEADLINE_QUERY_RULES, 'instant'] as const;

const validN = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= DEADLINE_N_MIN && n <= DEADLINE_N_MAX;

/** Whether a value is a well-formed rule (item-type declarations, admin edits). */
export function isDeadlineRule(x: unknown): x is DeadlineRule {
  if (typeof x !== 'object' || x === null) return false;
  const { kind, n } = x as { kind?: unknown; n?: unknown };
  if (kind === 'sameday' || kind === 'instant') return true;
  return (kind === 'workdays' || kind === 'calendarDays' || kind === 'hours') && validN(n);
}

function checkedInstant(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(t)) throw new DomainError('instant_invalid', { kind: 'invalid' });
  return t;
}

function checkedN(rule: { n: number }): number {
  if (!validN(rule.n)) throw new DomainError('deadline_n_invalid', { kind: 'invalid', params: { min: DEADLINE_N_MIN, max: DEADLINE_N_MAX } });
  return rule.n;
}

function unknownRule(rule: unknown): never {
  throw new DomainError('deadline_rule_unknown', { kind: 'invalid', params: { allowed: RULE_KINDS.join(', '), value: String((rule as { kind?: unknown } | null)?.kind) } });
}

const endOf = (step: DayStep): Deadline => ({ due: endOfShanghaiDay(step.date), provisional: step.provisional });

/**
 * The deadline of a clock started at `startedAt` (SPEC §4):
 * - workdays N: 23:59:59 of the Nth working day after the start date; the start day never counts, whatever it is;
 * - sameday: 23:59:59 of the start date if it is a working day, else of the next working day;
 * - calendarDays N: 23:59:59 of the Nth calendar day after; a non-working day rolls to the next working day;
 * - hours N: startedAt + N hours; instant: startedAt. Neither consults the calendar, so neither is provisional.
 */
export function computeDeadline(cal: WorkCalendar, rule: DeadlineRule, startedAt: Date): Deadline {
  const t = checkedInstant(startedAt);
  switch (rule?.kind) {
    case 'workdays':
      return endOf(cal.workdayAfter(shanghaiDate(startedAt), checkedN(rule)));
    case 'sameday':
      return endOf(cal.workdayFrom(shanghaiDate(startedAt)));
    case 'calendarDays':
      // Only the landing day is consulted: calendar days count whatever their kind (民法典 art. 203 rolls the last one).
      return endOf(cal.workdayFrom(addDays(shanghaiDate(startedAt), checkedN(rule))));
    case 'hours':
      return { due: new Date(t + checkedN(rule) * 3_600_000), provisional: false };
    case 'instant':
      return { due: new Date(t), provisional: false };
    default:
      return unknownRule(rule);
  }
}

/** Checks the `rule` and `n` query of `GET /calendar/deadline`; never throws. */
export function parseDeadlineRule(rule: unknown, n: unknown): { ok: true; rule: DeadlineRule } | { ok: false; errors: FieldError[] } {
  if (rule === undefined || rule === null || rule === '') return { ok: false, errors: [{ path: 'rule', code: 'required' }] };
  if (typeof rule !== 'string' || !(DEADLINE_QUERY_RULES as readonly string[]).includes(rule)) {
    return { ok: false, errors: [{ path: 'rule', code: 'deadline_rule_unknown', params: { allowed: DEADLINE_QUERY_RULES.join(', ') } }] };
  }
  if (rule === 'sameday') return { ok: true, rule: { kind: 'sameday' } };
  if (n === undefined || n === null || n === '') return { ok: false, errors: [{ path: 'n', code: 'required' }] };
  // A query string carries digits only: no sign, exponent, fraction or spaces.
  const value = typeof n === 'string' && /^[0-9]{1,6}$/.test(n) ? Number(n) : n;
  if (!validN(value)) return { ok: false, errors: [{ path: 'n', code: 'deadline_n_invalid', params: { min: DEADLINE_N_MIN, max: DEADLINE_N_MAX } }] };
  return { ok: true, rule: { kind: rule as 'workdays' | 'calendarDays' | 'hours', n: value } };
}

/** Working days d with shanghaiDate(from) < d ≤ shanghaiDate(to): whole days, for average handling times. */
export function workingDaysBetween(cal: WorkCalendar, from: Date, to: Date): number {
  return cal.countWorkdays(shanghaiDate(from), shanghaiDate(to)).count;
}

/**
 * The deadline after a pause (补正) from `pausedAt` to `resumedAt`: paused time does not count (SPEC §4).
 * - workdays / sameday: moved by the working days d with date(pausedAt) < d ≤ date(resumedAt) (a pause within
 *   one day moves nothing; Friday → Monday moves one), to 23:59:59 of the working day that many after the old due;
 * - calendarDays: moved by the calendar days paused, then rolled to a working day;
 * - hours: moved by the exact time paused; instant: unchanged.
 * `provisional` covers the days this computation consulted; the caller keeps the old deadline's flag too.
 * A resume stamped before its pause (clock skew between machines) moves nothing.
 */
export function resumeDeadline(cal: WorkCalendar, rule: DeadlineRule, due: Date, pausedAt: Date, resumedAt: Date): Deadline {
  const [d, p, r] = [checkedInstant(due), checkedInstant(pausedAt), checkedInstant(resumedAt)];
  const pausedMs = Math.max(0, r - p);
  switch (rule?.kind) {
    case 'workdays':
    case 'sameday': {
      const paused = cal.countWorkdays(shanghaiDate(pausedAt), shanghaiDate(resumedAt));
      if (paused.count === 0) return { due: new Date(d), provisional: paused.provisional };
      // A pause over ten years of working days is capped rather than failing the resume.
      const step = cal.workdayAfter(shanghaiDate(due), Math.min(paused.count, DEADLINE_N_MAX));
      return { due: endOfShanghaiDay(step.date), provisional: paused.provisional || step.provisional };
    }
    case 'calendarDays': {
      const days = Math.max(0, daysBetween(shanghaiDate(pausedAt), shanghaiDate(resumedAt)));
      if (days === 0) return { due: new Date(d), provisional: false };
      return endOf(cal.workdayFrom(addDays(shanghaiDate(due), days)));
    }
    case 'hours':
      return { due: new Date(d + pausedMs), provisional: false };
    case 'instant':
      return { due: new Date(d), provisional: false };
    default:
      return unknownRule(rule);
  }
}

/**
 * The escalation ladder (SPEC §3): remind the handler at 75 % of the wall time from start to due, overdue at
 * the due instant, the supervisor at 23:59:59 of the first working day after the due date.
 */
export function escalationPoints(cal: WorkCalendar, startedAt: Date, due: Date): { remindAt: Date; overdueAt: Date; supervisorAt: Date } {
  const [s, d] = [checkedInstant(startedAt), checkedInstant(due)];
  return {
    remindAt: new Date(s + Math.floor(Math.max(0, d - s) * 0.75)),
    overdueAt: new Date(d),
    supervisorAt: endOfShanghaiDay(cal.nextWorkday(shanghaiDate(due))),
  };
}
