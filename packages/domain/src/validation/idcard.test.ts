import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDateOf, checkIdCard, makeIdCard, maskIdCard } from './idcard.ts';
import { idcardBad } from './test-cases.ts';

const valid: { value: string; normalized?: string; note: string }[] = [
  { value: '11010519491231002X', note: 'example in GB 11643-1999, X check' },
  { value: '11010519491231002x', normalized: '11010519491231002X', note: 'lower-case x normalized' },
  { value: '37030320000229001X', note: '2000-02-29: 2000 is a leap year' },
  { value: '370303202402290026', note: '2024-02-29' },
  { value: '440305198512310173', note: 'odd sequence (male)' },
  { value: '650102190001010091', note: '1900-01-01, earliest year accepted' },
  { value: '110101199912310051', note: '1999-12-31' },
  { value: '810000199001010019', note: '港澳台居民居住证 region 81' },
];

for (const c of valid) {
  test(`idcard valid: ${c.value} (${c.note})`, () => {
    assert.deepEqual(checkIdCard(c.value), { valid: true, normalized: c.normalized ?? c.value, errors: [] });
  });
}

for (const c of idcardBad) {
  test(`idcard invalid: ${c.name}`, () => {
    const r = checkIdCard(c.value, c.today === undefined ? {} : { today: c.today });
    assert.equal(r.valid, false);
    assert.deepEqual(r.errors.map((e) => e.code), c.codes);
    if (c.params) assert.deepEqual(r.errors[0].params, c.params);
  });
}

test('idcard: every single-digit substitution in the first 17 is caught', () => {
  const good = '11010519491231002X';
  for (let i = 0; i < 17; i++) {
    for (const d of '0123456789') {
      if (d === good[i]) continue;
      const bad = good.slice(0, i) + d + good.slice(i + 1);
      assert.equal(checkIdCard(bad).valid, false, bad);
    }
  }
});

test('makeIdCard builds valid numbers and rejects impossible arguments', () => {
  assert.equal(makeIdCard('110105', '19491231', 2), '11010519491231002X');
  assert.equal(makeIdCard('370303', '2000-02-29', 1), '37030320000229001X');
  for (let seq = 0; seq < 1000; seq += 37) assert.equal(checkIdCard(makeIdCard('370303', '19880808', seq)).valid, true);
  assert.throws(() => makeIdCard('370303', '19990230', 1), /idcard_birthdate/);
  assert.throws(() => makeIdCard('990303', '19990101', 1), /idcard_region/);
  assert.throws(() => makeIdCard('3703', '19990101', 1), RangeError);
  assert.throws(() => makeIdCard('370303', '19990101', 1000), RangeError);
  assert.throws(() => makeIdCard('370303', '19990101', 1.5), RangeError);
});

test('birthDateOf reads valid numbers only', () => {
  assert.equal(birthDateOf('11010519491231002X'), '1949-12-31');
  assert.equal(birthDateOf('11010519491231002x'), '1949-12-31');
  assert.equal(birthDateOf('37030320000229001X'), '2000-02-29');
  assert.equal(birthDateOf('110105194912310021'), null);
  assert.equal(birthDateOf(null), null);
  assert.equal(birthDateOf(42), null);
});

test('maskIdCard keeps first 6 and last 4', () => {
  assert.equal(maskIdCard('11010519491231002X'), '110105********002X');
  assert.equal(maskIdCard('370303199001011239'), '370303********1239');
  assert.equal(maskIdCard('110105491231002'), '110105*****1002');
  assert.equal(maskIdCard('123'), '***');
  assert.equal(maskIdCard(''), '');
});

/** Issue 16: with today's date (Asia/Shanghai, from the caller's clock) a birth date after it is refused. */
const byToday: { value: string; today: string | undefined; codes: string[]; note: string }[] = [
  { value: '370303209901011185', today: '2026-12-07', codes: ['idcard_birth_future'], note: 'born 2099-01-01, the issue\'s example' },
  { value: makeIdCard('370303', '20261208', 11), today: '2026-12-07', codes: ['idcard_birth_future'], note: 'born tomorrow' },
  { value: makeIdCard('370303', '20261207', 11), today: '2026-12-07', codes: [], note: 'born today' },
  { value: makeIdCard('370303', '20261206', 11), today: '2026-12-07', codes: [], note: 'born yesterday' },
  { value: makeIdCard('370303', '20270101', 11), today: '2026-12-31', codes: ['idcard_birth_future'], note: 'next year, on new year\'s eve' },
  { value: makeIdCard('370303', '20240229', 11), today: '2024-02-29', codes: [], note: 'born on the leap day that is today' },
  { value: '650102190001010091', today: '2026-12-07', codes: [], note: '1900-01-01, earliest accepted' },
  { value: '370303189912311234', today: '2026-12-07', codes: ['idcard_birth_year'], note: '1899 is before 1900' },
  { value: '370303209901011185', today: undefined, codes: [], note: 'without today the future cannot be known' },
];

for (const c of byToday) {
  test(`idcard with today ${c.today}: ${c.note}`, () => {
    const r = checkIdCard(c.value, c.today === undefined ? {} : { today: c.today });
    assert.deepEqual(r.errors.map((e) => e.code), c.codes, JSON.stringify(r));
    assert.equal(r.valid, c.codes.length === 0);
  });
}

test('idcard_birth_future names the birth date', () => {
  assert.deepEqual(checkIdCard('370303209901011185', { today: '2026-12-07' }).errors, [{ code: 'idcard_birth_future', params: { birth: '2099-01-01' } }]);
});
