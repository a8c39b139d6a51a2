import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../calendar/calendar.ts';
import { STATUTORY_SCHEDULES } from '../calendar/schedules.ts';
import { validateItemData } from '../items/item-type.ts';
import { safetyLecture } from '../items/types/safety-lecture.ts';
import { checkLectureBooking, lecturesOverlap, speakerKey } from './lectures.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const slot = (startTime: string, durationMinutes: number, date = '2026-06-04') => ({ date, startTime, durationMinutes });

test('lectures overlap when their times intersect on one day; touching ends do not', () => {
  const rows: [ReturnType<typeof slot>, ReturnType<typeof slot>, boolean][] = [
    [slot('09:00', 120), slot('10:30', 60), true],
    [slot('09:00', 120), slot('11:00', 60), false],
    [slot('14:00', 90), slot('13:30', 30), false],
    [slot('14:00', 90), slot('13:30', 31), true],
    [slot('14:00', 90), slot('14:00', 90, '2026-06-05'), false],
    [slot('08:30', 240), slot('09:00', 30), true],
  ];
  for (const [a, b, want] of rows) {
    assert.equal(lecturesOverlap(a, b), want, `${JSON.stringify(a)} ${JSON.stringify(b)}`);
    assert.equal(lecturesOverlap(b, a), want, 'symmetric');
  }
});

test('a speaker is the same however the name is spaced', () => {
  assert.equal(speakerKey('赵 警官'), speakerKey('赵警官'));
  assert.equal(speakerKey('赵\u3000警官'), speakerKey('赵警官'));
  assert.notEqual(speakerKey('赵警官'), speakerKey('钱警官'));
});

const codes = (v: Record<string, unknown>, calendar: WorkCalendar | null = cal) => checkLectureBooking(v, '2026-06-01', calendar ?? undefined).map((e) => `${e.path}:${e.code}`);

test('preferred dates are future working days, each once; topics each once', () => {
  assert.deepEqual(codes({ topics: [{ topic: 'telecom-fraud' }], preferredDates: [{ date: '2026-06-03' }] }), []);
  assert.deepEqual(codes({ preferredDates: [{ date: '2026-06-01' }] }), ['data.preferredDates.0.date:appointment_not_future']);
  assert.deepEqual(codes({ preferredDates: [{ date: '2026-06-06' }] }), ['data.preferredDates.0.date:appointment_not_workday'], 'a Saturday');
  assert.deepEqual(codes({ preferredDates: [{ date: '2026-06-19' }] }), ['data.preferredDates.0.date:appointment_not_workday'], '端午');
  assert.deepEqual(codes({ preferredDates: [{ date: '2026-06-03' }, { date: '2026-06-03' }] }), ['data.preferredDates.1.date:duplicate_entry']);
  assert.deepEqual(codes({ topics: [{ topic: 'a' }, { topic: 'b' }, { topic: 'a' }] }), ['data.topics.2.topic:duplicate_entry']);
  assert.deepEqual(codes({ preferredDates: [{ date: '2026-06-06' }] }, null), [], 'without a calendar only the future is checked');
});

test('the declaration checks the whole booking at once', () => {
  const r = validateItemData(safetyLecture, { topics: [], preferredDates: [{ date: '2026-06-06' }], audienceSize: 1, place: '会', contactName: '王', contactPhone: '123' }, '2026-06-01', 'data', cal);
  assert.deepEqual(r.errors.map((e) => `${e.path}:${e.code}`).sort(), [
    'data.audienceSize:too_small',
    'data.contactPhone:mobile_length',
    'data.place:too_short',
    'data.preferredDates.0.date:appointment_not_workday',
    'data.topics:too_small',
  ]);
});
