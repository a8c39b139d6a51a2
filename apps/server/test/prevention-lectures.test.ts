import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { act, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, EN, errorAt } from './support-problem.ts';

let t: TestApp;
let ent: TestUser;
let other: TestUser;
let lecturer: TestUser;
let lectureLeader: TestUser;
let branchOfficer: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  other = await buildUser(t, 'enterprise-admin');
  lecturer = await buildUser(t, 'officer', { unitId: 'zb-lecture' });
  lectureLeader = await buildUser(t, 'unit-leader', { unitId: 'zb-lecture' });
  branchOfficer = await buildUser(t, 'officer');
});
after(() => t.close());

// 2026-06-01 is a Monday; 06-06/07 a weekend; 06-19 端午.
const MONDAY = '2026-06-01T09:00:00+08:00';
const booking = (over: Record<string, unknown> = {}) => ({
  topics: [{ topic: 'telecom-fraud' }, { topic: 'embezzlement' }],
  preferredDates: [{ date: '2026-06-03' }, { date: '2026-06-04' }],
  audienceSize: 80,
  place: '企业三楼会议室',
  contactName: '王经理',
  contactPhone: '13912345678',
  ...over,
});
const schedule = (over: Record<string, unknown> = {}) => ({ lectureDate: '2026-06-04', startTime: '14:00', durationMinutes: 90, speaker: '陈警官', lecturePlace: '企业三楼会议室', ...over });

async function book(user: TestUser, over: Record<string, unknown> = {}) {
  const r = await call(t, user, { method: 'POST', url: '/api/v1/items', payload: { type: 'safety-lecture', data: booking(over) } });
  assert.equal(r.status, 201, r.body);
  return r.json;
}
const countOf = async (enterpriseId: string) =>
  Number((await t.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from items where enterprise_id = ${enterpriseId}`))[0].n);

test('a booking lists every bad field at once (duplicate topic, weekend and past dates, audience) and saves nothing', async () => {
  t.setNow(MONDAY);
  const before = await countOf(ent.enterpriseId!);
  const r = await call(t, ent, {
    method: 'POST',
    url: '/api/v1/items',
    headers: EN,
    payload: { type: 'safety-lecture', data: booking({ topics: [{ topic: 'telecom-fraud' }, { topic: 'telecom-fraud' }], preferredDates: [{ date: '2026-06-06' }, { date: '2026-05-29' }], audienceSize: 0, place: '' }) },
  });
  assertProblem(r, 422, { paths: ['data.topics.1.topic', 'data.preferredDates.0.date', 'data.preferredDates.1.date', 'data.audienceSize', 'data.place'], locale: 'en' });
  assert.equal(errorAt(r.json, 'data.preferredDates.0.date').code, 'appointment_not_workday');
  assert.equal(errorAt(r.json, 'data.preferredDates.1.date').code, 'appointment_not_future');
  assert.equal(await countOf(ent.enterpriseId!), before);
  const unknown = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'safety-lecture', data: booking({ topics: [{ topic: 'astrology' }] }) } });
  assertProblem(unknown, 422, { paths: ['data.topics.0.topic'] });
  t.setNow(undefined);
});

test('only enterprises book; the lecture team confirms within 2 working days; other units and enterprises never see it', async () => {
  t.setNow(MONDAY);
  assert.equal((await call(t, branchOfficer, { method: 'POST', url: '/api/v1/items', payload: { type: 'safety-lecture', data: booking() } })).status, 403);
  assert.equal((await call(t, null, { method: 'POST', url: '/api/v1/items', payload: { type: 'safety-lecture', data: booking() } })).status, 401);
  const item = await book(ent);
  assert.equal(item.unitId, 'zb-lecture');
  assert.equal(item.acceptDueAt, '2026-06-03T23:59:59+08:00');
  assert.equal((await call(t, other, { method: 'GET', url: `/api/v1/items/${item.id}` })).status, 404);
  assert.equal((await call(t, branchOfficer, { method: 'GET', url: `/api/v1/items/${item.id}` })).status, 404);
  const queue = await call(t, lecturer, { method: 'GET', url: '/api/v1/items?type=safety-lecture' });
  assert.ok(queue.json.items.some((i: { id: string }) => i.id === item.id));
  assert.equal((await act(t, ent, item, 'accept', schedule())).status, 403);
  assert.equal((await act(t, branchOfficer, item, 'accept', schedule())).status, 404);
  t.setNow(undefined);
});

test('acceptance needs date, time, duration, speaker and place; a weekend date is refused', async () => {
  t.setNow(MONDAY);
  const item = await book(ent);
  const empty = await act(t, lecturer, item, 'accept', {});
  assertProblem(empty, 422, { paths: ['lectureDate', 'startTime', 'durationMinutes', 'speaker', 'lecturePlace'] });
  const weekend = await act(t, lecturer, item, 'accept', schedule({ lectureDate: '2026-06-06' }));
  assertProblem(weekend, 422, { paths: ['lectureDate'] });
  const still = await call(t, lecturer, { method: 'GET', url: `/api/v1/items/${item.id}` });
  assert.equal(still.json.status, 'submitted');
  t.setNow(undefined);
});

test('one speaker cannot give two overlapping lectures: 422 on speaker, nothing saved; a later slot is fine', async () => {
  t.setNow(MONDAY);
  const a = await book(ent);
  const b = await book(other);
  const c = await book(other);
  const ok = await act(t, lecturer, a, 'accept', schedule({ speaker: '赵 警官', startTime: '09:00', durationMinutes: 120 }));
  assert.equal(ok.status, 200, ok.body);
  assert.deepEqual(ok.json.outputs.lecture.schedule, { date: '2026-06-04', startTime: '09:00', durationMinutes: 120, speaker: '赵 警官', place: '企业三楼会议室' });
  const clash = await act(t, lectureLeader, b, 'accept', schedule({ speaker: '赵警官', startTime: '10:30', durationMinutes: 60 }));
  const p = assertProblem(clash, 422, { paths: ['speaker'] });
  assert.equal(errorAt(p, 'speaker').code, 'speaker_busy');
  assert.match(errorAt(p, 'speaker').message, new RegExp(a.number));
  const unchanged = await call(t, lecturer, { method: 'GET', url: `/api/v1/items/${b.id}` });
  assert.equal(unchanged.json.status, 'submitted');
  assert.equal(unchanged.json.version, b.version);
  // Right after the first (11:00) and by another speaker at the same time: both fine.
  assert.equal((await act(t, lecturer, b, 'accept', schedule({ speaker: '赵警官', startTime: '11:00', durationMinutes: 60 }))).status, 200);
  assert.equal((await act(t, lecturer, c, 'accept', schedule({ speaker: '孙警官', startTime: '09:00' }))).status, 200);
  t.setNow(undefined);
});

test('a lecture is held, recorded with attendance and materials (not before its day), and rated five-level by the enterprise', async () => {
  t.setNow(MONDAY);
  const item = await book(ent);
  let r = await act(t, lecturer, item, 'accept', schedule({ speaker: '钱警官' }));
  assert.equal(r.status, 200, r.body);
  const early = await act(t, lecturer, r.json, 'answer', { note: '宣讲已完成', attendance: 76 });
  assert.equal(errorAt(assertProblem(early, 422, { paths: ['attendance'] }), 'attendance').code, 'lecture_not_held');
  t.setNow('2026-06-04T17:00:00+08:00');
  const missing = await act(t, lecturer, r.json, 'answer', { note: '宣讲已完成' });
  assertProblem(missing, 422, { paths: ['attendance'] });
  r = await act(t, lecturer, r.json, 'answer', { note: '宣讲已完成，讲解了冒充领导转账等典型诈骗手法，现场互动良好', attendance: 76, materials: '《防范电信诈骗》课件；签到表' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.status, 'answered');
  const seen = await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}` });
  assert.deepEqual(seen.json.outputs.lecture.record, { attendance: 76, materials: '《防范电信诈骗》课件；签到表' });
  const notes = await call(t, ent, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(JSON.stringify(notes.json).includes('76'), 'the enterprise is told the lecture was recorded');
  assert.equal((await act(t, lecturer, r.json, 'rate', { rating: 'very-satisfied' })).status, 403);
  assertProblem(await act(t, ent, r.json, 'rate', { rating: 'good' }), 422, { paths: ['rating'] });
  r = await act(t, ent, r.json, 'rate', { rating: 'very-satisfied', note: '讲得生动' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.rating.level, 'very-satisfied');
  t.setNow(undefined);
});
