import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { readLedgerBook } from '../../../test-support/ledger-book.ts';
import { buildEnterprise, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, EN } from './support-problem.ts';

// 台账 of the remaining workbench lists (issue 13 point 4): freight accidents (M7), hazard inspections (M9), cyber
// inspections and the drill list (M16), the lecture team's open lectures and the lecture coverage (M19), and the
// liaison officer's enterprises. Each exports the rows its list gives for the same filter, with the list's access
// and validation; each export is audited.
let t: TestApp;
const u: Record<string, TestUser> = {};
let entA: { id: string };

before(async () => {
  t = await makeTestApp();
  u.traffic = await buildUser(t, 'officer', { unitId: 'zhangdian-traffic' });
  u.station = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  u.other = await buildUser(t, 'officer', { unitId: 'zhoucun-branch' });
  u.cyber = await buildUser(t, 'officer', { unitId: 'zb-cyber' });
  u.lecturer = await buildUser(t, 'officer', { unitId: 'zb-lecture' });
  u.econLeader = await buildUser(t, 'unit-leader', { unitId: 'zb-econ' });
  u.supervisor = await buildUser(t, 'supervisor');
  entA = await buildEnterprise(t.ctx, { district: 'zhangdian' });
  u.ent = await buildUser(t, 'enterprise-admin', { enterpriseId: entA.id });
  u.ent2 = await buildUser(t, 'enterprise-admin', { district: 'zhoucun' });
  // signed in on today's clock, then back to a Monday in June (a session outlives a clock set back, not forward)
  t.setNow('2026-06-01T09:00:00+08:00');

  const post = async (who: TestUser, url: string, payload: Record<string, unknown>, method: 'POST' | 'PUT' = 'POST') => {
    const r = await call(t, who, { method, url: `/api/v1${url}`, payload });
    assert.ok(r.status < 300, `${url}: ${r.status} ${r.body}`);
    return r.json;
  };
  // M7: two accidents in May, one on 1 June
  await post(u.traffic, '/traffic/accidents', { plate: '鲁C12345', occurredAt: '2026-05-20T10:00:00+08:00', releasedAt: '2026-05-20T10:35:00+08:00', simpleProcedure: true, note: '=两车追尾' });
  await post(u.traffic, '/traffic/accidents', { plate: '鲁C54321', occurredAt: '2026-05-31T23:50:00+08:00', releasedAt: '2026-06-01T00:40:00+08:00', simpleProcedure: false, vehicleDetained: true });
  await post(u.traffic, '/traffic/accidents', { plate: '鲁C11111', occurredAt: '2026-06-01T07:00:00+08:00', releasedAt: '2026-06-01T07:20:00+08:00', simpleProcedure: true });
  // M9: one inspection with hazards (open), one without
  await post(u.traffic, '/traffic/hazard-inspections', { project: '高铁新区站前路改造', location: '站前路与华光路口', inspectedOn: '2026-05-28', findings: '施工围挡占用非机动车道，夜间警示灯缺失', hazardCount: 2, rectificationDueOn: '2026-06-10' });
  await post(u.traffic, '/traffic/hazard-inspections', { project: '文昌湖物流园', location: '园区北门', inspectedOn: '2026-05-29', findings: '未发现隐患', hazardCount: 0 });
  // M16: an inspection planned and recorded, another planned; one enterprise in this year's drill
  const i = await post(u.cyber, '/cyber/inspections', { enterpriseId: entA.id, plannedDate: '2026-06-01', scope: '门户网站与客户信息数据库', inspectors: ['王警官', '赵警官'] });
  await post(u.cyber, `/cyber/inspections/${i.id}/result`, { inspectedOn: '2026-06-01', summary: '门户网站存在弱口令', findings: [{ severity: 'high', description: '门户网站后台使用弱口令，可被暴力破解' }] });
  await post(u.cyber, '/cyber/inspections', { enterpriseId: u.ent2.enterpriseId, projectName: '智慧园区平台', plannedDate: '2026-06-15', scope: '园区视频专网', inspectors: ['王警官'] });
  await post(u.cyber, `/cyber/drills/2026/enterprises/${entA.id}`, {}, 'PUT');
  // M19: a lecture with one sign-up (held on 10 June, so it counts in the coverage once that day has passed)
  const l = await post(u.lecturer, '/prevention/open-lectures', { title: '防范电信网络诈骗公开课', topics: ['telecom-fraud', 'financial-fraud'], date: '2026-06-10', startTime: '14:00', durationMinutes: 90, place: '市公安局报告厅', speaker: '李警官', capacity: 10 });
  await post(u.ent, `/enterprise/open-lectures/${l.id}/signups`, { attendees: 3 });
  // liaison: the station officer liaises with entA
  await post(u.supervisor, '/liaison/assignments', { enterpriseId: entA.id, officerId: u.station.id, reason: '首次指定' });
});
after(() => t.close());

async function book(who: TestUser, url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, ...headers } });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="jqt-[a-z-]+-\d{12}\.xlsx"$/);
  return readLedgerBook(res.rawPayload);
}
const json = async (who: TestUser, url: string) => {
  const r = await call(t, who, { method: 'GET', url });
  assert.equal(r.status, 200, r.body);
  return r.json;
};
const status = async (who: TestUser | null, url: string) => (await call(t, who, { method: 'GET', url })).status;

test('freight accidents: the records behind the statistics of the same days; only the traffic police; bad days 422', async () => {
  const q = '?from=2026-05-01&to=2026-05-31';
  const stats = await json(u.traffic, `/api/v1/traffic/accidents/stats${q}`);
  const x = await book(u.traffic, `/api/v1/traffic/accidents/export.xlsx${q}`);
  assert.match(x.title, /^货车事故快处台账｜筛选：事故日期起=2026-05-01；事故日期止=2026-05-31｜导出时间：2026-06-01 09:00（北京时间）｜导出人：.*｜共 2 条$/);
  assert.equal(x.rows.length, stats.count);
  assert.deepEqual(x.rows.map((r) => [r['号牌号码'], r['事故时间'], r['放行用时（分钟）'], r['简易程序'], r['扣车']]), [
    ['鲁C12345', '2026-05-20 10:00', '35', '是', '否'],
    ['鲁C54321', '2026-05-31 23:50', '50', '否', '是'],
  ]);
  assert.equal(x.rows[0]['备注'], "'=两车追尾", 'a formula-like note is text');
  const all = await book(u.supervisor, '/api/v1/traffic/accidents/export.xlsx?from=2026-05-01&to=2026-06-01', EN);
  assert.equal(all.rows.length, (await json(u.supervisor, '/api/v1/traffic/accidents/stats?from=2026-05-01&to=2026-06-01')).count);
  assert.equal(all.rows.length, 3);
  assert.match(all.title, /^Freight accidents ledger \| Filters: Accidents from=2026-05-01；Accidents to=2026-06-01 \| Exported 2026-06-01 09:00 \(Beijing time\) \| By .* \| 3 rows$/);
  assert.deepEqual(all.headers.slice(0, 2), ['Plate', 'Occurred']);
  assert.equal(await status(u.station, `/api/v1/traffic/accidents/export.xlsx${q}`), 403);
  assert.equal(await status(u.ent, `/api/v1/traffic/accidents/export.xlsx${q}`), 403);
  assert.equal(await status(null, `/api/v1/traffic/accidents/export.xlsx${q}`), 401);
  assertProblem(await call(t, u.traffic, { method: 'GET', url: '/api/v1/traffic/accidents/export.xlsx?from=2026-13-01&to=2026-05-01' }), 422, { code: 'validation_failed', paths: ['from'] });
  assertProblem(await call(t, u.traffic, { method: 'GET', url: '/api/v1/traffic/accidents/export.xlsx?to=2026-05-01&unit=x' }), 422, { code: 'validation_failed', paths: ['unit'] });
  assertProblem(await call(t, u.traffic, { method: 'GET', url: '/api/v1/traffic/accidents/export.xlsx?to=2026-05-01' }), 422, { code: 'validation_failed', paths: ['from'] });
});

test('hazard inspections: the list’s rows for the same filter; only the traffic police and readers; bad filter 422', async () => {
  for (const q of ['', '?open=true', '?open=false']) {
    const list = (await json(u.traffic, `/api/v1/traffic/hazard-inspections${q}`)).inspections as { project: string }[];
    const x = await book(u.traffic, `/api/v1/traffic/hazard-inspections/export.xlsx${q}`);
    assert.deepEqual(x.rows.map((r) => r['项目']), list.map((h) => h.project), q);
  }
  const open = await book(u.supervisor, '/api/v1/traffic/hazard-inspections/export.xlsx?open=true');
  assert.match(open.title, /^隐患排查台账｜筛选：仅待整改=是｜/);
  assert.deepEqual(open.rows.map((r) => [r['项目'], r['隐患数'], r['整改期限'], r['状态'], r['超期']]), [['高铁新区站前路改造', '2', '2026-06-10', '整改中', '否']]);
  assert.equal(await status(u.station, '/api/v1/traffic/hazard-inspections/export.xlsx'), 403);
  assert.equal(await status(u.ent, '/api/v1/traffic/hazard-inspections/export.xlsx'), 403);
  assertProblem(await call(t, u.traffic, { method: 'GET', url: '/api/v1/traffic/hazard-inspections/export.xlsx?open=maybe&x=1' }), 422, { code: 'validation_failed', paths: ['open', 'x'] });
});

test('cyber inspections and the drill list: the lists’ rows and scope; other police and enterprises refused; bad filter 422', async () => {
  for (const who of [u.cyber, u.supervisor]) {
    const list = (await json(who, '/api/v1/cyber/inspections')).inspections as { enterpriseName: string; noticeNumber: string | null }[];
    const x = await book(who, '/api/v1/cyber/inspections/export.xlsx');
    assert.deepEqual(x.rows.map((r) => [r['企业'], r['整改通知书编号']]), list.map((i) => [i.enterpriseName, i.noticeNumber ?? '']));
    assert.equal(x.rows.length, 2);
  }
  const en = await book(u.cyber, '/api/v1/cyber/inspections/export.xlsx', EN);
  assert.match(en.title, /^Cyber inspections ledger \| Filters: none \|/);
  assert.deepEqual(en.rows.map((r) => r.Status).sort(), ['Inspected', 'Planned']);
  assert.equal(en.rows.find((r) => r.Status === 'Inspected')?.Findings, '1');
  assert.equal(await status(u.station, '/api/v1/cyber/inspections/export.xlsx'), 403);
  assert.equal(await status(u.ent, '/api/v1/cyber/inspections/export.xlsx'), 403);
  assertProblem(await call(t, u.cyber, { method: 'GET', url: '/api/v1/cyber/inspections/export.xlsx?status=planned' }), 422, { code: 'validation_failed', paths: ['status'] });

  for (const q of ['', '?year=2026', '?year=2025']) {
    const list = (await json(u.cyber, `/api/v1/cyber/drills${q}`)).enterprises as { name: string }[];
    const x = await book(u.cyber, `/api/v1/cyber/drills/export.xlsx${q}`);
    assert.deepEqual(x.rows.map((r) => r['企业']), list.map((e) => e.name), q);
  }
  const d = await book(u.supervisor, '/api/v1/cyber/drills/export.xlsx');
  assert.match(d.title, /^护网演练参演企业台账｜筛选：年度=2026｜/);
  assert.equal(d.rows.length, 1);
  assert.equal(d.rows[0]['区县'], '张店区');
  assert.equal(await status(u.station, '/api/v1/cyber/drills/export.xlsx'), 403);
  assert.equal(await status(u.ent, '/api/v1/cyber/drills/export.xlsx'), 403);
  assertProblem(await call(t, u.cyber, { method: 'GET', url: '/api/v1/cyber/drills/export.xlsx?year=1999' }), 422, { code: 'validation_failed', paths: ['year'] });
});

test('open lectures and the coverage: the team’s list, the coverage’s cells; others refused; bad filter 422', async () => {
  const list = (await json(u.lecturer, '/api/v1/prevention/open-lectures')).lectures as { title: string }[];
  const x = await book(u.lecturer, '/api/v1/prevention/open-lectures/export.xlsx');
  assert.deepEqual(x.rows.map((r) => r['标题']), list.map((l) => l.title));
  assert.deepEqual(x.rows.map((r) => [r['宣讲主题'], r['名额'], r['已确认报名'], r['剩余名额'], r['状态']]), [['电信诈骗、金融诈骗', '10', '1', '7', '已发布']]);
  assert.equal(await status(u.station, '/api/v1/prevention/open-lectures/export.xlsx'), 403);
  assert.equal(await status(u.supervisor, '/api/v1/prevention/open-lectures/export.xlsx'), 403);
  assert.equal(await status(u.ent, '/api/v1/prevention/open-lectures/export.xlsx'), 403);
  assertProblem(await call(t, u.lecturer, { method: 'GET', url: '/api/v1/prevention/open-lectures/export.xlsx?x=1' }), 422, { code: 'validation_failed', paths: ['x'] });

  t.setNow(undefined); // today: the lecture of 10 June has been held
  try {
    for (const who of [u.lecturer, u.econLeader, u.supervisor]) {
      const cells = (await json(who, '/api/v1/prevention/lecture-coverage?year=2026')).cells as { district: string; topic: string; enterprises: number }[];
      const c = await book(who, '/api/v1/prevention/lecture-coverage/export.xlsx?year=2026');
      assert.equal(c.rows.length, cells.length);
      assert.deepEqual(c.rows.map((r) => Number(r['覆盖企业数'])), cells.map((x) => x.enterprises));
    }
    const c = await book(u.supervisor, '/api/v1/prevention/lecture-coverage/export.xlsx?year=2026', EN);
    assert.match(c.title, /^Lecture coverage ledger \| Filters: Year=2026 \|/);
    assert.deepEqual(c.rows.map((r) => [r.District, r.Topic, r['Enterprises reached']]), [
      ['Zhangdian District', 'Financial fraud', '1'],
      ['Zhangdian District', 'Telecom fraud', '1'],
    ]);
    assert.equal(await status(u.station, '/api/v1/prevention/lecture-coverage/export.xlsx?year=2026'), 403);
    assert.equal(await status(u.ent, '/api/v1/prevention/lecture-coverage/export.xlsx?year=2026'), 403);
    assertProblem(await call(t, u.supervisor, { method: 'GET', url: '/api/v1/prevention/lecture-coverage/export.xlsx' }), 422, { code: 'validation_failed', paths: ['year'] });
  } finally {
    t.setNow('2026-06-01T09:00:00+08:00');
  }
});

test('my enterprises: the liaison list with its filters and scope, every page; bad filters 422', async () => {
  for (const [who, q] of [[u.station, '?mine=true'], [u.other, '?mine=true'], [u.supervisor, '?district=zhangdian'], [u.supervisor, '?district=zhoucun&key=false']] as const) {
    const list = (await json(who, `/api/v1/liaison/enterprises${q}&limit=200`)).enterprises as { name: string }[];
    const x = await book(who, `/api/v1/liaison/enterprises/export.xlsx${q}`);
    assert.deepEqual(x.rows.map((r) => r['企业']), list.map((e) => e.name), q);
  }
  const mine = await book(u.station, '/api/v1/liaison/enterprises/export.xlsx?mine=true');
  assert.match(mine.title, /^我联系的企业台账｜筛选：仅本人=是｜/);
  assert.equal(mine.rows.length, 1);
  assert.equal(mine.rows[0]['区县'], '张店区');
  assert.match(mine.rows[0]['联络民警'], new RegExp(`^${u.station.username}（`));
  assert.deepEqual((await book(u.other, '/api/v1/liaison/enterprises/export.xlsx?mine=true')).rows, []);
  const district = await book(u.supervisor, '/api/v1/liaison/enterprises/export.xlsx?district=zhangdian');
  assert.match(district.title, /^重点企业台账｜筛选：区县=张店区｜/);
  // more than one page of the list (200): the ledger follows the list's cursor to the end
  for (let i = 0; i < 205; i++) await buildEnterprise(t.ctx, { district: 'yiyuan' });
  const names: string[] = [];
  for (let cursor = ''; ; ) {
    const page = await json(u.supervisor, `/api/v1/liaison/enterprises?district=yiyuan&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    names.push(...(page.enterprises as { name: string }[]).map((e) => e.name));
    if (!page.nextCursor) break;
    cursor = page.nextCursor as string;
  }
  assert.ok(names.length >= 205);
  assert.deepEqual((await book(u.supervisor, '/api/v1/liaison/enterprises/export.xlsx?district=yiyuan')).rows.map((r) => r['企业']), names);
  assert.equal(await status(u.ent, '/api/v1/liaison/enterprises/export.xlsx?mine=true'), 403);
  assertProblem(await call(t, u.station, { method: 'GET', url: '/api/v1/liaison/enterprises/export.xlsx?mine=perhaps&district=mars&limit=5' }), 422, { code: 'validation_failed', paths: ['district', 'limit', 'mine'] });
});

test('each export is audited under its own subject, with its filters and row count', async () => {
  const rows = await t.ctx.database.rows<{ subject: string }>(sql`select distinct subject from audit_log where action = 'ledger.export' order by subject`);
  assert.deepEqual(
    rows.map((r) => r.subject),
    ['ledger:cyber-drills', 'ledger:cyber-inspections', 'ledger:freight-accidents', 'ledger:hazard-inspections', 'ledger:lecture-coverage', 'ledger:liaison-enterprises', 'ledger:open-lectures'],
  );
  const a = await t.ctx.database.rows<{ detail: { filters: Record<string, string>; rows: number } }>(
    sql`select detail from audit_log where action = 'ledger.export' and subject = 'ledger:hazard-inspections' and detail->'filters'->>'open' = 'true' order by at limit 1`,
  );
  assert.equal(a.length, 1);
  assert.equal(a[0].detail.rows, 1);
});
