import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileRuleSet, type AccessInput } from './evaluate.ts';
import type { FilingGrant, PassCodeGrant, Road, Vehicle } from './grants.ts';
import { DEFAULT_RULE_SET } from './rules.ts';
import type { VehicleClass } from './vehicle-class.ts';

const engine = compileRuleSet(DEFAULT_RULE_SET);
const PLATE = '鲁C12345';

// Vehicles in the words of the notice. Mass in kg, length in mm.
const V = {
  nevLight: { plate: PLATE, newEnergy: true, totalMassKg: 4000, lengthMm: 5000, body: 'other', use: 'general' },
  nevHeavy: { plate: PLATE, newEnergy: true, totalMassKg: 10000, lengthMm: 8000, body: 'other', use: 'general' },
  dieselLight: { plate: PLATE, newEnergy: false, totalMassKg: 3000, lengthMm: 4500, body: 'other', use: 'general' },
  dieselMedium: { plate: PLATE, newEnergy: false, totalMassKg: 10000, lengthMm: 8000, body: 'other', use: 'general' },
  dieselHeavy: { plate: PLATE, newEnergy: false, totalMassKg: 25000, lengthMm: 12000, body: 'other', use: 'general' },
  dieselBoxAsLight: { plate: PLATE, newEnergy: false, totalMassKg: 8000, lengthMm: 6000, body: 'box', use: 'general' },
  nevSanitation: { plate: PLATE, newEnergy: true, totalMassKg: 16000, lengthMm: 9000, body: 'other', use: 'sanitation' },
} satisfies Record<string, Vehicle>;

const R = {
  zone: { inRestrictedZone: true, class: 'ordinary', nightCorridor: false, roadId: 'R-LIUQUAN' },
  outside: { inRestrictedZone: false, class: 'ordinary', nightCorridor: false },
  outsideExpressway: { inRestrictedZone: false, class: 'expressway', nightCorridor: true },
  expressway: { inRestrictedZone: true, class: 'expressway', nightCorridor: false, roadId: 'X-HUAGUANG' },
  expresswayCorridor: { inRestrictedZone: true, class: 'expressway', nightCorridor: true, roadId: 'X-HUAGUANG' },
  corridor: { inRestrictedZone: true, class: 'ordinary', nightCorridor: true, roadId: 'N-JINJING' },
  zoneNoId: { inRestrictedZone: true, class: 'ordinary', nightCorridor: false },
} satisfies Record<string, Road>;

/** 'HH:MM:SS' is local time on Monday 2026-01-05; anything longer is a full ISO date-time. */
const when = (t: string) => new Date(t.length <= 8 ? `2026-01-05T${t}+08:00` : t);

const pass = (over: Partial<PassCodeGrant> = {}): PassCodeGrant => ({
  plate: PLATE,
  validFrom: when('2026-01-01T00:00:00+08:00'),
  validTo: when('2026-01-08T00:00:00+08:00'),
  roadClasses: ['ordinary'],
  status: 'valid',
  ...over,
});
const filing = (over: Partial<FilingGrant> = {}): FilingGrant => ({
  plate: PLATE,
  use: 'sanitation',
  roadIds: ['R-LIUQUAN', 'X-HUAGUANG'],
  windows: [{ start: '04:00', end: '09:00' }],
  validFrom: when('2026-01-01T00:00:00+08:00'),
  validTo: when('2026-07-01T00:00:00+08:00'),
  status: 'approved',
  ...over,
});

const allows: Record<string, boolean> = {
  'outside-zone': true,
  'pass-code': true,
  'nev-special-filing': true,
  expressway: false,
  'nev-light': true,
  'nev-heavy-offpeak': true,
  'nev-heavy-peak': false,
  'night-corridor': true,
  'pass-code-required': false,
};

interface Case {
  name: string;
  v: Vehicle;
  r: Road;
  at: string;
  rule: string;
  cls?: [VehicleClass, VehicleClass];
  passCodes?: PassCodeGrant[];
  filings?: FilingGrant[];
}
const nev = (over: Partial<Vehicle>): Vehicle => ({ ...V.nevHeavy, ...over });
const diesel = (over: Partial<Vehicle>): Vehicle => ({ ...V.dieselMedium, ...over });

const cases: Case[] = [
  // 1. outside-zone beats everything
  { name: 'heavy diesel outside the zone at peak', v: V.dieselHeavy, r: R.outside, at: '07:30:00', rule: 'outside-zone' },
  { name: 'outside zone beats expressway and peak', v: V.nevHeavy, r: R.outsideExpressway, at: '17:30:00', rule: 'outside-zone' },
  { name: 'outside zone beats a revoked pass code', v: V.dieselMedium, r: R.outside, at: '12:00:00', rule: 'outside-zone', passCodes: [pass({ status: 'revoked' })] },
  { name: 'outside zone beats a valid pass code', v: V.dieselMedium, r: R.outside, at: '12:00:00', rule: 'outside-zone', passCodes: [pass()] },
  // 2. pass-code
  { name: 'valid pass code', v: V.dieselHeavy, r: R.zone, at: '10:00:00', rule: 'pass-code', passCodes: [pass()] },
  { name: 'pass code beats expressway', v: V.dieselHeavy, r: R.expressway, at: '10:00:00', rule: 'pass-code', passCodes: [pass({ roadClasses: ['expressway', 'ordinary'] })] },
  { name: 'ordinary-only pass code does not open an expressway', v: V.dieselHeavy, r: R.expressway, at: '10:00:00', rule: 'expressway', passCodes: [pass()] },
  { name: 'pass code beats NEV peak', v: V.nevHeavy, r: R.zone, at: '07:30:00', rule: 'pass-code', passCodes: [pass()] },
  { name: 'pass code valid from this very second', v: V.dieselMedium, r: R.zone, at: '10:00:00', rule: 'pass-code', passCodes: [pass({ validFrom: when('10:00:00') })] },
  { name: 'pass code not yet valid', v: V.dieselMedium, r: R.zone, at: '09:59:59', rule: 'pass-code-required', passCodes: [pass({ validFrom: when('10:00:00') })] },
  { name: 'pass code expired (validTo exclusive)', v: V.dieselMedium, r: R.zone, at: '10:00:00', rule: 'pass-code-required', passCodes: [pass({ validTo: when('10:00:00') })] },
  { name: 'pass code expired last week', v: V.dieselMedium, r: R.zone, at: '2026-01-12T10:00:00+08:00', rule: 'pass-code-required', passCodes: [pass()] },
  { name: 'revoked pass code', v: V.dieselMedium, r: R.zone, at: '10:00:00', rule: 'pass-code-required', passCodes: [pass({ status: 'revoked' })] },
  { name: 'other plate\'s pass code', v: V.dieselMedium, r: R.zone, at: '10:00:00', rule: 'pass-code-required', passCodes: [pass({ plate: '鲁C54321' })] },
  { name: 'plate compared without case or spaces', v: diesel({ plate: '鲁c 12345' }), r: R.zone, at: '10:00:00', rule: 'pass-code', passCodes: [pass()] },
  { name: 'one good code among bad ones', v: V.dieselMedium, r: R.zone, at: '10:00:00', rule: 'pass-code', passCodes: [pass({ status: 'revoked' }), pass({ plate: '鲁C54321' }), pass()] },
  { name: 'pass code listing this road', v: V.dieselMedium, r: R.zone, at: '10:00:00', rule: 'pass-code', passCodes: [pass({ roadIds: ['R-LIUQUAN'] })] },
  { name: 'pass code for other roads', v: V.dieselMedium, r: R.zone, at: '10:00:00', rule: 'pass-code-required', passCodes: [pass({ roadIds: ['R-GONGQING'] })] },
  { name: 'road-limited pass code, road unknown', v: V.dieselMedium, r: R.zoneNoId, at: '10:00:00', rule: 'pass-code-required', passCodes: [pass({ roadIds: ['R-LIUQUAN'] })] },
  { name: 'unlimited pass code, road unknown', v: V.dieselMedium, r: R.zoneNoId, at: '10:00:00', rule: 'pass-code', passCodes: [pass()] },
  // 3. nev-special-filing
  { name: 'filed NEV sanitation truck at peak', v: V.nevSanitation, r: R.zone, at: '07:30:00', rule: 'nev-special-filing', filings: [filing()] },
  { name: 'filed NEV muck truck', v: nev({ use: 'muck' }), r: R.zone, at: '07:30:00', rule: 'nev-special-filing', filings: [filing({ use: 'muck' })] },
  { name: 'filed NEV concrete truck', v: nev({ use: 'concrete' }), r: R.zone, at: '07:30:00', rule: 'nev-special-filing', filings: [filing({ use: 'concrete' })] },
  { name: 'filing beats expressway when the route lists it', v: V.nevSanitation, r: R.expressway, at: '05:00:00', rule: 'nev-special-filing', filings: [filing()] },
  { name: 'filing for another road ignored', v: V.nevSanitation, r: R.corridor, at: '07:30:00', rule: 'nev-heavy-peak', filings: [filing()] },
  { name: 'filing, road unknown, ignored', v: V.nevSanitation, r: R.zoneNoId, at: '07:30:00', rule: 'nev-heavy-peak', filings: [filing()] },
  { name: 'filing outside its window ignored', v: V.nevSanitation, r: R.zone, at: '17:30:00', rule: 'nev-heavy-peak', filings: [filing()] },
  { name: 'filing window end is exclusive', v: V.nevSanitation, r: R.expressway, at: '09:00:00', rule: 'expressway', filings: [filing()] },
  { name: 'filing window across midnight, inside', v: V.nevSanitation, r: R.expressway, at: '23:30:00', rule: 'nev-special-filing', filings: [filing({ windows: [{ start: '22:00', end: '06:00' }] })] },
  { name: 'filing window across midnight, after', v: V.nevSanitation, r: R.expressway, at: '06:00:00', rule: 'expressway', filings: [filing({ windows: [{ start: '22:00', end: '06:00' }] })] },
  { name: 'non-NEV with a filing ignored', v: diesel({ use: 'sanitation' }), r: R.zone, at: '07:30:00', rule: 'pass-code-required', filings: [filing()] },
  { name: 'filing of another use ignored', v: V.nevSanitation, r: R.zone, at: '07:30:00', rule: 'nev-heavy-peak', filings: [filing({ use: 'muck' })] },
  { name: 'general-use NEV with a filing ignored', v: V.nevHeavy, r: R.zone, at: '07:30:00', rule: 'nev-heavy-peak', filings: [filing({ use: 'general' })] },
  { name: 'pending filing ignored', v: V.nevSanitation, r: R.zone, at: '07:30:00', rule: 'nev-heavy-peak', filings: [filing({ status: 'pending' })] },
  { name: 'expired filing ignored', v: V.nevSanitation, r: R.zone, at: '2026-07-01T07:30:00+08:00', rule: 'nev-heavy-peak', filings: [filing()] },
  { name: 'other plate\'s filing ignored', v: V.nevSanitation, r: R.zone, at: '07:30:00', rule: 'nev-heavy-peak', filings: [filing({ plate: '鲁C54321' })] },
  // 4. expressway
  { name: 'expressway denies NEV light', v: V.nevLight, r: R.expressway, at: '12:00:00', rule: 'expressway' },
  { name: 'expressway denies NEV heavy off-peak', v: V.nevHeavy, r: R.expressway, at: '12:00:00', rule: 'expressway' },
  { name: 'expressway denies box-as-light NEV', v: nev({ totalMassKg: 8000, lengthMm: 6000, body: 'box' }), r: R.expressway, at: '12:00:00', rule: 'expressway' },
  { name: 'expressway night corridor still denied', v: V.dieselHeavy, r: R.expresswayCorridor, at: '23:30:00', rule: 'expressway' },
  // 5. nev-light: mass ≤ 4500 or treated as light
  { name: 'NEV light at peak', v: V.nevLight, r: R.zone, at: '07:30:00', rule: 'nev-light', cls: ['light', 'light'] },
  { name: 'NEV light at midnight', v: V.nevLight, r: R.zone, at: '00:00:00', rule: 'nev-light' },
  { name: 'NEV 4500 kg (medium class) is NEV light', v: nev({ totalMassKg: 4500, lengthMm: 5999 }), r: R.zone, at: '17:00:00', rule: 'nev-light', cls: ['medium', 'medium'] },
  { name: 'NEV 4500 kg, 7 m long is NEV light', v: nev({ totalMassKg: 4500, lengthMm: 7000 }), r: R.zone, at: '07:00:00', rule: 'nev-light', cls: ['medium', 'medium'] },
  { name: 'NEV 4501 kg is NEV heavy', v: nev({ totalMassKg: 4501, lengthMm: 5999 }), r: R.zone, at: '07:00:00', rule: 'nev-heavy-peak', cls: ['medium', 'medium'] },
  { name: 'NEV 4501 kg box is treated as light', v: nev({ totalMassKg: 4501, lengthMm: 5999, body: 'box' }), r: R.zone, at: '07:00:00', rule: 'nev-light', cls: ['medium', 'light'] },
  { name: 'NEV box 8000 kg 6000 mm treated as light', v: nev({ totalMassKg: 8000, lengthMm: 6000, body: 'box' }), r: R.zone, at: '17:00:00', rule: 'nev-light', cls: ['medium', 'light'] },
  { name: 'NEV box 8001 kg is NEV heavy', v: nev({ totalMassKg: 8001, lengthMm: 6000, body: 'box' }), r: R.zone, at: '17:00:00', rule: 'nev-heavy-peak', cls: ['medium', 'medium'] },
  { name: 'NEV box 6001 mm is NEV heavy', v: nev({ totalMassKg: 8000, lengthMm: 6001, body: 'box' }), r: R.zone, at: '17:00:00', rule: 'nev-heavy-peak', cls: ['medium', 'medium'] },
  // 6. nev-heavy window edges: [07:00, 08:30) and [17:00, 19:00)
  ...(
    [
      ['00:00:00', 'nev-heavy-offpeak'],
      ['06:59:59', 'nev-heavy-offpeak'],
      ['07:00:00', 'nev-heavy-peak'],
      ['08:29:59', 'nev-heavy-peak'],
      ['08:30:00', 'nev-heavy-offpeak'],
      ['12:00:00', 'nev-heavy-offpeak'],
      ['16:59:59', 'nev-heavy-offpeak'],
      ['17:00:00', 'nev-heavy-peak'],
      ['18:59:59', 'nev-heavy-peak'],
      ['19:00:00', 'nev-heavy-offpeak'],
      ['23:59:59', 'nev-heavy-offpeak'],
    ] as const
  ).map(([at, rule]) => ({ name: `NEV heavy at ${at}`, v: V.nevHeavy, r: R.zone, at, rule })),
  { name: 'NEV 12000 kg (heavy class) at peak', v: nev({ totalMassKg: 12000 }), r: R.zone, at: '07:30:00', rule: 'nev-heavy-peak', cls: ['heavy', 'heavy'] },
  { name: 'NEV heavy on a night corridor at night: rule 6 first', v: V.nevHeavy, r: R.corridor, at: '23:30:00', rule: 'nev-heavy-offpeak' },
  // 7. night corridor [23:00, 06:00) by class
  ...(
    [
      ['22:59:59', 'pass-code-required'],
      ['23:00:00', 'night-corridor'],
      ['23:59:59', 'night-corridor'],
      ['00:00:00', 'night-corridor'],
      ['05:59:59', 'night-corridor'],
      ['06:00:00', 'pass-code-required'],
    ] as const
  ).map(([at, rule]) => ({ name: `medium diesel on a night corridor at ${at}`, v: V.dieselMedium, r: R.corridor, at, rule })),
  { name: 'heavy diesel on a night corridor at 02:00', v: V.dieselHeavy, r: R.corridor, at: '02:00:00', rule: 'night-corridor', cls: ['heavy', 'heavy'] },
  { name: '11999 kg is medium: night corridor', v: diesel({ totalMassKg: 11999 }), r: R.corridor, at: '02:00:00', rule: 'night-corridor', cls: ['medium', 'medium'] },
  { name: '12000 kg is heavy: night corridor', v: diesel({ totalMassKg: 12000 }), r: R.corridor, at: '02:00:00', rule: 'night-corridor', cls: ['heavy', 'heavy'] },
  { name: 'light diesel gets no night corridor', v: V.dieselLight, r: R.corridor, at: '23:30:00', rule: 'pass-code-required', cls: ['light', 'light'] },
  { name: 'box treated as light keeps the night corridor', v: V.dieselBoxAsLight, r: R.corridor, at: '23:30:00', rule: 'night-corridor', cls: ['medium', 'light'] },
  { name: 'medium diesel at night off the corridor', v: V.dieselMedium, r: R.zone, at: '23:30:00', rule: 'pass-code-required' },
  // 8. pass-code-required
  { name: 'medium diesel by day', v: V.dieselMedium, r: R.zone, at: '10:00:00', rule: 'pass-code-required' },
  { name: 'light diesel by day', v: V.dieselLight, r: R.zone, at: '10:00:00', rule: 'pass-code-required' },
  { name: 'box-as-light diesel by day needs a code like any light truck', v: V.dieselBoxAsLight, r: R.zone, at: '10:00:00', rule: 'pass-code-required' },
  // Other offsets are converted to Shanghai time
  { name: '00:30Z is 08:30 in Shanghai: off-peak', v: V.nevHeavy, r: R.zone, at: '2026-01-05T00:30:00Z', rule: 'nev-heavy-offpeak' },
  { name: '00:29:59Z is 08:29:59: peak', v: V.nevHeavy, r: R.zone, at: '2026-01-05T00:29:59Z', rule: 'nev-heavy-peak' },
  { name: '23:00Z the day before is 07:00: peak', v: V.nevHeavy, r: R.zone, at: '2026-01-04T23:00:00Z', rule: 'nev-heavy-peak' },
  { name: '22:59:59Z is 06:59:59: off-peak', v: V.nevHeavy, r: R.zone, at: '2026-01-04T22:59:59Z', rule: 'nev-heavy-offpeak' },
  { name: '18:00-05:00 is 07:00 next day: peak', v: V.nevHeavy, r: R.zone, at: '2026-01-04T18:00:00-05:00', rule: 'nev-heavy-peak' },
  { name: '10:00-05:00 is 23:00: night corridor', v: V.dieselMedium, r: R.corridor, at: '2026-01-05T10:00:00-05:00', rule: 'night-corridor' },
  { name: '16:00Z is midnight in Shanghai: night corridor', v: V.dieselMedium, r: R.corridor, at: '2026-01-05T16:00:00Z', rule: 'night-corridor' },
  { name: '22:00Z is 06:00: night corridor over', v: V.dieselMedium, r: R.corridor, at: '2026-01-05T22:00:00Z', rule: 'pass-code-required' },
  { name: '09:30+09:00 is 08:30: off-peak', v: V.nevHeavy, r: R.zone, at: '2026-01-05T09:30:00+09:00', rule: 'nev-heavy-offpeak' },
];

for (const c of cases) {
  test(`access: ${c.name} → ${c.rule}`, () => {
    const input: AccessInput = { vehicle: c.v, road: c.r, at: when(c.at), passCodes: c.passCodes, filings: c.filings };
    const d = engine.evaluate(input);
    assert.equal(d.rule, c.rule);
    assert.equal(d.allowed, allows[c.rule]);
    if (c.cls) assert.deepEqual([d.vehicleClass, d.treatedAs], c.cls);
  });
}

test('every rule id of SPEC §5 is exercised by the table', () => {
  assert.deepEqual(new Set(cases.map((c) => c.rule)), new Set(Object.keys(allows)));
});

test('decisions carry the reason, its params and the advice a driver needs', () => {
  const at = when('07:30:00');
  assert.deepEqual(engine.evaluate({ vehicle: V.nevHeavy, road: R.zone, at }), {
    allowed: false,
    rule: 'nev-heavy-peak',
    vehicleClass: 'medium',
    treatedAs: 'medium',
    reasonCode: 'access_nev_heavy_peak',
    reasonParams: { windows: '07:00–08:30, 17:00–19:00', time: '07:30' },
    adviceCode: 'access_advice_avoid_peak',
  });
  assert.deepEqual(engine.evaluate({ vehicle: V.dieselMedium, road: R.zone, at }), {
    allowed: false,
    rule: 'pass-code-required',
    vehicleClass: 'medium',
    treatedAs: 'medium',
    reasonCode: 'access_pass_code_required',
    adviceCode: 'access_advice_temporary_pass_code',
  });
  const viaCode = engine.evaluate({ vehicle: V.dieselMedium, road: R.zone, at, passCodes: [pass()] });
  assert.deepEqual(viaCode.reasonParams, { validTo: '2026-01-08 00:00' });
  const viaFiling = engine.evaluate({ vehicle: V.nevSanitation, road: R.zone, at, filings: [filing()] });
  assert.deepEqual(viaFiling.reasonParams, { validTo: '2026-07-01 00:00' });
  assert.equal(engine.evaluate({ vehicle: V.nevLight, road: R.expressway, at }).adviceCode, 'access_advice_expressway');
  assert.deepEqual(engine.evaluate({ vehicle: V.dieselMedium, road: R.corridor, at: when('23:05:00') }).reasonParams, {
    windows: '23:00–06:00',
    time: '23:05',
  });
  assert.equal(engine.evaluate({ vehicle: V.nevLight, road: R.zone, at }).adviceCode, undefined);
});

test('an allow by another rule does not quote the pass code\'s validity', () => {
  const d = engine.evaluate({ vehicle: V.nevLight, road: R.outside, at: when('12:00:00'), passCodes: [pass()] });
  assert.equal(d.rule, 'outside-zone');
  assert.equal(d.reasonParams, undefined);
});
