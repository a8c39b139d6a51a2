import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { makeVin } from '@jqt/domain';
import { items } from '../src/db/schema.ts';
import { act, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

let t: TestApp;
let ent: TestUser;
let cheguansuo: TestUser;
let jiaojing: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  cheguansuo = await buildUser(t, 'officer', { unitId: 'zb-vehicle-admin' });
  jiaojing = await buildUser(t, 'officer', { unitId: 'zb-traffic' });
});
after(() => t.close());

const vehicles = [1, 2, 3, 4, 5].map((i) => ({ vin: makeVin(i * 104_729), model: `纯电动厢式货车-${i}` }));
const booking = (over: Record<string, unknown> = {}) => ({
  business: 'freight',
  vehicles,
  preferredStation: 'zhangdian-north',
  preferredDate: '2026-10-09',
  contactName: '钱经理',
  contactPhone: '13712345678',
  ...over,
});
const submit = (data: Record<string, unknown>) => call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'batch-inspection', data } });
const itemCount = async () => Number((await t.ctx.database.db.select({ n: count() }).from(items).where(eq(items.type, 'batch-inspection')))[0].n);

test('the enterprise picks a listed nearby station and a date after today; anything else is 422 and saves nothing', async () => {
  t.setNow('2026-09-29T09:00:00+08:00');
  const before = await itemCount();
  let r = await submit(booking({ preferredStation: '张店区机动车检测站', preferredDate: '2026-09-29' }));
  assert.deepEqual(
    assertProblem(r, 422, { paths: ['data.preferredStation', 'data.preferredDate'] }).errors!.map((e) => `${e.path} ${e.code}`).sort(),
    ['data.preferredDate appointment_not_future', 'data.preferredStation not_in_options'],
  );
  r = await submit(booking({ preferredDate: '2027-01-05' }));
  assert.equal(assertProblem(r, 422, { paths: ['data.preferredDate'] }).errors![0].code, 'appointment_too_far');
  assert.equal(await itemCount(), before, 'nothing saved');

  r = await submit(booking());
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.unitId, 'zb-vehicle-admin');
  assert.deepEqual(r.json.outputs, {
    preferred: {
      station: { id: 'zhangdian-north', name: { zh: '张店区北部机动车检测站', en: 'Zhangdian North Vehicle Inspection Station' }, address: { zh: '张店区华光路 188 号', en: '188 Huaguang Rd, Zhangdian' }, district: 'zhangdian' },
      date: '2026-10-09',
    },
    inspection: null,
  });
  const form = (await call(t, null, { method: 'GET', url: '/api/v1/item-types' })).json.find((x: { code: string }) => x.code === 'batch-inspection');
  assert.ok(form.form.properties.preferredStation.enum.includes('zhangdian-north'));
  assert.equal(form.form.properties.preferredStation['x-enum-labels']['zhangdian-north'].zh, '张店区北部机动车检测站');
  assert.deepEqual(Object.keys(form.answerForm.properties), ['inspectionStation', 'inspectionDate', 'inspectionSlot']);
  assert.deepEqual(form.answerForm.required, ['inspectionStation', 'inspectionDate', 'inspectionSlot']);

  // The vehicle office schedules: station, a future working day and a slot, or 422 naming each bad field.
  let s = await act(t, cheguansuo, r.json, 'accept');
  assert.equal(s.status, 200, s.body);
  const accepted = s.json;
  const answer = (fields: Record<string, unknown>, u: TestUser = cheguansuo) => act(t, u, accepted, 'answer', { note: '已安排集中上线查验，请携带购车发票、车辆合格证和身份证明按时到场。', ...fields });
  assertProblem(await answer({}), 422, { paths: ['inspectionStation', 'inspectionDate', 'inspectionSlot'] });
  const bad = assertProblem(await answer({ inspectionStation: 'nowhere', inspectionDate: '2026-10-03', inspectionSlot: '12:00-13:00' }), 422, {
    paths: ['inspectionStation', 'inspectionDate', 'inspectionSlot'],
  });
  assert.deepEqual(bad.errors!.map((e) => e.code).sort(), ['appointment_not_workday', 'not_in_options', 'not_in_options']);
  assertProblem(await answer({ inspectionStation: 'zhangdian-east', inspectionDate: '2026-09-27', inspectionSlot: '08:30-10:30' }), 422, { paths: ['inspectionDate'] });
  assertProblem(await answer({ inspectionStation: 'zhangdian-east', inspectionDate: '2026-10-09', inspectionSlot: '08:30-10:30' }, jiaojing), 404);
  const unchanged = await call(t, ent, { method: 'GET', url: `/api/v1/items/${accepted.id}` });
  assert.equal(unchanged.json.version, accepted.version, 'nothing saved');

  s = await answer({ inspectionStation: 'zhangdian-east', inspectionDate: '2026-10-09', inspectionSlot: '08:30-10:30' });
  assert.equal(s.status, 200, s.body);
  assert.equal(s.json.status, 'answered');
  assert.equal(s.json.outputs.inspection.station.id, 'zhangdian-east');
  assert.equal(s.json.outputs.inspection.date, '2026-10-09');
  assert.equal(s.json.outputs.inspection.slot, '08:30-10:30');
  assert.deepEqual(s.json.outputs.inspection.slotLabel, { zh: '上午 08:30–10:30', en: 'Morning 08:30–10:30' });

  const zh = await call(t, ent, { method: 'GET', url: '/api/v1/notifications' });
  const n = zh.json.notifications.find((x: { kind: string }) => x.kind === 'inspection_scheduled');
  assert.equal(n.message, `您的事项 ${accepted.number} 已安排新车上线查验：2026-10-09 08:30-10:30，张店区东部机动车检测站（张店区人民东路 66 号）`);
  const en = await call(t, ent, { method: 'GET', url: '/api/v1/notifications', headers: { 'accept-language': 'en' } });
  assert.equal(
    en.json.notifications.find((x: { kind: string }) => x.kind === 'inspection_scheduled').message,
    `The inspection of the new vehicles of your item ${accepted.number} is scheduled: 2026-10-09 08:30-10:30 at Zhangdian East Vehicle Inspection Station (66 Renmin Rd East, Zhangdian)`,
  );
  t.setNow(undefined);
});
