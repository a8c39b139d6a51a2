import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readLedgerBook } from '../../../test-support/ledger-book.ts';
import { sql } from 'drizzle-orm';
import { createItem, itemType } from '@jqt/domain';
import { calendarOf } from '../src/modules/calendar/service.ts';
import { insertItems, nextItemNumbers } from '../src/modules/items/repository.ts';
import { act, appealData, backend, buildUser, call, makeTestApp, PASSWORD, signIn, submitAppeal, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

// 台账 (issue 13 point 4): every staff list as xlsx with the list's filters and scope, numbers masked unless the
// user may see them, each export audited, 10,000 rows in under 5 s.
let t: TestApp;
const u: Record<string, TestUser> = {};
const n: Record<string, string> = {};
const PHONE = '13912345678';

before(async () => {
  t = await makeTestApp();
  t.setNow('2026-11-02T09:00:00+08:00');
  u.entZd = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  u.entZc = await buildUser(t, 'enterprise-admin', { district: 'zhoucun' });
  u.officerZd = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  u.officerZc = await buildUser(t, 'officer', { unitId: 'zhoucun-branch' });
  u.leaderZd = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
  u.supervisor = await buildUser(t, 'supervisor');
  const a = await submitAppeal(t, u.entZd, { title: '咨询厂区周边道路限行政策', contactPhone: PHONE });
  const b = await submitAppeal(t, u.entZd, { title: '=HYPERLINK("http://x")' });
  const c = await submitAppeal(t, u.entZc, { title: '咨询外籍员工居留许可办理' });
  n.a = a.number;
  n.b = b.number;
  n.c = c.number;
  const accepted = (await act(t, u.officerZd, b, 'accept')).json;
  const sup = await act(t, u.supervisor, accepted, 'supervise', { note: '请加快办理并按时答复企业', listed: true });
  assert.equal(sup.status, 200, sup.body);
  t.setNow('2026-11-20T09:00:00+08:00');
  u.entZd.cookie = await signIn(t, u.entZd.username, PASSWORD, u.entZd.role);
  const d = await submitAppeal(t, u.entZd, { title: '咨询危险品运输车辆通行证' });
  n.d = d.number;
  // Weeks on, a and c are past their acceptance deadline; everyone signs in afresh.
  t.setNow('2026-12-01T09:00:00+08:00');
  for (const x of Object.values(u)) x.cookie = await signIn(t, x.username, PASSWORD, x.role);
});
after(() => t.close());


async function fetchExport(who: TestUser | null, query: string, lang?: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/items/export.xlsx?${query}`, headers: { ...(who ? { cookie: who.cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) } });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="jqt-items-\d{12}\.xlsx"/);
  return res.rawPayload;
}

const exportOf = async (who: TestUser | null, query: string, lang?: string) => readLedgerBook(await fetchExport(who, query, lang));
const listNumbers = async (who: TestUser, query: string) => {
  const r = await call(t, who, { method: 'GET', url: `/api/v1/items?limit=100&${query}` });
  assert.equal(r.status, 200, r.body);
  return (r.json.items as { number: string }[]).map((i) => i.number);
};
const ours = (nums: string[]) => nums.filter((x) => Object.values(n).includes(x));

test('the export has the list’s rows in the list’s order, for every filter the queue and the dashboard use', async () => {
  const queries = ['', 'status=submitted', 'overdue=true', 'supervised=true', 'listed=true', 'rectifying=true', 'type=appeal&status=accepted', `q=${encodeURIComponent('道路限行')}`, 'from=2026-11-20&to=2026-11-30', 'unitId=zhangdian-branch&overdue=true'];
  for (const who of [u.officerZd, u.leaderZd, u.supervisor]) {
    for (const q of queries) {
      const sheet = await exportOf(who, q);
      assert.deepEqual(sheet.rows.map((r) => r['受理编号']), await listNumbers(who, q), `${who.role} ${q}`);
    }
  }
  const sup = await exportOf(u.officerZd, 'supervised=true');
  assert.deepEqual(sup.rows.map((r) => r['受理编号']), [n.b]);
  assert.equal(sup.rows[0]['督办'], '是');
  assert.equal(sup.rows[0]['挂牌'], '是');
  assert.equal(sup.rows[0]['标题'], `'=HYPERLINK("http://x")`, 'a formula-like cell is text');
  const late = (await exportOf(u.officerZd, 'overdue=true')).rows;
  assert.ok(late.length > 0 && late.every((r) => r['超期'] === '是'));
});

test('the title row names the filters, the Beijing export time and the user; headers follow the language', async () => {
  const zh = await exportOf(u.officerZd, 'status=submitted&type=appeal&overdue=true');
  assert.match(zh.title, /^受理事项台账｜筛选：事项类型=企业诉求.*状态=待受理.*超期件=是｜导出时间：2026-12-01 09:00（北京时间）｜导出人：officer/);
  assert.deepEqual(zh.headers.slice(0, 3), ['受理编号', '事项类型', '标题']);
  const en = await exportOf(u.officerZd, 'status=submitted', 'en');
  assert.match(en.title, /^Items ledger \| Filters: Status=Submitted \| Exported 2026-12-01 09:00 \(Beijing time\)/);
  assert.deepEqual(en.headers.slice(0, 3), ['Number', 'Item type', 'Title']);
  assert.equal(en.rows.find((r) => r.Number === n.a)?.Status, 'Submitted');
});

test('numbers are masked for a supervisor and open to the owner unit, whose export is recorded as a view of them', async () => {
  const masked = (await exportOf(u.supervisor, `q=${n.a}`)).rows[0];
  assert.equal(masked['联系电话'], '139****5678');
  const open = (await exportOf(u.officerZd, `q=${n.a}`)).rows[0];
  assert.equal(open['联系电话'], PHONE);
  const views = await t.ctx.database.rows<{ detail: { subjects: string[] } }>(sql`
    select detail from audit_pending where action = 'personal-data.view' and subject = 'ledger:items' and actor_id = ${u.officerZd.id}`);
  assert.ok(views.some((v) => v.detail.subjects.length === 1 && v.detail.subjects[0].startsWith('item:')));
  const none = await t.ctx.database.rows(sql`select 1 from audit_pending where action = 'personal-data.view' and actor_id = ${u.supervisor.id}`);
  assert.equal(none.length, 0, 'a masked export is no view of personal data');
});

test('every export is audited with its filters and row count', async () => {
  await exportOf(u.leaderZd, 'overdue=true&unitId=zhangdian-branch');
  const [row] = await t.ctx.database.rows<{ detail: { filters: Record<string, string>; rows: number }; actor_id: string }>(sql`
    select detail, actor_id from audit_log where action = 'ledger.export' and actor_id = ${u.leaderZd.id} order by id desc limit 1`);
  assert.deepEqual(row.detail.filters, { overdue: 'true', unitId: 'zhangdian-branch' });
  assert.equal(row.detail.rows, (await listNumbers(u.leaderZd, 'overdue=true&unitId=zhangdian-branch')).length);
});

test('nothing is exported across scope: a 周村 officer’s ledger has no 张店 item, and the other way round', async () => {
  const zc = (await exportOf(u.officerZc, '')).rows.map((r) => r['受理编号']);
  assert.deepEqual(ours(zc), [n.c]);
  assert.deepEqual(ours((await exportOf(u.officerZc, `unitId=zhangdian-branch`)).rows.map((r) => r['受理编号'])), []);
  assert.ok(!(await exportOf(u.officerZd, '')).rows.some((r) => r['受理编号'] === n.c));
});

test('401 without a session, 403 for an enterprise, 422 naming every bad filter, 422 export_too_large with the count', async () => {
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/items/export.xlsx' })).status, 401);
  assert.equal((await call(t, u.entZd, { method: 'GET', url: '/api/v1/items/export.xlsx' })).status, 403);
  const bad = await call(t, u.officerZd, { method: 'GET', url: '/api/v1/items/export.xlsx?status=lost&overdue=maybe&from=2026-13-01&limit=5' });
  assertProblem(bad, 422, { code: 'validation_failed', paths: ['from', 'limit', 'overdue', 'status'] });
  const list = await call(t, u.officerZd, { method: 'GET', url: '/api/v1/items?status=lost&overdue=maybe&from=2026-13-01' });
  assertProblem(list, 422, { code: 'validation_failed', paths: ['from', 'overdue', 'status'] });
  const range = await call(t, u.officerZd, { method: 'GET', url: '/api/v1/items/export.xlsx?from=2026-11-30&to=2026-11-01' });
  assertProblem(range, 422, { code: 'validation_failed', paths: ['to'] });
  const max = t.ctx.config.ledgerMaxRows;
  t.ctx.config.ledgerMaxRows = 1;
  try {
    const big = await call(t, u.officerZd, { method: 'GET', url: '/api/v1/items/export.xlsx' });
    assertProblem(big, 422, { code: 'export_too_large' });
    assert.equal(big.json.count, (await listNumbers(u.officerZd, '')).length);
    assert.match(big.json.title, /超过单次导出上限 1 条/);
  } finally {
    t.ctx.config.ledgerMaxRows = max;
  }
});

test('10,000 items export in under 5 s', async () => {
  const officer = await buildUser(t, 'officer', { unitId: 'gaoqing-branch' });
  const ent = await buildUser(t, 'enterprise-admin', { district: 'gaoqing' });
  const calendar = await calendarOf(t.ctx);
  const type = itemType('appeal')!;
  const now = t.ctx.now();
  const states = Array.from({ length: 10_000 }, (_, i) =>
    createItem({ id: randomUUID(), type, data: appealData({ title: `批量诉求第${i}号` }), submitterId: ent.id, enterpriseId: ent.enterpriseId, unitId: 'gaoqing-branch', now: new Date(now.getTime() - i * 60_000), calendar }),
  );
  const numbers = await nextItemNumbers(t.ctx.database.db, 'BQ', states.length);
  await insertItems(t.ctx.database.db, states.map((state, i) => ({ state, number: numbers[i] })), calendar);
  const started = performance.now();
  const file = await fetchExport(officer, '');
  const ms = performance.now() - started;
  const sheet = await readLedgerBook(file);
  console.log(`ledger: 10,000-row export in ${Math.round(ms)} ms (${backend})`);
  assert.equal(sheet.rows.length, 10_000);
  assert.equal(sheet.rows[0]['联系电话'], '13912345678', 'the owner unit sees the numbers');
  assert.ok(ms < 5000, `took ${Math.round(ms)} ms`);
});
