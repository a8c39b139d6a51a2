import type { MessageTable } from '../messages/table.ts';

export const calendarMessages: MessageTable = {
  'zh-CN': {
    calendar_range_invalid: '开始日期（{from}）不能晚于结束日期（{to}）',
    calendar_range_too_long: '查询范围不能超过 {max} 天',
    calendar_day_invalid: '日历中的日期或类型有误：{date}（{kind}）',
    calendar_no_workday: '自 {from} 起 {days} 天内没有工作日，请检查节假日设置',
    deadline_rule_unknown: '期限规则应为以下之一：{allowed}',
    deadline_n_invalid: '期限数值应为 {min} 至 {max} 之间的整数',
    instant_invalid: '时间应为带时区的 ISO 8601 格式（如 2026-01-05T09:00:00+08:00）',
    appointment_not_future: '{date} 不在今天之后，请选择今天以后的日期',
    appointment_not_workday: '{date} 不是工作日（周末或法定节假日），请选择工作日',
    appointment_too_far: '最多只能安排在今天起 {max} 天内',
  },
  en: {
    calendar_range_invalid: 'The start date ({from}) must not be after the end date ({to})',
    calendar_range_too_long: 'The range may span at most {max} days',
    calendar_day_invalid: 'Invalid calendar day or kind: {date} ({kind})',
    calendar_no_workday: 'No working day within {days} days from {from}; check the holiday settings',
    deadline_rule_unknown: 'The deadline rule must be one of: {allowed}',
    deadline_n_invalid: 'The deadline number must be a whole number from {min} to {max}',
    instant_invalid: 'The time must be ISO 8601 with an offset (e.g. 2026-01-05T09:00:00+08:00)',
    appointment_not_future: '{date} is not after today; choose a later date',
    appointment_not_workday: '{date} is not a working day (weekend or public holiday); choose a working day',
    appointment_too_far: 'Appointments can be at most {max} days ahead',
  },
};

/** Messages of the admin's calendar changes (loading a year, amending a day) and the status warnings. */
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
