import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { act, buildEnterprise, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, EN, errorAt } from './support-problem.ts';

let t: TestApp;
let lecturer: TestUser;
let otherOfficer: TestUser;
let leader: TestUser;
let supervisor: TestUser;
/** e1–e3 in zichuan, e4 in zhoucun; e1staff works for e1. */
let e1: TestUser;
let e2: TestUser;
let e3: TestUser;
let e4: TestUser;
let e1staff: TestUser;

// 2026-06-01 is a Monday; 06-06/07 a weekend.
const MONDAY = '2026-06-01T09:00:00+08:00';
const lecture = (over: Record<string, unknown> = {}) => ({
  title: '防范电信网络诈骗公开课',
  topics: ['telecom-fraud', 'financial-fraud'],
  date: '2026-06-10',
  startTime: '14:00',
  durationMinutes: 90,
  place: '市公安局报告厅',
  speaker: '李警官',
  capacity: 10,
  ...over,
});

before(async () => {
  t = await makeTestApp();
  lecturer = await buildUser(t, 'officer', { unitId: 'zb-lecture' });
  otherOfficer = await buildUser(t, 'officer', { unitId: 'zb-econ' });
  leader = await buildUser(t, 'unit-leader', { unitId: 'zb-econ' });
  supervisor = await buildUser(t, 'supervisor');
  const ents = [];
  for (const d of ['zichuan', 'zichuan', 'zichuan', 'zhoucun'] as const) ents.push(await buildEnterprise(t.ctx, { district: d }));
  [e1, e2, e3, e4] = await Promise.all(ents.map((e) => buildUser(t, 'enterprise-admin', { enterpriseId: e.id })));
  e1staff = await buildUser(t, 'enterprise-staff', { enterpriseId: ents[0].id });
});
after(() => t.close());

const publish = async (over: Record<string, unknown> = {}) => {
  const r = await call(t, lecturer, { method: 'POST', url: '/api/v1/prevention/open-lectures', payload: lecture(over) });
  assert.equal(r.status, 201, r.body);
  return r.json as { id: string; seatsLeft: number; signups: { enterpriseId: string; status: string; waitlistPosition: number | null }[] };
};
const signUp = (u: TestUser, id: string, attendees: unknown) => call(t, u, { method: 'POST', url: `/api/v1/enterprise/open-lectures/${id}/signups`, payload: { attendees } });
const cancelSignup = (u: TestUser, id: string) => call(t, u, { method: 'POST', url: `/api/v1/enterprise/open-lecture-signups/${id}/cancellation` });
const count = async (table: 'open_lectures' | 'open_lecture_signups') => Number((await t.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n);
const noticesOf = async (u: TestUser, kind: string) => Number((await t.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from notifications where user_id = ${u.id} and kind = ${kind}`))[0].n);

test('publishing names every bad field at once and saves nothing', async () => {
  t.setNow(MONDAY);
  const n0 = await count('open_lectures');
  const bad = await call(t, lecturer, {
    method: 'POST',
    url: '/api/v1/prevention/open-lectures',
    headers: EN,
    payload: { title: '短', topics: ['astrology'], date: '2026-06-06', startTime: '03:00', durationMinutes: 10, place: '', speaker: 'x', capacity: 9, extra: 1 },
  });
  assertProblem(bad, 422, { paths: ['title', 'topics.0', 'date', 'startTime', 'durationMinutes', 'place', 'speaker', 'capacity', 'extra'], locale: 'en' });
  assert.equal(errorAt(bad.json, 'date').code, 'appointment_not_workday');
  assertProblem(await call(t, lecturer, { method: 'POST', url: '/api/v1/prevention/open-lectures', payload: lecture({ capacity: 501, date: '2026-06-01' }) }), 422, { paths: ['capacity', 'date'] });
  assert.equal(await count('open_lectures'), n0);
  t.setNow(undefined);
});

test('sign-ups are confirmed in order until the capacity, then waitlisted; the portal shows seats left and no names', async () => {
  t.setNow(MONDAY);
  const l = await publish({ capacity: 10 });
  const a = await signUp(e1, l.id, 6);
  assert.equal(a.status, 201, a.body);
  assert.equal(a.json.status, 'confirmed');
  const b = await signUp(e2, l.id, 5);
  assert.equal(b.json.status, 'waitlisted');
  assert.equal(b.json.waitlistPosition, 1);
  // A later small group does not jump the queue.
  const c = await signUp(e3, l.id, 1);
  assert.equal(c.json.status, 'waitlisted');
  assert.equal(c.json.waitlistPosition, 2);
  assert.equal((await signUp(e1staff, l.id, 1)).status, 409, 'one active sign-up per enterprise');
  const portal = await call(t, null, { method: 'GET', url: '/api/v1/public/open-lectures' });
  assert.equal(portal.status, 200);
  const row = portal.json.lectures.find((x: { id: string }) => x.id === l.id);
  assert.equal(row.seatsLeft, 4);
  assert.equal(row.waitlisted, 2);
  assert.ok(!JSON.stringify(portal.json).includes('测试企业'), 'no enterprise names on the portal');
  assert.equal(row.signups, undefined);
  // Cancelling the confirmed seat promotes the waitlist in order: e2 (5) then e3 (1) both fit.
  const cancelled = await cancelSignup(e1staff, a.json.id);
  assert.equal(cancelled.status, 200, cancelled.body);
  assert.equal(cancelled.json.status, 'cancelled');
  const mine2 = (await call(t, e2, { method: 'GET', url: '/api/v1/enterprise/open-lectures' })).json.signups;
  assert.equal(mine2.find((s: { id: string }) => s.id === b.json.id).status, 'confirmed');
  assert.equal(await noticesOf(e2, 'open_lecture_promoted'), 1);
  assert.equal(await noticesOf(e3, 'open_lecture_promoted'), 1);
  const team = (await call(t, lecturer, { method: 'GET', url: `/api/v1/prevention/open-lectures/${l.id}` })).json;
  assert.deepEqual(
    team.signups.map((s: { enterpriseId: string; status: string }) => [s.enterpriseId, s.status]),
    [[e1.enterpriseId, 'cancelled'], [e2.enterpriseId, 'confirmed'], [e3.enterpriseId, 'confirmed']],
  );
  // A new sign-up after a cancellation is allowed.
  assert.equal((await signUp(e1, l.id, 4)).json.status, 'confirmed');
  t.setNow(undefined);
});

test('two enterprises racing for the last seat: one confirmed, one waitlisted', async () => {
  t.setNow(MONDAY);
  const l = await publish({ capacity: 10 });
  assert.equal((await signUp(e1, l.id, 9)).json.status, 'confirmed');
  const [x, y] = await Promise.all([signUp(e2, l.id, 1), signUp(e3, l.id, 1)]);
  assert.deepEqual([x.status, y.status], [201, 201]);
  assert.deepEqual([x.json.status, y.json.status].sort(), ['confirmed', 'waitlisted']);
  const rows = await t.ctx.database.rows<{ n: number }>(sql`select coalesce(sum(attendees), 0)::int as n from open_lecture_signups where lecture_id = ${l.id} and status = 'confirmed'`);
  assert.equal(Number(rows[0].n), 10);
  t.setNow(undefined);
});

test('a cancelled or past lecture takes no sign-ups; cancelling tells every enterprise signed up', async () => {
  t.setNow(MONDAY);
  const l = await publish();
  await signUp(e4, l.id, 2);
  const before = await noticesOf(e4, 'open_lecture_cancelled');
  const c = await call(t, lecturer, { method: 'POST', url: `/api/v1/prevention/open-lectures/${l.id}/cancellation` });
  assert.equal(c.status, 200, c.body);
  assert.equal(c.json.status, 'cancelled');
  assert.equal(await noticesOf(e4, 'open_lecture_cancelled'), before + 1);
  assertProblem(await signUp(e1, l.id, 1), 409, { code: 'open_lecture_cancelled' });
  const m = await publish({ date: '2026-06-03' });
  t.setNow('2026-06-03T08:00:00+08:00');
  assertProblem(await signUp(e1, m.id, 1), 409, { code: 'open_lecture_past' });
  t.setNow(undefined);
});

test('bad sign-up bodies are 422 naming every field, nothing saved', async () => {
  t.setNow(MONDAY);
  const l = await publish();
  const n0 = await count('open_lecture_signups');
  assertProblem(await call(t, e1, { method: 'POST', url: `/api/v1/enterprise/open-lectures/${l.id}/signups`, payload: { attendees: 21, extra: true } }), 422, { paths: ['attendees', 'extra'] });
  assertProblem(await signUp(e1, l.id, 0), 422, { paths: ['attendees'] });
  assertProblem(await signUp(e1, l.id, 'two'), 422, { paths: ['attendees'] });
  assertProblem(await call(t, lecturer, { method: 'GET', url: '/api/v1/prevention/lecture-coverage?year=abc' }), 422, { paths: ['year'] });
  assert.equal(await count('open_lecture_signups'), n0);
  t.setNow(undefined);
});

test('routes refuse roles that must not use them', async () => {
  t.setNow(MONDAY);
  const l = await publish();
  const s = (await signUp(e1, l.id, 1)).json;
  const team = [
    { method: 'GET', url: '/api/v1/prevention/open-lectures' },
    { method: 'POST', url: '/api/v1/prevention/open-lectures', payload: lecture() },
    { method: 'GET', url: `/api/v1/prevention/open-lectures/${l.id}` },
    { method: 'POST', url: `/api/v1/prevention/open-lectures/${l.id}/cancellation` },
  ] as const;
  for (const r of team) {
    assert.equal((await call(t, null, { ...r })).status, 401, r.url);
    for (const u of [e1, otherOfficer, leader, supervisor]) assert.equal((await call(t, u, { ...r })).status, 403, `${u.role} ${r.method} ${r.url}`);
  }
  const ent = [
    { method: 'GET', url: '/api/v1/enterprise/open-lectures' },
    { method: 'POST', url: `/api/v1/enterprise/open-lectures/${l.id}/signups`, payload: { attendees: 1 } },
    { method: 'POST', url: `/api/v1/enterprise/open-lecture-signups/${s.id}/cancellation` },
  ] as const;
  for (const r of ent) {
    assert.equal((await call(t, null, { ...r })).status, 401, r.url);
    for (const u of [lecturer, supervisor]) assert.equal((await call(t, u, { ...r })).status, 403, `${u.role} ${r.url}`);
  }
  // Another enterprise's sign-up is not theirs to know.
  assert.equal((await cancelSignup(e2, s.id)).status, 404);
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/prevention/lecture-coverage?year=2026' })).status, 401);
  for (const u of [e1, otherOfficer]) assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/prevention/lecture-coverage?year=2026' })).status, 403, u.role);
  for (const u of [lecturer, leader, supervisor]) assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/prevention/lecture-coverage?year=2026' })).status, 200, u.role);
  t.setNow(undefined);
});

test('coverage counts held booked lectures and confirmed sign-ups, each enterprise once per district and topic', async () => {
  const before = (await call(t, supervisor, { method: 'GET', url: '/api/v1/prevention/lecture-coverage?year=2026' })).json.cells as { district: string; topic: string; enterprises: number }[];
  const cell = (cells: typeof before, district: string, topic: string) => cells.find((c) => c.district === district && c.topic === topic)?.enterprises ?? 0;
  t.setNow(MONDAY);
  // e4 (zhoucun): a booked lecture on embezzlement, held and recorded; plus a confirmed open-lecture seat on traffic.
  const booked = await call(t, e4, {
    method: 'POST',
    url: '/api/v1/items',
    payload: { type: 'safety-lecture', data: { topics: [{ topic: 'embezzlement' }], preferredDates: [{ date: '2026-06-04' }], audienceSize: 30, place: '企业会议室', contactName: '王经理', contactPhone: '13912345678' } },
  });
  assert.equal(booked.status, 201, booked.body);
  const accepted = await act(t, lecturer, booked.json, 'accept', { lectureDate: '2026-06-04', startTime: '09:00', durationMinutes: 60, speaker: '覆盖测试警官', lecturePlace: '企业会议室' });
  assert.equal(accepted.status, 200, accepted.body);
  const l = await publish({ topics: ['traffic-safety', 'embezzlement'] });
  await signUp(e4, l.id, 2);
  // A waitlisted seat does not count.
  const full = await publish({ topics: ['cyber-security'], capacity: 10 });
  await signUp(e1, full.id, 10);
  await signUp(e4, full.id, 1);
  t.setNow('2026-06-04T17:00:00+08:00');
  const held = await act(t, lecturer, accepted.json, 'answer', { note: '宣讲已完成，讲解了职务侵占的典型案例和企业内控要点，现场互动良好', attendance: 28 });
  assert.equal(held.status, 200, held.body);
  t.setNow(undefined);
  const after = (await call(t, supervisor, { method: 'GET', url: '/api/v1/prevention/lecture-coverage?year=2026' })).json.cells as typeof before;
  assert.equal(cell(after, 'zhoucun', 'embezzlement') - cell(before, 'zhoucun', 'embezzlement'), 1, 'booked and open on one topic count once');
  assert.equal(cell(after, 'zhoucun', 'traffic-safety') - cell(before, 'zhoucun', 'traffic-safety'), 1);
  assert.equal(cell(after, 'zhoucun', 'cyber-security') - cell(before, 'zhoucun', 'cyber-security'), 0, 'waitlisted not counted');
  assert.equal(cell(after, 'zichuan', 'cyber-security') - cell(before, 'zichuan', 'cyber-security'), 1);
  const other = (await call(t, supervisor, { method: 'GET', url: '/api/v1/prevention/lecture-coverage?year=2025' })).json.cells;
  assert.equal(other.length, 0);
});
