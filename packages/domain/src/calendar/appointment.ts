import type { WorkCalendar } from './calendar.ts';
import { daysBetween, isIsoDate } from './local-time.ts';
import type { FieldError } from '../errors.ts';

/** How far ahead a handler may book an appointment (a site survey, an inspection), in calendar days. */
export const APPOINTMENT_MAX_DAYS_AHEAD = 90;

/**
 * An appointment the handler gives the submitter must be a working day after today (Shanghai) by the statutory
 * calendar, and not further ahead than APPOINTMENT_MAX_DAYS_AHEAD. A day of a year whose schedule is not loaded
 * is judged by its weekday, as every deadline is.
 */
export function checkAppointmentDate(calendar: WorkCalendar, date: unknown, today: string, path: string): FieldError[] {
  if (!isIsoDate(date)) return [{ path, code: 'invalid_date' }];
  if (date <= today) return [{ path, code: 'appointment_not_future', params: { date } }];
  if (daysBetween(today, date) > APPOINTMENT_MAX_DAYS_AHEAD) return [{ path, code: 'appointment_too_far', params: { max: APPOINTMENT_MAX_DAYS_AHEAD } }];
  const day = calendar.day(date);
  if (!day.workday) return [{ path, code: 'appointment_not_workday', params: { date, kind: day.kind, ...(day.name ? { name: day.name } : {}) } }];
  return [];
}
