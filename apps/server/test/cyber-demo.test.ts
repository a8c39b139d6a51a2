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

test('the demo gives the cyber unit a completed inspection (high open, medium verified), a planned one and the 2026 drill list', async () => {
  const wang = await demo('officer.wangan', 'officer');
  const list = (await call(t, wang, { method: 'GET', url: '/api/v1/cyber/inspections' })).json.inspections as { status: string; noticeNumber: string | null; findings: { severity: string; status: string; overdue: boolean; attachments: unknown[] }[] }[];
  assert.deepEqual(list.map((i) => i.status).sort(), ['completed', 'planned']);
  const done = list.find((i) => i.status === 'completed')!;
  assert.match(done.noticeNumber!, /^WAZG2026\d{6}$/);
  assert.deepEqual(done.findings.map((f) => [f.severity, f.status, f.overdue]), [['high', 'open', false], ['medium', 'closed', false]]);
  assert.equal(done.findings[1].attachments.length, 1);
  const drills = (await call(t, wang, { method: 'GET', url: '/api/v1/cyber/drills?year=2026' })).json;
  assert.equal(drills.enterprises.length, 2);
  const ent2 = await demo('ent.demo2', 'enterprise-admin');
  const mine = (await call(t, ent2, { method: 'GET', url: '/api/v1/enterprise/cyber/inspections' })).json.inspections as { findings: { abilities: { canAnswer: boolean } }[] }[];
  assert.equal(mine.length, 1);
  assert.equal(mine[0].findings[0].abilities.canAnswer, true);
  await demo('leader.wangan', 'unit-leader');
});
