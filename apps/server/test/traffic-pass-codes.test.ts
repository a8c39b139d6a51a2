import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq, sql } from 'drizzle-orm';
import { items, passCodes } from '../src/db/schema.ts';
import { makeVin } from '@jqt/domain';
import QRCode from 'qrcode';
import { act, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let ent: TestUser;
let other: TestUser;
let jiaojing: TestUser;
let zhangdianOfficer: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  other = await buildUser(t, 'enterprise-admin');
  jiaojing = await buildUser(t, 'officer', { unitId: 'zb-traffic' });
  zhangdianOfficer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
});
after(() => t.close());

const medium = { newEnergy: false, totalMassKg: 10000, lengthMm: 7000, body: 'other' };
const passData = (over: Record<string, unknown> = {}) => ({
  kind: 'temporary',
  plate: '鲁C12345',
  ...medium,
  validFrom: '2026-06-03',
  validTo: '2026-06-05',
  roadClasses: 'ordinary',
  roadIds: 'zd-liuquan-rd, zd-gongqingtuan-rd',
  reason: '向市区超市配送',
  contactName: '李调度',
  contactPhone: '13912345678',
  ...over,
});

async function check(plate: string, roadId: string, at: string, vehicle: Record<string, unknown> = medium) {
  const r = await call(t, null, {
    method: 'POST',
    url: '/api/v1/traffic/access-checks',
    payload: { vehicle: { plate, use: 'general', ...vehicle }, road: { inRestrictedZone: true, class: 'ordinary', nightCorridor: false, roadId }, at },
  });
  assert.equal(r.status, 200, r.body);
  return r.json;
}

const submit = (u: TestUser, type: string, data: Record<string, unknown>) => call(t, u, { method: 'POST', url: '/api/v1/items', payload: { type, data } });
const itemCount = async (type: string) => Number((await t.ctx.database.db.select({ n: count() }).from(items).where(eq(items.type, type)))[0].n);

test('a temporary pass code is issued within the applying request; the checker then allows that plate there and then', async () => {
  t.setNow('2026-06-03T10:00:00+08:00');
  assert.equal((await check('鲁C12345', 'zd-liuquan-rd', '2026-06-04T12:00:00+08:00')).rule, 'pass-code-required');

  const r = await submit(ent, 'truck-pass', passData());
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.status, 'closed');
  assert.equal(r.json.unitId, 'zb-traffic');
  assert.equal(r.json.outputs.passCodes.length, 1);
  const code = r.json.outputs.passCodes[0];
  assert.match(code.code, /^TX[A-Z2-9]{10}$/);
  assert.equal(code.status, 'valid');
  assert.equal(code.validFrom, '2026-06-03T00:00:00+08:00');
  assert.equal(code.validTo, '2026-06-06T00:00:00+08:00');
  assert.deepEqual(code.roadClasses, ['ordinary']);
  assert.deepEqual(r.json.timeline.map((e: { action: string }) => e.action), ['submit', 'issue']);

  let d = await check('鲁C12345', 'zd-liuquan-rd', '2026-06-04T12:00:00+08:00');
  assert.equal(d.allowed, true);
  assert.equal(d.rule, 'pass-code');
  assert.match(d.reason, /2026-06-06/);
  // Lower-case plate is the same plate.
  assert.equal((await check('鲁c12345', 'zd-gongqingtuan-rd', '2026-06-05T23:59:59+08:00')).rule, 'pass-code');
  // Not on a road it does not name, not on an expressway, not for another plate, not once expired.
  assert.equal((await check('鲁C12345', 'zd-renmin-rd', '2026-06-04T12:00:00+08:00')).rule, 'pass-code-required');
  assert.equal((await check('鲁C12345', 'zd-beijing-rd', '2026-06-04T12:00:00+08:00')).rule, 'expressway');
  assert.equal((await check('鲁C54321', 'zd-liuquan-rd', '2026-06-04T12:00:00+08:00')).rule, 'pass-code-required');
  assert.equal((await check('鲁C12345', 'zd-liuquan-rd', '2026-06-06T00:00:00+08:00')).rule, 'pass-code-required');
  assert.equal((await check('鲁C12345', 'zd-liuquan-rd', '2026-06-02T23:59:59+08:00')).rule, 'pass-code-required');

  // The holder, the traffic police and nobody else see it.
  const list = await call(t, ent, { method: 'GET', url: '/api/v1/traffic/pass-codes' });
  assert.equal(list.json.passCodes.length, 1);
  assert.equal((await call(t, other, { method: 'GET', url: '/api/v1/traffic/pass-codes' })).json.passCodes.length, 0);
  assert.equal((await call(t, jiaojing, { method: 'GET', url: '/api/v1/traffic/pass-codes?plate=鲁C12345' })).json.passCodes.length, 1);
  assert.equal((await call(t, zhangdianOfficer, { method: 'GET', url: '/api/v1/traffic/pass-codes' })).status, 403);
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/traffic/pass-codes' })).status, 401);
  d = (await call(t, other, { method: 'GET', url: `/api/v1/items/${r.json.id}` })).status;
  assert.equal(d, 404);

  // Revocation by the traffic police only; then the checker refuses.
  const revokeUrl = `/api/v1/traffic/pass-codes/${code.id}/revoke`;
  assert.equal((await call(t, null, { method: 'POST', url: revokeUrl, payload: { reason: '车辆信息不符' } })).status, 401);
  assert.equal((await call(t, ent, { method: 'POST', url: revokeUrl, payload: { reason: '车辆信息不符' } })).status, 403);
  assert.equal((await call(t, zhangdianOfficer, { method: 'POST', url: revokeUrl, payload: { reason: '车辆信息不符' } })).status, 403);
  const bad = await call(t, jiaojing, { method: 'POST', url: revokeUrl, payload: {} });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json.errors.map((e: { path: string }) => e.path), ['reason']);
  assert.equal((await check('鲁C12345', 'zd-liuquan-rd', '2026-06-04T12:00:00+08:00')).rule, 'pass-code', 'nothing changed by refused attempts');
  const rv = await call(t, jiaojing, { method: 'POST', url: revokeUrl, payload: { reason: '车辆信息不符' } });
  assert.equal(rv.status, 200, rv.body);
  assert.equal(rv.json.status, 'revoked');
  assert.equal((await check('鲁C12345', 'zd-liuquan-rd', '2026-06-04T12:00:00+08:00')).rule, 'pass-code-required');
  assert.equal((await call(t, jiaojing, { method: 'POST', url: revokeUrl, payload: { reason: '再次注销' } })).status, 409);

  // The application that obtained the code shows who revoked it, when and why; the holder is told; it is audited.
  const item = await call(t, ent, { method: 'GET', url: `/api/v1/items/${r.json.id}` });
  assert.deepEqual(item.json.timeline.map((e: { action: string }) => e.action), ['submit', 'issue', 'revoke-pass-code']);
  const ev = item.json.timeline[2];
  assert.equal(ev.actor.id, jiaojing.id);
  assert.equal(ev.actor.name, jiaojing.username);
  assert.equal(ev.actor.role, 'officer');
  assert.equal(ev.at, '2026-06-03T10:00:00+08:00');
  assert.equal(ev.note, '车辆信息不符');
  assert.deepEqual(ev.detail, { passCodeId: code.id, code: code.code, reason: '车辆信息不符' });
  assert.equal(ev.fromStatus, 'closed');
  assert.equal(ev.toStatus, 'closed');
  assert.equal(item.json.status, 'closed');
  assert.equal(item.json.outputs.passCodes[0].status, 'revoked');
  assert.equal(item.json.outputs.passCodes[0].revokeReason, '车辆信息不符');
  const notes = await call(t, ent, { method: 'GET', url: '/api/v1/notifications' });
  const n = notes.json.notifications.find((x: { kind: string }) => x.kind === 'pass_code_revoked');
  assert.equal(n?.itemId, r.json.id, notes.body);
  assert.equal(n.message, `您的货车通行码 ${code.code}（事项 ${r.json.number}）已被注销，原因：车辆信息不符`);
  assert.equal((await call(t, other, { method: 'GET', url: '/api/v1/notifications' })).json.notifications.length, 0);
  const admin = await buildUser(t, 'admin');
  const audit = await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit?limit=500' });
  const entry = audit.json.entries.find((e: { action: string }) => e.action === 'traffic.pass-code.revoke');
  assert.equal(entry.actorId, jiaojing.id);
  assert.equal(entry.subject, `pass-code:${code.id}`);
  t.setNow(undefined);
});

test('QR and public verification: genuine with the signature, not genuine when tampered or missing', async () => {
  t.setNow('2026-06-10T09:00:00+08:00');
  const r = await submit(ent, 'truck-pass', passData({ plate: '鲁CD23456', newEnergy: true, validFrom: '2026-06-10', validTo: '2026-06-16', roadIds: '' }));
  assert.equal(r.status, 201, r.body);
  const code = r.json.outputs.passCodes[0];
  assert.deepEqual(code.roadIds, []);
  // 7 days inclusive is the most a temporary code may cover.
  assert.equal(code.validTo, '2026-06-17T00:00:00+08:00');
  const sig = new URL(code.verifyUrl, 'http://x').searchParams.get('s')!;
  assert.equal(code.verifyUrl, `/pass-codes/${code.code}?s=${sig}`);

  const png = await t.app.inject({ method: 'GET', url: code.qrUrl, headers: { host: 'jqt.example' } });
  assert.equal(png.statusCode, 200);
  assert.equal(png.headers['content-type'], 'image/png');
  assert.deepEqual([...png.rawPayload.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  // The QR opens the web page of the code (which reads the public API), not the API itself.
  const expected = await QRCode.toBuffer(`http://jqt.example/pass-codes/${code.code}?s=${sig}`, { type: 'png', width: 320, margin: 2, errorCorrectionLevel: 'M' });
  assert.ok(png.rawPayload.equals(expected), 'the QR encodes /pass-codes/<code>?s=<sig> on this host');
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/public/pass-codes/${code.code}/qr.png` })).statusCode, 404);

  let v = await call(t, null, { method: 'GET', url: `/api/v1/public/pass-codes/${code.code}?s=${sig}` });
  assert.equal(v.status, 200);
  assert.equal(v.json.genuine, true);
  assert.equal(v.json.plate, '鲁CD***56');
  assert.equal(v.json.kind, 'temporary');
  assert.equal(v.json.status, 'valid');
  assert.deepEqual(v.json.roadClasses, ['ordinary']);
  const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
  for (const url of [`/api/v1/public/pass-codes/${code.code}?s=${flipped}`, `/api/v1/public/pass-codes/${code.code}`, `/api/v1/public/pass-codes/TXAAAAAAAAAA?s=${sig}`]) {
    v = await call(t, null, { method: 'GET', url });
    assert.equal(v.status, 200);
    assert.equal(v.json.genuine, false, url);
    assert.equal(v.json.plate, undefined);
  }
  // A row altered in the database no longer matches its signature.
  await t.ctx.database.db.update(passCodes).set({ validTo: sql`valid_to + interval '30 days'` }).where(eq(passCodes.code, code.code));
  v = await call(t, null, { method: 'GET', url: `/api/v1/public/pass-codes/${code.code}?s=${sig}` });
  assert.equal(v.json.genuine, false);

  // Later, the scan says expired.
  await t.ctx.database.db.update(passCodes).set({ validTo: sql`valid_to - interval '30 days'` }).where(eq(passCodes.code, code.code));
  t.setNow('2026-06-17T00:00:00+08:00');
  v = await call(t, null, { method: 'GET', url: `/api/v1/public/pass-codes/${code.code}?s=${sig}` });
  assert.equal(v.json.genuine, true);
  assert.equal(v.json.status, 'expired');
  t.setNow(undefined);
});

test('bad truck-pass applications get 422 with every field and save nothing', async () => {
  t.setNow('2026-06-10T09:00:00+08:00');
  const before = await itemCount('truck-pass');
  let r = await submit(ent, 'truck-pass', passData({ kind: 'weekly', plate: '鲁O12345', totalMassKg: -1, validTo: '2026-13-01', roadClasses: 'any' }));
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['data.kind', 'data.plate', 'data.roadClasses', 'data.totalMassKg', 'data.validTo']);
  r = await submit(ent, 'truck-pass', passData({ validFrom: '2026-06-09', validTo: '2026-06-17', roadIds: 'zd-liuquan-rd,no-such-road' }));
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`).sort(), [
    'data.roadIds road_list_invalid',
    'data.validFrom pass_code_starts_in_past',
    'data.validTo pass_code_validity_too_long',
  ]);
  r = await submit(ent, 'truck-pass', passData({ kind: 'short-term', validFrom: '2026-06-10', validTo: '2026-09-30' }));
  assert.equal(r.status, 422);
  assert.equal(r.json.errors[0].params?.max ?? 92, 92);
  assert.equal((await call(t, null, { method: 'POST', url: '/api/v1/items', payload: { type: 'truck-pass', data: passData() } })).status, 401);
  assert.equal(await itemCount('truck-pass'), before);
  assert.equal((await call(t, jiaojing, { method: 'GET', url: '/api/v1/traffic/pass-codes?plate=鲁C99999' })).json.passCodes.length, 0);
  t.setNow(undefined);
});

test('a long-term code waits for review within 1 working day and is issued on approval', async () => {
  t.setNow('2026-06-12T16:00:00+08:00'); // a Friday
  const r = await submit(ent, 'truck-pass', passData({ kind: 'long-term', plate: '鲁C67890', validFrom: '2026-06-15', validTo: '2027-06-14', roadClasses: 'all', roadIds: '' }));
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.status, 'submitted');
  assert.equal(r.json.acceptDueAt, '2026-06-15T23:59:59+08:00');
  assert.deepEqual(r.json.outputs.passCodes, []);
  assert.equal((await check('鲁C67890', 'zd-beijing-rd', '2026-06-16T12:00:00+08:00')).rule, 'expressway');

  t.setNow('2026-06-15T09:00:00+08:00');
  let s = await act(t, jiaojing, r.json, 'accept');
  assert.equal(s.status, 200, s.body);
  s = await act(t, jiaojing, s.json, 'answer', { note: '审核通过，车辆及驾驶人资料齐全，核发长期通行码，请按规定路线和时段通行。' });
  assert.equal(s.status, 200, s.body);
  assert.equal(s.json.status, 'answered');
  assert.equal(s.json.outputs.passCodes.length, 1);
  assert.equal(s.json.outputs.passCodes[0].kind, 'long-term');
  assert.equal((await check('鲁C67890', 'zd-beijing-rd', '2026-06-16T12:00:00+08:00')).rule, 'pass-code');
  assert.equal((await check('鲁C67890', 'zd-renmin-rd', '2027-06-14T23:00:00+08:00')).rule, 'pass-code');
  assert.equal((await check('鲁C67890', 'zd-renmin-rd', '2027-06-15T00:00:00+08:00')).rule, 'pass-code-required');
  t.setNow(undefined);
});

test('an approved NEV special filing lets the checker allow that truck on its route in its windows (rule 3)', async () => {
  t.setNow('2026-06-15T09:00:00+08:00');
  const muck = { newEnergy: true, totalMassKg: 25000, lengthMm: 9500, body: 'other', use: 'muck' };
  const data = { plate: '鲁CD56789', use: 'muck', roadIds: 'zd-renmin-rd，zd-beijing-rd', timeWindows: '07:00-09:00, 22:00-05:00', validFrom: '2026-06-15', validTo: '2026-12-31', contactName: '赵主管', contactPhone: '13812345678' };
  const before = await itemCount('nev-special-filing');
  let r = await submit(ent, 'nev-special-filing', { ...data, timeWindows: '7点到9点', roadIds: 'nope', validTo: '2026-06-01' });
  assert.equal(r.status, 422);
  assert.equal(await itemCount('nev-special-filing'), before, 'nothing saved');
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['data.roadIds', 'data.timeWindows', 'data.validTo']);
  r = await submit(ent, 'nev-special-filing', data);
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.unitId, 'zb-traffic');
  let s = await act(t, jiaojing, r.json, 'accept');
  const peak = '2026-06-16T07:30:00+08:00';
  assert.equal((await check('鲁CD56789', 'zd-renmin-rd', peak, muck)).rule, 'nev-heavy-peak', 'not before approval');
  s = await act(t, jiaojing, s.json, 'answer', { note: '经审核，新能源车辆特殊备案材料齐全，准予备案，请按备案信息规范使用。' });
  assert.equal(s.status, 200, s.body);
  assert.equal(s.json.outputs.filings.length, 1);
  let d = await check('鲁CD56789', 'zd-renmin-rd', peak, muck);
  assert.equal(d.allowed, true);
  assert.equal(d.rule, 'nev-special-filing');
  assert.equal((await check('鲁CD56789', 'zd-beijing-rd', '2026-06-17T02:00:00+08:00', muck)).rule, 'nev-special-filing', 'route includes the expressway; window across midnight');
  assert.equal((await check('鲁CD56789', 'zd-beijing-rd', '2026-06-17T12:00:00+08:00', muck)).rule, 'expressway', 'outside the windows');
  assert.equal((await check('鲁CD56789', 'zd-liuquan-rd', peak, muck)).rule, 'nev-heavy-peak', 'not on the route');
  d = await check('鲁CD56789', 'zd-renmin-rd', peak, { ...muck, use: 'general' });
  assert.equal(d.rule, 'nev-heavy-peak', 'only for the filed use');
  t.setNow(undefined);
});

test('batch inspection: at least 5 vehicles, each VIN checked with its row in the path; routed to the vehicle office', async () => {
  const vins = [1, 2, 3, 4, 5, 6].map((i) => makeVin(i * 7919));
  const vehicles = vins.map((vin, i) => ({ vin, model: `重卡-${i}` }));
  t.setNow('2026-06-15T09:00:00+08:00');
  const data = { business: 'freight', vehicles, preferredStation: 'zhangdian-north', preferredDate: '2026-07-01', contactName: '钱经理', contactPhone: '13712345678' };
  const before = await itemCount('batch-inspection');
  let r = await submit(ent, 'batch-inspection', { ...data, vehicles: vehicles.slice(0, 4) });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`), ['data.vehicles too_small']);
  const broken = vehicles.map((v, i) => (i === 3 ? { ...v, vin: v.vin.slice(0, 8) + (v.vin[8] === '0' ? '1' : '0') + v.vin.slice(9) } : i === 5 ? { ...v, vin: 'LGWEF4A5', plate: '鲁O1' } : v));
  r = await submit(ent, 'batch-inspection', { ...data, vehicles: broken });
  assert.equal(r.status, 422, r.body);
  const paths = r.json.errors.map((e: { path: string }) => e.path);
  assert.ok(paths.includes('data.vehicles.3.vin'), paths.join());
  assert.ok(paths.includes('data.vehicles.5.vin'), paths.join());
  assert.ok(paths.includes('data.vehicles.5.plate'), paths.join());
  assert.equal(paths.filter((p: string) => /^data\.vehicles\.[0124]\./.test(p)).length, 0);
  assert.equal(await itemCount('batch-inspection'), before);
  r = await submit(ent, 'batch-inspection', data);
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.unitId, 'zb-vehicle-admin');
  assert.equal(r.json.data.vehicles.length, 6);
  const schema = (await call(t, null, { method: 'GET', url: '/api/v1/item-types' })).json.find((x: { code: string }) => x.code === 'batch-inspection').form;
  assert.equal(schema.properties.vehicles.type, 'array');
  assert.equal(schema.properties.vehicles.minItems, 5);
  assert.equal(schema.properties.vehicles.items.properties.vin['x-check'], 'vin');
  t.setNow(undefined);
});

test('traffic impact screening: the figures against the thresholds, shown from submission on', async () => {
  const data = { projectName: '张店区某商业综合体', location: '张店区柳泉路', projectKind: 'commercial', buildingAreaM2: 85000, parkingSpaces: 600, peakHourTrips: 1200, contactName: '孙工', contactPhone: '13612345678' };
  let r = await submit(ent, 'tia-screening', data);
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.outputs.screening.result, 'assessment-required');
  assert.deepEqual(r.json.outputs.screening.met, ['buildingAreaM2', 'parkingSpaces', 'peakHourTrips']);
  r = await submit(ent, 'tia-screening', { ...data, buildingAreaM2: 19999.5, parkingSpaces: 149, peakHourTrips: 299 });
  assert.equal(r.json.outputs.screening.result, 'expert-survey');
  r = await submit(ent, 'tia-screening', { ...data, buildingAreaM2: 1000, parkingSpaces: 150, peakHourTrips: 0 });
  assert.equal(r.json.outputs.screening.result, 'assessment-required', 'any one threshold met is enough');
  const before = await itemCount('tia-screening');
  r = await submit(ent, 'tia-screening', { ...data, buildingAreaM2: -5, parkingSpaces: 1.5 });
  assert.equal(r.status, 422);
  assert.equal(await itemCount('tia-screening'), before, 'nothing saved');
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['data.buildingAreaM2', 'data.parkingSpaces']);
});
