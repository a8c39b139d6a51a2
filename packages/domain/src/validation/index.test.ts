import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIdCard, checkMobile, checkPlate, checkUscc, checkVin, validate, validatorKinds, type ValidatorKind } from './index.ts';

test('validatorKinds lists the five kinds', () => {
  assert.deepEqual([...validatorKinds], ['uscc', 'idcard', 'plate', 'mobile', 'vin']);
});

const samples: [ValidatorKind, string, (v: unknown) => unknown][] = [
  ['uscc', '91350100m000100y43', checkUscc],
  ['idcard', '11010519491231002x', checkIdCard],
  ['plate', '鲁cd12345', checkPlate],
  ['mobile', '13812345678', checkMobile],
  ['vin', '1m8gdm9axkp042788', checkVin],
];
for (const [kind, value, fn] of samples) {
  test(`validate('${kind}') dispatches to its checker`, () => {
    assert.deepEqual(validate(kind, value), fn(value));
    assert.equal(validate(kind, value).valid, true);
    assert.equal(validate(kind, 12345).errors[0].code, `${kind}_not_string`);
  });
}

test('validate with an unknown kind returns an error instead of throwing', () => {
  for (const kind of ['nope', 'toString', '__proto__', undefined]) {
    assert.deepEqual(validate(kind as ValidatorKind, 'x'), { valid: false, errors: [{ code: 'validation_unknown_kind', params: { kind: String(kind) } }] });
  }
});

test('no validator throws on odd input', () => {
  const odd: unknown[] = [0, -1, NaN, Infinity, 1n, true, false, {}, [], [1], () => 1, Symbol('s'), new Date(0), '\u0000', '😀'.repeat(18), 'a'.repeat(10_000)];
  for (const kind of validatorKinds) {
    for (const v of odd) {
      const r = validate(kind, v);
      assert.equal(r.valid, false, `${kind} ${String(v)}`);
      assert.ok(r.errors.length > 0);
    }
  }
});

test('validate passes today to the ID card check; a form passes it to its checked fields, also in list rows', async () => {
  const { validateForm } = await import('../items/form.ts');
  const future = '370303209901011185';
  assert.deepEqual(validate('idcard', future, { today: '2026-12-07' }).errors.map((e) => e.code), ['idcard_birth_future']);
  assert.equal(validate('idcard', future).valid, true);
  const form = [
    { name: 'idNumber', kind: 'checked', check: 'idcard', required: true, label: { zh: '身份证', en: 'ID' } },
    { name: 'people', kind: 'list', minItems: 0, maxItems: 3, label: { zh: '人员', en: 'People' }, fields: [{ name: 'id', kind: 'checked', check: 'idcard', label: { zh: '身份证', en: 'ID' } }] },
  ] as const;
  const r = validateForm(form, { idNumber: future, people: [{ id: '650102190001010091' }, { id: future }] }, 'data', { today: '2026-12-07' });
  assert.deepEqual(r.errors, [
    { path: 'data.idNumber', code: 'idcard_birth_future', params: { birth: '2099-01-01' } },
    { path: 'data.people.1.id', code: 'idcard_birth_future', params: { birth: '2099-01-01' } },
  ]);
});
