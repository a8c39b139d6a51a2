import { checkAppointmentDate, type WorkCalendar } from '../calendar/index.ts';
import type { FieldError } from '../errors.ts';
import { LECTURE_TIMES, LECTURE_TOPICS } from './lectures.ts';

/** 公开宣讲 (M19): a lecture the team schedules on the portal; enterprises sign up until it is full, then wait. */
export const OPEN_LECTURE_CAPACITY = { min: 10, max: 500 } as const;
export const OPEN_LECTURE_ATTENDEES = { min: 1, max: 20 } as const;
/** The length of a lecture in minutes, and the lengths of its texts in characters (the publish form reads them). */
export const OPEN_LECTURE_DURATION = { min: 30, max: 240 } as const;
export const OPEN_LECTURE_TEXT = { title: { min: 4, max: 100 }, place: { min: 2, max: 200 }, speaker: { min: 2, max: 50 } } as const;
export type OpenLectureStatus = 'published' | 'cancelled';
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface OpenLectureDraft {
  title: string;
  topics: string[];
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  speaker: string;
  capacity: number;
}

function checkText(errors: FieldError[], path: string, v: unknown, min: number, max: number) {
  if (typeof v !== 'string' || !v.trim()) return errors.push({ path, code: 'required' });
  if (v.trim().length < min) return errors.push({ path, code: 'too_short', params: { min } });
  if (v.trim().length > max) errors.push({ path, code: 'too_long', params: { max } });
}
function checkInt(errors: FieldError[], path: string, v: unknown, min: number, max: number) {
  if (typeof v !== 'number' || !Number.isInteger(v)) return errors.push({ path, code: v === undefined ? 'required' : 'invalid_type' });
  if (v < min) return errors.push({ path, code: 'too_small', params: { min } });
  if (v > max) errors.push({ path, code: 'too_large', params: { max } });
}

/** Every bad field at once; the date must be a future working day by the calendar (within the appointment horizon). */
export function validateOpenLecture(input: unknown, today: string, calendar: WorkCalendar): { value: OpenLectureDraft; errors: FieldError[] } {
  const v = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const known = new Set(Object.keys({ title: 1, topics: 1, date: 1, startTime: 1, durationMinutes: 1, place: 1, speaker: 1, capacity: 1 }));
  for (const k of Object.keys(v)) if (!known.has(k)) errors.push({ path: k, code: 'unknown_field' });
  const text = OPEN_LECTURE_TEXT;
  checkText(errors, 'title', v.title, text.title.min, text.title.max);
  const topics = Array.isArray(v.topics) ? v.topics : null;
  if (!topics || topics.length === 0 || topics.length > LECTURE_TOPICS.length) errors.push({ path: 'topics', code: 'required' });
  else
    topics.forEach((t, i) => {
      if (!LECTURE_TOPICS.some((x) => x.value === t)) errors.push({ path: `topics.${i}`, code: 'not_in_options' });
      else if (topics.indexOf(t) < i) errors.push({ path: `topics.${i}`, code: 'duplicate_entry' });
    });
  errors.push(...checkAppointmentDate(calendar, v.date, today, 'date'));
  if (typeof v.startTime !== 'string' || !LECTURE_TIMES.includes(v.startTime)) errors.push({ path: 'startTime', code: 'not_in_options' });
  checkInt(errors, 'durationMinutes', v.durationMinutes, OPEN_LECTURE_DURATION.min, OPEN_LECTURE_DURATION.max);
  checkText(errors, 'place', v.place, text.place.min, text.place.max);
  checkText(errors, 'speaker', v.speaker, text.speaker.min, text.speaker.max);
  checkInt(errors, 'capacity', v.capacity, OPEN_LECTURE_CAPACITY.min, OPEN_LECTURE_CAPACITY.max);
  const s = (x: unknown) => (typeof x === 'string' ? x.trim() : '');
  return {
    value: { title: s(v.title), topics: (topics ?? []) as string[], date: s(v.date), startTime: s(v.startTime), durationMinutes: Number(v.durationMinutes), place: s(v.place), speaker: s(v.speaker), capacity: Number(v.capacity) },
    errors,
  };
}

/** Whether the lecture still takes sign-ups (or cancellations): published and not yet on or past its day (Shanghai). */
export function signupRefusal(lecture: { status: OpenLectureStatus; date: string }, today: string): string | null {
  if (lecture.status === 'cancelled') return 'open_lecture_cancelled';
  if (lecture.date <= today) return 'open_lecture_past';
  return null;
}

export interface SignupSeat {
  id: string;
  status: SignupStatus;
  attendees: number;
  /** Order of arrival; the waitlist is served in it. */
  position: number;
}

/** Seats a sign-up takes: counted in people (attendees), as the room holds people, not enterprises. */
export const seatsTaken = (signups: readonly SignupSeat[]) => signups.filter((s) => s.status === 'confirmed').reduce((n, s) => n + s.attendees, 0);

/** A new sign-up is confirmed when its attendees fit in what is left and nobody waits before it; otherwise it waits. */
export function placeSignup(signups: readonly SignupSeat[], capacity: number, attendees: number): SignupStatus {
  const waiting = signups.some((s) => s.status === 'waitlisted');
  return !waiting && seatsTaken(signups) + attendees <= capacity ? 'confirmed' : 'waitlisted';
}

/**
 * After a cancellation: the waitlisted, in order, that now fit are confirmed. Strictly first come: the first waiting
 * sign-up that does not fit stops the promotion, so a small later group never jumps ahead of a larger earlier one.
 */
export function promotions(signups: readonly SignupSeat[], capacity: number): string[] {
  let taken = seatsTaken(signups);
  const out: string[] = [];
  for (const s of [...signups].filter((x) => x.status === 'waitlisted').sort((a, b) => a.position - b.position)) {
    if (taken + s.attendees > capacity) break;
    taken += s.attendees;
    out.push(s.id);
  }
  return out;
}

/** The enterprise's place in the waitlist (1 = next), or null when not waiting. */
export function waitlistPosition(signups: readonly SignupSeat[], id: string): number | null {
  const queue = signups.filter((s) => s.status === 'waitlisted').sort((a, b) => a.position - b.position);
  const i = queue.findIndex((s) => s.id === id);
  return i < 0 ? null : i + 1;
}
