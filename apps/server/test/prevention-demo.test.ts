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
