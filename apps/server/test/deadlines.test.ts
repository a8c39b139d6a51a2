import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { STATUTORY_SCHEDULES } from '@jqt/domain';
import { openDatabase } from '../src/db/client.ts';
import { sweepDeadlines } from '../src/jobs/deadline-sweeper.ts';
import { act, backend, buildUser, call, makeTestApp, submitAppeal, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let ent: TestUser;
let officer: TestUser;
let leader: TestUser;
let supervisor: TestUser;
let admin: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  officer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  leader = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
  supervisor = await buildUser(t, 'supervisor');
  admin = await buildUser(t, 'admin');
});
after(() => t.close());

const kinds = async (u: TestUser) =>
  ((await call(t, u, { method: 'GET', url: '/api/v1/notifications?limit=100' })).json.notifications as { kind: string }[]).map((n) => n.kind);

test('the sweeper climbs the escalation ladder once per step: 75 %, overdue, supervisor a working day later', async () => {
  t.setNow('2026-06-01T09:00:00+08:00'); // Monday
  const item = await submitAppeal(t, ent);
  const accepted = await act(t, officer, item, 'accept');
  assert.equal(accepted.json.dueAt, '2026-06-08T23:59:59+08:00');

  t.setNow('2026-06-05T12:00:00+08:00'); // before 75 % of the handling time
  await sweepDeadlines(t.ctx);
  assert.equal((await kinds(officer)).filter((k) => k === 'deadline_near').length, 0);

  t.setNow('2026-06-07T12:00:00+08:00'); // past 75 % (06-07 02:14)
  await sweepDeadlines(t.ctx);
  await sweepDeadlines(t.ctx);
  assert.equal((await kinds(officer)).filter((k) => k === 'deadline_near').length, 1);

  t.setNow('2026-06-09T00:00:01+08:00'); // overdue
  await sweepDeadlines(t.ctx);
  assert.equal((await kinds(leader)).filter((k) => k === 'overdue').length, 1);
  assert.equal((await kinds(supervisor)).filter((k) => k === 'overdue_escalated').length, 0);
  const overdue = await call(t, leader, { method: 'GET', url: '/api/v1/items?overdue=true' });
  assert.ok(overdue.json.items.some((i: { id: string; overdue: boolean }) => i.id === item.id && i.overdue));

  t.setNow('2026-06-10T00:00:01+08:00'); // a working day after the deadline
  await sweepDeadlines(t.ctx);
  await sweepDeadlines(t.ctx);
  assert.equal((await kinds(supervisor)).filter((k) => k === 'overdue_escalated').length, 1);
  const detail = await call(t, officer, { method: 'GET', url: `/api/v1/items/${item.id}` });
  assert.deepEqual(
    detail.json.timeline.filter((e: { action: string }) => e.action === 'escalate').map((e: { detail: { stage: number } }) => e.detail.stage),
    [1, 2, 3],
  );
  t.setNow(undefined);
});

test('two server instances sweeping at once send each escalation once', { skip: backend !== 'postgres' && 'needs PostgreSQL (two instances share one database)' }, async () => {
  t.setNow('2026-07-01T09:00:00+08:00');
  const submitted = [];
  for (let i = 0; i < 30; i++) submitted.push(await submitAppeal(t, ent, { title: `并发清扫 ${i}` }));
  const second = await openDatabase({ databaseUrl: t.databaseUrl!, dataDir: null });
  try {
    t.setNow('2026-07-03T00:00:01+08:00'); // every acceptance clock overdue: stages 1 and 2 due
    const other = { ...t.ctx, database: second };
    await Promise.all([sweepDeadlines(t.ctx), sweepDeadlines(other), sweepDeadlines(t.ctx), sweepDeadlines(other)]);
    const ids = submitted.map((i) => `'${i.id}'`).join(',');
    const rows = await t.ctx.database.rows<{ kind: string; n: number }>(
      sql.raw(`select kind, count(*)::int as n from notifications where item_id in (${ids}) and user_id = '${officer.id}' group by kind`),
    );
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    assert.equal(byKind.deadline_near, 30);
    assert.equal(byKind.overdue, 30);
  } finally {
    await second.close();
    t.setNow(undefined);
  }
});

test('a deadline reaching into an unloaded year is provisional until an admin loads it, then recomputed on the item', async () => {
  t.setNow('2026-12-30T10:00:00+08:00');
  // Sessions made at real time have expired by this clock: sign in anew.
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  admin = await buildUser(t, 'admin');
  const item = await submitAppeal(t, ent, { title: '跨年诉求' });
  assert.equal(item.provisional, true);
  assert.equal(item.dueAt, '2027-01-06T23:59:59+08:00'); // by weekday: 12-31, 01-01, 01-04, 01-05, 01-06
  const dl = await call(t, null, { method: 'GET', url: '/api/v1/calendar/deadline?acceptedAt=2026-12-30T10:00:00%2B08:00&rule=workdays&n=5' });
  assert.deepEqual(dl.json, { due: '2027-01-06T23:59:59+08:00', provisional: true });

  // A plausible 2027 schedule: New Year 01-01..03.
  const load = await call(t, admin, {
    method: 'POST',
    url: '/api/v1/admin/calendar/years',
    payload: { year: 2027, notice: '国办发明电〔2026〕测试号', title: '2027 年部分节假日安排（测试）', days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-02', kind: 'holiday', name: '元旦' }, { date: '2027-01-03', kind: 'holiday', name: '元旦' }] },
  });
  assert.equal(load.status, 201, load.body);
  assert.ok(load.json.recomputed >= 1);
  const after = await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}` });
  assert.equal(after.json.provisional, false);
  // 01-01 is now a holiday, not a weekday guess: one working day later.
  assert.equal(after.json.dueAt, '2027-01-07T23:59:59+08:00');
  assert.equal(after.json.acceptDueAt, '2026-12-31T23:59:59+08:00');
  const ev = after.json.timeline.find((e: { action: string }) => e.action === 'deadline-recomputed');
  assert.ok(ev, 'a timeline event records the recomputation');
  assert.equal(ev.actor.role, 'system');
  // The same deadline query is no longer provisional.
  const again = await call(t, null, { method: 'GET', url: '/api/v1/calendar/deadline?acceptedAt=2026-12-30T10:00:00%2B08:00&rule=workdays&n=5' });
  assert.deepEqual(again.json, { due: '2027-01-07T23:59:59+08:00' });
  t.setNow(undefined);
});

test('amending a day mid-year moves the open deadlines that cross it', async () => {
  t.setNow('2026-08-03T09:00:00+08:00'); // Monday
  const item = await submitAppeal(t, ent, { title: '临时调休' });
  const accepted = await act(t, officer, item, 'accept');
  assert.equal(accepted.json.dueAt, '2026-08-10T23:59:59+08:00');
  const r = await call(t, admin, {
    method: 'PUT',
    url: '/api/v1/admin/calendar/days/2026-08-05',
    payload: { kind: 'holiday', name: '临时休假', notice: '测试通知〔2026〕1号', reason: '延长假期（测试）' },
  });
  assert.equal(r.status, 200, r.body);
  const after = await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}` });
  assert.equal(after.json.dueAt, '2026-08-11T23:59:59+08:00');
  t.setNow(undefined);
  assert.ok(STATUTORY_SCHEDULES.length >= 4);
});
