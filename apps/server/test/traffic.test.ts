import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let admin: TestUser;
let officer: TestUser;
let ent: TestUser;
before(async () => {
  t = await makeTestApp();
  admin = await buildUser(t, 'admin');
  officer = await buildUser(t, 'officer', { unitId: 'zb-traffic' });
  ent = await buildUser(t, 'enterprise-admin');
});
after(() => t.close());

type V = { plate?: string; newEnergy: boolean; totalMassKg: number; lengthMm: number; body: 'box' | 'other'; use?: string };
const zone = { inRestrictedZone: true, class: 'ordinary', nightCorridor: false };
const night = { inRestrictedZone: true, class: 'ordinary', nightCorridor: true };
const xway = { inRestrictedZone: true, class: 'expressway', nightCorridor: true };
const outside = { inRestrictedZone: false, class: 'expressway', nightCorridor: false };

const nevLight: V = { newEnergy: true, totalMassKg: 4000, lengthMm: 5000, body: 'other' };
const nevHeavy: V = { newEnergy: true, totalMassKg: 13000, lengthMm: 9000, body: 'other' };
const dieselMedium: V = { newEnergy: false, totalMassKg: 10000, lengthMm: 7000, body: 'other' };
const dieselLight: V = { newEnergy: false, totalMassKg: 3000, lengthMm: 5000, body: 'box' };
const boxAsLight: V = { newEnergy: false, totalMassKg: 8000, lengthMm: 6000, body: 'box' };

const day = (hms: string, date = '2026-06-03', off = '+08:00') => `${date}T${hms}${off}`;

async function check(vehicle: V, road: Record<string, unknown>, at: string, lang = 'zh-CN') {
  return call(t, null, {
    method: 'POST',
    url: '/api/v1/traffic/access-checks',
    headers: { 'accept-language': lang },
    payload: { vehicle: { plate: '鲁C12345', use: 'general', ...vehicle }, road, at },
  });
}

// [name, vehicle, road, at, allowed, rule, vehicleClass, treatedAs]
const table: [string, V, Record<string, unknown>, string, boolean, string, string, string][] = [
  ['outside the zone, even an expressway', dieselMedium, outside, day('08:00:00'), true, 'outside-zone', 'medium', 'medium'],
  ['expressway in the zone refuses an NEV', nevLight, xway, day('12:00:00'), false, 'expressway', 'light', 'light'],
  ['expressway beats the night corridor', dieselMedium, xway, day('23:30:00'), false, 'expressway', 'medium', 'medium'],
  ['light NEV all day, in the peak', nevLight, zone, day('07:30:00'), true, 'nev-light', 'light', 'light'],
  ['NEV 4500 kg exactly is light-rights', { ...nevLight, totalMassKg: 4500, lengthMm: 7000 }, zone, day('07:30:00'), true, 'nev-light', 'medium', 'medium'],
  ['NEV 4501 kg long is heavy-rights: peak', { ...nevLight, totalMassKg: 4501, lengthMm: 7000 }, zone, day('07:30:00'), false, 'nev-heavy-peak', 'medium', 'medium'],
  ['NEV medium box 6000 mm 8000 kg treated light', { newEnergy: true, totalMassKg: 8000, lengthMm: 6000, body: 'box' }, zone, day('07:30:00'), true, 'nev-light', 'medium', 'light'],
  ['NEV medium box 8001 kg not treated light', { newEnergy: true, totalMassKg: 8001, lengthMm: 6000, body: 'box' }, zone, day('07:30:00'), false, 'nev-heavy-peak', 'medium', 'medium'],
  ['NEV medium box 6001 mm not treated light', { newEnergy: true, totalMassKg: 8000, lengthMm: 6001, body: 'box' }, zone, day('07:30:00'), false, 'nev-heavy-peak', 'medium', 'medium'],
  ['length 5999 mm and 4499 kg is light', { newEnergy: false, totalMassKg: 4499, lengthMm: 5999, body: 'other' }, zone, day('12:00:00'), false, 'pass-code-required', 'light', 'light'],
  ['length 6000 mm is medium', { newEnergy: false, totalMassKg: 4499, lengthMm: 6000, body: 'other' }, zone, day('12:00:00'), false, 'pass-code-required', 'medium', 'medium'],
  ['12000 kg is heavy', { newEnergy: false, totalMassKg: 12000, lengthMm: 9000, body: 'other' }, night, day('23:00:00'), true, 'night-corridor', 'heavy', 'heavy'],
  ['heavy NEV 06:59:59 off-peak', nevHeavy, zone, day('06:59:59'), true, 'nev-heavy-offpeak', 'heavy', 'heavy'],
  ['heavy NEV 07:00:00 peak', nevHeavy, zone, day('07:00:00'), false, 'nev-heavy-peak', 'heavy', 'heavy'],
  ['heavy NEV 08:29:59 peak', nevHeavy, zone, day('08:29:59'), false, 'nev-heavy-peak', 'heavy', 'heavy'],
  ['heavy NEV 08:30:00 off-peak', nevHeavy, zone, day('08:30:00'), true, 'nev-heavy-offpeak', 'heavy', 'heavy'],
  ['heavy NEV 16:59:59 off-peak', nevHeavy, zone, day('16:59:59'), true, 'nev-heavy-offpeak', 'heavy', 'heavy'],
  ['heavy NEV 17:00:00 peak', nevHeavy, zone, day('17:00:00'), false, 'nev-heavy-peak', 'heavy', 'heavy'],
  ['heavy NEV 18:59:59 peak', nevHeavy, zone, day('18:59:59'), false, 'nev-heavy-peak', 'heavy', 'heavy'],
  ['heavy NEV 19:00:00 off-peak', nevHeavy, zone, day('19:00:00'), true, 'nev-heavy-offpeak', 'heavy', 'heavy'],
  ['-05:00 offset: 18:30 there is 07:30 next day here', nevHeavy, zone, day('18:30:00', '2026-06-02', '-05:00'), false, 'nev-heavy-peak', 'heavy', 'heavy'],
  ['Z offset: 23:30Z is 07:30 here', nevHeavy, zone, '2026-06-02T23:30:00Z', false, 'nev-heavy-peak', 'heavy', 'heavy'],
  ['holidays do not lift the peak (National Day)', nevHeavy, zone, day('07:30:00', '2026-10-01'), false, 'nev-heavy-peak', 'heavy', 'heavy'],
  ['night corridor 22:59:59 not yet', dieselMedium, night, day('22:59:59'), false, 'pass-code-required', 'medium', 'medium'],
  ['night corridor 23:00:00 open', dieselMedium, night, day('23:00:00'), true, 'night-corridor', 'medium', 'medium'],
  ['night corridor 05:59:59 open', dieselMedium, night, day('05:59:59'), true, 'night-corridor', 'medium', 'medium'],
  ['night corridor 06:00:00 closed', dieselMedium, night, day('06:00:00'), false, 'pass-code-required', 'medium', 'medium'],
  ['treated-as-light keeps the night corridor', boxAsLight, night, day('23:30:00'), true, 'night-corridor', 'medium', 'light'],
  ['a light truck has no night corridor', dieselLight, night, day('23:30:00'), false, 'pass-code-required', 'light', 'light'],
  ['night corridor needs the corridor', dieselMedium, zone, day('23:30:00'), false, 'pass-code-required', 'medium', 'medium'],
];

test('the contract endpoint answers SPEC §5 exactly, edges included', async () => {
  for (const [name, vehicle, road, at, allowed, rule, vehicleClass, treatedAs] of table) {
    const r = await check(vehicle, road, at);
    assert.equal(r.status, 200, `${name}: ${r.body}`);
    assert.deepEqual(
      { allowed: r.json.allowed, rule: r.json.rule, vehicleClass: r.json.vehicleClass, treatedAs: r.json.treatedAs },
      { allowed, rule, vehicleClass, treatedAs },
      name,
    );
    assert.equal(typeof r.json.reason, 'string', name);
    assert.ok(r.json.reason.length > 5, name);
    assert.equal(r.json.ruleSetVersion, 1, name);
  }
});

test('reasons and advice are localized; advice only where there is something to do', async () => {
  let r = await check(dieselMedium, zone, day('12:00:00'));
  assert.match(r.json.reason, /通行码/);
  assert.match(r.json.advice, /临时通行码/);
  r = await check(dieselMedium, zone, day('12:00:00'), 'en');
  assert.match(r.json.advice, /temporary pass code/);
  r = await check(nevHeavy, zone, day('07:30:00'), 'en');
  assert.match(r.json.reason, /07:00–08:30/);
  assert.match(r.json.reason, /07:30/);
  r = await check(nevLight, zone, day('07:30:00'));
  assert.equal(r.json.advice, undefined);
  assert.deepEqual(Object.keys(r.json).sort(), ['allowed', 'reason', 'rule', 'ruleSetVersion', 'treatedAs', 'vehicleClass']);
});

test('malformed requests get 422 problem+json naming every bad field', async () => {
  let r = await call(t, null, {
    method: 'POST',
    url: '/api/v1/traffic/access-checks',
    payload: {
      vehicle: { plate: '京O12345', newEnergy: 'yes', totalMassKg: 0, lengthMm: 1.5, body: 'tank', use: 'taxi' },
      road: { inRestrictedZone: 1, class: 'highway' },
      at: '2026-06-03 07:00',
    },
  });
  assert.equal(r.status, 422, r.body);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  const paths = r.json.errors.map((e: { path: string }) => e.path).sort();
  assert.deepEqual(paths, [
    'at',
    'road.class',
    'road.inRestrictedZone',
    'road.nightCorridor',
    'vehicle.body',
    'vehicle.lengthMm',
    'vehicle.newEnergy',
    'vehicle.plate',
    'vehicle.totalMassKg',
    'vehicle.use',
  ]);
  for (const e of r.json.errors) assert.ok(e.message && e.message !== e.code, JSON.stringify(e));

  r = await call(t, null, { method: 'POST', url: '/api/v1/traffic/access-checks', payload: {} });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['at', 'road', 'vehicle']);

  r = await call(t, null, { method: 'POST', url: '/api/v1/traffic/access-checks', payload: { vehicle: 'x', road: [], at: 5 } });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['at', 'road', 'vehicle']);

  // A plausible-looking but invalid plate (letter O) is named by the plate validator.
  r = await check({ ...dieselMedium, plate: '鲁CO1234' }, zone, day('12:00:00'), 'en');
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path), ['vehicle.plate']);
});

test('a road named by id takes zone, class and corridor from the registry; an unknown id is 422', async () => {
  const roads = (await call(t, null, { method: 'GET', url: '/api/v1/traffic/roads' })).json.roads;
  assert.ok(roads.length >= 10);
  const beijing = roads.find((x: { id: string }) => x.id === 'zd-beijing-rd');
  assert.equal(beijing.class, 'expressway');
  // The body claims an ordinary road outside the zone; the registry says expressway in the zone.
  let r = await check(nevLight, { ...outside, class: 'ordinary', roadId: 'zd-beijing-rd' }, day('12:00:00'));
  assert.equal(r.json.rule, 'expressway');
  r = await check(dieselMedium, { roadId: 'zd-huaguang-rd-night' }, day('23:30:00'));
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.rule, 'night-corridor');
  r = await check(dieselMedium, { ...zone, roadId: 'no-such-road' }, day('23:30:00'));
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path), ['road.roadId']);
});

test('roads: admin adds and edits; others are refused; bad input saves nothing', async () => {
  const body = { id: 'zd-test-rd', name: '张店区 测试路', class: 'ordinary', inRestrictedZone: true, nightCorridor: false, district: 'zhangdian' };
  assert.equal((await call(t, null, { method: 'POST', url: '/api/v1/admin/traffic/roads', payload: body })).status, 401);
  assert.equal((await call(t, officer, { method: 'POST', url: '/api/v1/admin/traffic/roads', payload: body })).status, 403);
  assert.equal((await call(t, ent, { method: 'POST', url: '/api/v1/admin/traffic/roads', payload: body })).status, 403);
  const roadCount = async () => (await call(t, null, { method: 'GET', url: '/api/v1/traffic/roads' })).json.roads.length;
  const before = await roadCount();
  let r = await call(t, admin, { method: 'POST', url: '/api/v1/admin/traffic/roads', payload: { id: 'Bad Id', name: '', class: 'x', inRestrictedZone: 'y' } });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['class', 'id', 'inRestrictedZone', 'name', 'nightCorridor']);
  assert.equal(await roadCount(), before, 'nothing saved');
  r = await call(t, admin, { method: 'POST', url: '/api/v1/admin/traffic/roads', payload: body });
  assert.equal(r.status, 201, r.body);
  r = await call(t, admin, { method: 'POST', url: '/api/v1/admin/traffic/roads', payload: body });
  assert.equal(r.status, 422);
  assert.equal(r.json.errors[0].code, 'road_exists');
  r = await check(dieselMedium, { roadId: 'zd-test-rd' }, day('23:30:00'));
  assert.equal(r.json.rule, 'pass-code-required');
  const { id: _, ...rest } = body;
  r = await call(t, admin, { method: 'PUT', url: '/api/v1/admin/traffic/roads/zd-test-rd', payload: { ...rest, nightCorridor: true } });
  assert.equal(r.status, 200, r.body);
  r = await check(dieselMedium, { roadId: 'zd-test-rd' }, day('23:30:00'));
  assert.equal(r.json.rule, 'night-corridor', 'the edit applies at once on this instance');
  assert.equal((await call(t, admin, { method: 'PUT', url: '/api/v1/admin/traffic/roads/nope', payload: rest })).status, 404);
  r = await call(t, admin, { method: 'PUT', url: '/api/v1/admin/traffic/roads/zd-test-rd', payload: { ...rest, nightCorridor: 'no', class: 'lane', extra: 1 } });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path).sort(), ['class', 'extra', 'nightCorridor']);
  assert.equal((await check(dieselMedium, { roadId: 'zd-test-rd' }, day('23:30:00'))).json.rule, 'night-corridor', 'unchanged');
  assert.equal(await roadCount(), before + 1);
  assert.equal((await call(t, officer, { method: 'PUT', url: '/api/v1/admin/traffic/roads/zd-test-rd', payload: rest })).status, 403);
});

test('rule sets: a new version changes answers from its effectiveFrom; the old one is kept', async () => {
  t.setNow('2026-07-01T10:00:00+08:00');
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/admin/traffic/rule-sets' })).status, 401);
  assert.equal((await call(t, officer, { method: 'GET', url: '/api/v1/admin/traffic/rule-sets' })).status, 403);
  let r = await call(t, admin, { method: 'GET', url: '/api/v1/admin/traffic/rule-sets' });
  assert.equal(r.status, 200);
  const v1 = r.json.ruleSets.find((s: { version: number }) => s.version === 1);
  assert.equal(v1.inForce, true);

  // Move the morning peak to 07:00–09:00 from 2026-08-01.
  const rules = structuredClone(v1.rules) as { id: string; windows?: { start: string; end: string }[] }[];
  rules.find((x) => x.id === 'nev-heavy-offpeak')!.windows![0].end = '09:00';
  const bad = await call(t, admin, {
    method: 'POST',
    url: '/api/v1/admin/traffic/rule-sets',
    payload: { effectiveFrom: '2026-06-01T00:00:00+08:00', rules: [{ ...rules[0], id: 'Bad', windows: [{ start: '25:00', end: '07:00' }] }, ...rules.slice(1)] },
  });
  assert.equal(bad.status, 422, bad.body);
  assert.deepEqual(bad.json.errors.map((e: { path: string }) => e.path).sort(), ['effectiveFrom', 'rules.0.id', 'rules.0.windows.0.start']);
  assert.equal((await call(t, officer, { method: 'POST', url: '/api/v1/admin/traffic/rule-sets', payload: { effectiveFrom: '2026-08-01T00:00:00+08:00', rules } })).status, 403);
  r = await call(t, admin, { method: 'GET', url: '/api/v1/admin/traffic/rule-sets' });
  assert.equal(r.json.ruleSets.length, 1, 'nothing saved by the refused attempts');

  r = await call(t, admin, { method: 'POST', url: '/api/v1/admin/traffic/rule-sets', payload: { effectiveFrom: '2026-08-01T00:00:00+08:00', rules, note: '早高峰延长至 9 时' } });
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.version, 2);

  const before = await check(nevHeavy, zone, day('08:45:00', '2026-07-31'));
  assert.equal(before.json.rule, 'nev-heavy-offpeak');
  assert.equal(before.json.ruleSetVersion, 1);
  const afterEdit = await check(nevHeavy, zone, day('08:45:00', '2026-08-01'));
  assert.equal(afterEdit.json.rule, 'nev-heavy-peak');
  assert.equal(afterEdit.json.ruleSetVersion, 2);
  assert.match(afterEdit.json.reason, /07:00–09:00/);

  r = await call(t, admin, { method: 'GET', url: '/api/v1/admin/traffic/rule-sets' });
  assert.deepEqual(r.json.ruleSets.map((s: { version: number }) => s.version), [2, 1]);
  t.setNow(undefined);
});
