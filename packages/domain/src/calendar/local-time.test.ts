import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  dateOfEpochDay,
  daysBetween,
  endOfShanghaiDay,
  epochDay,
  formatShanghai,
  formatShanghaiMinute,
  isIsoDate,
  parseIsoInstant,
  shanghaiDate,
  shanghaiTimeOfDayMs,
  startOfShanghaiDay,
  weekdayOf,
} from './local-time.ts';
import { refAddDays, refWeekday } from './reference.test-support.ts';

const code = (c: string) => (e: unknown) => (e as { code?: string }).code === c;

// [input, UTC instant or null]
const instants: [unknown, string | null][] = [
  ['2026-01-05T09:00:00+08:00', '2026-01-05T01:00:00.000Z'],
  ['2026-01-05T01:00:00Z', '2026-01-05T01:00:00.000Z'],
  ['2026-01-05T09:00:00.123-05:00', '2026-01-05T14:00:00.123Z'],
  ['2026-01-05T09:00:00.1+08:00', '2026-01-05T01:00:00.100Z'],
  ['2026-01-05T09:00:00.123456789+08:00', '2026-01-05T01:00:00.123Z'],
  ['2026-01-05T09:00:00.999999Z', '2026-01-05T09:00:00.999Z'],
  ['2026-01-04T16:30:00Z', '2026-01-04T16:30:00.000Z'],
  ['2026-01-05T00:00:00+08:00', '2026-01-04T16:00:00.000Z'],
  ['2026-12-31T23:59:59+08:00', '2026-12-31T15:59:59.000Z'],
  ['2024-02-29T00:00:00+08:00', '2024-02-28T16:00:00.000Z'],
  ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
  ['2026-01-05T09:00:00-00:00', '2026-01-05T09:00:00.000Z'],
  ['2026-01-05T09:00:00+05:45', '2026-01-05T03:15:00.000Z'],
  ['2026-01-01T00:00:00+14:00', '2025-12-31T10:00:00.000Z'],
  ['2026-01-01T00:00:00-12:00', '2026-01-01T12:00:00.000Z'],
  ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
  ['1969-12-31T23:59:59Z', '1969-12-31T23:59:59.000Z'],
  // the short forms the access checks and rule sets always took: no seconds, an offset without its colon
  ['2026-01-05T09:00+08:00', '2026-01-05T01:00:00.000Z'],
  ['2026-01-05T09:00:00+0800', '2026-01-05T01:00:00.000Z'],
  ['2026-01-05T08:30+0800', '2026-01-05T00:30:00.000Z'],
  ['2026-01-05T00:30Z', '2026-01-05T00:30:00.000Z'],
  ['2026-01-05T09:00:00+23:59', '2026-01-04T09:01:00.000Z'],
  // rejected
  ['2026-01-05T09:00.5+08:00', null],
  ['2026-01-05T09:00:00+08:0', null],
  ['2026-01-05T09:00:00+080', null],
  ['2026-01-05', null],
  ['2026-01-05T09:00:00', null],
  ['2026-01-05T09:00:00.123', null],
  ['2026-01-05T09+08:00', null],
  ['2026-02-30T09:00:00+08:00', null],
  ['2025-02-29T09:00:00+08:00', null],
  ['1900-02-29T09:00:00Z', null],
  ['2026-04-31T09:00:00Z', null],
  ['2026-13-01T09:00:00Z', null],
  ['2026-00-10T09:00:00Z', null],
  ['2026-01-00T09:00:00Z', null],
  ['2026-01-32T09:00:00Z', null],
  ['2026-01-05T24:00:00+08:00', null],
  ['2026-01-05T23:60:00Z', null],
  ['2026-01-05T23:59:60Z', null],
  ['2026-01-05 09:00:00+08:00', null],
  ['2026-01-05t09:00:00z', null],
  ['2026-01-05T09:00:00z', null],
  ['2026-01-05T09:00:00+08', null],
  ['2026-01-05T09:00:00+24:00', null],
  ['2026-01-05T09:00:00+08:60', null],
  ['2026-01-05T09:00:00.Z', null],
  ['2026-01-05T09:00:00.1234567890Z', null],
  ['2026-01-05T09:00:00,5Z', null],
  [' 2026-01-05T09:00:00Z', null],
  ['2026-01-05T09:00:00Z ', null],
  ['2026-01-05T09:00:00Z\n', null],
  ['2026-1-5T09:00:00Z', null],
  ['26-01-05T09:00:00Z', null],
  ['+002026-01-05T09:00:00Z', null],
  ['2026-01-05T9:00:00Z', null],
  ['20260105T090000Z', null],
  ['2026-W02-1T09:00:00Z', null],
  ['Mon, 05 Jan 2026 09:00:00 GMT', null],
  ['１２３', null],
  ['', null],
  [null, null],
  [undefined, null],
  [1767574800000, null],
  [new Date('2026-01-05T01:00:00Z'), null],
  [{}, null],
  [['2026-01-05T09:00:00+08:00'], null],
];
for (const [input, expected] of instants) {
  test(`parseIsoInstant(${JSON.stringify(input)}) → ${expected}`, () => {
    const got = parseIsoInstant(input);
    assert.equal(got === null ? null : got.toISOString(), expected);
  });
}

test('parseIsoInstant → formatShanghai round-trips +08:00 inputs', () => {
  for (const s of ['2026-01-05T09:00:00+08:00', '2026-01-05T00:00:00+08:00', '2026-12-31T23:59:59+08:00', '2024-02-29T12:34:56+08:00']) {
    assert.equal(formatShanghai(parseIsoInstant(s)!), s);
  }
});

// [UTC instant, Shanghai date, formatted]
const shanghai: [string, string, string][] = [
  ['2026-01-04T16:30:00.000Z', '2026-01-05', '2026-01-05T00:30:00+08:00'],
  ['2026-01-04T15:59:59.999Z', '2026-01-04', '2026-01-04T23:59:59+08:00'],
  ['2026-01-04T16:00:00.000Z', '2026-01-05', '2026-01-05T00:00:00+08:00'],
  ['2026-01-05T15:59:59.000Z', '2026-01-05', '2026-01-05T23:59:59+08:00'],
  ['2025-12-31T16:00:00.000Z', '2026-01-01', '2026-01-01T00:00:00+08:00'],
  ['2025-12-31T15:59:59.000Z', '2025-12-31', '2025-12-31T23:59:59+08:00'],
  ['2024-02-28T16:00:00.000Z', '2024-02-29', '2024-02-29T00:00:00+08:00'],
  ['2024-02-29T16:00:00.000Z', '2024-03-01', '2024-03-01T00:00:00+08:00'],
  ['2026-06-15T04:05:06.789Z', '2026-06-15', '2026-06-15T12:05:06+08:00'],
  ['1970-01-01T00:00:00.000Z', '1970-01-01', '1970-01-01T08:00:00+08:00'],
  ['1969-12-31T23:59:59.500Z', '1970-01-01', '1970-01-01T07:59:59+08:00'],
  ['1969-12-31T16:00:00.000Z', '1970-01-01', '1970-01-01T00:00:00+08:00'],
  ['1969-12-31T15:59:59.500Z', '1969-12-31', '1969-12-31T23:59:59+08:00'],
];
for (const [utc, date, formatted] of shanghai) {
  test(`shanghaiDate / formatShanghai ${utc} → ${date}, ${formatted}`, () => {
    assert.equal(shanghaiDate(new Date(utc)), date);
    assert.equal(formatShanghai(new Date(utc)), formatted);
  });
}

test('shanghaiDate and formatShanghai refuse an invalid Date', () => {
  assert.throws(() => shanghaiDate(new Date('nope')), code('instant_invalid'));
  assert.throws(() => formatShanghai(new Date(NaN)), code('instant_invalid'));
});

// [date, start of day (UTC), end of day (UTC)]
const dayBounds: [string, string, string][] = [
  ['2026-01-05', '2026-01-04T16:00:00.000Z', '2026-01-05T15:59:59.000Z'],
  ['2026-01-01', '2025-12-31T16:00:00.000Z', '2026-01-01T15:59:59.000Z'],
  ['2024-02-29', '2024-02-28T16:00:00.000Z', '2024-02-29T15:59:59.000Z'],
  ['2027-01-05', '2027-01-04T16:00:00.000Z', '2027-01-05T15:59:59.000Z'],
  ['1970-01-01', '1969-12-31T16:00:00.000Z', '1970-01-01T15:59:59.000Z'],
];
for (const [date, start, end] of dayBounds) {
  test(`startOfShanghaiDay / endOfShanghaiDay ${date}`, () => {
    assert.equal(startOfShanghaiDay(date).toISOString(), start);
    assert.equal(endOfShanghaiDay(date).toISOString(), end);
    assert.equal(formatShanghai(endOfShanghaiDay(date)), `${date}T23:59:59+08:00`);
    assert.equal(formatShanghai(startOfShanghaiDay(date)), `${date}T00:00:00+08:00`);
    assert.equal(shanghaiDate(startOfShanghaiDay(date)), date);
    assert.equal(shanghaiDate(endOfShanghaiDay(date)), date);
  });
}

test('day bounds refuse a malformed date', () => {
  for (const bad of ['2026-02-30', '2026-1-5', '', '2026-01-05T00:00:00Z']) {
    assert.throws(() => endOfShanghaiDay(bad), code('invalid_date'), bad);
    assert.throws(() => startOfShanghaiDay(bad), code('invalid_date'), bad);
  }
});

const validDates = ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01', '1970-01-01', '2400-02-29', '0001-01-01', '9999-12-31'];
const invalidDates: unknown[] = [
  '2023-02-29', '1900-02-29', '2100-02-29', '2026-02-30', '2026-04-31', '2026-06-31', '2026-13-01', '2026-00-01', '2026-01-00',
  '2026-01-32', '2026-1-5', '20260105', '2026/01/05', '2026-01-05T00:00:00Z', ' 2026-01-05', '2026-01-05 ', '２０２６-01-05', '',
  null, undefined, 20260105, new Date('2026-01-05T00:00:00Z'), ['2026-01-05'],
];
for (const d of validDates) test(`isIsoDate(${d}) is true`, () => assert.equal(isIsoDate(d), true));
for (const d of invalidDates) test(`isIsoDate(${JSON.stringify(d)}) is false`, () => assert.equal(isIsoDate(d), false));

// [date, n, expected]
const shifts: [string, number, string][] = [
  ['2024-02-28', 1, '2024-02-29'],
  ['2023-02-28', 1, '2023-03-01'],
  ['2100-02-28', 1, '2100-03-01'],
  ['2000-02-28', 1, '2000-02-29'],
  ['2026-12-31', 1, '2027-01-01'],
  ['2026-01-01', -1, '2025-12-31'],
  ['2026-03-01', -1, '2026-02-28'],
  ['2024-03-01', -1, '2024-02-29'],
  ['2026-01-01', 365, '2027-01-01'],
  ['2024-01-01', 366, '2025-01-01'],
  ['2026-01-05', 0, '2026-01-05'],
  ['2026-02-13', 10, '2026-02-23'],
  ['2026-11-15', 60, '2027-01-14'],
  ['2026-10-15', 60, '2026-12-14'],
  ['1970-01-01', -1, '1969-12-31'],
  ['2026-01-01', 3650, '2035-12-30'],
];
for (const [date, n, expected] of shifts) {
  test(`addDays(${date}, ${n}) → ${expected}`, () => {
    assert.equal(addDays(date, n), expected);
    assert.equal(daysBetween(date, expected), n);
    assert.equal(daysBetween(expected, date), 0 - n);
  });
}

test('addDays refuses a malformed date, a fractional n and a year past 9999', () => {
  assert.throws(() => addDays('2026-02-30', 1), code('invalid_date'));
  assert.throws(() => addDays('2026-01-01', 1.5), code('invalid_date'));
  assert.throws(() => addDays('2026-01-01', NaN), code('invalid_date'));
  assert.throws(() => addDays('9999-12-31', 1), code('invalid_date'));
});

// [date, weekday 0 = Sunday]
const weekdays: [string, number][] = [
  ['2026-01-05', 1], ['2026-01-04', 0], ['2026-01-03', 6], ['2026-02-14', 6], ['2026-02-15', 0], ['2024-02-18', 0],
  ['2024-02-09', 5], ['2025-10-01', 3], ['2023-01-01', 0], ['2022-12-31', 6], ['2026-12-31', 4], ['2027-01-01', 5],
  ['1970-01-01', 4], ['1969-12-31', 3], ['2000-01-01', 6], ['2000-02-29', 2],
];
for (const [date, w] of weekdays) test(`weekdayOf(${date}) = ${w}`, () => assert.equal(weekdayOf(date), w));

test('addDays, weekdayOf and epoch days agree with Date arithmetic on every day 1999–2031', () => {
  let date = '1999-01-01';
  for (let i = 0; date < '2032-01-01'; i++) {
    assert.equal(weekdayOf(date), refWeekday(date), date);
    assert.equal(addDays(date, 1), refAddDays(date, 1), date);
    assert.equal(addDays(date, 37), refAddDays(date, 37), date);
    assert.equal(addDays(date, -400), refAddDays(date, -400), date);
    assert.equal(dateOfEpochDay(epochDay(date)), date);
    assert.equal(epochDay(date), Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    date = refAddDays(date, 1);
  }
});

test('daysBetween across a leap year and across the epoch', () => {
  assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  assert.equal(daysBetween('2025-01-01', '2026-01-01'), 365);
  assert.equal(daysBetween('1969-12-31', '1970-01-01'), 1);
  assert.equal(daysBetween('2026-01-05', '2026-01-05'), 0);
  assert.throws(() => daysBetween('2026-01-05', 'tomorrow'), code('invalid_date'));
});

// The one time library's edges, end to end: [input, UTC instant, Shanghai date, API form, minute form, time of day]
// (Asia/Shanghai is +08:00 all year: no DST since 1991, so July and January shift alike).
const edges: [string, string, string, string, string, string][] = [
  ['2026-03-01T00:00:00+08:00', '2026-02-28T16:00:00.000Z', '2026-03-01', '2026-03-01T00:00:00+08:00', '2026-03-01 00:00', '00:00:00'], // midnight
  ['2026-02-28T23:59:59+08:00', '2026-02-28T15:59:59.000Z', '2026-02-28', '2026-02-28T23:59:59+08:00', '2026-02-28 23:59', '23:59:59'], // the second before
  ['2026-01-15T12:00:00Z', '2026-01-15T12:00:00.000Z', '2026-01-15', '2026-01-15T20:00:00+08:00', '2026-01-15 20:00', '20:00:00'], // winter: +08:00
  ['2026-07-15T12:00:00Z', '2026-07-15T12:00:00.000Z', '2026-07-15', '2026-07-15T20:00:00+08:00', '2026-07-15 20:00', '20:00:00'], // summer: +08:00 too
  ['2026-03-29T01:30:00Z', '2026-03-29T01:30:00.000Z', '2026-03-29', '2026-03-29T09:30:00+08:00', '2026-03-29 09:30', '09:30:00'], // Europe's DST night: nothing moves
  ['2028-02-29T00:00:00+08:00', '2028-02-28T16:00:00.000Z', '2028-02-29', '2028-02-29T00:00:00+08:00', '2028-02-29 00:00', '00:00:00'], // leap day
  ['2028-02-29T23:59:59+08:00', '2028-02-29T15:59:59.000Z', '2028-02-29', '2028-02-29T23:59:59+08:00', '2028-02-29 23:59', '23:59:59'],
  ['2028-02-29T16:00:00Z', '2028-02-29T16:00:00.000Z', '2028-03-01', '2028-03-01T00:00:00+08:00', '2028-03-01 00:00', '00:00:00'], // leap day ends
  ['2026-12-31T16:00:00Z', '2026-12-31T16:00:00.000Z', '2027-01-01', '2027-01-01T00:00:00+08:00', '2027-01-01 00:00', '00:00:00'], // year end
  ['2026-12-31T15:59:59.999Z', '2026-12-31T15:59:59.999Z', '2026-12-31', '2026-12-31T23:59:59+08:00', '2026-12-31 23:59', '23:59:59'],
  ['2026-12-31T11:00:00-05:00', '2026-12-31T16:00:00.000Z', '2027-01-01', '2027-01-01T00:00:00+08:00', '2027-01-01 00:00', '00:00:00'], // another offset
  ['2027-01-01T00:00+0800', '2026-12-31T16:00:00.000Z', '2027-01-01', '2027-01-01T00:00:00+08:00', '2027-01-01 00:00', '00:00:00'], // short form
];
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);
for (const [input, utc, date, api, minute, tod] of edges) {
  test(`time edge ${input} → ${utc}, ${date}, ${api}, ${minute}`, () => {
    const at = parseIsoInstant(input);
    assert.ok(at, `${input} parses`);
    assert.equal(at.toISOString(), utc);
    assert.equal(shanghaiDate(at), date);
    assert.equal(formatShanghai(at), api);
    assert.equal(formatShanghaiMinute(at), minute);
    assert.equal(clock(shanghaiTimeOfDayMs(at)), tod);
    assert.equal(parseIsoInstant(formatShanghai(at))!.getTime(), Math.floor(at.getTime() / 1000) * 1000, 'the API form parses back (to the second)');
  });
}

const invalidInstants = [
  '2026-02-29T00:00:00+08:00', // not a leap year
  '2028-02-30T00:00:00+08:00',
  '2026-12-31T24:00:00+08:00',
  '2027-01-01T00:00:00', // no offset
  '2027-01-01T00:00', // no offset, no seconds
  '2027-01-01', // a date is not an instant
  '2027-01-01 00:00:00+08:00', // a space for the T
  '2027-01-01T00:00:00+24:00',
  '2027-01-01T00:00:00 +08:00',
  '2027-01-01T00:00:00+08:00[Asia/Shanghai]',
  'not a date',
  '',
];
for (const s of invalidInstants) test(`parseIsoInstant(${JSON.stringify(s)}) is null`, () => assert.equal(parseIsoInstant(s), null));

test('formatShanghaiMinute refuses an invalid Date, as formatShanghai does', () => {
  assert.throws(() => formatShanghaiMinute(new Date(NaN)), code('instant_invalid'));
});
