import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { seedDemo } from '../src/db/seed/demo.ts';
import { neutralizeCell } from '../src/modules/stats/service.ts';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let supervisor: TestUser;
let leader: TestUser;
const from = '2026-01-01';
const to = '2026-12-31';
before(async () => {
  t = await makeTestApp();
  t.setNow('2026-11-20T10:00:00+08:00');
  await seedDemo(t.ctx);
  supervisor = await buildUser(t, 'supervisor');
  leader = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
});
after(() => t.close());

const one = async (q: ReturnType<typeof sql>) => Number(Object.values((await t.ctx.database.rows(q))[0])[0]);

test('statistics agree with counts made straight from the database on the demo data', async () => {
  const r = await call(t, supervisor, { method: 'GET', url: `/api/v1/stats/overview?from=${from}&to=${to}` });
  assert.equal(r.status, 200, r.body);
  const f = new Date('2026-01-01T00:00:00+08:00');
  const e = new Date('2026-12-31T23:59:59+08:00');
  const received = await one(sql`select count(*) from items where submitted_at between ${f} and ${e}`);
  const answered = await one(sql`select count(*) from items where answered_at between ${f} and ${e}`);
  const onTime = await one(sql`select count(*) from items where answered_at between ${f} and ${e} and answered_at <= due_at`);
  const at = new Date('2026-11-20T10:00:00+08:00');
  // 当前超期 counts running clocks only: an item waiting for the enterprise's supplement is paused, not late (issue 16).
  const overdue = await one(sql`select count(*) from items where status in ('submitted','accepted','in_progress') and active_due_at <= ${at}`);
  const pausedPastDue = await one(sql`select count(*) from items where status = 'awaiting_supplement' and active_due_at <= ${at}`);
  assert.ok(pausedPastDue > 0, 'the demo has paused items past their old deadline, so the exclusion is tested');
  const bad = await one(sql`select count(*) from items where answered_at between ${f} and ${e} and rating_level = 'dissatisfied'`);
  assert.ok(received > 200, `demo has several hundred items (${received})`);
  assert.equal(r.json.totals.received, received);
  assert.equal(r.json.totals.answered, answered);
  assert.equal(r.json.totals.answeredOnTime, onTime);
  assert.equal(r.json.totals.overdueNow, overdue);
  // The overdue list the dashboard shows under the figure holds exactly as many items, none of them paused.
  const listed: { status: string; overdue: boolean }[] = [];
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = await call(t, supervisor, { method: 'GET', url: `/api/v1/items?overdue=true&limit=100${cursor ? `&cursor=${cursor}` : ''}` });
    assert.equal(page.status, 200, page.body);
    listed.push(...page.json.items);
    cursor = page.json.nextCursor;
  }
  assert.equal(listed.length, overdue);
  assert.ok(listed.every((i) => i.overdue && i.status !== 'awaiting_supplement'));
  assert.equal(r.json.byUnit.reduce((s: number, u: { received: number }) => s + u.received, 0), received);
  assert.equal(r.json.byType.reduce((s: number, u: { received: number }) => s + u.received, 0), received);
  const rated = r.json.totals.rated;
  assert.equal(r.json.totals.badRatingRate, rated ? Math.round((bad / rated) * 1000) / 1000 : null);
  assert.ok(r.json.totals.avgHandlingWorkdays >= 0);
  assert.ok(r.json.byDay.length > 10);
  assert.ok(r.json.byDistrict.some((d: { district: string }) => d.district === 'zhangdian'));
  // By district: the enterprises' districts, as a join would count them (anonymous complaints have none).
  const direct = await t.ctx.database.rows<{ district: string; received: number }>(
    sql`select e.district, count(*)::int as received from items i join enterprises e on e.id = i.enterprise_id where i.submitted_at between ${f} and ${e} group by e.district order by e.district`,
  );
  assert.deepEqual(r.json.byDistrict, direct);
});

test('a unit leader sees their unit and the units below it; enterprises and officers may not see statistics', async () => {
  const r = await call(t, leader, { method: 'GET', url: `/api/v1/stats/overview?from=${from}&to=${to}` });
  assert.equal(r.status, 200);
  // The demo's 车站派出所 sits under 张店分局 (issue 13): its items count for the 分局's leader.
  assert.deepEqual(r.json.byUnit.map((u: { unitId: string }) => u.unitId).sort(), ['zhangdian-branch', 'zhangdian-station-chezhan']);
  assert.deepEqual(r.json.scope.unitIds, ['zhangdian-branch', 'zhangdian-station-chezhan', 'zhangdian-station-hepingfang', 'zhangdian-station-mashang']);
  const ent = await buildUser(t, 'enterprise-admin');
  const officer = await buildUser(t, 'officer');
  assert.equal((await call(t, ent, { method: 'GET', url: `/api/v1/stats/overview?from=${from}&to=${to}` })).status, 403);
  assert.equal((await call(t, officer, { method: 'GET', url: `/api/v1/stats/export.xlsx?from=${from}&to=${to}` })).status, 403);
  assert.equal((await call(t, null, { method: 'GET', url: `/api/v1/stats/overview?from=${from}&to=${to}` })).status, 401);
});

test('bad periods get 422 with the field', async () => {
  for (const [q, path] of [
    ['from=2026-13-01&to=2026-12-31', 'from'],
    ['from=2026-12-01&to=2026-11-01', 'to'],
    ['from=2020-01-01&to=2026-12-31', 'to'],
    ['to=2026-12-31', 'from'],
  ]) {
    const r = await call(t, supervisor, { method: 'GET', url: `/api/v1/stats/overview?${q}` });
    assert.equal(r.status, 422, q);
    assert.ok(r.json.errors.some((e: { path: string }) => e.path.endsWith(path)), `${q}: ${r.body}`);
  }
});

test('the xlsx export has the same totals, and formula-like cells are neutralized', async () => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/stats/export.xlsx?from=${from}&to=${to}`, headers: { cookie: supervisor.cookie } });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.getWorksheet('按单位')!;
  const last = ws.getRow(ws.rowCount);
  const json = (await call(t, supervisor, { method: 'GET', url: `/api/v1/stats/overview?from=${from}&to=${to}` })).json;
  assert.equal(last.getCell(1).value, '合计');
  assert.equal(last.getCell(2).value, json.totals.received);
  for (const v of ['=1+1', '+cmd', '-2', '@SUM(A1)']) assert.equal(neutralizeCell(v), `'${v}`);
  assert.equal(neutralizeCell('张店分局'), '张店分局');
  assert.equal(neutralizeCell(42), 42);
});
