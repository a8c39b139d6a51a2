import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from 'drizzle-orm';
import { freightAccidents } from '../src/db/schema.ts';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let brigade: TestUser;
let station: TestUser;
let ent: TestUser;
let supervisor: TestUser;
before(async () => {
  t = await makeTestApp();
  brigade = await buildUser(t, 'officer', { unitId: 'zhangdian-traffic' });
  station = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  ent = await buildUser(t, 'enterprise-admin');
  supervisor = await buildUser(t, 'supervisor');
});
after(() => t.close());

const record = (u: TestUser | null, body: Record<string, unknown>) => call(t, u, { method: 'POST', url: '/api/v1/traffic/accidents', payload: body });
const rows = async () => Number((await t.ctx.database.db.select({ n: count() }).from(freightAccidents))[0].n);

test('M7: quick-handled freight accidents are recorded by traffic officers, with minutes to release', async () => {
  t.setNow('2026-07-02T12:00:00+08:00');
  const ok = { plate: '鲁C12345', occurredAt: '2026-06-01T08:00:00+08:00', releasedAt: '2026-06-01T08:20:00+08:00', simpleProcedure: true };
  assert.equal((await record(null, ok)).status, 401);
  assert.equal((await record(ent, ok)).status, 403);
  assert.equal((await record(station, ok)).status, 403, 'a police station is not a traffic unit');

  let r = await record(brigade, { plate: '鲁O1234', occurredAt: '2026-06-01 08:00', releasedAt: '2026-06-01T07:00:00+08:00', simpleProcedure: true, vehicleDetained: true });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['occurredAt', 'plate', 'vehicleDetained']);
  r = await record(brigade, { ...ok, releasedAt: '2026-06-01T07:59:00+08:00' });
  assert.equal(r.status, 422);
  assert.equal(r.json.errors[0].code, 'accident_release_before_occurrence');
  r = await record(brigade, {});
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['occurredAt', 'plate', 'releasedAt', 'simpleProcedure']);
  assert.equal(await rows(), 0, 'nothing saved');

  r = await record(brigade, ok);
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.minutesToRelease, 20);
  assert.equal(r.json.unitId, 'zhangdian-traffic');
  await record(brigade, { ...ok, occurredAt: '2026-06-02T10:00:00+08:00', releasedAt: '2026-06-02T10:40:00+08:00' });
  await record(brigade, { ...ok, occurredAt: '2026-06-03T10:00:00+08:00', releasedAt: '2026-06-03T11:30:00+08:00', simpleProcedure: false, vehicleDetained: true });
  await record(brigade, { ...ok, occurredAt: '2026-06-30T23:59:00+08:00', releasedAt: '2026-07-01T00:09:00+08:00' });
  await record(brigade, { ...ok, occurredAt: '2026-07-01T00:00:00+08:00', releasedAt: '2026-07-01T00:30:00+08:00' });
  r = await record(brigade, { ...ok, occurredAt: '2026-07-02T11:00:00+08:00', releasedAt: '2026-07-02T12:30:00+08:00' });
  assert.equal(r.status, 422, 'a release in the future');

  const url = '/api/v1/traffic/accidents/stats?from=2026-06-01&to=2026-06-30';
  assert.equal((await call(t, null, { method: 'GET', url })).status, 401);
  assert.equal((await call(t, ent, { method: 'GET', url })).status, 403);
  const s = await call(t, supervisor, { method: 'GET', url });
  assert.equal(s.status, 200, s.body);
  // 20, 40, 90, 10 minutes: Shanghai days, the 07-01 00:00 case is outside.
  assert.deepEqual(s.json, { from: '2026-06-01', to: '2026-06-30', count: 4, simpleProcedureCount: 3, medianMinutes: 30, averageMinutes: 40, shareWithoutDetention: 0.75 });
  const bad = await call(t, brigade, { method: 'GET', url: '/api/v1/traffic/accidents/stats?from=2026-06-31' });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json.errors.map((e: { path: string }) => e.path).sort(), ['from', 'to']);
  const empty = await call(t, brigade, { method: 'GET', url: '/api/v1/traffic/accidents/stats?from=2025-01-01&to=2025-01-31' });
  assert.deepEqual([empty.json.count, empty.json.medianMinutes], [0, null]);
  t.setNow(undefined);
});

test('M9: hazard inspections around major projects carry findings and a rectification deadline until rectified', async () => {
  t.setNow('2026-07-10T10:00:00+08:00');
  const ok = { project: '淄博高新区某化工园区扩建项目', location: '张店区 北京路与柳泉路交叉口', inspectedOn: '2026-07-09', findings: '施工出入口视距不足，夜间照明缺失', hazardCount: 2, rectificationDueOn: '2026-07-20' };
  const url = '/api/v1/traffic/hazard-inspections';
  assert.equal((await call(t, null, { method: 'POST', url, payload: ok })).status, 401);
  assert.equal((await call(t, ent, { method: 'POST', url, payload: ok })).status, 403);
  assert.equal((await call(t, station, { method: 'POST', url, payload: ok })).status, 403);
  let r = await call(t, brigade, { method: 'POST', url, payload: { ...ok, inspectedOn: '2026-07-11', rectificationDueOn: null } });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['inspectedOn', 'rectificationDueOn']);
  r = await call(t, brigade, { method: 'POST', url, payload: { project: 'x', hazardCount: -1 } });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['findings', 'hazardCount', 'inspectedOn', 'location', 'project']);
  assert.equal((await call(t, supervisor, { method: 'GET', url })).json.inspections.length, 0, 'nothing saved');

  r = await call(t, brigade, { method: 'POST', url, payload: ok });
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.status, 'rectifying');
  const id = r.json.id;
  r = await call(t, brigade, { method: 'POST', url, payload: { ...ok, project: '某物流园', hazardCount: 0, findings: '未发现隐患', rectificationDueOn: null } });
  assert.equal(r.json.status, 'no-hazard');

  t.setNow('2026-07-21T10:00:00+08:00');
  let list = await call(t, supervisor, { method: 'GET', url: `${url}?open=true` });
  assert.equal(list.json.inspections.length, 1);
  assert.equal(list.json.inspections[0].overdue, true);
  assert.equal((await call(t, ent, { method: 'GET', url })).status, 403);
  assert.equal((await call(t, brigade, { method: 'POST', url: `${url}/${id}/rectification`, payload: {} })).status, 422);
  r = await call(t, brigade, { method: 'POST', url: `${url}/${id}/rectification`, payload: { note: '已增设警示标志和照明' } });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.status, 'rectified');
  assert.equal((await call(t, brigade, { method: 'POST', url: `${url}/${id}/rectification`, payload: { note: '再次' } })).status, 422);
  list = await call(t, supervisor, { method: 'GET', url: `${url}?open=true` });
  assert.equal(list.json.inspections.length, 0);
  t.setNow(undefined);
});
