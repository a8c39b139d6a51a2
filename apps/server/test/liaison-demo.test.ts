import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { call, type TestApp, type TestUser } from './helpers.ts';
import { makeDemoApp, type DemoApp } from './support-demo.ts';

let t: TestApp;
let demo: DemoApp['demo'];
let supervisor: TestUser;
let desk: TestUser;
let ent1: TestUser;

before(async () => {
  ({ t, demo } = await makeDemoApp('2026-11-20T10:00:00+08:00'));
  supervisor = await demo('supervisor', 'supervisor');
  desk = await demo('leader.zhangdian', 'unit-leader');
  ent1 = await demo('ent.demo1', 'enterprise-admin');
});
after(() => t.close());

test('the demo gives 张店 key enterprises with officers, one never visited and one not for 45 days; 淄川 one without an officer', async () => {
  const c = (await call(t, desk, { method: 'GET', url: '/api/v1/liaison/coverage?district=zhangdian' })).json;
  assert.equal(c.district, 'zhangdian');
  assert.equal(c.counts.keyEnterprises, 3);
  assert.equal(c.counts.keyWithoutOfficer, 0);
  assert.deepEqual(c.notVisited.map((e: { name: string; lastVisitOn: string | null }) => [e.name, e.lastVisitOn]).sort(), [
    ['淄博华光陶瓷科技文化有限公司', null],
    ['淄博博远智能装备有限公司', '2026-10-06'],
  ]);
  const city = (await call(t, supervisor, { method: 'GET', url: '/api/v1/liaison/coverage' })).json;
  assert.deepEqual(city.unassigned.map((e: { name: string }) => e.name), ['山东淄川耐火材料集团有限公司']);
  assert.ok(city.idleOfficers.some((p: { displayName: string }) => p.displayName === '淄川区 值班民警'), 'an officer with no enterprise');
  assert.equal(city.counts.officersLinked, 2);
  // this month (November) holds the 14th's phone call: one problem solved, one turned into an item
  assert.deepEqual([city.counts.problemsRaised, city.counts.problemsSolved, city.counts.problemsTurnedIntoItems], [2, 1, 1]);
});

test('the demo enterprise sees its officer with the unit phone, two visits (the older confirmed) and the problem that became an item', async () => {
  const mine = (await call(t, ent1, { method: 'GET', url: '/api/v1/enterprise/liaison' })).json;
  assert.equal(mine.officer.displayName, '张店分局 李警官');
  assert.match(mine.officer.workPhone, /^0533-/);
  const visits = (await call(t, ent1, { method: 'GET', url: '/api/v1/enterprise/visits' })).json.visits as { date: string; confirmation: { verdict: string } | null; problems: { outcome: string; itemNumber: string | null }[] }[];
  assert.deepEqual(visits.map((v) => v.date), ['2026-11-14', '2026-10-06']);
  assert.equal(visits[1].confirmation?.verdict, 'confirmed');
  assert.equal(visits[0].confirmation, null);
  assert.deepEqual(visits[0].problems.map((p) => p.outcome), ['solved', 'item']);
  assert.ok(visits[0].problems[1].itemNumber, 'the obstruction problem is a tracked item');
});

test('the demo has a public service centre in 张店 with its officer on duty, and the history of a handed-over enterprise', async () => {
  const centres = (await call(t, null, { method: 'GET', url: '/api/v1/public/service-centres?district=zhangdian' })).json.centres;
  assert.equal(centres.length, 1);
  assert.deepEqual(centres[0].staff.map((s: { displayName: string }) => s.displayName), ['张店分局 刘警官']);
  const list = (await call(t, supervisor, { method: 'GET', url: '/api/v1/liaison/enterprises?district=zhangdian&key=true' })).json.enterprises as { id: string; name: string; officer: { displayName: string }; deputy: { displayName: string } | null }[];
  const boyuan = list.find((e) => e.name === '淄博博远智能装备有限公司')!;
  assert.equal(boyuan.officer.displayName, '张店分局 刘警官');
  assert.equal(boyuan.deputy?.displayName, '张店分局 李警官');
  const history = (await call(t, supervisor, { method: 'GET', url: `/api/v1/liaison/assignments?enterpriseId=${boyuan.id}` })).json.assignments as { officer: { displayName: string }; toAt: string | null }[];
  assert.deepEqual(history.map((a) => [a.officer.displayName, a.toAt === null]), [
    ['张店分局 刘警官', true],
    ['张店分局 李警官', false],
  ]);
});

test('一企一档 of the demo enterprise lists its newest 100 items and counts them all, as a direct count does', async () => {
  const qilu = (await call(t, desk, { method: 'GET', url: '/api/v1/liaison/enterprises?q=%E9%BD%90%E9%B2%81%E6%96%B0%E6%9D%90%E6%96%99' })).json.enterprises[0];
  const file = (await call(t, desk, { method: 'GET', url: `/api/v1/liaison/enterprises/${qilu.id}/file` })).json;
  const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from items where enterprise_id = ${qilu.id}`);
  assert.equal(file.itemsTotal, n);
  assert.equal(file.items.length, Math.min(100, n));
  assert.ok(n > 100, 'the demo enterprise has more items than the file shows');
});

test('the demo\'s notices are newest first and only the last two days\' are unread', async () => {
  const list = (await call(t, ent1, { method: 'GET', url: '/api/v1/notifications?limit=100' })).json as { unread: number; notifications: { createdAt: string; read: boolean }[] };
  const times = list.notifications.map((n) => n.createdAt);
  assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
  const twoDaysAgo = new Date(new Date('2026-11-20T10:00:00+08:00').getTime() - 2 * 86400_000).getTime();
  assert.ok(list.notifications.filter((n) => !n.read).every((n) => new Date(n.createdAt).getTime() >= twoDaysAgo));
  assert.ok(list.unread < 10, `a realistic unread count, not ${list.unread}`);
});
