import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkUscc, makeUscc, usccCheckChar, USCC_ALPHABET } from './uscc.ts';
import { usccBad } from './test-cases.ts';

const valid: { value: string; normalized?: string; note: string }[] = [
  { value: '91350100M000100Y43', note: 'example in GB 32100-2015' },
  { value: '91350100m000100y43', normalized: '91350100M000100Y43', note: 'lower case normalized' },
  { value: '91110000600037341L', note: 'letter check character' },
  { value: '11100000000013127D', note: 'authority 1 (机构编制), type 1 (机关), central division 100000' },
  { value: '12100000400000624D', note: 'authority 1, type 2 (事业单位)' },
  { value: '52370000MJD60000Y6', note: 'authority 5 (民政), type 2' },
  { value: '93370303MA3QXXXX51', note: 'authority 9 (工商), type 3 (农民专业合作社)' },
  { value: 'N2370303MA3C00001N', note: 'authority N (农业)' },
  { value: 'Y1110000MA0000001Y', note: 'authority Y (其他)' },
];

for (const c of valid) {
  test(`uscc valid: ${c.value} (${c.note})`, () => {
    assert.deepEqual(checkUscc(c.value), { valid: true, normalized: c.normalized ?? c.value, errors: [] });
  });
}

for (const c of usccBad) {
  test(`uscc invalid: ${c.name}`, () => {
    const r = checkUscc(c.value);
    assert.equal(r.valid, false);
    assert.equal(r.normalized, undefined);
    assert.deepEqual(r.errors.map((e) => e.code), c.codes);
    if (c.params) assert.deepEqual(r.errors[0].params, c.params);
  });
}

test('uscc: every single-character substitution is caught', () => {
  // 31 is prime and no weight is 0 mod 31, so MOD 31 must catch each one.
  const good = '91350100M000100Y43';
  for (let i = 0; i < 18; i++) {
    for (const ch of USCC_ALPHABET) {
      if (ch === good[i]) continue;
      const bad = good.slice(0, i) + ch + good.slice(i + 1);
      assert.equal(checkUscc(bad).valid, false, bad);
    }
  }
});

test('usccCheckChar computes the 18th character', () => {
  assert.equal(usccCheckChar('91350100M000100Y4'), '3');
  assert.equal(usccCheckChar('91350100m000100y4'), '3');
  assert.equal(usccCheckChar('91110000600037341'), 'L');
  assert.throws(() => usccCheckChar('9135'), RangeError);
  assert.throws(() => usccCheckChar('91350100M000100I4'), RangeError);
});

test('makeUscc: valid, 91 + division, deterministic, distinct per seed', () => {
  const seen = new Set<string>();
  for (let seed = 0; seed < 2000; seed++) {
    const code = makeUscc(seed);
    assert.equal(checkUscc(code).valid, true, code);
    assert.match(code, /^91370303/);
    assert.equal(makeUscc(seed), code);
    seen.add(code);
  }
  assert.equal(seen.size, 2000);
  assert.match(makeUscc(7, '110105'), /^91110105/);
  assert.equal(checkUscc(makeUscc(7, '110105')).valid, true);
  assert.throws(() => makeUscc(1, '3703'), RangeError);
});
