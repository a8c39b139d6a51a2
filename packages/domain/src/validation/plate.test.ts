import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPlate, parsePlate, PLATE_PROVINCES, type ParsedPlate } from './plate.ts';
import { plateBad } from './test-cases.ts';

const valid: { value: string; parsed: Omit<Extract<ParsedPlate, { ok: true }>, 'ok' | 'province' | 'city'> }[] = [
  { value: '鲁C12345', parsed: { plate: '鲁C12345', newEnergy: false } },
  { value: '京A9X8Y7', parsed: { plate: '京A9X8Y7', newEnergy: false } },
  { value: '粤BAB123', parsed: { plate: '粤BAB123', newEnergy: false } },
  { value: '鲁c12345', parsed: { plate: '鲁C12345', newEnergy: false } },
  { value: '鲁CD12345', parsed: { plate: '鲁CD12345', newEnergy: true, nevSize: 'small' } },
  { value: '鲁CDF1234', parsed: { plate: '鲁CDF1234', newEnergy: true, nevSize: 'small' } },
  { value: '鲁CK00001', parsed: { plate: '鲁CK00001', newEnergy: true, nevSize: 'small' } },
  { value: '鲁cd12345', parsed: { plate: '鲁CD12345', newEnergy: true, nevSize: 'small' } },
  { value: '鲁C12345D', parsed: { plate: '鲁C12345D', newEnergy: true, nevSize: 'large' } },
  { value: '鲁C12345F', parsed: { plate: '鲁C12345F', newEnergy: true, nevSize: 'large' } },
  { value: '鲁C1234挂', parsed: { plate: '鲁C1234挂', newEnergy: false, suffix: '挂' } },
  { value: '鲁C0012学', parsed: { plate: '鲁C0012学', newEnergy: false, suffix: '学' } },
  { value: '鲁C0001警', parsed: { plate: '鲁C0001警', newEnergy: false, suffix: '警' } },
];

for (const c of valid) {
  test(`plate valid: ${c.value}`, () => {
    assert.deepEqual(parsePlate(c.value), { ok: true, province: c.value[0], city: c.value[1].toUpperCase(), ...c.parsed });
    assert.deepEqual(checkPlate(c.value), { valid: true, normalized: c.parsed.plate, errors: [] });
  });
}

test('plate: all 31 province abbreviations, every city letter but I and O', () => {
  assert.equal([...PLATE_PROVINCES].length, 31);
  assert.equal(new Set(PLATE_PROVINCES).size, 31);
  for (const p of PLATE_PROVINCES) assert.equal(checkPlate(`${p}A12345`).valid, true, p);
  for (const city of 'ABCDEFGHJKLMNPQRSTUVWXYZ') assert.equal(checkPlate(`鲁${city}12345`).valid, true, city);
});

test('plate: every small-NEV first letter', () => {
  for (const l of 'DABCEFGHJK') assert.deepEqual(parsePlate(`苏E${l}12345`), { ok: true, plate: `苏E${l}12345`, province: '苏', city: 'E', newEnergy: true, nevSize: 'small' });
});

for (const c of plateBad) {
  test(`plate invalid: ${c.name}`, () => {
    const r = checkPlate(c.value);
    assert.equal(r.valid, false);
    assert.deepEqual(r.errors.map((e) => e.code), c.codes);
    if (c.params) assert.deepEqual(r.errors[0].params, c.params);
    assert.deepEqual(parsePlate(c.value), { ok: false, errors: r.errors });
  });
}
