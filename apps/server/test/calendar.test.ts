import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser, call, makeTestApp, PASSWORD, signIn, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, auditEntries, EN, errorAt } from './support-problem.ts';

let t: TestApp;
let admin: TestUser;
let supervisor: TestUser;
let officer: TestUser;
let entAdmin: TestUser;

before(async () => {
  t = await makeTestApp();
  [admin, supervisor, officer, entAdmin] = await Promise.all([
    buildUser(t, 'admin'),
    buildUser(t, 'supervisor'),
    buildUser(t, 'officer'),
    buildUser(t, 'enterprise-admin'),
  ]);
});
after(() => t.close());

const days = (from: string, to: string, headers: Record<string, string> = {}) =>
  call(t, null, { method: 'GET', url: `/api/v1/calendar/days?from=${from}&to=${to}`, headers });
const deadline = (q: Record<string, string>, headers: Record<string, string> = {}) =>
  call(t, null, { method: 'GET', url: `/api/v1/calendar/deadline?${new URLSearchParams(q)}`, headers });

async function day(date: string) {
  const r = await days(date, date);
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.length, 1);
  return r.json[0];
}

// A plausible 2027 schedule (test data, not the real notice).
const schedule2027 = {
  year: 2027,
  notice: '国办发明电〔2026〕99号',
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  days: [
    ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, kind: 'holiday', name: '元旦' })),
    ...['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'].map((date) => ({ date, kind: 'holiday', name: '春节' })),
    { date: '2027-02-14', kind: 'makeup-workday', name: '春节' },
    { date: '2027-02-20', kind: 'makeup-workday', name: '春节' },
    ...['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05'].map((date) => ({ date, kind: 'holiday', name: '劳动节' })),
    { date: '2027-04-25', kind: 'makeup-workday', name: '劳动节' },
    ...['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map((date) => ({ date, kind: 'holiday', name: '国庆节' })),
  ],
};

test('calendar/days: every day has the contract shape; loaded years carry no provisional key; names only on holidays and make-up days', async () => {
  const r = await days('2026-02-01', '2026-03-31');
  assert.equal(r.status, 200, r.body);
  assert.match(String(r.headers['content-type']), /application\/json/);
  assert.equal(r.json.length, 59);
  for (const d of r.json) {
    assert.deepEqual(Object.keys(d).filter((k) => !['date', 'workday', 'kind', 'name'].includes(k)), [], JSON.stringify(d));
    assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(typeof d.workday, 'boolean');
    assert.equal(d.workday, d.kind === 'workday' || d.kind === 'makeup-workday');
    if (d.kind === 'holiday' || d.kind === 'makeup-workday') assert.equal(typeof d.name, 'string', JSON.stringify(d));
    else assert.equal('name' in d, false, JSON.stringify(d));
  }
  assert.deepEqual(
    r.json.map((d: { date: string }) => d.date).slice(0, 3),
    ['2026-02-01', '2026-02-02', '2026-02-03'],
  );
});

const kinds: [string, string, boolean, string?][] = [
  // 2026 Spring Festival: make-up Saturday before, nine holiday days including two weekends, make-up Saturday after.
  ['2026-02-13', 'workday', true],
  ['2026-02-14', 'makeup-workday', true, '春节'],
  ['2026-02-15', 'holiday', false, '春节'],
  ['2026-02-16', 'holiday', false, '春节'],
  ['2026-02-17', 'holiday', false, '春节'],
  ['2026-02-21', 'holiday', false, '春节'],
  ['2026-02-22', 'holiday', false, '春节'],
  ['2026-02-23', 'holiday', false, '春节'],
  ['2026-02-24', 'workday', true],
  ['2026-02-28', 'makeup-workday', true, '春节'],
  ['2026-03-01', 'weekend', false],
  // 2025 National Day with Mid-Autumn inside it.
  ['2025-09-27', 'weekend', false],
  ['2025-09-28', 'makeup-workday', true, '国庆节、中秋节'],
  ['2025-10-01', 'holiday', false, '国庆节、中秋节'],
  ['2025-10-04', 'holiday', false, '国庆节、中秋节'],
  ['2025-10-06', 'holiday', false, '国庆节、中秋节'],
  ['2025-10-08', 'holiday', false, '国庆节、中秋节'],
  ['2025-10-09', 'workday', true],
  ['2025-10-11', 'makeup-workday', true, '国庆节、中秋节'],
  ['2025-10-12', 'weekend', false],
  // 2024's New Year is one day joined to the weekend: the weekend stays a weekend.
  ['2023-12-29', 'workday', true],
  ['2023-12-30', 'weekend', false],
  ['2023-12-31', 'weekend', false],
  ['2024-01-01', 'holiday', false, '元旦'],
  ['2024-01-02', 'workday', true],
];

test('calendar/days: kinds across the 2026 Spring Festival, 2025 National Day + Mid-Autumn and 2023/2024 New Year', async () => {
  for (const [date, kind, workday, name] of kinds) {
    const d = await day(date);
    assert.deepEqual(d, { date, workday, kind, ...(name ? { name } : {}) }, date);
  }
  // The same days in one range query agree with the single-day answers.
  const r = await days('2023-12-30', '2024-01-01');
  assert.deepEqual(
    r.json.map((d: { kind: string }) => d.kind),
    ['weekend', 'weekend', 'holiday'],
  );
});

test('calendar/days: a year without a schedule is guessed by weekday and marked provisional', async () => {
  const r = await days('2026-12-30', '2027-01-04');
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(r.json, [
    { date: '2026-12-30', workday: true, kind: 'workday' },
    { date: '2026-12-31', workday: true, kind: 'workday' },
    { date: '2027-01-01', workday: true, kind: 'workday', provisional: true },
    { date: '2027-01-02', workday: false, kind: 'weekend', provisional: true },
    { date: '2027-01-03', workday: false, kind: 'weekend', provisional: true },
    { date: '2027-01-04', workday: true, kind: 'workday', provisional: true },
  ]);
});

test('calendar/days: bad input is a 422 problem naming the field', async () => {
  const cases: [string, string[], string?][] = [
    ['from=2026-1-5&to=2026-01-10', ['from'], 'invalid_date'],
    ['from=2026-02-30&to=2026-03-10', ['from'], 'invalid_date'],
    ['from=2026-01-05&to=tomorrow', ['to'], 'invalid_date'],
    ['from=x&to=y', ['from', 'to']],
    ['from=2026-03-10&to=2026-03-01', ['to'], 'calendar_range_invalid'],
    ['from=2020-01-01&to=2026-01-01', ['to'], 'calendar_range_too_long'],
    ['to=2026-01-10', ['from'], 'required'],
    ['from=2026-01-10', ['to'], 'required'],
    ['', ['from', 'to'], 'required'],
  ];
  for (const [q, paths, code] of cases) {
    const r = await call(t, null, { method: 'GET', url: `/api/v1/calendar/days?${q}` });
    const json = assertProblem(r, 422, { code: 'validation_failed', paths, locale: 'zh' });
    if (code) assert.equal(errorAt(json, paths[0]).code, code, q);
  }
  // Three years is the longest range; one day more is refused.
  assert.equal((await days('2024-01-01', '2026-12-31')).status, 200);
  const en = await days('2026-03-10', '2026-03-01', EN);
  assertProblem(en, 422, { paths: ['to'], locale: 'en' });
});

const deadlines: [string, Record<string, string>, string, boolean?][] = [
  ['workdays over the Spring Festival (make-up Saturday counts)', { rule: 'workdays', n: '5', acceptedAt: '2026-02-13T10:00:00+08:00' }, '2026-02-27T23:59:59+08:00'],
  ['workdays 1 accepted on a holiday', { rule: 'workdays', n: '1', acceptedAt: '2026-02-20T09:00:00+08:00' }, '2026-02-24T23:59:59+08:00'],
  ['workdays 1 accepted on a make-up Saturday (acceptance day not counted)', { rule: 'workdays', n: '1', acceptedAt: '2026-02-14T09:00:00+08:00' }, '2026-02-24T23:59:59+08:00'],
  ['workdays 3 over National Day 2025 (make-up Saturday counts)', { rule: 'workdays', n: '3', acceptedAt: '2025-09-30T15:00:00+08:00' }, '2025-10-11T23:59:59+08:00'],
  ['workdays 1 at 23:59:59+08:00 counts from the next day', { rule: 'workdays', n: '1', acceptedAt: '2026-03-02T23:59:59+08:00' }, '2026-03-03T23:59:59+08:00'],
  ['sameday on a working day', { rule: 'sameday', acceptedAt: '2026-03-06T08:00:00+08:00' }, '2026-03-06T23:59:59+08:00'],
  ['sameday at 23:59:59+08:00', { rule: 'sameday', acceptedAt: '2026-03-06T23:59:59+08:00' }, '2026-03-06T23:59:59+08:00'],
  ['sameday on a holiday rolls to the next working day', { rule: 'sameday', acceptedAt: '2026-02-16T09:00:00+08:00' }, '2026-02-24T23:59:59+08:00'],
  ['sameday on a make-up Saturday', { rule: 'sameday', acceptedAt: '2026-02-14T09:00:00+08:00' }, '2026-02-14T23:59:59+08:00'],
  ['sameday given in UTC, still Friday in Shanghai', { rule: 'sameday', acceptedAt: '2026-03-06T15:59:59Z' }, '2026-03-06T23:59:59+08:00'],
  ['sameday given in UTC, already Saturday in Shanghai', { rule: 'sameday', acceptedAt: '2026-03-06T16:30:00Z' }, '2026-03-09T23:59:59+08:00'],
  ['workdays given in UTC crossing the Shanghai date', { rule: 'workdays', n: '1', acceptedAt: '2026-03-02T16:00:00Z' }, '2026-03-04T23:59:59+08:00'],
  ['workdays given at another offset', { rule: 'workdays', n: '1', acceptedAt: '2026-03-02T12:00:00-05:00' }, '2026-03-04T23:59:59+08:00'],
  ['calendarDays landing on a working day', { rule: 'calendarDays', n: '3', acceptedAt: '2026-03-02T10:00:00+08:00' }, '2026-03-05T23:59:59+08:00'],
  ['calendarDays landing in the Spring Festival rolls past it', { rule: 'calendarDays', n: '7', acceptedAt: '2026-02-10T10:00:00+08:00' }, '2026-02-24T23:59:59+08:00'],
  ['calendarDays landing on a Sunday rolls to Monday', { rule: 'calendarDays', n: '5', acceptedAt: '2026-03-03T10:00:00+08:00' }, '2026-03-09T23:59:59+08:00'],
  ['hours ignore the calendar', { rule: 'hours', n: '48', acceptedAt: '2026-02-13T10:00:00+08:00' }, '2026-02-15T10:00:00+08:00'],
  ['hours given in UTC come back in +08:00', { rule: 'hours', n: '2', acceptedAt: '2026-03-06T23:30:00Z' }, '2026-03-07T09:30:00+08:00'],
  ['workdays within 2026 are not provisional', { rule: 'workdays', n: '2', acceptedAt: '2026-12-28T10:00:00+08:00' }, '2026-12-30T23:59:59+08:00'],
  ['workdays into 2027 are provisional', { rule: 'workdays', n: '5', acceptedAt: '2026-12-28T10:00:00+08:00' }, '2027-01-04T23:59:59+08:00', true],
  ['calendarDays into 2027 are provisional', { rule: 'calendarDays', n: '5', acceptedAt: '2026-12-28T10:00:00+08:00' }, '2027-01-04T23:59:59+08:00', true],
  ['sameday on a 2027 day is provisional', { rule: 'sameday', acceptedAt: '2027-01-01T10:00:00+08:00' }, '2027-01-01T23:59:59+08:00', true],
  ['hours into 2027 are never provisional', { rule: 'hours', n: '72', acceptedAt: '2026-12-31T10:00:00+08:00' }, '2027-01-03T10:00:00+08:00'],
];

test('calendar/deadline: every rule, across holidays, make-up days, offsets and the year end', async () => {
  for (const [name, q, due, provisional] of deadlines) {
    const r = await deadline(q);
    assert.equal(r.status, 200, `${name}: ${r.body}`);
    assert.deepEqual(r.json, { due, ...(provisional ? { provisional: true } : {}) }, name);
    assert.match(r.json.due, /\+08:00$/);
  }
});

test('calendar/deadline: bad input lists every bad field, in Chinese by default and English on request', async () => {
  const cases: [Record<string, string>, string[]][] = [
    [{ rule: 'weeks', n: '1', acceptedAt: '2026-03-02T10:00:00+08:00' }, ['rule']],
    [{ rule: 'workdays', acceptedAt: '2026-03-02T10:00:00+08:00' }, ['n']],
    [{ rule: 'workdays', n: '0', acceptedAt: '2026-03-02T10:00:00+08:00' }, ['n']],
    [{ rule: 'workdays', n: '-3', acceptedAt: '2026-03-02T10:00:00+08:00' }, ['n']],
    [{ rule: 'workdays', n: '1.5', acceptedAt: '2026-03-02T10:00:00+08:00' }, ['n']],
    [{ rule: 'hours', n: 'abc', acceptedAt: '2026-03-02T10:00:00+08:00' }, ['n']],
    [{ rule: 'workdays', n: '2', acceptedAt: '2026-03-02T10:00:00' }, ['acceptedAt']],
    [{ rule: 'workdays', n: '2', acceptedAt: 'not a date' }, ['acceptedAt']],
    [{ rule: 'workdays', n: '2', acceptedAt: '2026-02-30T10:00:00+08:00' }, ['acceptedAt']],
    [{ rule: 'workdays', n: '2' }, ['acceptedAt']],
    [{ n: '2', acceptedAt: '2026-03-02T10:00:00+08:00' }, ['rule']],
    [{ rule: 'workdays', n: '0', acceptedAt: '2026-03-02 10:00' }, ['acceptedAt', 'n']],
    [{ rule: 'weeks', acceptedAt: 'yesterday' }, ['acceptedAt', 'rule']],
    [{}, ['acceptedAt', 'rule']],
  ];
  for (const [q, paths] of cases) {
    assertProblem(await deadline(q), 422, { code: 'validation_failed', paths, locale: 'zh' });
    assertProblem(await deadline(q, EN), 422, { code: 'validation_failed', paths, locale: 'en' });
  }
  const zh = await deadline({ rule: 'workdays', n: '0', acceptedAt: 'x' });
  assert.match(errorAt(zh.json, 'n').message, /整数/);
  assert.match(errorAt(zh.json, 'acceptedAt').message, /时区|ISO/);
  const en = await deadline({ rule: 'workdays', n: '0', acceptedAt: 'x' }, EN);
  assert.match(errorAt(en.json, 'n').message, /whole number/);
  assert.match(errorAt(en.json, 'acceptedAt').message, /offset/);
});

const adminLoad = (user: TestUser | null, payload: unknown) => call(t, user, { method: 'POST', url: '/api/v1/admin/calendar/years', payload: payload as object });
const status = (user: TestUser | null) => call(t, user, { method: 'GET', url: '/api/v1/admin/calendar/status' });

test('admin/calendar: only an admin may load a year or amend a day; the status is for admins and supervisors', async () => {
  for (const u of [supervisor, officer, entAdmin]) {
    assertProblem(await adminLoad(u, schedule2027), 403);
    assertProblem(await call(t, u, { method: 'PUT', url: '/api/v1/admin/calendar/days/2026-03-04', payload: { kind: 'holiday', notice: 'x号文', reason: '测试' } }), 403);
  }
  assertProblem(await adminLoad(null, schedule2027), 401);
  assertProblem(await call(t, null, { method: 'PUT', url: '/api/v1/admin/calendar/days/2026-03-04', payload: { kind: 'holiday', notice: 'x号文', reason: '测试' } }), 401);
  assertProblem(await status(null), 401);
  assertProblem(await status(officer), 403);
  assertProblem(await status(entAdmin), 403);
  assert.equal((await status(supervisor)).status, 200);
  // Nothing of it was saved.
  assert.equal((await day('2027-01-01')).provisional, true);
  assert.equal((await day('2026-03-04')).kind, 'workday');
});

test('admin/calendar: a bad year is refused with the bad fields and nothing is saved', async () => {
  const withDays = (extra: unknown[]) => ({ ...schedule2027, days: [...schedule2027.days, ...extra] });
  const cases: [unknown, string[]][] = [
    [withDays([{ date: '2029-03-01', kind: 'holiday', name: '错年' }]), [`days.${schedule2027.days.length}.date`]],
    [withDays([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]), [`days.${schedule2027.days.length}.date`]],
    [withDays([{ date: '2027-03-01', kind: 'party', name: '派对' }]), [`days.${schedule2027.days.length}.kind`]],
    [withDays([{ date: '2027-02-30', kind: 'holiday', name: '错日' }]), [`days.${schedule2027.days.length}.date`]],
    [withDays([{ date: '2029-03-01', kind: 'holiday', name: '错年' }, { date: '2027-10-01', kind: 'holiday', name: '重复' }]), [`days.${schedule2027.days.length}.date`, `days.${schedule2027.days.length + 1}.date`]],
    [{ ...schedule2027, year: 'next' }, ['year']],
    [{ ...schedule2027, notice: undefined }, ['notice']],
  ];
  for (const [body, paths] of cases) assertProblem(await adminLoad(admin, body), 422, { code: 'validation_failed', paths, locale: 'zh' });
  // 2027 is still a weekday guess, and no 2029 day appeared.
  assert.equal((await day('2027-01-01')).provisional, true);
  assert.deepEqual(await day('2029-03-01'), { date: '2029-03-01', workday: true, kind: 'workday', provisional: true });
  assert.deepEqual(await day('2027-03-01'), { date: '2027-03-01', workday: true, kind: 'workday', provisional: true });
  const st = await status(admin);
  assert.equal(st.json.nextYearLoaded === false || st.json.nextYear !== 2027, true);
  assert.ok(!st.json.years.some((y: { year: number }) => y.year === 2027));
});

test('admin/calendar/status: from 1 November an admin is warned while next year is missing', async () => {
  try {
    t.setNow('2026-10-31T23:59:00+08:00');
    let r = await status(admin);
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.warning, null);
    t.setNow('2026-11-01T00:00:00+08:00');
    r = await status(admin);
    assert.equal(r.json.warning, 'calendar_next_year_missing');
    assert.equal(r.json.nextYear, 2027);
    assert.equal(r.json.nextYearLoaded, false);
    // 16:00 UTC on 31 October is already 1 November in Shanghai.
    t.setNow('2026-10-31T16:00:00Z');
    r = await status(admin);
    assert.equal(r.json.warning, 'calendar_next_year_missing');
  } finally {
    t.setNow(undefined);
  }
});

test('admin/calendar: loading 2027 makes its days and deadlines into it definitive, audited', async () => {
  const r = await adminLoad(admin, schedule2027);
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.year, 2027);
  assert.equal(r.json.days, schedule2027.days.length);

  const d = await days('2026-12-31', '2027-01-04');
  assert.deepEqual(d.json, [
    { date: '2026-12-31', workday: true, kind: 'workday' },
    { date: '2027-01-01', workday: false, kind: 'holiday', name: '元旦' },
    { date: '2027-01-02', workday: false, kind: 'holiday', name: '元旦' },
    { date: '2027-01-03', workday: false, kind: 'holiday', name: '元旦' },
    { date: '2027-01-04', workday: true, kind: 'workday' },
  ]);
  assert.deepEqual(await day('2027-02-14'), { date: '2027-02-14', workday: true, kind: 'makeup-workday', name: '春节' });
  assert.deepEqual(await day('2027-03-06'), { date: '2027-03-06', workday: false, kind: 'weekend' });

  const dl = await deadline({ rule: 'workdays', n: '5', acceptedAt: '2026-12-28T10:00:00+08:00' });
  assert.deepEqual(dl.json, { due: '2027-01-05T23:59:59+08:00' });
  const sf = await deadline({ rule: 'sameday', acceptedAt: '2027-02-08T10:00:00+08:00' });
  assert.deepEqual(sf.json, { due: '2027-02-14T23:59:59+08:00' });

  try {
    t.setNow('2026-11-15T10:00:00+08:00');
    const st = await status(admin);
    assert.equal(st.json.nextYearLoaded, true);
    for (const y of st.json.years) assert.match(y.loadedAt, /\+08:00$/);
    assert.deepEqual(st.json.years.map((y: { year: number }) => y.year), [2023, 2024, 2025, 2026, 2027]);
    assert.equal(st.json.warning, null);
  } finally {
    t.setNow(undefined);
  }

  const audit = await auditEntries(t, admin);
  const load = audit.find((e) => e.action === 'calendar.load-year' && e.subject === 'calendar:2027');
  assert.ok(load, 'calendar.load-year audited');
  const changes = await call(t, admin, { method: 'GET', url: '/api/v1/admin/calendar/changes' });
  assert.equal(changes.status, 200);
  assert.ok(changes.json.changes.some((c: { date: string; notice: string }) => c.date === '2027-02-14' && c.notice === schedule2027.notice));
});

test('admin/calendar/status: a year that began without its schedule is warned about all year', async () => {
  try {
    // 2027 is loaded now, 2028 is not. Sign in at the pretended time, so the session is fresh then.
    t.setNow('2027-12-15T10:00:00+08:00');
    const cookie = await signIn(t, admin.username, PASSWORD, 'admin');
    const me = { ...admin, cookie };
    let r = await status(me);
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.warning, 'calendar_next_year_missing');
    t.setNow('2028-03-01T10:00:00+08:00');
    r = await status({ ...me, cookie: await signIn(t, admin.username, PASSWORD, 'admin') });
    assert.equal(r.json.currentYearLoaded, false);
    assert.equal(r.json.warning, 'calendar_current_year_missing');
    // Deadlines that year are guesses, and say so.
    assert.deepEqual((await deadline({ rule: 'sameday', acceptedAt: '2028-03-01T10:00:00+08:00' })).json, { due: '2028-03-01T23:59:59+08:00', provisional: true });
  } finally {
    t.setNow(undefined);
  }
});

test('admin/calendar: amending one day changes the calendar and the deadlines across it, audited', async () => {
  const before = await deadline({ rule: 'workdays', n: '1', acceptedAt: '2026-03-03T10:00:00+08:00' });
  assert.deepEqual(before.json, { due: '2026-03-04T23:59:59+08:00' });

  const r = await call(t, admin, {
    method: 'PUT',
    url: '/api/v1/admin/calendar/days/2026-03-04',
    payload: { kind: 'holiday', name: '临时调整', notice: '淄政办发〔2026〕1号', reason: '测试：全市停工一日' },
  });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.from, 'workday');
  assert.equal(r.json.to, 'holiday');

  assert.deepEqual(await day('2026-03-04'), { date: '2026-03-04', workday: false, kind: 'holiday', name: '临时调整' });
  const afterAmend = await deadline({ rule: 'workdays', n: '1', acceptedAt: '2026-03-03T10:00:00+08:00' });
  assert.deepEqual(afterAmend.json, { due: '2026-03-05T23:59:59+08:00' });
  const same = await deadline({ rule: 'sameday', acceptedAt: '2026-03-04T10:00:00+08:00' });
  assert.deepEqual(same.json, { due: '2026-03-05T23:59:59+08:00' });

  // A Sunday made a working day.
  const sun = await call(t, admin, { method: 'PUT', url: '/api/v1/admin/calendar/days/2026-03-08', payload: { kind: 'makeup-workday', name: '补班', notice: '淄政办发〔2026〕1号', reason: '测试：补班' } });
  assert.equal(sun.status, 200, sun.body);
  assert.deepEqual(await day('2026-03-08'), { date: '2026-03-08', workday: true, kind: 'makeup-workday', name: '补班' });

  // Undone: back to a working day, without a name, and the deadline is back too.
  const undo = await call(t, admin, { method: 'PUT', url: '/api/v1/admin/calendar/days/2026-03-04', payload: { kind: 'workday', name: '临时调整', notice: '淄政办发〔2026〕2号', reason: '测试：撤销' } });
  assert.equal(undo.status, 200, undo.body);
  assert.deepEqual(await day('2026-03-04'), { date: '2026-03-04', workday: true, kind: 'workday' });
  assert.deepEqual((await deadline({ rule: 'workdays', n: '1', acceptedAt: '2026-03-03T10:00:00+08:00' })).json, { due: '2026-03-04T23:59:59+08:00' });

  const changes = await call(t, admin, { method: 'GET', url: '/api/v1/admin/calendar/changes' });
  assert.equal(changes.status, 200, changes.body);
  const mine = changes.json.changes.filter((c: { date: string }) => c.date === '2026-03-04');
  assert.deepEqual(mine.map((c: { oldKind: string; newKind: string }) => [c.oldKind, c.newKind]), [['holiday', 'workday'], ['workday', 'holiday']]);
  for (const c of mine) assert.match(c.at, /\+08:00$/);

  const audit = await auditEntries(t, admin);
  const amend = audit.filter((e) => e.action === 'calendar.amend-day');
  assert.ok(amend.some((e) => e.subject === 'calendar:2026-03-04'));
  assert.ok(amend.some((e) => e.subject === 'calendar:2026-03-08'));

  // Bad amendments: 422 with the fields, nothing changed.
  const bad: [string, unknown, string[]][] = [
    ['2026-02-30', { kind: 'holiday', notice: 'x号文', reason: '测试' }, ['date']],
    ['2026-03-09', { kind: 'party', notice: 'x号文', reason: '测试' }, ['kind']],
    ['2026-03-09', { kind: 'holiday', reason: '测试' }, ['notice']],
    ['2026-03-09', { kind: 'holiday', notice: 'x号文' }, ['reason']],
  ];
  for (const [date, body, paths] of bad) {
    assertProblem(await call(t, admin, { method: 'PUT', url: `/api/v1/admin/calendar/days/${date}`, payload: body as object }), 422, { paths, locale: 'zh' });
  }
  assert.deepEqual(await day('2026-03-09'), { date: '2026-03-09', workday: true, kind: 'workday' });
});

test('audit chain still verifies after the calendar changes', async () => {
  const r = await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit/verify' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.ok, true, r.body);
});
