import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkMobile, maskMobile } from './mobile.ts';
import { mobileBad } from './test-cases.ts';

const valid = ['13812345678', '13000000000', '14712345678', '15012345678', '16612345678', '17012345678', '18612345678', '19912345678'];

for (const value of valid) {
  test(`mobile valid: ${value}`, () => {
    assert.deepEqual(checkMobile(value), { valid: true, normalized: value, errors: [] });
  });
}

test('mobile: every second digit 3–9 accepted, 0–2 rejected', () => {
  for (const d of '3456789') assert.equal(checkMobile(`1${d}012345678`).valid, true, d);
  for (const d of '012') assert.deepEqual(checkMobile(`1${d}812345678`).errors.map((e) => e.code), ['mobile_prefix']);
});

for (const c of mobileBad) {
  test(`mobile invalid: ${c.name}`, () => {
    const r = checkMobile(c.value);
    assert.equal(r.valid, false);
    assert.deepEqual(r.errors.map((e) => e.code), c.codes);
    if (c.params) assert.deepEqual(r.errors[0].params, c.params);
  });
}

test('maskMobile keeps first 3 and last 4', () => {
  assert.equal(maskMobile('13812341234'), '138****1234');
  assert.equal(maskMobile('13812345678'), '138****5678');
  assert.equal(maskMobile('1381234'), '*******');
  assert.equal(maskMobile(''), '');
});
