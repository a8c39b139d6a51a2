import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from './calendar.ts';
import { computeDeadline, isDeadlineRule, type DeadlineRule } from './deadline.ts';
import { STATUTORY_SCHEDULES } from './schedules.ts';
import { formatShanghai, parseIsoInstant } from './local-time.ts';
import { FIRST_SEEDED, refAddDays, refDeadlineDate } from './reference.test-support.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const at = (s: string): Date => parseIsoInstant(s)!;
const code = (c: string) => (e: unknown) => (e as { code?: string }).code === c;
const W = (n: number): DeadlineRule => ({ kind: 'workdays', n });
const C = (n: number): DeadlineRule => ({ kind: 'calendarDays', n });
const H = (n: number): DeadlineRule => ({ kind: 'hours', n });
const S: DeadlineRule = { kind: 'sameday' };
const rule = (r: DeadlineRule) => (r.kind === 'sameday' || r.kind === 'instant' ? r.kind : `${r.kind} ${r.n}`);

/** Day-based dues are 23:59:59 of a date; written here as the date only. */
const end = (date: string) => `${date}T23:59:59+08:00`;

// [accepted at, rule, due (a date means 23:59:59 of it), provisional, why] — each worked out from the notices.
const cases: [string, DeadlineRule, string, boolean, string][] = [
  // Spring Festival 2023: 01-21 … 01-27 off, 01-28 (Sat) and 01-29 (Sun) worked.
  ['2023-01-20T09:00:00+08:00', W(1), '2023-01-28', false, 'Fri before; next working day is the make-up Saturday'],
  ['2023-01-20T09:00:00+08:00', W(3), '2023-01-30', false, '01-28, 01-29, 01-30'],
  ['2023-01-20T09:00:00+08:00', W(5), '2023-02-01', false, '01-28 … 02-01'],
  ['2023-01-20T09:00:00+08:00', S, '2023-01-20', false, '除夕 eve is a working Friday'],
  ['2023-01-23T09:00:00+08:00', S, '2023-01-28', false, 'accepted on a holiday'],
  ['2023-01-27T09:00:00+08:00', W(1), '2023-01-28', false, 'accepted on the last holiday'],
  ['2023-01-28T09:00:00+08:00', W(1), '2023-01-29', false, 'accepted on a make-up Saturday: next is the make-up Sunday'],
  ['2023-01-28T09:00:00+08:00', W(2), '2023-01-30', false, 'make-up Saturday never counted itself'],
  ['2023-01-20T09:00:00+08:00', C(3), '2023-01-28', false, '01-23 is a holiday: rolls to 01-28'],
  ['2023-01-20T09:00:00+08:00', C(7), '2023-01-28', false, '01-27 holiday rolls'],
  ['2023-01-20T09:00:00+08:00', C(8), '2023-01-28', false, 'lands on the make-up Saturday'],
  ['2023-01-20T09:00:00+08:00', C(9), '2023-01-29', false, 'lands on the make-up Sunday'],
  ['2023-01-20T09:00:00+08:00', C(10), '2023-01-30', false, 'plain Monday'],
  ['2023-01-20T09:00:00+08:00', H(48), '2023-01-22T09:00:00+08:00', false, 'hours ignore holidays'],
  // Spring Festival 2024: 02-10 … 02-17 off; 02-04 (Sun) and 02-18 (Sun) worked; 除夕 02-09 a workday.
  ['2024-02-08T09:00:00+08:00', W(1), '2024-02-09', false, '除夕 2024 is a working Friday'],
  ['2024-02-08T09:00:00+08:00', W(2), '2024-02-18', false, 'then the make-up Sunday'],
  ['2024-02-09T09:00:00+08:00', W(1), '2024-02-18', false, 'make-up Sunday'],
  ['2024-02-09T09:00:00+08:00', W(2), '2024-02-19', false, ''],
  ['2024-02-03T09:00:00+08:00', W(1), '2024-02-04', false, 'from a plain Saturday to the make-up Sunday'],
  ['2024-02-04T09:00:00+08:00', S, '2024-02-04', false, 'accepted on a make-up Sunday'],
  ['2024-02-03T09:00:00+08:00', S, '2024-02-04', false, 'plain Saturday rolls to the make-up Sunday'],
  ['2024-02-10T09:00:00+08:00', S, '2024-02-18', false, 'accepted on a holiday Saturday'],
  ['2024-02-02T09:00:00+08:00', C(15), '2024-02-18', false, '02-17 holiday Saturday rolls to the make-up Sunday'],
  ['2024-02-05T09:00:00+08:00', C(10), '2024-02-18', false, '02-15 holiday rolls'],
  // Spring Festival 2025 (new rules, 除夕 off): 01-28 … 02-04 off; 01-26 (Sun), 02-08 (Sat) worked.
  ['2025-01-27T09:00:00+08:00', W(1), '2025-02-05', false, ''],
  ['2025-01-27T09:00:00+08:00', W(5), '2025-02-10', false, '02-05, 06, 07, 08 (make-up Sat), 10'],
  ['2025-01-24T09:00:00+08:00', W(1), '2025-01-26', false, 'Sat 01-25 off, Sun 01-26 worked'],
  ['2025-01-24T09:00:00+08:00', W(2), '2025-01-27', false, ''],
  ['2025-01-24T09:00:00+08:00', W(3), '2025-02-05', false, ''],
  ['2025-02-07T09:00:00+08:00', W(1), '2025-02-08', false, 'make-up Saturday'],
  ['2025-02-07T09:00:00+08:00', W(2), '2025-02-10', false, 'Sunday 02-09 off'],
  ['2025-01-28T09:00:00+08:00', S, '2025-02-05', false, 'accepted on 除夕'],
  ['2025-01-25T09:00:00+08:00', S, '2025-01-26', false, 'plain Saturday rolls to the make-up Sunday'],
  ['2025-01-27T09:00:00+08:00', C(5), '2025-02-05', false, '02-01 holiday rolls'],
  // Spring Festival 2026: 02-15 … 02-23 off; 02-14 (Sat), 02-28 (Sat) worked.
  ['2026-02-13T09:00:00+08:00', W(1), '2026-02-14', false, 'make-up Saturday'],
  ['2026-02-13T09:00:00+08:00', W(2), '2026-02-24', false, ''],
  ['2026-02-13T09:00:00+08:00', W(5), '2026-02-27', false, '02-14, 24, 25, 26, 27'],
  ['2026-02-13T09:00:00+08:00', W(6), '2026-02-28', false, 'make-up Saturday after'],
  ['2026-02-13T09:00:00+08:00', W(7), '2026-03-02', false, 'Sunday 03-01 off'],
  ['2026-02-12T09:00:00+08:00', W(3), '2026-02-24', false, '02-13, 02-14, 02-24'],
  ['2026-02-14T09:00:00+08:00', W(1), '2026-02-24', false, 'accepted on the make-up Saturday'],
  ['2026-02-14T09:00:00+08:00', S, '2026-02-14', false, 'make-up Saturday is a working day'],
  ['2026-02-15T09:00:00+08:00', S, '2026-02-24', false, 'first holiday'],
  ['2026-02-22T09:00:00+08:00', S, '2026-02-24', false, 'holiday Sunday'],
  ['2026-02-18T09:00:00+08:00', W(1), '2026-02-24', false, 'accepted mid-holiday'],
  ['2026-02-13T09:00:00+08:00', C(1), '2026-02-14', false, 'lands on the make-up Saturday'],
  ['2026-02-13T09:00:00+08:00', C(2), '2026-02-24', false, 'lands on 02-15, rolls over the festival'],
  ['2026-02-08T09:00:00+08:00', C(15), '2026-02-24', false, '02-23 holiday Monday rolls'],
  ['2026-02-13T20:00:00+08:00', H(8), '2026-02-14T04:00:00+08:00', false, 'hours across midnight'],
  // 清明节
  ['2023-04-04T09:00:00+08:00', W(1), '2023-04-06', false, '04-05 off'],
  ['2024-04-03T09:00:00+08:00', W(1), '2024-04-07', false, 'make-up Sunday after 04-04 … 04-06'],
  ['2024-04-03T09:00:00+08:00', W(2), '2024-04-08', false, ''],
  ['2025-04-03T09:00:00+08:00', W(1), '2025-04-07', false, ''],
  ['2026-04-03T09:00:00+08:00', W(1), '2026-04-07', false, '04-04 … 04-06'],
  ['2026-04-03T09:00:00+08:00', C(3), '2026-04-07', false, '04-06 holiday Monday rolls'],
  // 劳动节 with make-up weekends
  ['2023-04-21T09:00:00+08:00', W(1), '2023-04-23', false, 'make-up Sunday before'],
  ['2023-04-28T09:00:00+08:00', W(1), '2023-05-04', false, '04-29 … 05-03 off'],
  ['2023-04-28T09:00:00+08:00', W(3), '2023-05-06', false, 'make-up Saturday after'],
  ['2023-04-28T09:00:00+08:00', W(4), '2023-05-08', false, ''],
  ['2024-04-26T09:00:00+08:00', W(1), '2024-04-28', false, 'make-up Sunday before'],
  ['2024-04-26T09:00:00+08:00', W(4), '2024-05-06', false, '04-28, 29, 30, 05-06'],
  ['2024-05-10T09:00:00+08:00', W(1), '2024-05-11', false, 'make-up Saturday after'],
  ['2025-04-30T09:00:00+08:00', W(1), '2025-05-06', false, '05-01 … 05-05 off'],
  ['2025-04-26T09:00:00+08:00', S, '2025-04-27', false, 'plain Saturday to make-up Sunday'],
  ['2026-04-30T09:00:00+08:00', W(1), '2026-05-06', false, ''],
  ['2026-04-30T09:00:00+08:00', W(3), '2026-05-08', false, ''],
  ['2026-04-30T09:00:00+08:00', W(4), '2026-05-09', false, 'make-up Saturday'],
  ['2026-05-08T09:00:00+08:00', W(1), '2026-05-09', false, ''],
  ['2026-05-09T09:00:00+08:00', S, '2026-05-09', false, 'accepted on the make-up Saturday'],
  ['2026-05-03T09:00:00+08:00', W(1), '2026-05-06', false, 'accepted on a holiday Sunday'],
  // 端午节
  ['2023-06-21T09:00:00+08:00', W(1), '2023-06-25', false, 'make-up Sunday'],
  ['2023-06-21T09:00:00+08:00', W(2), '2023-06-26', false, ''],
  ['2024-06-07T09:00:00+08:00', W(1), '2024-06-11', false, 'weekend then 06-10 off'],
  ['2024-06-08T09:00:00+08:00', S, '2024-06-11', false, 'plain Saturday before the holiday Monday'],
  ['2025-05-30T09:00:00+08:00', W(1), '2025-06-03', false, '05-31 … 06-02'],
  ['2026-06-18T09:00:00+08:00', W(1), '2026-06-22', false, '06-19 … 06-21'],
  // 中秋节 + 国庆节: 2023 combined 09-29 … 10-06; 2025 10-01 … 10-08
  ['2023-09-28T09:00:00+08:00', W(1), '2023-10-07', false, 'make-up Saturday'],
  ['2023-09-28T09:00:00+08:00', W(2), '2023-10-08', false, 'make-up Sunday'],
  ['2023-09-28T09:00:00+08:00', W(3), '2023-10-09', false, ''],
  ['2023-09-29T09:00:00+08:00', S, '2023-10-07', false, 'accepted on 中秋'],
  ['2023-09-28T09:00:00+08:00', C(3), '2023-10-07', false, '10-01 rolls to the make-up Saturday'],
  ['2024-09-13T09:00:00+08:00', W(1), '2024-09-14', false, 'make-up Saturday before 中秋'],
  ['2024-09-13T09:00:00+08:00', W(2), '2024-09-18', false, ''],
  ['2024-09-27T09:00:00+08:00', W(1), '2024-09-29', false, 'make-up Sunday'],
  ['2024-09-27T09:00:00+08:00', W(3), '2024-10-08', false, '09-29, 09-30, 10-08'],
  ['2024-09-27T09:00:00+08:00', W(7), '2024-10-12', false, 'make-up Saturday after'],
  ['2025-09-26T09:00:00+08:00', W(1), '2025-09-28', false, 'make-up Sunday'],
  ['2025-09-26T09:00:00+08:00', W(4), '2025-10-09', false, '09-28, 29, 30, 10-09'],
  ['2025-09-30T09:00:00+08:00', W(1), '2025-10-09', false, 'over the 8-day holiday'],
  ['2025-09-30T09:00:00+08:00', W(3), '2025-10-11', false, 'make-up Saturday'],
  ['2025-09-30T09:00:00+08:00', W(4), '2025-10-13', false, ''],
  ['2025-09-30T09:00:00+08:00', C(1), '2025-10-09', false, ''],
  ['2025-09-30T09:00:00+08:00', C(8), '2025-10-09', false, ''],
  ['2025-09-30T09:00:00+08:00', C(11), '2025-10-11', false, 'lands on the make-up Saturday'],
  ['2025-09-30T09:00:00+08:00', C(12), '2025-10-13', false, 'Sunday rolls to Monday'],
  ['2026-09-18T09:00:00+08:00', W(1), '2026-09-20', false, 'make-up Sunday'],
  ['2026-09-24T09:00:00+08:00', W(1), '2026-09-28', false, '中秋 09-25 … 09-27'],
  ['2026-09-30T09:00:00+08:00', W(1), '2026-10-08', false, ''],
  ['2026-09-30T09:00:00+08:00', W(3), '2026-10-10', false, 'make-up Saturday'],
  ['2026-09-30T09:00:00+08:00', W(4), '2026-10-12', false, ''],
  ['2026-10-01T09:00:00+08:00', H(24), '2026-10-02T09:00:00+08:00', false, 'hours on a holiday'],
  // 元旦 and year ends
  ['2022-12-30T09:00:00+08:00', W(1), '2023-01-03', false, '2022-12-31 is known from the 2023 notice'],
  ['2023-12-29T09:00:00+08:00', W(1), '2024-01-02', false, ''],
  ['2024-12-31T09:00:00+08:00', W(1), '2025-01-02', false, ''],
  ['2025-12-31T09:00:00+08:00', W(1), '2026-01-04', false, 'make-up Sunday'],
  ['2025-12-31T09:00:00+08:00', W(2), '2026-01-05', false, ''],
  ['2026-12-30T09:00:00+08:00', W(1), '2026-12-31', false, 'last loaded day'],
  ['2026-12-30T09:00:00+08:00', W(2), '2027-01-01', true, '2027 not loaded: by weekday'],
  ['2026-12-31T09:00:00+08:00', W(1), '2027-01-01', true, ''],
  ['2026-12-31T09:00:00+08:00', W(3), '2027-01-05', true, '01-01 (Fri), 01-04, 01-05'],
  ['2026-12-31T09:00:00+08:00', S, '2026-12-31', false, 'nothing in 2027 consulted'],
  ['2026-12-31T09:00:00+08:00', C(1), '2027-01-01', true, ''],
  ['2026-12-30T09:00:00+08:00', C(1), '2026-12-31', false, ''],
  ['2026-11-15T09:00:00+08:00', C(60), '2027-01-14', true, 'petition handling 60 days'],
  ['2026-10-15T09:00:00+08:00', C(60), '2026-12-14', false, 'days in between are not consulted'],
  ['2026-12-31T20:00:00+08:00', H(10), '2027-01-01T06:00:00+08:00', false, 'hours never provisional'],
  ['2027-01-01T09:00:00+08:00', S, '2027-01-01', true, 'accepted in 2027'],
  ['2027-01-01T09:00:00+08:00', W(1), '2027-01-04', true, ''],
  ['2027-06-30T09:00:00+08:00', W(1), '2027-07-01', true, ''],
  ['2027-01-02T09:00:00+08:00', C(1), '2027-01-04', true, 'Sunday rolls'],
  // The Shanghai day, not the UTC day, is the acceptance date.
  ['2026-01-04T16:30:00Z', S, '2026-01-05', false, '00:30 Monday in Shanghai'],
  ['2026-01-04T16:30:00Z', W(1), '2026-01-06', false, ''],
  ['2026-01-04T15:59:59Z', S, '2026-01-04', false, '23:59:59 on the make-up Sunday'],
  ['2026-01-04T15:59:59Z', W(1), '2026-01-05', false, ''],
  ['2026-01-04T16:00:00Z', W(1), '2026-01-06', false, '00:00:00 Monday'],
  ['2026-01-05T00:00:00+08:00', W(1), '2026-01-06', false, 'first second of the day'],
  ['2026-01-05T23:59:59+08:00', W(1), '2026-01-06', false, 'last second of the day'],
  ['2026-01-05T23:59:59.999+08:00', S, '2026-01-05', false, 'last millisecond still that day'],
  ['2026-01-02T23:59:59+08:00', S, '2026-01-04', false, 'holiday Friday to make-up Sunday'],
  ['2026-02-13T20:00:00-05:00', S, '2026-02-14', false, '09:00 Saturday in Shanghai'],
  ['2026-02-13T20:00:00-05:00', W(1), '2026-02-24', false, ''],
  ['2026-02-13T15:59:59Z', W(1), '2026-02-14', false, '23:59:59 Friday in Shanghai'],
  ['2026-01-09T18:00:00+08:00', C(1), '2026-01-12', false, 'Saturday rolls past Sunday'],
  ['2026-01-10T09:00:00+08:00', W(1), '2026-01-12', false, 'accepted on a plain Saturday'],
  ['2026-01-11T09:00:00+08:00', W(5), '2026-01-16', false, 'accepted on a plain Sunday'],
  // hours
  ['2026-01-05T23:30:00+08:00', H(1), '2026-01-06T00:30:00+08:00', false, 'across midnight'],
  ['2026-01-01T00:00:00+08:00', H(3650), '2026-06-02T02:00:00+08:00', false, 'the largest n'],
  ['2026-01-04T15:00:00Z', H(2), '2026-01-05T01:00:00+08:00', false, 'UTC input'],
];

for (const [acceptedAt, r, due, provisional, why] of cases) {
  test(`${acceptedAt} + ${rule(r)} → ${due}${provisional ? ' (provisional)' : ''}${why ? ` — ${why}` : ''}`, () => {
    const got = computeDeadline(cal, r, at(acceptedAt));
    assert.equal(formatShanghai(got.due), due.length === 10 ? end(due) : due);
    assert.equal(got.provisional, provisional);
    if (due.length === 10) assert.equal(got.due.getUTCMilliseconds(), 0);
  });
}

test('hours keep the milliseconds of the start; instant is the start itself', () => {
  const start = at('2026-01-05T09:00:00.500+08:00');
  assert.equal(computeDeadline(cal, H(1), start).due.toISOString(), '2026-01-05T02:00:00.500Z');
  const now = at('2026-02-15T09:00:00+08:00');
  assert.deepEqual(computeDeadline(cal, { kind: 'instant' }, now), { due: now, provisional: false });
  assert.notEqual(computeDeadline(cal, { kind: 'instant' }, now).due, now, 'a copy, never the caller’s Date');
  assert.deepEqual(computeDeadline(cal, { kind: 'instant' }, at('2027-05-01T09:00:00+08:00')).provisional, false);
});

test('computeDeadline refuses bad n, unknown rules and invalid instants', () => {
  const t = at('2026-01-05T09:00:00+08:00');
  for (const n of [0, -1, 1.5, 3651, NaN]) {
    for (const kind of ['workdays', 'calendarDays', 'hours'] as const) {
      assert.throws(() => computeDeadline(cal, { kind, n }, t), code('deadline_n_invalid'), `${kind} ${n}`);
    }
  }
  assert.throws(() => computeDeadline(cal, { kind: 'weeks', n: 1 } as never, t), code('deadline_rule_unknown'));
  assert.throws(() => computeDeadline(cal, null as never, t), code('deadline_rule_unknown'));
  assert.throws(() => computeDeadline(cal, S, new Date('nope')), code('instant_invalid'));
  assert.throws(() => computeDeadline(cal, S, '2026-01-05T09:00:00+08:00' as never), code('instant_invalid'));
});

test('workdays 3650 works and stays fast', () => {
  const t0 = performance.now();
  const d = computeDeadline(cal, W(3650), at('2026-01-05T09:00:00+08:00'));
  assert.equal(d.provisional, true);
  assert.ok(performance.now() - t0 < 100);
});

test('isDeadlineRule recognises the five rules and nothing else', () => {
  for (const ok of [W(1), W(3650), C(60), H(24), S, { kind: 'instant' }]) assert.equal(isDeadlineRule(ok), true, JSON.stringify(ok));
  for (const bad of [null, 'workdays', {}, { kind: 'workdays' }, W(0), W(1.5), C(3651), { kind: 'hours', n: '2' }, { kind: 'weeks', n: 1 }]) {
    assert.equal(isDeadlineRule(bad), false, JSON.stringify(bad));
  }
});

// Every acceptance date of the seeded years, at 09:00 and at 23:59:59, against SPEC §4 read literally over chinese-days.
test('every acceptance date 2022-12-31 … 2026-12-31 agrees with a literal reading of SPEC §4 over chinese-days', () => {
  const rules: [DeadlineRule, 'workdays' | 'sameday' | 'calendarDays', number][] = [
    [S, 'sameday', 0],
    ...[1, 2, 3, 5, 10, 15].map((n): [DeadlineRule, 'workdays', number] => [W(n), 'workdays', n]),
    ...[1, 3, 7, 15, 30, 60].map((n): [DeadlineRule, 'calendarDays', number] => [C(n), 'calendarDays', n]),
  ];
  let checked = 0;
  for (let d = FIRST_SEEDED; d <= '2026-12-31'; d = refAddDays(d, 1)) {
    for (const time of ['T00:00:00+08:00', 'T09:00:00+08:00', 'T23:59:59+08:00']) {
      for (const [r, kind, n] of rules) {
        const [date, provisional] = refDeadlineDate(kind, d, n);
        const got = computeDeadline(cal, r, at(d + time));
        assert.equal(formatShanghai(got.due), end(date), `${d}${time} ${rule(r)}`);
        assert.equal(got.provisional, provisional, `${d}${time} ${rule(r)} provisional`);
        checked++;
      }
    }
  }
  assert.ok(checked > 50_000);
});
