import {
  DomainError,
  computeDeadline,
  formatShanghai,
  isIsoDate,
  parseDayRange,
  parseDeadlineRule,
  parseIsoInstant,
  shanghaiDate,
  type CalendarDay,
  type DayKind,
  type FieldError,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { recomputeOpenDeadlines } from '../items/service.ts';
import * as repo from './repository.ts';
import { calendarOf, dropCalendarCache } from './work-calendar.ts';

// The cached calendar lives in its own file, which items/service.ts reads without importing this one (no cycle).
export { calendarOf, dropCalendarCache } from './work-calendar.ts';

/** `GET /calendar/days`: every day of the range, or a 422 naming each bad field. */
export async function calendarDays(ctx: AppContext, query: { from?: string; to?: string }): Promise<CalendarDay[]> {
  const range = parseDayRange(query.from, query.to);
  if (!range.ok) throw new DomainError('validation_failed', { kind: 'invalid', errors: range.errors });
  return (await calendarOf(ctx)).days(range.from, range.to);
}

/** `GET /calendar/deadline`: the due instant in +08:00, `provisional` only when a weekday guess was consulted. */
export async function deadlineOf(ctx: AppContext, query: { acceptedAt?: string; rule?: string; n?: string }) {
  const errors: FieldError[] = [];
  const at = parseIsoInstant(query.acceptedAt);
  if (query.acceptedAt === undefined || query.acceptedAt === '') errors.push({ path: 'acceptedAt', code: 'required' });
  else if (!at) errors.push({ path: 'acceptedAt', code: 'instant_invalid' });
  const rule = parseDeadlineRule(query.rule, query.n);
  if (!rule.ok) errors.push(...rule.errors);
  if (!at || !rule.ok) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const d = computeDeadline(await calendarOf(ctx), rule.rule, at);
  return { due: formatShanghai(d.due), ...(d.provisional ? { provisional: true as const } : {}) };
}

export interface YearLoad {
  year: number;
  notice: string;
  title: string;
  days: { date: string; kind: 'holiday' | 'makeup-workday'; name: string }[];
}

function checkYearLoad(input: YearLoad): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    // A notice may reach a month into the neighbouring years (2023's New Year holiday began 2022-12-31), never further.
    const y = Number(d.date.slice(0, 4));
    const m = d.date.slice(5, 7);
    if (!isIsoDate(d.date)) errors.push({ path: `days.${i}.date`, code: 'invalid_date' });
    else if (y !== input.year && !(y === input.year + 1 && m === '01') && !(y === input.year - 1 && m === '12')) {
      errors.push({ path: `days.${i}.date`, code: 'calendar_day_outside_year', params: { year: input.year } });
    }
    if (seen.has(d.date)) errors.push({ path: `days.${i}.date`, code: 'calendar_day_duplicate' });
    seen.add(d.date);
  });
  return errors;
}

/** An admin loads a year's State Council schedule; every open provisional deadline is recomputed. */
export async function loadYear(ctx: AppContext, actor: UserActor | null, input: YearLoad, ip: string | null) {
  const errors = checkYearLoad(input);
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const now = ctx.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    await repo.upsertYear(tx, { year: input.year, notice: input.notice, title: input.title, loadedAt: now, loadedBy: actor?.id ?? null });
    await repo.replaceDays(
      tx,
      `${input.year}-01-01`,
      `${input.year}-12-31`,
      input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, notice: input.notice })),
    );
    await repo.insertChanges(
      tx,
      input.days.map((d) => ({ date: d.date, oldKind: null, newKind: d.kind, notice: input.notice, reason: `load ${input.year}`, actorId: actor?.id ?? null, at: now })),
    );
    if (actor) await recordAudit(tx, { actor, action: 'calendar.load-year', subject: `calendar:${input.year}`, detail: { notice: input.notice, days: input.days.length }, ip, at: now });
    const calendar = await calendarOf(ctx, tx);
    const recomputed = await recomputeOpenDeadlines(ctx, tx, calendar, { provisionalOnly: true, reason: 'calendar.load-year', notice: input.notice });
    return { year: input.year, days: input.days.length, recomputed };
  });
  dropCalendarCache(ctx);
  return result;
}

/** A single day amended mid-year (e.g. 2020's Spring Festival extension), with its notice and reason. */
export async function amendDay(
  ctx: AppContext,
  actor: UserActor,
  date: string,
  input: { kind: DayKind; name?: string | null; notice: string; reason: string },
  ip: string,
) {
  if (!isIsoDate(date)) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'date', code: 'invalid_date' }] });
  const now = ctx.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    const before = (await calendarOf(ctx, tx)).day(date);
    // Only holidays and make-up days carry a name (the /calendar/days contract); a workday or weekend never does.
    const name = input.kind === 'holiday' || input.kind === 'makeup-workday' ? (input.name ?? null) : null;
    await repo.upsertDay(tx, { date, kind: input.kind, name, notice: input.notice });
    await repo.insertChanges(tx, [{ date, oldKind: before.kind, newKind: input.kind, notice: input.notice, reason: input.reason, actorId: actor.id, at: now }]);
    await recordAudit(tx, { actor, action: 'calendar.amend-day', subject: `calendar:${date}`, detail: { from: before.kind, to: input.kind, notice: input.notice, reason: input.reason }, ip, at: now });
    const calendar = await calendarOf(ctx, tx);
    const recomputed = await recomputeOpenDeadlines(ctx, tx, calendar, { provisionalOnly: false, reason: 'calendar.amend-day', notice: input.notice, date });
    return { date, from: before.kind, to: input.kind, recomputed, day: calendar.day(date) };
  });
  dropCalendarCache(ctx);
  return result;
}

/** The latest calendar changes (loads and amendments), newest first. */
export async function calendarChanges(ctx: AppContext) {
  return (await repo.listChanges(ctx.database.db, 200)).map((c) => ({ ...c, at: formatShanghai(c.at) }));
}

/**
 * From 1 November, while next year's schedule is missing, admins are warned on every page; a year that began
 * without its schedule is warned about all year (every deadline in it is a weekday guess), more urgently.
 */
export async function calendarStatus(ctx: AppContext) {
  const today = shanghaiDate(ctx.now());
  const year = Number(today.slice(0, 4));
  const years = (await repo.listYears(ctx.database.db)).map((y) => ({ year: y.year, notice: y.notice, title: y.title, loadedAt: formatShanghai(y.loadedAt) }));
  const loaded = new Set(years.map((y) => y.year));
  const warning = !loaded.has(year)
    ? ('calendar_current_year_missing' as const)
    : today.slice(5) >= '11-01' && !loaded.has(year + 1)
      ? ('calendar_next_year_missing' as const)
      : null;
  return { years, currentYear: year, currentYearLoaded: loaded.has(year), nextYear: year + 1, nextYearLoaded: loaded.has(year + 1), warning };
}
