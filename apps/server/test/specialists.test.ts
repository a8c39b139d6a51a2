import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeIdCard } from '@jqt/domain';
import { act, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

let t: TestApp;
let admin: TestUser;
let ent: TestUser;
let window1: TestUser;
let specialist: TestUser;
before(async () => {
  t = await makeTestApp();
  admin = await buildUser(t, 'admin');
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  window1 = await buildUser(t, 'officer', { unitId: 'zb-hukou' });
  specialist = await buildUser(t, 'officer', { unitId: 'zb-hukou' });
});
after(() => t.close());

const setSpecialists = (u: TestUser | null, userIds: unknown, unitId = 'zb-hukou') =>
  call(t, u, { method: 'PUT', url: `/api/v1/admin/units/${unitId}/specialists`, payload: { userIds } });
const staffOf = (u: TestUser | null, unitId = 'zb-hukou') => call(t, u, { method: 'GET', url: `/api/v1/units/${unitId}/staff` });
const talentData = (n: number) => ({
  channel: 'high-level',
  name: '钱博士',
  idNumber: makeIdCard('370303', '1988-02-03', n),
  mobile: '13912345678',
  institution: '山东理工大学',
  targetAddress: '淄博市张店区人民西路 1 号',
});

test('an admin names a window’s service specialists; bad names are refused whole, nothing saved', async () => {
  const elsewhere = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  const bad = await setSpecialists(admin, [specialist.id, elsewhere.id, specialist.id, 'not-a-uuid']);
  assertProblem(bad, 422, { paths: ['userIds.3'] });
  const wrongPeople = await setSpecialists(admin, [specialist.id, elsewhere.id, specialist.id]);
  assertProblem(wrongPeople, 422, { paths: ['userIds.1', 'userIds.2'] });
  assert.ok((await staffOf(admin)).json.staff.every((s: { specialist: boolean }) => !s.specialist), 'nothing saved');
  assertProblem(await setSpecialists(admin, [specialist.id], 'no-such-unit'), 404);
  assertProblem(await call(t, admin, { method: 'PUT', url: '/api/v1/admin/units/zb-hukou/specialists', payload: { userIds: [], extra: 1 } }), 422);

  const ok = await setSpecialists(admin, [specialist.id]);
  assert.equal(ok.status, 200, ok.body);
  const marked = ok.json.staff.find((s: { id: string }) => s.id === specialist.id);
  assert.equal(marked.specialist, true);
  assert.equal(ok.json.staff.find((s: { id: string }) => s.id === window1.id).specialist, false);
  const log = await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit?limit=500' });
  assert.ok(log.json.entries.some((e: { action: string; subject: string }) => e.action === 'unit.specialists' && e.subject === 'unit:zb-hukou'));
});

test('only an admin names specialists; a unit’s staff list is for its own staff and the leadership', async () => {
  assert.equal((await setSpecialists(null, [])).status, 401);
  for (const role of ['officer', 'unit-leader', 'supervisor', 'enterprise-admin'] as const) {
    const u = role === 'officer' ? window1 : await buildUser(t, role, role === 'unit-leader' ? { unitId: 'zb-hukou' } : {});
    assert.equal((await setSpecialists(u, [])).status, 403, role);
  }
  assert.equal((await staffOf(null)).status, 401);
  assert.equal((await staffOf(ent)).status, 403);
  assert.equal((await staffOf(await buildUser(t, 'partner'))).status, 403);
  // Another unit's officer learns nothing about this unit's people.
  assertProblem(await staffOf(await buildUser(t, 'officer', { unitId: 'zhangdian-branch' })), 404);
  const own = await staffOf(window1);
  assert.equal(own.status, 200);
  assert.ok(own.json.staff.some((s: { id: string }) => s.id === window1.id));
  assert.equal((await staffOf(await buildUser(t, 'supervisor'))).status, 200);
});

test('accepting a talent application assigns the window’s specialist, whom the applicant sees by name', async () => {
  assert.equal((await setSpecialists(admin, [specialist.id])).status, 200);
  const created = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'talent-hukou', data: talentData(41) } });
  assert.equal(created.status, 201, created.body);
  const accepted = await act(t, window1, created.json, 'accept');
  assert.equal(accepted.status, 200, accepted.body);
  assert.equal(accepted.json.assigneeId, specialist.id);
  assert.equal(accepted.json.status, 'in_progress');
  const seen = await call(t, ent, { method: 'GET', url: `/api/v1/items/${created.json.id}` });
  assert.equal(seen.json.specialist.displayName, specialist.username);
  const notes = await call(t, specialist, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(notes.json.notifications.some((n: { kind: string; itemId: string }) => n.kind === 'item_assigned' && n.itemId === created.json.id));

  // A window with no specialist named: the accepting officer serves the applicant.
  assert.equal((await setSpecialists(admin, [])).status, 200);
  const second = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'talent-hukou', data: talentData(42) } });
  const r = await act(t, window1, second.json, 'accept');
  assert.equal(r.json.assigneeId, window1.id);
});
