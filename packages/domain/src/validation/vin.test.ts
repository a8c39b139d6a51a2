import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkVin, makeVin } from './vin.ts';
import { vinBad } from './test-cases.ts';

const valid: { value: string; normalized?: string; note: string }[] = [
  { value: '1M8GDM9AXKP042788', note: 'textbook example, check X' },
  { value: '1HGCM82633A004352', note: 'check 3' },
  { value: '5GZCZ43D13S812715', note: 'check 1' },
  { value: '1m8gdm9axkp042788', normalized: '1M8GDM9AXKP042788', note: 'lower case normalized' },
];

for (const c of valid) {
  test(`vin valid: ${c.value} (${c.note})`, () => {
    assert.deepEqual(checkVin(c.value), { valid: true, normalized: c.normalized ?? c.value, errors: [] });
  });
}

for (const c of vinBad) {
  test(`vin invalid: ${c.name}`, () => {
    const r = checkVin(c.value);
    assert.equal(r.valid, false);
    assert.deepEqual(r.errors.map((e) => e.code), c.codes);
    if (c.params) assert.deepEqual(r.errors[0].params, c.params);
  });
}

test('makeVin: valid, Chinese WMI, deterministic, distinct per seed', () => {
  const seen = new Set<string>();
  for (let seed = 0; seed < 2000; seed++) {
    const vin = makeVin(seed);
    assert.deepEqual(checkVin(vin), { valid: true, normalized: vin, errors: [] });
    assert.match(vin, /^L/);
    assert.equal(makeVin(seed), vin);
    seen.add(vin);
  }
  assert.equal(seen.size, 2000);
});
