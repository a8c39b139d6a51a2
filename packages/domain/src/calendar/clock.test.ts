// The clock around a deadline: query parsing, pause/resume (补正), working days elapsed, escalation points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from './calendar.ts';
import { escalationPoints, parseDeadlineRule, resumeDeadline, workingDaysBetween, type DeadlineRule } from './deadline.ts';
import { STATUTORY_SCHEDULES } from './schedules.ts';
import { endOfShanghaiDay, formatShanghai, parseIsoInstant } from './local-time.ts';
import { calendarMessages } from './messages.ts';
import { formatMessage, hasMessage } from '../messages/index.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const at = (s: string): Date => (s.length === 10 ? endOfShanghaiDay(s) : parseIsoInstant(s)!);
const show = (s: string) => (s.length === 10 ? `${s}T23:59:59+08:00` : s);
const W = (n: number): DeadlineRule => ({ kind: 'workdays', n });
const C = (n: number): DeadlineRule => ({ kind: 'calendarDays', n });
const H = (n: number): DeadlineRule => ({ kind: 'hours', n });

// [rule, n] → the rule, or the error codes by path
const queries: [unknown, unknown, DeadlineRule | Record<string, string>][] = [
  ['workdays', '5', W(5)],
  ['workdays', 5, W(5)],
  ['workdays', '0005', W(5)],
  ['workdays', '1', W(1)],
  ['workdays', '3650', W(3650)],
  ['calendarDays', '60', C(60)],
  ['hours', '1', H(1)],
  ['hours', '3650', H(3650)],
  ['sameday', undefined, { kind: 'sameday' }],
  ['sameday', 'abc', { kind: 'sameday' }],
  ['sameday', '0', { kind: 'sameday' }],
  [undefined, '5', { rule: 'required' }],
  [null, '5', { rule: 'required' }],
  ['', '5', { rule: 'required' }],
  ['instant', undefined, { rule: 'deadline_rule_unknown' }],
  ['WORKDAYS', '5', { rule: 'deadline_rule_unknown' }],
  ['workday', '5', { rule: 'deadline_rule_unknown' }],
  ['calendardays', '5', { rule: 'deadline_rule_unknown' }],
  [' workdays', '5', { rule: 'deadline_rule_unknown' }],
  [['workdays'], '5', { rule: 'deadline_rule_unknown' }],
  [5, '5', { rule: 'deadline_rule_unknown' }],
  ['workdays', undefined, { n: 'required' }],
  ['workdays', '', { n: 'required' }],
  ['calendarDays', null, { n: 'required' }],
  ['hours', undefined, { n: 'required' }],
  ['workdays', '0', { n: 'deadline_n_invalid' }],
  ['hours', '0', { n: 'deadline_n_invalid' }],
  ['workdays', '3651', { n: 'deadline_n_invalid' }],
  ['calendarDays', '9999999', { n: 'deadline_n_invalid' }],
  ['workdays', '-1', { n: 'deadline_n_invalid' }],
  ['workdays', '+5', { n: 'deadline_n_invalid' }],
  ['workdays', '1.5', { n: 'deadline_n_invalid' }],
  ['workdays', '5.0', { n: 'deadline_n_invalid' }],
  ['workdays', '1e2', { n: 'deadline_n_invalid' }],
  ['workdays', ' 5', { n: 'deadline_n_invalid' }],
  ['workdays', '0x10', { n: 'deadline_n_invalid' }],
  ['workdays', '５', { n: 'deadline_n_invalid' }],
  ['workdays', 'abc', { n: 'deadline_n_invalid' }],
  ['workdays', 1.5, { n: 'deadline_n_invalid' }],
  ['workdays', NaN, { n: 'deadline_n_invalid' }],
  ['workdays', Infinity, { n: 'deadline_n_invalid' }],
  ['workdays', ['5'], { n: 'deadline_n_invalid' }],
  ['workdays', true, { n: 'deadline_n_invalid' }],
];
for (const [rule, n, expected] of queries) {
  test(`parseDeadlineRule(${JSON.stringify(rule)}, ${JSON.stringify(n)})`, () => {
    const r = parseDeadlineRule(rule, n);
    if ('kind' in expected) assert.deepEqual(r, { ok: true, rule: expected });
    else {
      assert.equal(r.ok, false);
      if (!r.ok) assert.deepEqual(Object.fromEntries(r.errors.map((e) => [e.path, e.code])), expected);
    }
  });
}

test('parseDeadlineRule errors carry the allowed values and bounds', () => {
  assert.deepEqual(parseDeadlineRule('weeks', '1'), {
    ok: false,
    errors: [{ path: 'rule', code: 'deadline_rule_unknown', params: { allowed: 'workdays, sameday, calendarDays, hours' } }],
  });
  assert.deepEqual(parseDeadlineRule('workdays', '0'), { ok: false, errors: [{ path: 'n', code: 'deadline_n_invalid', params: { min: 1, max: 3650 } }] });
});

// [rule, old due, paused at, resumed at, new due, provisional, why]; a bare date means 23:59:59 of it.
const resumes: [DeadlineRule, string, string, string, string, boolean, string][] = [
  [W(5), '2026-01-09', '2026-01-05T10:00:00+08:00', '2026-01-05T16:00:00+08:00', '2026-01-09', false, 'paused within one day: nothing moves'],
  [W(5), '2026-01-14', '2026-01-09T10:00:00+08:00', '2026-01-12T09:00:00+08:00', '2026-01-15', false, 'Friday → Monday moves one working day'],
  [W(5), '2026-01-14', '2026-01-09T10:00:00+08:00', '2026-01-10T09:00:00+08:00', '2026-01-14', false, 'Friday → Saturday moves nothing'],
  [W(5), '2026-01-14', '2026-01-09T10:00:00+08:00', '2026-01-11T23:59:59+08:00', '2026-01-14', false, 'Friday → Sunday night moves nothing'],
  [W(5), '2026-02-26', '2026-02-13T10:00:00+08:00', '2026-02-24T09:00:00+08:00', '2026-02-28', false, 'over Spring Festival: 02-14 and 02-24 paused; lands on the make-up Saturday'],
  [W(5), '2026-02-26', '2026-02-15T10:00:00+08:00', '2026-02-20T09:00:00+08:00', '2026-02-26', false, 'paused only on holidays'],
  [W(5), '2025-10-10', '2025-09-30T15:00:00+08:00', '2025-10-09T09:00:00+08:00', '2025-10-11', false, 'over 国庆节、中秋节'],
  [W(5), '2027-01-08', '2026-12-30T10:00:00+08:00', '2027-01-04T09:00:00+08:00', '2027-01-13', true, 'across into unloaded 2027'],
  [W(5), '2026-01-05', '2025-12-31T10:00:00+08:00', '2026-12-31T10:00:00+08:00', '2027-01-04', true, 'a whole year: 248 working days'],
  [W(5), '2026-01-09', '2026-01-05T15:30:00Z', '2026-01-05T16:30:00Z', '2026-01-12', false, 'UTC same day, but Shanghai midnight crossed'],
  [W(5), '2026-01-14', '2026-01-12T10:00:00+08:00', '2026-01-09T10:00:00+08:00', '2026-01-14', false, 'resume stamped before the pause: nothing moves'],
  [{ kind: 'sameday' }, '2026-01-05', '2026-01-05T09:30:00+08:00', '2026-01-06T10:00:00+08:00', '2026-01-06', false, 'sameday moves like workdays'],
  [{ kind: 'sameday' }, '2026-02-13', '2026-02-13T09:30:00+08:00', '2026-02-14T10:00:00+08:00', '2026-02-14', false, 'paused to the make-up Saturday: one day'],
  [{ kind: 'sameday' }, '2026-02-13', '2026-02-13T09:30:00+08:00', '2026-02-24T10:00:00+08:00', '2026-02-24', false, '02-14 and 02-24 paused'],
  [C(15), '2026-03-20', '2026-03-01T10:00:00+08:00', '2026-03-03T10:00:00+08:00', '2026-03-23', false, '+2 days lands on Sunday, rolls'],
  [C(15), '2026-03-20', '2026-03-01T10:00:00+08:00', '2026-03-01T22:00:00+08:00', '2026-03-20', false, 'paused within one day'],
  [C(15), '2025-09-26', '2025-09-20T10:00:00+08:00', '2025-09-25T10:00:00+08:00', '2025-10-09', false, '+5 lands on 10-01, rolls over the holiday'],
  [C(60), '2026-02-10', '2026-01-04T23:00:00+08:00', '2026-01-05T01:00:00+08:00', '2026-02-11', false, 'two hours across midnight is one day'],
  [C(60), '2026-12-30', '2026-12-01T10:00:00+08:00', '2026-12-03T10:00:00+08:00', '2027-01-01', true, 'lands in 2027'],
  [C(60), '2026-12-30', '2026-12-03T10:00:00+08:00', '2026-12-01T10:00:00+08:00', '2026-12-30', false, 'resume before pause'],
  [H(24), '2026-01-06T09:00:00+08:00', '2026-01-05T10:00:00+08:00', '2026-01-05T13:30:00+08:00', '2026-01-06T12:30:00+08:00', false, 'exact time paused'],
  [H(72), '2026-02-15T09:00:00+08:00', '2026-02-14T09:00:00+08:00', '2026-02-16T09:00:00+08:00', '2026-02-17T09:00:00+08:00', false, 'hours ignore holidays'],
  [H(24), '2026-01-06T09:00:00+08:00', '2026-01-05T13:30:00+08:00', '2026-01-05T10:00:00+08:00', '2026-01-06T09:00:00+08:00', false, 'resume before pause'],
  [H(24), '2026-12-31T09:00:00+08:00', '2026-12-30T09:00:00+08:00', '2027-01-02T09:00:00+08:00', '2027-01-03T09:00:00+08:00', false, 'hours never provisional'],
  [{ kind: 'instant' }, '2026-01-05T09:00:00+08:00', '2026-01-05T09:00:00+08:00', '2026-01-06T09:00:00+08:00', '2026-01-05T09:00:00+08:00', false, 'instant has no clock'],
];
for (const [rule, due, pausedAt, resumedAt, expected, provisional, why] of resumes) {
  test(`resume ${rule.kind}: due ${due}, paused ${pausedAt} → ${resumedAt}: ${expected} (${why})`, () => {
    const got = resumeDeadline(cal, rule, at(due), at(pausedAt), at(resumedAt));
    assert.equal(formatShanghai(got.due), show(expected));
    assert.equal(got.provisional, provisional);
  });
}

test('resumeDeadline refuses an unknown rule and invalid instants', () => {
  const t = at('2026-01-05T09:00:00+08:00');
  assert.throws(() => resumeDeadline(cal, { kind: 'weeks' } as never, t, t, t), (e: { code?: string }) => e.code === 'deadline_rule_unknown');
  assert.throws(() => resumeDeadline(cal, W(1), new Date(NaN), t, t), (e: { code?: string }) => e.code === 'instant_invalid');
});

// [from, to, working days d with date(from) < d ≤ date(to)]
const elapsed: [string, string, number, string][] = [
  ['2026-01-05T09:00:00+08:00', '2026-01-05T18:00:00+08:00', 0, 'same day'],
  ['2026-01-09T09:00:00+08:00', '2026-01-12T09:00:00+08:00', 1, 'Friday → Monday'],
  ['2026-02-13T09:00:00+08:00', '2026-02-24T09:00:00+08:00', 2, '02-14 (make-up) and 02-24'],
  ['2025-09-30T09:00:00+08:00', '2025-10-09T09:00:00+08:00', 1, 'over 国庆节、中秋节'],
  ['2026-01-01T09:00:00+08:00', '2026-01-31T09:00:00+08:00', 21, 'January 2026: 01-04 make-up plus 20 weekdays'],
  ['2026-01-04T15:00:00Z', '2026-01-04T17:00:00Z', 1, 'Shanghai midnight crossed inside one UTC day'],
  ['2026-01-12T09:00:00+08:00', '2026-01-09T09:00:00+08:00', 0, 'backwards'],
  ['2022-12-31T12:00:00+08:00', '2023-12-31T12:00:00+08:00', 249, 'all of 2023'],
  ['2023-12-31T12:00:00+08:00', '2024-12-31T12:00:00+08:00', 251, 'all of 2024'],
  ['2024-12-31T12:00:00+08:00', '2025-12-31T12:00:00+08:00', 248, 'all of 2025'],
  ['2025-12-31T12:00:00+08:00', '2026-12-31T12:00:00+08:00', 248, 'all of 2026'],
  ['2026-12-31T09:00:00+08:00', '2027-01-05T09:00:00+08:00', 3, '2027 by weekday: 01-01, 01-04, 01-05'],
];
for (const [from, to, n, why] of elapsed) {
  test(`workingDaysBetween ${from} → ${to} = ${n} (${why})`, () => assert.equal(workingDaysBetween(cal, at(from), at(to)), n));
}

// [start, due, remind at, supervisor at (23:59:59 of)]
const ladders: [string, string, string, string, string][] = [
  ['2026-01-05T09:00:00+08:00', '2026-01-06', '2026-01-06T06:14:59.250Z', '2026-01-07', 'workdays 1'],
  ['2026-02-13T09:00:00+08:00', '2026-02-13', '2026-02-13T12:14:59.250Z', '2026-02-14', 'sameday; supervisor on the make-up Saturday'],
  ['2026-02-13T09:00:00+08:00', '2026-02-14', '2026-02-14T06:14:59.250Z', '2026-02-24', 'supervisor after Spring Festival'],
  ['2025-09-29T09:00:00+08:00', '2025-09-30', '2025-09-30T06:14:59.250Z', '2025-10-09', 'supervisor after 国庆节'],
  ['2026-12-30T09:00:00+08:00', '2026-12-31', '2026-12-31T06:14:59.250Z', '2027-01-01', 'supervisor in 2027, by weekday'],
  ['2026-01-05T09:00:00+08:00', '2026-01-09', '2026-01-08T12:14:59.250Z', '2026-01-12', 'due Friday: supervisor Monday'],
  ['2026-01-05T09:00:00+08:00', '2026-01-05T17:00:00+08:00', '2026-01-05T07:00:00.000Z', '2026-01-06', 'hours 8'],
  ['2026-01-10T02:00:00+08:00', '2026-01-10T10:00:00+08:00', '2026-01-10T00:00:00.000Z', '2026-01-12', 'due on a Saturday'],
  ['2026-01-05T09:00:00+08:00', '2026-01-05T09:00:00+08:00', '2026-01-05T01:00:00.000Z', '2026-01-06', 'instant: remind at once'],
  ['2026-01-05T09:00:00+08:00', '2026-01-05T08:00:00+08:00', '2026-01-05T01:00:00.000Z', '2026-01-06', 'due before start: remind at start'],
];
for (const [start, due, remind, supervisor, why] of ladders) {
  test(`escalationPoints ${start} → ${due}: remind ${remind}, supervisor ${supervisor} (${why})`, () => {
    const p = escalationPoints(cal, at(start), at(due));
    assert.equal(p.remindAt.toISOString(), remind);
    assert.equal(p.overdueAt.getTime(), at(due).getTime());
    assert.equal(formatShanghai(p.supervisorAt), show(supervisor));
  });
}

test('every calendar message exists in both locales with the same placeholders', () => {
  const zh = calendarMessages['zh-CN'];
  const en = calendarMessages.en;
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const k of Object.keys(zh)) assert.deepEqual(holes(zh[k]), holes(en[k]), k);
  for (const c of ['calendar_range_invalid', 'calendar_range_too_long', 'calendar_day_invalid', 'calendar_no_workday', 'deadline_rule_unknown', 'deadline_n_invalid', 'instant_invalid', 'invalid_date', 'required']) {
    assert.ok(hasMessage(c), c);
  }
  assert.equal(formatMessage('zh-CN', 'calendar_range_too_long', { max: 1098 }), '查询范围不能超过 1098 天');
  assert.equal(formatMessage('en', 'deadline_n_invalid', { min: 1, max: 3650 }), 'The deadline number must be a whole number from 1 to 3650');
});
