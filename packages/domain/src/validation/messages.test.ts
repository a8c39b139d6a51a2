import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMessage, type Locale } from '../messages/index.ts';
import { validationMessages } from './messages.ts';
import { validate, validatorKinds, type ValidatorKind } from './index.ts';
import { badCases } from './test-cases.ts';

// Every error any validator emits over the bad-value tables, plus the dispatcher's own.
const emitted = new Map<string, Record<string, unknown>[]>();
function collect(kind: ValidatorKind, value: unknown, today?: string): void {
  for (const e of validate(kind, value, today === undefined ? {} : { today }).errors) emitted.set(e.code, [...(emitted.get(e.code) ?? []), e.params ?? {}]);
}
for (const kind of validatorKinds) for (const c of badCases[kind]) collect(kind, c.value, c.today);
collect('nope' as ValidatorKind, 'x');

const locales: Locale[] = ['zh-CN', 'en'];

test('the bad-value tables reach a good number of distinct codes', () => {
  assert.ok(emitted.size >= 40, `only ${emitted.size} codes`);
});

for (const [code, paramSets] of emitted) {
  test(`message for ${code} exists in both locales and fills every placeholder`, () => {
    for (const locale of locales) {
      const template = validationMessages[locale][code];
      assert.equal(typeof template, 'string', `${locale} ${code}`);
      assert.ok(template.trim().length > 0, `${locale} ${code} empty`);
      for (const params of paramSets) {
        const text = formatMessage(locale, code, params);
        assert.doesNotMatch(text, /\{\w+\}/, `${locale} ${code}: unfilled placeholder in "${text}"`);
      }
    }
    assert.match(validationMessages['zh-CN'][code], /[\u4e00-\u9fff]/, `zh-CN ${code} is not Chinese`);
  });
}

test('both locales define the same codes, and none is dead (each is emitted by some table case)', () => {
  const zh = Object.keys(validationMessages['zh-CN']).sort();
  const en = Object.keys(validationMessages.en).sort();
  assert.deepEqual(en, zh);
  assert.deepEqual(zh, [...emitted.keys()].sort());
});

test('codes are snake_case and prefixed by their kind', () => {
  for (const code of emitted.keys()) {
    assert.match(code, /^[a-z0-9]+(_[a-z0-9]+)+$/);
    assert.ok([...validatorKinds, 'validation'].some((k) => code.startsWith(`${k}_`)), code);
  }
});

test('check-digit messages name the expected character', () => {
  const text = formatMessage('zh-CN', 'uscc_check_digit', { position: 18, expected: '3', actual: '4' });
  assert.equal(text, '第18位校验码错误，应为“3”，当前为“4”；请核对前17位是否抄错');
  assert.match(formatMessage('en', 'idcard_check_digit', { position: 18, expected: 'X', actual: '1' }), /should be "X", not "1"/);
});
