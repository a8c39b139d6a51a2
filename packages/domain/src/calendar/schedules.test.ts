import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUTORY_SCHEDULES, type YearSchedule } from './schedules.ts';
import { weekdayOf } from './local-time.ts';
import { FIRST_SEEDED, LAST_LOADED, chineseDays } from './reference.test-support.ts';

const allDays = STATUTORY_SCHEDULES.flatMap((s) => s.days);
const datesOf = (kind: 'holiday' | 'makeup-workday') => allDays.filter((d) => d.kind === kind).map((d) => d.date).sort();
const seededSpan = (table: Record<string, string>) => Object.keys(table).filter((d) => d >= FIRST_SEEDED && d <= LAST_LOADED).sort();
const schedule = (year: number): YearSchedule => STATUTORY_SCHEDULES.find((s) => s.year === year)!;

test('schedules cover 2023–2026, one per year, in order', () => {
  assert.deepEqual(STATUTORY_SCHEDULES.map((s) => s.year), [2023, 2024, 2025, 2026]);
});

// The notices, as numbered by the State Council General Office (one notice per year, issued the year before).
const notices: [number, string][] = [
  [2023, '国办发明电〔2022〕16号'],
  [2024, '国办发明电〔2023〕7号'],
  [2025, '国办发明电〔2024〕12号'],
  [2026, '国办发明电〔2025〕7号'],
];
for (const [year, notice] of notices) {
  test(`schedule ${year}: notice ${notice} and its title`, () => {
    assert.equal(schedule(year).notice, notice);
    assert.equal(schedule(year).title, `国务院办公厅关于${year}年部分节假日安排的通知`);
  });
}

test('holiday dates equal chinese-days exactly (2022-12-31 … 2026-12-31)', () => {
  assert.deepEqual(datesOf('holiday'), seededSpan(chineseDays.holidays));
});

test('make-up workday dates equal chinese-days exactly (2022-12-31 … 2026-12-31)', () => {
  assert.deepEqual(datesOf('makeup-workday'), seededSpan(chineseDays.workdays));
});

for (const s of STATUTORY_SCHEDULES) {
  test(`schedule ${s.year}: per-year holiday and make-up sets equal chinese-days`, () => {
    const inYear = (d: string) => d.startsWith(`${s.year}-`);
    const mine = (kind: string) => s.days.filter((d) => d.kind === kind && inYear(d.date)).map((d) => d.date);
    assert.deepEqual(mine('holiday'), Object.keys(chineseDays.holidays).filter(inYear).sort());
    assert.deepEqual(mine('makeup-workday'), Object.keys(chineseDays.workdays).filter(inYear).sort());
  });

  test(`schedule ${s.year}: days sorted, each date once, every in-lieu day inside a holiday period`, () => {
    const dates = s.days.map((d) => d.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(new Set(dates).size, dates.length);
    const holidays = new Set(s.days.filter((d) => d.kind === 'holiday').map((d) => d.date));
    for (const d of Object.keys(chineseDays.inLieuDays).filter((x) => x.startsWith(`${s.year}-`))) assert.ok(holidays.has(d), d);
  });

  test(`schedule ${s.year}: make-up workdays all fall on a Saturday or Sunday`, () => {
    for (const d of s.days.filter((x) => x.kind === 'makeup-workday')) assert.ok([0, 6].includes(weekdayOf(d.date)), d.date);
  });
}

test('every day is named after its festival as chinese-days names it (清明 ⊂ 清明节, 中秋 ⊂ 中秋节、国庆节)', () => {
  for (const d of allDays) {
    const theirs = (d.kind === 'holiday' ? chineseDays.holidays : chineseDays.workdays)[d.date].split(',')[1];
    assert.ok(d.name.includes(theirs), `${d.date}: ${d.name} vs ${theirs}`);
  }
});

// "共N天" and the 上班 days of each notice, read from the notices themselves.
const announced: [number, string, number, number][] = [
  [2023, '元旦', 3, 0],
  [2023, '春节', 7, 2],
  [2023, '清明节', 1, 0],
  [2023, '劳动节', 5, 2],
  [2023, '端午节', 3, 1],
  [2023, '中秋节、国庆节', 8, 2],
  [2024, '元旦', 1, 0],
  [2024, '春节', 8, 2],
  [2024, '清明节', 3, 1],
  [2024, '劳动节', 5, 2],
  [2024, '端午节', 1, 0],
  [2024, '中秋节', 3, 1],
  [2024, '国庆节', 7, 2],
  [2025, '元旦', 1, 0],
  [2025, '春节', 8, 2],
  [2025, '清明节', 3, 0],
  [2025, '劳动节', 5, 1],
  [2025, '端午节', 3, 0],
  [2025, '国庆节、中秋节', 8, 2],
  [2026, '元旦', 3, 1],
  [2026, '春节', 9, 2],
  [2026, '清明节', 3, 0],
  [2026, '劳动节', 5, 1],
  [2026, '端午节', 3, 0],
  [2026, '中秋节', 3, 0],
  [2026, '国庆节', 7, 2],
];
for (const [year, name, off, makeups] of announced) {
  test(`schedule ${year} ${name}: 共${off}天, ${makeups} 调休上班`, () => {
    const days = schedule(year).days.filter((d) => d.name === name);
    assert.equal(days.filter((d) => d.kind === 'holiday').length, off);
    assert.equal(days.filter((d) => d.kind === 'makeup-workday').length, makeups);
  });
}

test('each schedule holds exactly the festivals of its notice', () => {
  for (const s of STATUTORY_SCHEDULES) {
    const names = [...new Set(s.days.map((d) => d.name))].sort();
    assert.deepEqual(names, announced.filter(([y]) => y === s.year).map(([, n]) => n).sort());
  }
});

// Specific arrangements called out in the notices.
const spotChecks: [string, 'holiday' | 'makeup-workday' | undefined, string | undefined, string][] = [
  ['2022-12-31', 'holiday', '元旦', 'the 2023 notice reaches back into 2022'],
  ['2023-09-29', 'holiday', '中秋节、国庆节', '2023 combined period starts on 中秋'],
  ['2023-10-06', 'holiday', '中秋节、国庆节', '2023 combined period ends'],
  ['2023-10-08', 'makeup-workday', '中秋节、国庆节', 'Sunday worked'],
  ['2024-02-09', undefined, undefined, '2024 除夕 only encouraged off: a workday'],
  ['2024-06-08', undefined, undefined, '2024 端午 "与周末连休": the Saturday stays a weekend'],
  ['2024-12-31', undefined, undefined, 'no 2025 元旦 bridge'],
  ['2025-01-28', 'holiday', '春节', '2025 除夕 is a statutory holiday (new rules)'],
  ['2025-02-04', 'holiday', '春节', '2025 Spring Festival to 正月初七'],
  ['2025-05-02', 'holiday', '劳动节', '2025 May 2 added (new rules)'],
  ['2025-10-06', 'holiday', '国庆节、中秋节', '2025 中秋 inside 国庆'],
  ['2025-10-11', 'makeup-workday', '国庆节、中秋节', 'Saturday worked'],
  ['2026-01-04', 'makeup-workday', '元旦', 'Sunday worked'],
  ['2026-02-14', 'makeup-workday', '春节', 'Saturday before'],
  ['2026-02-15', 'holiday', '春节', '腊月二十八'],
  ['2026-02-23', 'holiday', '春节', '正月初七'],
  ['2026-02-28', 'makeup-workday', '春节', 'Saturday after'],
  ['2026-09-20', 'makeup-workday', '国庆节', 'Sunday worked'],
  ['2026-10-10', 'makeup-workday', '国庆节', 'Saturday worked'],
  ['2026-10-08', undefined, undefined, 'back to work'],
];
for (const [date, kind, name, why] of spotChecks) {
  test(`schedule day ${date}: ${kind ?? 'not listed'} (${why})`, () => {
    const d = allDays.find((x) => x.date === date);
    assert.equal(d?.kind, kind);
    assert.equal(d?.name, name);
  });
}
