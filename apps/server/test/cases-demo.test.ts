import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, type TestApp, type TestUser } from './helpers.ts';
import { makeDemoApp, type DemoApp } from './support-demo.ts';

let t: TestApp;
let demo: DemoApp['demo'];
let ent1: TestUser;
let ent2: TestUser;
let chen: TestUser;

before(async () => {
  ({ t, demo } = await makeDemoApp('2026-11-20T10:00:00+08:00'));
  ent1 = await demo('ent.demo1', 'enterprise-admin');
  ent2 = await demo('ent.demo2', 'enterprise-admin');
  chen = await demo('officer.jingzhen', 'officer');
});
after(() => t.close());

test('the demo has cases in every stage, made through the services', async () => {
  const stages = async (u: TestUser) => (await call(t, u, { method: 'GET', url: '/api/v1/enterprise/cases' })).json.cases.map((c: { stage: string }) => c.stage).sort();
  assert.deepEqual(await stages(ent1), ['concluded', 'investigating', 'not-filed', 'registered']);
  assert.deepEqual(await stages(ent2), ['prosecution', 'reported', 'withdrawn']);
  const mine = (await call(t, ent1, { method: 'GET', url: '/api/v1/enterprise/cases' })).json.cases;
  const inv = mine.find((c: { stage: string }) => c.stage === 'investigating');
  assert.deepEqual(inv.recovered, { total: 720000, stopped: 300000, recovered: 420000 });
  assert.equal(mine.find((c: { stage: string }) => c.stage === 'not-filed').reconsideration.open, true);
  const staff = (await call(t, chen, { method: 'GET', url: `/api/v1/cases/${inv.id}` })).json;
  assert.equal(staff.tier, 'major');
  assert.equal(staff.supervision.listed, true);
});

test('the demo has linked incidents: one with a department still to report, one closed once both reported', async () => {
  const sup = await demo('supervisor', 'supervisor');
  const rt = (await call(t, sup, { method: 'GET', url: '/api/v1/incidents/response-times' })).json;
  assert.equal(rt.incidents, 2);
  const renshe = rt.byPartner.find((x: { unitId: string }) => x.unitId === 'partner-renshe');
  assert.equal(renshe.open, 1);
  const partner = await demo('partner.renshe', 'partner');
  const list = (await call(t, partner, { method: 'GET', url: '/api/v1/items?type=incident-linkage' })).json.items;
  assert.equal(list.length, 1);
  assert.deepEqual(list[0].branches.map((b: { unitId: string }) => b.unitId), ['partner-renshe']);
});
