import { checkAppointmentDate, type WorkCalendar } from '../calendar/index.ts';
import type { FieldError } from '../errors.ts';
import type { Label } from '../items/form.ts';

/** 平安宣讲 (M19): the topics the measure names. */
export const LECTURE_TOPICS: readonly { value: string; label: Label }[] = [
  { value: 'telecom-fraud', label: { zh: '电信诈骗', en: 'Telecom fraud' } },
  { value: 'financial-fraud', label: { zh: '金融诈骗', en: 'Financial fraud' } },
  { value: 'illegal-fundraising', label: { zh: '非法集资', en: 'Illegal fund-raising' } },
  { value: 'illegal-business', label: { zh: '非法经营', en: 'Illegal business operations' } },
  { value: 'embezzlement', label: { zh: '职务侵占', en: 'Embezzlement by staff' } },
  { value: 'public-security', label: { zh: '治安防控', en: 'Public security and prevention' } },
  { value: 'traffic-safety', label: { zh: '交通安全', en: 'Traffic safety' } },
  { value: 'cyber-security', label: { zh: '网络安全', en: 'Network security' } },
];

/** Start times a lecture may be given at (Shanghai). */
export const LECTURE_TIMES: readonly string[] = Object.freeze(['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '19:00']);

export interface LectureSlot {
  date: string;
  startTime: string;
  durationMinutes: number;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether two lectures on the same day overlap (touching ends do not). */
export function lecturesOverlap(a: LectureSlot, b: LectureSlot): boolean {
  if (a.date !== b.date) return false;
  const a0 = minutesOf(a.startTime);
  const b0 = minutesOf(b.startTime);
  return a0 < b0 + b.durationMinutes && b0 < a0 + a.durationMinutes;
}

/** The same speaker, however the name was typed (spaces, full-width spaces). */
export function speakerKey(name: string): string {
  return name.replace(/[\s\u3000·.]/g, '').toLowerCase();
}

/**
 * A booking's own rules beyond its fields: each topic once, each preferred date once and a future working day
 * (within the appointment horizon) when the calendar is known, otherwise at least after today.
 */
export function checkLectureBooking(v: Record<string, unknown>, today: string, calendar?: WorkCalendar): FieldError[] {
  const errors: FieldError[] = [];
  const topics = Array.isArray(v.topics) ? (v.topics as { topic?: string }[]) : [];
  topics.forEach((row, i) => {
    if (topics.findIndex((r) => r.topic === row.topic) < i) errors.push({ path: `data.topics.${i}.topic`, code: 'duplicate_entry' });
  });
  const dates = Array.isArray(v.preferredDates) ? (v.preferredDates as { date?: string }[]) : [];
  dates.forEach((row, i) => {
    const path = `data.preferredDates.${i}.date`;
    if (dates.findIndex((r) => r.date === row.date) < i) return errors.push({ path, code: 'duplicate_entry' });
    if (calendar) errors.push(...checkAppointmentDate(calendar, row.date, today, path));
    else if (typeof row.date === 'string' && row.date <= today) errors.push({ path, code: 'appointment_not_future', params: { date: row.date } });
  });
  return errors;
}
