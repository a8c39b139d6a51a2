import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, type TestApp } from './helpers.ts';
import { makeDemoApp, type DemoApp } from './support-demo.ts';

let t: TestApp;
let demo: DemoApp['demo'];
before(async () => {
  ({ t, demo } = await makeDemoApp('2026-11-20T10:00:00+08:00'));
});
after(() => t.close());

test('the demo station reviews its appeal answers: one waits for 孟所长, one went out after his approval', async () => {
  const leader = await demo('leader.chezhan', 'unit-leader');
  const settings = (await call(t, leader, { method: 'GET', url: '/api/v1/units/zhangdian-station-chezhan/answer-review' })).json;
  assert.deepEqual(settings.itemTypes, ['appeal']);
  const list = (await call(t, leader, { method: 'GET', url: `/api/v1/items?type=appeal&unitId=zhangdian-station-chezhan&q=${encodeURIComponent('夜间治安巡逻')}` })).json.items as { id: string }[];
  assert.equal(list.length, 1);
  const held = (await call(t, leader, { method: 'GET', url: `/api/v1/items/${list[0].id}` })).json;
  assert.match(held.pendingAnswer.note, /夜间巡逻路线/);
  assert.equal(held.abilities.canApproveAnswer, true);
  const ent = await demo('ent.demo1', 'enterprise-admin');
  const seen = (await call(t, ent, { method: 'GET', url: `/api/v1/items/${held.id}` })).json;
  assert.equal(seen.pendingAnswer, null);
  assert.equal(seen.answer, null);
  const sent = (await call(t, ent, { method: 'GET', url: `/api/v1/items?q=${encodeURIComponent('门牌号申请流程')}` })).json.items as { id: string; status: string }[];
  assert.equal(sent[0].status, 'answered');
});
