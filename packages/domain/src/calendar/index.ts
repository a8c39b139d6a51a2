export * from './local-time.ts';
export * from './schedules.ts';
export * from './calendar.ts';
export * from './deadline.ts';
export { calendarMessages } from './messages.ts';
export * from './appointment.ts';
