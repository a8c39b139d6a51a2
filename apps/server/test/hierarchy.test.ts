import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canSee, shanghaiDate } from '@jqt/domain';
import { items } from '../src/db/schema.ts';
import type { UserActor } from '../src/modules/accounts/actor.ts';
import { actorFromSession } from '../src/modules/accounts/service.ts';
import { visibleArms, visibleTo } from '../src/modules/items/policy.ts';
import { listItems, rowToState } from '../src/modules/items/repository.ts';
import { act, buildUser, call, makeTestApp, submitAppeal, type TestApp, type TestUser } from './helpers.ts';

/**
 * Leaders by hierarchy (issue 13 point 2) and visibility written once (issue 17 point 4): a unit leader sees
 * the items of their unit and every unit below it, the city bureau's leader the whole city; the SQL predicate
 * of the lists and the in-memory check of one item agree for every user and every item.
 */
let t: TestApp;
const u: Record<string, TestUser> = {};
let stationItem: { id: string; version: number };
let branchItem: { id: string; version: number };
let zhoucunItem: { id: string; version: number };
let pendingItem: { id: string; version: number };

const get = (who: TestUser, id: string) => call(t, who, { method: 'GET', url: `/api/v1/items/${id}` });
const listIds = async (who: TestUser, query = '') => {
  const r = await call(t, who, { method: 'GET', url: `/api/v1/items?limit=100${query}` });
  assert.equal(r.status, 200, r.body);
  return new Set<string>(r.json.items.map((i: { id: string }) => i.id));
};

before(async () => {
  t = await makeTestApp();
  u.entZd = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  u.entZc = await buildUser(t, 'enterprise-admin', { district: 'zhoucun' });
  u.officerZd = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  u.leaderZd = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
  u.officerStation = await buildUser(t, 'officer', { unitId: 'zhangdian-station-chezhan' });
  u.leaderStation = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-station-chezhan' });
  u.officerOtherStation = await buildUser(t, 'officer', { unitId: 'zhangdian-station-mashang' });
  u.officerZc = await buildUser(t, 'officer', { unitId: 'zhoucun-branch' });
  u.leaderZc = await buildUser(t, 'unit-leader', { unitId: 'zhoucun-branch' });
  u.leaderCity = await buildUser(t, 'unit-leader', { unitId: 'zb-city' });
  u.leaderTraffic = await buildUser(t, 'unit-leader', { unitId: 'zb-traffic' });
  u.supervisor = await buildUser(t, 'supervisor');
  u.admin = await buildUser(t, 'admin');
  u.partner = await buildUser(t, 'partner', { unitId: 'partner-kejiju' });
  u.applicant = await buildUser(t, 'applicant');

  // A 张店 item the branch sends to its station, which takes it: the station's own item.
  const a = await submitAppeal(t, u.entZd);
  const tr = await act(t, u.officerZd, a, 'transfer', { toUnitId: 'zhangdian-station-chezhan', note: '辖区派出所办理' });
  assert.equal(tr.status, 200, tr.body);
  const at = await act(t, u.officerStation, tr.json, 'accept-transfer', {});
  assert.equal(at.status, 200, at.body);
  assert.equal(at.json.unitId, 'zhangdian-station-chezhan');
  const sa = await act(t, u.officerStation, at.json, 'accept', {});
  assert.equal(sa.status, 200, sa.body);
  stationItem = sa.json;
  // A 张店 branch item with a partner branch, one pending transfer to the other station, one 周村 item.
  const b = await submitAppeal(t, u.entZd);
  const acc = await act(t, u.officerZd, b, 'accept', {});
  const ob = await act(t, u.officerZd, acc.json, 'open-branch', { toUnitId: 'partner-kejiju', note: '请科技局会办' });
  assert.equal(ob.status, 200, ob.body);
  branchItem = ob.json;
  const p = await submitAppeal(t, u.entZd);
  const pt = await act(t, u.officerZd, p, 'transfer', { toUnitId: 'zhangdian-station-mashang', note: '辖区派出所办理' });
  assert.equal(pt.status, 200, pt.body);
  pendingItem = pt.json;
  zhoucunItem = await submitAppeal(t, u.entZc);
  assert.equal((await get(u.officerZc, zhoucunItem.id)).json.unitId, 'zhoucun-branch');
});
after(() => t.close());

test('the 张店 head sees a 张店 station item and not a 周村 one', async () => {
  assert.equal((await get(u.leaderZd, stationItem.id)).status, 200);
  assert.equal((await get(u.leaderZd, zhoucunItem.id)).status, 404);
  const ids = await listIds(u.leaderZd);
  assert.ok(ids.has(stationItem.id) && ids.has(branchItem.id) && ids.has(pendingItem.id));
  assert.ok(!ids.has(zhoucunItem.id));
});

test('the city leader sees both', async () => {
  assert.equal((await get(u.leaderCity, stationItem.id)).status, 200);
  assert.equal((await get(u.leaderCity, zhoucunItem.id)).status, 200);
  const ids = await listIds(u.leaderCity);
  for (const i of [stationItem, branchItem, pendingItem, zhoucunItem]) assert.ok(ids.has(i.id));
});

test('a station officer sees neither the branch item nor the 周村 one; the 周村 head sees no 张店 item', async () => {
  assert.equal((await get(u.officerStation, stationItem.id)).status, 200);
  assert.equal((await get(u.officerStation, branchItem.id)).status, 404);
  assert.equal((await get(u.officerStation, zhoucunItem.id)).status, 404);
  const ids = await listIds(u.officerStation);
  assert.deepEqual([...ids].filter((id) => id !== stationItem.id), []);
  assert.equal((await get(u.leaderZc, stationItem.id)).status, 404);
  // The station's leader sees its own station, not its parent branch.
  assert.equal((await get(u.leaderStation, branchItem.id)).status, 404);
});

test('the 张店 head may supervise and assign a station item; a station officer may not act on the branch', async () => {
  const seen = await get(u.leaderZd, stationItem.id);
  assert.equal(seen.json.abilities.canSupervise, true);
  assert.equal(seen.json.abilities.canAssign, true);
  // Handling stays with the station: the leader above does not answer for it.
  assert.equal(seen.json.abilities.canAnswer, false);
  const staff = await call(t, u.leaderZd, { method: 'GET', url: '/api/v1/units/zhangdian-station-chezhan/staff' });
  assert.equal(staff.status, 200, staff.body);
  assert.ok(staff.json.staff.some((s: { id: string }) => s.id === u.officerStation.id));
  const asg = await act(t, u.leaderZd, seen.json, 'assign', { assigneeId: u.officerStation.id });
  assert.equal(asg.status, 200, asg.body);
  const sup = await act(t, u.leaderZd, asg.json, 'supervise', { note: '分局督办，请三日内答复', listed: false });
  assert.equal(sup.status, 200, sup.body);
  stationItem = sup.json;
  assert.equal(sup.json.supervision.reason, 'leader');
  const ids = await listIds(u.leaderZd, '&supervised=true');
  assert.ok(ids.has(stationItem.id));
  assert.equal((await act(t, u.officerStation, branchItem, 'supervise', { note: '越级督办' })).status, 404);
  assert.equal((await act(t, u.leaderZc, stationItem, 'supervise', { note: '越级督办' })).status, 404);
  assert.equal((await call(t, u.leaderZc, { method: 'GET', url: '/api/v1/units/zhangdian-station-chezhan/staff' })).status, 404);
});

test('the dashboard follows the same scope', async () => {
  // The period is a Shanghai day: at 16:00 UTC and after, the UTC date is the day before.
  const day = shanghaiDate(t.ctx.now());
  const o = await call(t, u.leaderZd, { method: 'GET', url: `/api/v1/stats/overview?from=${day}&to=${day}` });
  assert.equal(o.status, 200, o.body);
  const units = new Set(o.json.byUnit.map((x: { unitId: string }) => x.unitId));
  assert.ok(units.has('zhangdian-station-chezhan') && units.has('zhangdian-branch'));
  assert.ok(!units.has('zhoucun-branch'));
  const c = await call(t, u.leaderCity, { method: 'GET', url: `/api/v1/stats/overview?from=${day}&to=${day}` });
  assert.ok(new Set(c.json.byUnit.map((x: { unitId: string }) => x.unitId)).has('zhoucun-branch'));
});

test('agreement: the SQL predicate, the queue arms and the in-memory check agree for every user × item', async () => {
  const db = t.ctx.database.db;
  const all = await db.select().from(items);
  assert.ok(all.length >= 4);
  const now = t.ctx.now();
  let pairs = 0;
  for (const [name, user] of Object.entries(u)) {
    const actor: UserActor = (await actorFromSession(t.ctx, user.cookie.split('=')[1]))!;
    assert.ok(actor, name);
    const bySql = new Set((await db.select({ id: items.id }).from(items).where(visibleTo(actor))).map((r) => r.id));
    const byArms = new Set((await listItems(db, visibleArms(actor), {}, now, null, 10_000)).map((r) => r.id));
    for (const row of all) {
      const inMemory = canSee(rowToState(row), actor);
      assert.equal(bySql.has(row.id), inMemory, `${name} × ${row.id} (${row.unitId}): SQL ${bySql.has(row.id)}, in memory ${inMemory}`);
      assert.equal(byArms.has(row.id), inMemory, `${name} × ${row.id} (${row.unitId}): queue arms`);
      pairs++;
    }
  }
  assert.ok(pairs >= Object.keys(u).length * 4);
});
