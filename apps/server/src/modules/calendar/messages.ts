import type { MessageTable } from '@jqt/domain';

/**
 * Messages of the codes only the calendar admin use cases raise.
 * TODO(domain): belongs in packages/domain/src/calendar/messages.ts; move it there and delete this file.
 */
export const calendarAdminMessages: MessageTable = {
  'zh-CN': {
    calendar_day_outside_year: '该日期不属于 {year} 年的安排：只能是 {year} 年内的日期，或紧邻的上年 12 月、次年 1 月',
    calendar_day_duplicate: '该日期在本次安排中重复出现，每个日期只能出现一次',
    calendar_next_year_missing: '{year} 年的节假日安排尚未导入，跨入该年的期限暂按星期推算',
    calendar_current_year_missing: '本年度（{year} 年）的节假日安排尚未导入，所有期限均按星期推算，请尽快导入',
  },
  en: {
    calendar_day_outside_year: 'This date is not part of the {year} schedule: it must fall in {year}, or in the adjoining December or January',
    calendar_day_duplicate: 'This date appears more than once in the schedule',
    calendar_next_year_missing: 'The {year} holiday schedule is not loaded yet; deadlines reaching into it are guessed by weekday',
    calendar_current_year_missing: 'This year\'s ({year}) holiday schedule is not loaded; every deadline is guessed by weekday until it is',
  },
};
