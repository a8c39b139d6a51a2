import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_RANGE_DAYS, WorkCalendar, parseDayRange, type CalendarDay } from './calendar.ts';
import { STATUTORY_SCHEDULES } from './schedules.ts';
import { addDays } from './local-time.ts';
import { FIRST_SEEDED, LAST_LOADED, chineseDays, refAddDays, refIsWorkday, refWeekday } from './reference.test-support.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const code = (c: string) => (e: unknown) => (e as { code?: string }).code === c;

test('fromSchedules loads 2023–2026', () => {
  assert.deepEqual(cal.loadedYears, [2023, 2024, 2025, 2026]);
  assert.equal(cal.isYearLoaded(2026), true);
  assert.equal(cal.isYearLoaded(2027), false);
});

// The exact shape of GET /calendar/days rows: name and provisional absent unless set.
const days: CalendarDay[] = [
  { date: '2026-02-13', workday: true, kind: 'workday' },
  { date: '2026-02-14', workday: true, kind: 'makeup-workday', name: '春节' },
  { date: '2026-02-15', workday: false, kind: 'holiday', name: '春节' },
  { date: '2026-02-21', workday: false, kind: 'holiday', name: '春节' },
  { date: '2026-02-23', workday: false, kind: 'holiday', name: '春节' },
  { date: '2026-02-24', workday: true, kind: 'workday' },
  { date: '2026-02-28', workday: true, kind: 'makeup-workday', name: '春节' },
  { date: '2026-03-01', workday: false, kind: 'weekend' },
  { date: '2026-02-07', workday: false, kind: 'weekend' },
  { date: '2026-01-01', workday: false, kind: 'holiday', name: '元旦' },
  { date: '2026-01-03', workday: false, kind: 'holiday', name: '元旦' },
  { date: '2026-01-04', workday: true, kind: 'makeup-workday', name: '元旦' },
  { date: '2026-04-04', workday: false, kind: 'holiday', name: '清明节' },
  { date: '2026-05-09', workday: true, kind: 'makeup-workday', name: '劳动节' },
  { date: '2026-06-19', workday: false, kind: 'holiday', name: '端午节' },
  { date: '2026-09-20', workday: true, kind: 'makeup-workday', name: '国庆节' },
  { date: '2026-09-25', workday: false, kind: 'holiday', name: '中秋节' },
  { date: '2026-10-07', workday: false, kind: 'holiday', name: '国庆节' },
  { date: '2026-10-10', workday: true, kind: 'makeup-workday', name: '国庆节' },
  { date: '2026-12-31', workday: true, kind: 'workday' },
  { date: '2025-10-06', workday: false, kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-09-28', workday: true, kind: 'makeup-workday', name: '国庆节、中秋节' },
  { date: '2025-01-28', workday: false, kind: 'holiday', name: '春节' },
  { date: '2025-05-02', workday: false, kind: 'holiday', name: '劳动节' },
  { date: '2025-01-04', workday: false, kind: 'weekend' },
  { date: '2024-02-09', workday: true, kind: 'workday' },
  { date: '2024-02-18', workday: true, kind: 'makeup-workday', name: '春节' },
  { date: '2024-04-07', workday: true, kind: 'makeup-workday', name: '清明节' },
  { date: '2024-06-08', workday: false, kind: 'weekend' },
  { date: '2024-06-10', workday: false, kind: 'holiday', name: '端午节' },
  { date: '2024-09-14', workday: true, kind: 'makeup-workday', name: '中秋节' },
  { date: '2023-09-29', workday: false, kind: 'holiday', name: '中秋节、国庆节' },
  { date: '2023-10-08', workday: true, kind: 'makeup-workday', name: '中秋节、国庆节' },
  { date: '2023-06-25', workday: true, kind: 'makeup-workday', name: '端午节' },
  // 2022-12-31 comes from the 2023 notice: known, so not provisional although 2022 is not loaded.
  { date: '2022-12-31', workday: false, kind: 'holiday', name: '元旦' },
  { date: '2022-12-30', workday: true, kind: 'workday', provisional: true },
  { date: '2022-12-25', workday: false, kind: 'weekend', provisional: true },
  // 2027 not loaded: weekday alone, provisional (even New Year's Day, until an admin loads the notice).
  { date: '2027-01-01', workday: true, kind: 'workday', provisional: true },
  { date: '2027-01-02', workday: false, kind: 'weekend', provisional: true },
  { date: '2027-01-03', workday: false, kind: 'weekend', provisional: true },
  { date: '2027-01-04', workday: true, kind: 'workday', provisional: true },
  { date: '2027-10-01', workday: true, kind: 'workday', provisional: true },
  { date: '2030-02-28', workday: true, kind: 'workday', provisional: true },
];
for (const expected of days) {
  test(`day(${expected.date}) → ${expected.kind}${expected.name ? ' ' + expected.name : ''}${expected.provisional ? ' provisional' : ''}`, () => {
    const got = cal.day(expected.date);
    assert.deepEqual(got, expected);
    // Keys absent, not undefined, and in contract order.
    assert.equal(JSON.stringify(got), JSON.stringify(expected));
    assert.equal(cal.isWorkday(expected.date), expected.workday);
    assert.equal(cal.isProvisional(expected.date), expected.provisional === true);
  });
}

test('every day 2023–2026 agrees with chinese-days (kind, name present, working or not)', () => {
  for (let d = '2023-01-01'; d <= LAST_LOADED; d = refAddDays(d, 1)) {
    const day = cal.day(d);
    const w = refWeekday(d);
    const kind = d in chineseDays.holidays ? 'holiday' : d in chineseDays.workdays ? 'makeup-workday' : w === 0 || w === 6 ? 'weekend' : 'workday';
    assert.equal(day.kind, kind, d);
    assert.equal(day.workday, refIsWorkday(d), d);
    assert.equal('name' in day, kind === 'holiday' || kind === 'makeup-workday', d);
    assert.equal('provisional' in day, false, d);
  }
});

test('every day of 2027 and 2022 (but 12-31) is a provisional weekday guess', () => {
  for (const [from, to] of [['2027-01-01', '2027-12-31'], ['2022-01-01', '2022-12-30']]) {
    for (let d = from; d <= to; d = refAddDays(d, 1)) {
      const w = refWeekday(d);
      const weekend = w === 0 || w === 6;
      assert.deepEqual(cal.day(d), { date: d, workday: !weekend, kind: weekend ? 'weekend' : 'workday', provisional: true }, d);
    }
  }
});

test('days(from, to) lists each day in order, both ends included', () => {
  assert.deepEqual(cal.days('2026-02-12', '2026-02-16'), [
    { date: '2026-02-12', workday: true, kind: 'workday' },
    { date: '2026-02-13', workday: true, kind: 'workday' },
    { date: '2026-02-14', workday: true, kind: 'makeup-workday', name: '春节' },
    { date: '2026-02-15', workday: false, kind: 'holiday', name: '春节' },
    { date: '2026-02-16', workday: false, kind: 'holiday', name: '春节' },
  ]);
  assert.deepEqual(cal.days('2026-12-30', '2027-01-03'), [
    { date: '2026-12-30', workday: true, kind: 'workday' },
    { date: '2026-12-31', workday: true, kind: 'workday' },
    { date: '2027-01-01', workday: true, kind: 'workday', provisional: true },
    { date: '2027-01-02', workday: false, kind: 'weekend', provisional: true },
    { date: '2027-01-03', workday: false, kind: 'weekend', provisional: true },
  ]);
  assert.deepEqual(cal.days('2026-10-10', '2026-10-10'), [{ date: '2026-10-10', workday: true, kind: 'makeup-workday', name: '国庆节' }]);
  assert.equal(cal.days('2024-01-01', '2024-12-31').length, 366);
  assert.equal(cal.days('2024-01-01', '2024-12-31').filter((d) => d.workday).length, 251);
});

test('days(from, to) accepts exactly 366 × 3 days and refuses one more', () => {
  assert.equal(MAX_RANGE_DAYS, 1098);
  assert.equal(cal.days('2024-01-01', addDays('2024-01-01', 1097)).length, 1098);
  assert.throws(() => cal.days('2024-01-01', addDays('2024-01-01', 1098)), code('calendar_range_too_long'));
  assert.throws(() => cal.days('2026-01-02', '2026-01-01'), code('calendar_range_invalid'));
  assert.throws(() => cal.days('2026-02-30', '2026-03-01'), code('invalid_date'));
});

// [from, to, ok or the error codes by path]
const ranges: [unknown, unknown, true | Record<string, string>][] = [
  ['2026-01-01', '2026-12-31', true],
  ['2026-01-01', '2026-01-01', true],
  ['2024-01-01', '2027-01-02', true],
  ['2024-01-01', '2027-01-03', { to: 'calendar_range_too_long' }],
  ['2026-01-02', '2026-01-01', { to: 'calendar_range_invalid' }],
  [undefined, '2026-01-01', { from: 'required' }],
  ['', '', { from: 'required', to: 'required' }],
  ['2026-02-30', '2026-03-01', { from: 'invalid_date' }],
  ['2026-01-01', '2026/12/31', { to: 'invalid_date' }],
  [['2026-01-01'], '2026-01-02', { from: 'invalid_date' }],
  ['2026-1-1', 'x', { from: 'invalid_date', to: 'invalid_date' }],
];
for (const [from, to, expected] of ranges) {
  test(`parseDayRange(${JSON.stringify(from)}, ${JSON.stringify(to)})`, () => {
    const r = parseDayRange(from, to);
    if (expected === true) assert.deepEqual(r, { ok: true, from, to });
    else {
      assert.equal(r.ok, false);
      if (!r.ok) assert.deepEqual(Object.fromEntries(r.errors.map((e) => [e.path, e.code])), expected);
    }
  });
}

// [date, n, nth working day strictly after]
const steps: [string, number, string, string][] = [
  ['2026-01-05', 1, '2026-01-06', 'plain Monday'],
  ['2026-01-09', 1, '2026-01-12', 'Friday → Monday'],
  ['2026-01-10', 1, '2026-01-12', 'from a plain Saturday'],
  ['2025-12-31', 1, '2026-01-04', '元旦 then make-up Sunday'],
  ['2026-02-13', 1, '2026-02-14', 'make-up Saturday'],
  ['2026-02-14', 1, '2026-02-24', 'over the whole Spring Festival'],
  ['2026-02-13', 7, '2026-03-02', '02-14, 24–27, 28 (make-up), 03-02'],
  ['2024-02-08', 1, '2024-02-09', '2024 除夕 is a workday'],
  ['2024-02-09', 1, '2024-02-18', 'make-up Sunday'],
  ['2025-09-30', 1, '2025-10-09', 'over 国庆节、中秋节'],
  ['2023-09-28', 3, '2023-10-09', '10-07, 10-08 make-up weekend, 10-09'],
  ['2026-12-31', 1, '2027-01-01', 'into an unloaded year, by weekday'],
  ['2026-12-31', 3, '2027-01-05', 'into an unloaded year, by weekday'],
  ['2026-03-02', 0, '2026-03-02', 'n = 0 is the date itself'],
  ['2026-02-15', 0, '2026-02-15', 'n = 0 even on a holiday'],
];
for (const [date, n, expected, why] of steps) {
  test(`addWorkdays(${date}, ${n}) → ${expected} (${why})`, () => {
    assert.equal(cal.addWorkdays(date, n), expected);
    if (n === 1) assert.equal(cal.nextWorkday(date), expected);
  });
}

test('walks report whether a provisional day was consulted', () => {
  assert.deepEqual(cal.workdayAfter('2026-12-30', 1), { date: '2026-12-31', provisional: false });
  assert.deepEqual(cal.workdayAfter('2026-12-30', 2), { date: '2027-01-01', provisional: true });
  assert.deepEqual(cal.workdayAfter('2022-12-30', 1), { date: '2023-01-03', provisional: false });
  assert.deepEqual(cal.workdayAfter('2022-12-29', 1), { date: '2022-12-30', provisional: true });
  assert.deepEqual(cal.workdayFrom('2026-12-31'), { date: '2026-12-31', provisional: false });
  assert.deepEqual(cal.workdayFrom('2027-01-02'), { date: '2027-01-04', provisional: true });
  assert.deepEqual(cal.workdayFrom('2026-02-15'), { date: '2026-02-24', provisional: false });
  assert.deepEqual(cal.countWorkdays('2026-12-30', '2027-01-04'), { count: 3, provisional: true });
  assert.deepEqual(cal.countWorkdays('2026-02-13', '2026-02-24'), { count: 2, provisional: false });
  assert.deepEqual(cal.countWorkdays('2026-02-24', '2026-02-13'), { count: 0, provisional: false });
});

test('addWorkdays agrees with a day-by-day walk over chinese-days for every start 2023–2026, n ∈ {1, 2, 5, 20}', () => {
  for (let d = FIRST_SEEDED; d <= LAST_LOADED; d = refAddDays(d, 1)) {
    for (const n of [1, 2, 5, 20]) {
      let e = d;
      for (let left = n; left > 0; ) if (refIsWorkday((e = refAddDays(e, 1)))) left--;
      assert.equal(cal.addWorkdays(d, n), e, `${d} + ${n}`);
    }
  }
});

test('addWorkdays guards n: integer 0…3650', () => {
  let e = '2026-01-05';
  for (let left = 3650; left > 0; ) if (refIsWorkday((e = refAddDays(e, 1)))) left--;
  assert.equal(cal.addWorkdays('2026-01-05', 3650), e);
  for (const n of [-1, 3651, 1.5, NaN, Infinity]) assert.throws(() => cal.addWorkdays('2026-01-05', n), code('deadline_n_invalid'), String(n));
  assert.throws(() => cal.addWorkdays('2026-02-30', 1), code('invalid_date'));
});

test('a calendar amended to all holidays fails loudly instead of looping', () => {
  const all = Array.from({ length: 40_010 }, (_, i) => ({ date: addDays('2026-01-01', i), kind: 'holiday' as const }));
  const stuck = new WorkCalendar({ loadedYears: [2026], days: all });
  assert.throws(() => stuck.nextWorkday('2025-12-31'), code('calendar_no_workday'));
  assert.throws(() => stuck.workdayFrom('2026-01-01'), code('calendar_no_workday'));
});

test('an admin may amend a day to any kind; later entries win; empty names are dropped', () => {
  const amended = new WorkCalendar({
    loadedYears: [2026],
    days: [
      ...STATUTORY_SCHEDULES.find((s) => s.year === 2026)!.days,
      { date: '2026-02-24', kind: 'holiday', name: '春节（延长）' }, // 2020-style extension of a published holiday
      { date: '2026-03-10', kind: 'holiday', name: '临时放假' }, // a Tuesday off
      { date: '2026-03-14', kind: 'workday', name: null }, // a Saturday worked, without a name
      { date: '2026-03-18', kind: 'weekend', name: '' }, // a Wednesday off, as a weekend
      { date: '2026-10-10', kind: 'weekend' }, // a make-up Saturday cancelled
    ],
  });
  assert.deepEqual(amended.day('2026-02-24'), { date: '2026-02-24', workday: false, kind: 'holiday', name: '春节（延长）' });
  assert.deepEqual(amended.day('2026-03-14'), { date: '2026-03-14', workday: true, kind: 'workday' });
  assert.deepEqual(amended.day('2026-03-18'), { date: '2026-03-18', workday: false, kind: 'weekend' });
  assert.deepEqual(amended.day('2026-10-10'), { date: '2026-10-10', workday: false, kind: 'weekend' });
  assert.equal(amended.addWorkdays('2026-02-14', 1), '2026-02-25');
  assert.equal(amended.nextWorkday('2026-03-09'), '2026-03-11');
  assert.equal(amended.nextWorkday('2026-03-13'), '2026-03-14');
  assert.equal(amended.nextWorkday('2026-03-17'), '2026-03-19');
  assert.equal(amended.nextWorkday('2026-10-09'), '2026-10-12');
  // The unamended calendar is untouched.
  assert.equal(cal.nextWorkday('2026-03-09'), '2026-03-10');
});

test('a day stored in an unloaded year is decided, not provisional', () => {
  const c = new WorkCalendar({ loadedYears: [2026], days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
  assert.deepEqual(c.day('2027-01-01'), { date: '2027-01-01', workday: false, kind: 'holiday', name: '元旦' });
  assert.deepEqual(c.workdayAfter('2026-12-31', 1), { date: '2027-01-04', provisional: true });
  assert.deepEqual(c.workdayFrom('2027-01-01'), { date: '2027-01-04', provisional: true });
});

test('an empty calendar is all provisional weekday guesses', () => {
  const c = new WorkCalendar({ loadedYears: [], days: [] });
  assert.deepEqual(c.day('2026-02-16'), { date: '2026-02-16', workday: true, kind: 'workday', provisional: true });
  assert.equal(c.nextWorkday('2026-02-13'), '2026-02-16');
});

test('the constructor refuses malformed days', () => {
  assert.throws(() => new WorkCalendar({ loadedYears: [], days: [{ date: '2026-02-30', kind: 'holiday' }] }), code('calendar_day_invalid'));
  assert.throws(() => new WorkCalendar({ loadedYears: [], days: [{ date: '2026-02-03', kind: 'festival' as never }] }), code('calendar_day_invalid'));
});

test('walks are fast: 10 000 walks of 15 working days and one of 3650 well under a second', () => {
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) cal.workdayAfter(addDays('2023-01-01', i % 1400), 15);
  cal.addWorkdays('2023-01-01', 3650);
  assert.ok(performance.now() - t0 < 1000, `${performance.now() - t0} ms`);
});
