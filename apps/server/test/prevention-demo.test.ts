import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { isIndustry } from '@jqt/domain';
import { sql } from 'drizzle-orm';
import { call, type TestApp } from './helpers.ts';
import { makeDemoApp, type DemoApp } from './support-demo.ts';

let t: TestApp;
let demo: DemoApp['demo'];
before(async () => {
  ({ t, demo } = await makeDemoApp('2026-11-20T10:00:00+08:00'));
});
after(() => t.close());

test('the demo gives the lecture team a lecture to record, one rated and one to confirm', async () => {
  const chen = await demo('officer.xuanjiang', 'officer');
  const list = (await call(t, chen, { method: 'GET', url: '/api/v1/items?type=safety-lecture' })).json.items as { status: string; rating: { level: string } | null }[];
  assert.deepEqual(list.map((i) => i.status).sort(), ['accepted', 'answered', 'submitted']);
  assert.equal(list.find((i) => i.status === 'answered')?.rating?.level, 'very-satisfied');
  const ent1 = await demo('ent.demo1', 'enterprise-admin');
  const mine = (await call(t, ent1, { method: 'GET', url: '/api/v1/items?type=safety-lecture' })).json.items as { id: string; status: string }[];
  assert.equal(mine.length, 1);
  const item = (await call(t, ent1, { method: 'GET', url: `/api/v1/items/${mine[0].id}` })).json;
  assert.equal(item.outputs.lecture.schedule.speaker, '陈警官');
  assert.ok(item.outputs.lecture.schedule.date < '2026-11-20', 'given already: the record is due');
  assert.equal(item.abilities.canRate, false);
});

test('the demo has a legal FAQ in the policy library and a question waiting for the lawyers', async () => {
  const faqs = (await call(t, null, { method: 'GET', url: `/api/v1/public/publications?kind=faq&q=${encodeURIComponent('试用期')}` })).json.publications as { title: string }[];
  assert.equal(faqs.length, 1);
  const zhou = await demo('officer.lvshi', 'officer');
  const waiting = (await call(t, zhou, { method: 'GET', url: '/api/v1/items?type=legal-consultation&status=submitted' })).json.items;
  assert.equal(waiting.length, 1);
});

test('the demo has a warning read by two enterprises and escalated for the third, and one waiting for approval', async () => {
  const leader = await demo('leader.zhangdian', 'unit-leader');
  const list = (await call(t, leader, { method: 'GET', url: '/api/v1/prevention/warnings' })).json.warnings as { status: string; counts: unknown; abilities: { canApprove: boolean } }[];
  const published = list.find((w) => w.status === 'published')!;
  assert.deepEqual(published.counts, { delivered: 3, acknowledged: 2, escalated: 1 });
  assert.equal(list.find((w) => w.status === 'submitted')?.abilities.canApprove, true);
  const li = await demo('officer.zhangdian', 'officer');
  assert.ok(JSON.stringify((await call(t, li, { method: 'GET', url: '/api/v1/notifications' })).json).includes('华光陶瓷'));
});

test('the demo has open lectures: one nearly full with two waiting, one with seats, and one held counted in coverage', async () => {
  const portal = (await call(t, null, { method: 'GET', url: '/api/v1/public/open-lectures' })).json.lectures as { title: string; date: string; capacity: number; seatsLeft: number; waitlisted: number; open: boolean }[];
  assert.equal(portal.length, 2, 'the held lecture is no longer on the portal');
  const nearlyFull = portal.find((l) => l.capacity === 30)!;
  assert.deepEqual([nearlyFull.seatsLeft, nearlyFull.waitlisted, nearlyFull.open], [2, 2, true]);
  assert.ok(portal.every((l) => l.date > '2026-11-20'));
  const chen = await demo('officer.xuanjiang', 'officer');
  const team = (await call(t, chen, { method: 'GET', url: '/api/v1/prevention/open-lectures' })).json.lectures as { date: string; signups: { status: string; waitlistPosition: number | null }[] }[];
  assert.equal(team.length, 3);
  const held = team.find((l) => l.date < '2026-11-20')!;
  assert.deepEqual(held.signups.map((s) => s.status), ['confirmed', 'confirmed', 'confirmed']);
  const ent6 = await demo('ent.demo6', 'enterprise-admin');
  const mine = (await call(t, ent6, { method: 'GET', url: '/api/v1/enterprise/open-lectures' })).json.signups as { status: string; waitlistPosition: number }[];
  assert.deepEqual(mine.map((s) => [s.status, s.waitlistPosition]), [['waitlisted', 1]]);
  const ent1 = await demo('ent.demo1', 'enterprise-admin');
  assert.deepEqual((await call(t, ent1, { method: 'GET', url: '/api/v1/enterprise/open-lectures' })).json.signups, [], '齐鲁新材料 is left free to sign up');
  const leader = await demo('leader.city', 'unit-leader');
  const cells = (await call(t, leader, { method: 'GET', url: '/api/v1/prevention/lecture-coverage?year=2026' })).json.cells as { district: string; topic: string; enterprises: number }[];
  // 华光陶瓷 (张店) was at the held lecture on telecom and financial fraud; 淄川 and 博山 too
  assert.ok((cells.find((c) => c.district === 'zichuan' && c.topic === 'financial-fraud')?.enterprises ?? 0) >= 1, JSON.stringify(cells));
  assert.ok((cells.find((c) => c.district === 'boshan' && c.topic === 'telecom-fraud')?.enterprises ?? 0) >= 1);
  // 桓台's seats are for a lecture still ahead: it has reached nobody yet
  assert.equal(cells.find((c) => c.district === 'huantai' && c.topic === 'public-security'), undefined, JSON.stringify(cells));
});

test('every demo enterprise has an industry (GB/T 4754 门类), and 制造业 holds at least three', async () => {
  const rows = await t.ctx.database.rows<{ industry: string | null; n: number }>(sql`select industry, count(*)::int as n from enterprises group by industry`);
  assert.ok(!rows.some((r) => r.industry === null), JSON.stringify(rows));
  assert.ok(rows.every((r) => isIndustry(r.industry)));
  assert.ok(Number(rows.find((r) => r.industry === 'C')?.n) >= 3);
});

test('the demo has disputes screened at 张店 enterprises: one due today, one overdue, one high risk, one resolved; the dashboard counts them', async () => {
  const li = await demo('officer.zhangdian', 'officer');
  const mine = (await call(t, li, { method: 'GET', url: '/api/v1/prevention/disputes?mine=true' })).json.disputes as { kind: string; followUpState: string; followUps: unknown[]; risk: string }[];
  assert.deepEqual(mine.map((d) => `${d.kind}:${d.followUpState}`).sort(), ['labour:scheduled', 'land:due', 'other:overdue', 'restructuring:resolved']);
  assert.equal(mine.find((d) => d.kind === 'land')!.followUps.length, 1);
  const told = (await call(t, li, { method: 'GET', url: '/api/v1/notifications?limit=100' })).json.notifications as { kind: string }[];
  assert.equal(told.filter((n) => n.kind === 'dispute_follow_up_due').length, 1, 'the overdue one was reminded on its day');
  const leader = await demo('leader.city', 'unit-leader');
  const p = (await call(t, leader, { method: 'GET', url: '/api/v1/stats/prevention?from=2026-10-22&to=2026-11-20' })).json;
  assert.deepEqual(p.disputes, { open: 3, high: 1, overdue: 1 });
  assert.ok(p.warnings.published >= 1 && p.warnings.acknowledged >= 2 && p.warnings.escalated >= 1, JSON.stringify(p.warnings));
  assert.ok(p.cyber.inspected >= 1, JSON.stringify(p.cyber));
});
