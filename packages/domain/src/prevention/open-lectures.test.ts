import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../calendar/calendar.ts';
import { STATUTORY_SCHEDULES } from '../calendar/schedules.ts';
import { placeSignup, promotions, signupRefusal, validateOpenLecture, waitlistPosition, type SignupSeat } from './open-lectures.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const TODAY = '2026-06-01';
const good = { title: '防范电信诈骗公开课', topics: ['telecom-fraud'], date: '2026-06-10', startTime: '14:00', durationMinutes: 90, place: '市局报告厅', speaker: '李警官', capacity: 100 };

test('a good open lecture passes; every bad field is named at once', () => {
  assert.deepEqual(validateOpenLecture(good, TODAY, cal).errors, []);
  const rows: [Record<string, unknown>, string, string][] = [
    [{ capacity: 9 }, 'capacity', 'too_small'],
    [{ capacity: 501 }, 'capacity', 'too_large'],
    [{ capacity: 10.5 }, 'capacity', 'invalid_type'],
    [{ date: TODAY }, 'date', 'appointment_not_future'],
    [{ date: '2026-06-06' }, 'date', 'appointment_not_workday'],
    [{ date: '2026-10-01' }, 'date', 'appointment_too_far'],
    [{ topics: ['weather'] }, 'topics.0', 'not_in_options'],
    [{ topics: ['telecom-fraud', 'telecom-fraud'] }, 'topics.1', 'duplicate_entry'],
    [{ topics: [] }, 'topics', 'required'],
    [{ startTime: '03:00' }, 'startTime', 'not_in_options'],
    [{ title: '短' }, 'title', 'too_short'],
    [{ extra: 1 }, 'extra', 'unknown_field'],
  ];
  for (const [over, path, code] of rows) {
    const { errors } = validateOpenLecture({ ...good, ...over }, TODAY, cal);
    assert.deepEqual(errors.map((e) => [e.path, e.code]), [[path, code]], JSON.stringify(over));
  }
  const all = validateOpenLecture({}, TODAY, cal).errors.map((e) => e.path);
  assert.deepEqual(all.sort(), ['capacity', 'date', 'durationMinutes', 'place', 'speaker', 'startTime', 'title', 'topics']);
});

test('sign-ups are refused on a cancelled or past lecture', () => {
  const rows: [{ status: 'published' | 'cancelled'; date: string }, string | null][] = [
    [{ status: 'published', date: '2026-06-02' }, null],
    [{ status: 'published', date: TODAY }, 'open_lecture_past'],
    [{ status: 'published', date: '2026-05-30' }, 'open_lecture_past'],
    [{ status: 'cancelled', date: '2026-06-02' }, 'open_lecture_cancelled'],
  ];
  for (const [l, want] of rows) assert.equal(signupRefusal(l, TODAY), want, JSON.stringify(l));
});

const seat = (id: string, status: SignupSeat['status'], attendees: number, position: number): SignupSeat => ({ id, status, attendees, position });

test('seats are confirmed until the capacity, then the waitlist fills in order', () => {
  const rows: [SignupSeat[], number, number, string][] = [
    [[], 10, 10, 'confirmed'],
    [[], 10, 11, 'waitlisted'],
    [[seat('a', 'confirmed', 6, 1)], 10, 4, 'confirmed'],
    [[seat('a', 'confirmed', 6, 1)], 10, 5, 'waitlisted'],
    [[seat('a', 'confirmed', 6, 1), seat('b', 'waitlisted', 5, 2)], 10, 1, 'waitlisted'],
    [[seat('a', 'cancelled', 10, 1)], 10, 10, 'confirmed'],
  ];
  for (const [signups, cap, n, want] of rows) assert.equal(placeSignup(signups, cap, n), want, JSON.stringify([signups, cap, n]));
});

test('a cancellation promotes the waitlisted in order, stopping at the first that does not fit', () => {
  const rows: [SignupSeat[], number, string[]][] = [
    [[seat('a', 'cancelled', 5, 1), seat('b', 'confirmed', 5, 2), seat('c', 'waitlisted', 5, 3), seat('d', 'waitlisted', 1, 4)], 10, ['c']],
    [[seat('a', 'cancelled', 5, 1), seat('c', 'waitlisted', 3, 3), seat('d', 'waitlisted', 2, 4), seat('e', 'waitlisted', 9, 5)], 5, ['c', 'd']],
    [[seat('b', 'confirmed', 8, 2), seat('c', 'waitlisted', 5, 3), seat('d', 'waitlisted', 1, 4)], 10, []],
    [[seat('d', 'waitlisted', 1, 4), seat('c', 'waitlisted', 1, 3)], 1, ['c']],
  ];
  for (const [signups, cap, want] of rows) assert.deepEqual(promotions(signups, cap), want, JSON.stringify(signups));
});

test('the waitlist position counts only those waiting, in order', () => {
  const s = [seat('a', 'confirmed', 1, 1), seat('b', 'waitlisted', 1, 5), seat('c', 'waitlisted', 1, 3), seat('d', 'cancelled', 1, 2)];
  assert.equal(waitlistPosition(s, 'b'), 2);
  assert.equal(waitlistPosition(s, 'c'), 1);
  assert.equal(waitlistPosition(s, 'a'), null);
});
