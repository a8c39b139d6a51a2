import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAccessCheck } from './request.ts';
import { shanghaiTimeOfDayMs } from './local-time.ts';

const good = () => ({
  vehicle: { plate: '鲁C12345', newEnergy: true, totalMassKg: 10000, lengthMm: 8000, body: 'other', use: 'general' },
  road: { inRestrictedZone: true, class: 'ordinary', nightCorridor: false },
  at: '2026-01-05T08:30:00+08:00',
});
type Body = ReturnType<typeof good> & Record<string, unknown>;

function errorsOf(change: (b: Body) => void): [string, string, unknown?][] {
  const b = good() as Body;
  change(b);
  const r = parseAccessCheck(b);
  return r.ok ? [] : r.errors.map((e) => (e.params ? [e.path, e.code, e.params] : [e.path, e.code]));
}
const any = <T = never>(x: unknown) => x as T;

test('a well-formed request parses into domain values', () => {
  const r = parseAccessCheck(good());
  assert.ok(r.ok);
  assert.deepEqual(r.value, {
    vehicle: good().vehicle,
    road: good().road,
    at: new Date('2026-01-05T00:30:00Z'),
  });
});

test('other offsets are converted: 00:30Z and 19:30-05:00 are both 08:30 in Shanghai', () => {
  for (const at of ['2026-01-05T00:30:00Z', '2026-01-04T19:30:00-05:00', '2026-01-05T00:30:00.000Z', '2026-01-05T08:30+08:00', '2026-01-05T08:30:00+0800']) {
    const r = parseAccessCheck({ ...good(), at });
    assert.ok(r.ok, at);
    assert.equal(r.value.at.getTime(), Date.UTC(2026, 0, 5, 0, 30), at);
    assert.equal(shanghaiTimeOfDayMs(r.value.at), (8 * 60 + 30) * 60_000, at);
  }
});

test('roadId is optional, trimmed, and a blank one means not given', () => {
  const withId = parseAccessCheck({ ...good(), road: { ...good().road, roadId: ' R-LIUQUAN ' } });
  assert.ok(withId.ok);
  assert.equal(withId.value.road.roadId, 'R-LIUQUAN');
  const blank = parseAccessCheck({ ...good(), road: { ...good().road, roadId: '  ' } });
  assert.ok(blank.ok);
  assert.equal('roadId' in blank.value.road, false);
  assert.deepEqual(errorsOf((b) => (b.road = any({ ...b.road, roadId: 42 }))), [['road.roadId', 'invalid_type']]);
  assert.deepEqual(errorsOf((b) => (b.road = any({ ...b.road, roadId: 'R'.repeat(101) }))), [['road.roadId', 'too_long', { max: 100 }]]);
});

test('the plate is only required to be a non-empty string (its format is checked elsewhere)', () => {
  assert.equal(parseAccessCheck({ ...good(), vehicle: { ...good().vehicle, plate: 'not a plate' } }).ok, true);
  assert.deepEqual(errorsOf((b) => (b.vehicle.plate = '  ')), [['vehicle.plate', 'required']]);
  assert.deepEqual(errorsOf((b) => (b.vehicle.plate = any(12345))), [['vehicle.plate', 'invalid_type']]);
});

const fieldCases: [string, (b: Body) => void, [string, string, unknown?][]][] = [
  ['missing vehicle', (b) => delete any<{ vehicle?: unknown }>(b).vehicle, [['vehicle', 'required']]],
  ['vehicle as a string', (b) => (b.vehicle = any('鲁C12345')), [['vehicle', 'invalid_type']]],
  ['road as an array', (b) => (b.road = any([])), [['road', 'invalid_type']]],
  ['null at', (b) => (b.at = any(null)), [['at', 'required']]],
  ['newEnergy as "true"', (b) => (b.vehicle.newEnergy = any('true')), [['vehicle.newEnergy', 'invalid_type']]],
  ['mass as a string', (b) => (b.vehicle.totalMassKg = any('4500')), [['vehicle.totalMassKg', 'invalid_type']]],
  ['mass with decimals', (b) => (b.vehicle.totalMassKg = 4500.5), [['vehicle.totalMassKg', 'invalid_type']]],
  ['mass NaN', (b) => (b.vehicle.totalMassKg = NaN), [['vehicle.totalMassKg', 'invalid_type']]],
  ['mass 0', (b) => (b.vehicle.totalMassKg = 0), [['vehicle.totalMassKg', 'too_small', { min: 1 }]]],
  ['mass 100001', (b) => (b.vehicle.totalMassKg = 100001), [['vehicle.totalMassKg', 'too_large', { max: 100000 }]]],
  ['length negative', (b) => (b.vehicle.lengthMm = -1), [['vehicle.lengthMm', 'too_small', { min: 1 }]]],
  ['length 30001', (b) => (b.vehicle.lengthMm = 30001), [['vehicle.lengthMm', 'too_large', { max: 30000 }]]],
  ['body "van"', (b) => (b.vehicle.body = 'van'), [['vehicle.body', 'not_in_options', { options: ['box', 'other'] }]]],
  ['use "tanker"', (b) => (b.vehicle.use = 'tanker'), [['vehicle.use', 'not_in_options', { options: ['general', 'sanitation', 'muck', 'concrete'] }]]],
  ['road class "highway"', (b) => (b.road.class = 'highway'), [['road.class', 'not_in_options', { options: ['expressway', 'ordinary'] }]]],
  ['inRestrictedZone as 1', (b) => (b.road.inRestrictedZone = any(1)), [['road.inRestrictedZone', 'invalid_type']]],
  ['missing nightCorridor', (b) => delete any<{ nightCorridor?: boolean }>(b.road).nightCorridor, [['road.nightCorridor', 'required']]],
  ['at without offset', (b) => (b.at = '2026-01-05T08:30:00'), [['at', 'invalid_datetime']]],
  ['at as a date only', (b) => (b.at = '2026-01-05'), [['at', 'invalid_datetime']]],
  ['at on 30 February', (b) => (b.at = '2026-02-30T08:30:00+08:00'), [['at', 'invalid_datetime']]],
  ['at hour 24', (b) => (b.at = '2026-01-05T24:00:00+08:00'), [['at', 'invalid_datetime']]],
  ['at with a space', (b) => (b.at = '2026-01-05 08:30:00+08:00'), [['at', 'invalid_datetime']]],
  ['at as epoch ms', (b) => (b.at = any(1767573000000)), [['at', 'invalid_datetime']]],
  ['at in words', (b) => (b.at = 'Mon, 05 Jan 2026 00:30:00 GMT'), [['at', 'invalid_datetime']]],
];

for (const [name, change, expected] of fieldCases) {
  test(`parseAccessCheck rejects: ${name}`, () => assert.deepEqual(errorsOf(change), expected));
}

test('parseAccessCheck accepts 29 February of a leap year and the mass and length limits', () => {
  assert.equal(parseAccessCheck({ ...good(), at: '2028-02-29T12:00:00+08:00' }).ok, true);
  for (const [m, l] of [[1, 1], [100000, 30000]]) {
    assert.equal(parseAccessCheck({ ...good(), vehicle: { ...good().vehicle, totalMassKg: m, lengthMm: l } }).ok, true);
  }
});

test('every bad field is reported at once, each with its path', () => {
  const r = parseAccessCheck({
    vehicle: { plate: '', newEnergy: 'yes', totalMassKg: -5, body: 'van', use: 'general' },
    road: { inRestrictedZone: true, class: 'highway' },
    at: '2026-01-05T08:30:00',
  });
  assert.equal(r.ok, false);
  assert.deepEqual(
    !r.ok && r.errors.map((e) => `${e.path}:${e.code}`),
    [
      'vehicle.plate:required',
      'vehicle.newEnergy:invalid_type',
      'vehicle.totalMassKg:too_small',
      'vehicle.lengthMm:required',
      'vehicle.body:not_in_options',
      'road.class:not_in_options',
      'road.nightCorridor:required',
      'at:invalid_datetime',
    ],
  );
  assert.deepEqual(parseAccessCheck('{"vehicle":{}}'), { ok: false, errors: [{ path: '', code: 'invalid_type' }] });
  assert.deepEqual(
    parseAccessCheck({}).ok === false && parseAccessCheck({}),
    { ok: false, errors: [{ path: 'vehicle', code: 'required' }, { path: 'road', code: 'required' }, { path: 'at', code: 'required' }] },
  );
});
