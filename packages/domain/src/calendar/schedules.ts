/**
 * The State Council's yearly holiday schedules (国务院办公厅关于YYYY年部分节假日安排的通知), as published.
 * This is seed data: the database is the source of truth, and an admin loads each new year from its notice.
 *
 * Every day inside an announced holiday period is a `holiday` (its Saturdays, Sundays and in-lieu days too);
 * every 调休上班 day is a `makeup-workday` named after the festival it serves. A period is written exactly as
 * the notice words it: "1月1日放假，与周末连休" announces one day, so the adjoining weekend stays a weekend.
 * Days are keyed by date, not by notice year: the 2023 notice starts its 元旦 on 2022-12-31.
 */
import { addDays, daysBetween } from './local-time.ts';

export interface ScheduleDay {
  date: string;
  kind: 'holiday' | 'makeup-workday';
  name: string;
}

export interface YearSchedule {
  year: number;
  notice: string;
  title: string;
  days: ScheduleDay[];
}

/** Every day from `from` to `to` inclusive, as a holiday of `name`. */
function period(name: string, from: string, to: string): ScheduleDay[] {
  const length = daysBetween(from, to) + 1;
  // A notice's period is at most a few days long; anything else is a typo in this file.
  if (length < 1 || length > 10) throw new Error(`holiday period ${name} ${from}…${to} looks wrong`);
  return Array.from({ length }, (_, i) => ({ date: addDays(from, i), kind: 'holiday' as const, name }));
}

/** The 调休上班 days serving `name`. */
function makeup(name: string, ...dates: string[]): ScheduleDay[] {
  return dates.map((date) => ({ date, kind: 'makeup-workday' as const, name }));
}

function schedule(year: number, notice: string, parts: ScheduleDay[][]): YearSchedule {
  const days = parts.flat().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, notice, title: `国务院办公厅关于${year}年部分节假日安排的通知`, days };
}

export const STATUTORY_SCHEDULES: YearSchedule[] = [
  // Issued 2022-12-08.
  schedule(2023, '国办发明电〔2022〕16号', [
    period('元旦', '2022-12-31', '2023-01-02'),
    period('春节', '2023-01-21', '2023-01-27'),
    makeup('春节', '2023-01-28', '2023-01-29'),
    period('清明节', '2023-04-05', '2023-04-05'),
    period('劳动节', '2023-04-29', '2023-05-03'),
    makeup('劳动节', '2023-04-23', '2023-05-06'),
    period('端午节', '2023-06-22', '2023-06-24'),
    makeup('端午节', '2023-06-25'),
    // One combined period, as the notice announces it (中秋节 falls on 9月29日).
    period('中秋节、国庆节', '2023-09-29', '2023-10-06'),
    makeup('中秋节、国庆节', '2023-10-07', '2023-10-08'),
  ]),
  // Issued 2023-10-25. 元旦 and 端午节 are single days "与周末连休"; 除夕 (02-09) only encouraged off, still a workday.
  schedule(2024, '国办发明电〔2023〕7号', [
    period('元旦', '2024-01-01', '2024-01-01'),
    period('春节', '2024-02-10', '2024-02-17'),
    makeup('春节', '2024-02-04', '2024-02-18'),
    period('清明节', '2024-04-04', '2024-04-06'),
    makeup('清明节', '2024-04-07'),
    period('劳动节', '2024-05-01', '2024-05-05'),
    makeup('劳动节', '2024-04-28', '2024-05-11'),
    period('端午节', '2024-06-10', '2024-06-10'),
    period('中秋节', '2024-09-15', '2024-09-17'),
    makeup('中秋节', '2024-09-14'),
    period('国庆节', '2024-10-01', '2024-10-07'),
    makeup('国庆节', '2024-09-29', '2024-10-12'),
  ]),
  // Issued 2024-11-12, the first under the amended 全国年节及纪念日放假办法 (除夕 and 5月2日 added).
  schedule(2025, '国办发明电〔2024〕12号', [
    period('元旦', '2025-01-01', '2025-01-01'),
    period('春节', '2025-01-28', '2025-02-04'),
    makeup('春节', '2025-01-26', '2025-02-08'),
    period('清明节', '2025-04-04', '2025-04-06'),
    period('劳动节', '2025-05-01', '2025-05-05'),
    makeup('劳动节', '2025-04-27'),
    period('端午节', '2025-05-31', '2025-06-02'),
    // 中秋节 (10月6日) falls inside 国庆节: the notice announces "国庆节、中秋节" as one period.
    period('国庆节、中秋节', '2025-10-01', '2025-10-08'),
    makeup('国庆节、中秋节', '2025-09-28', '2025-10-11'),
  ]),
  // Issued 2025-11-04.
  schedule(2026, '国办发明电〔2025〕7号', [
    period('元旦', '2026-01-01', '2026-01-03'),
    makeup('元旦', '2026-01-04'),
    period('春节', '2026-02-15', '2026-02-23'),
    makeup('春节', '2026-02-14', '2026-02-28'),
    period('清明节', '2026-04-04', '2026-04-06'),
    period('劳动节', '2026-05-01', '2026-05-05'),
    makeup('劳动节', '2026-05-09'),
    period('端午节', '2026-06-19', '2026-06-21'),
    period('中秋节', '2026-09-25', '2026-09-27'),
    period('国庆节', '2026-10-01', '2026-10-07'),
    makeup('国庆节', '2026-09-20', '2026-10-10'),
  ]),
];
