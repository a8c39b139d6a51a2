import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeIdCard, makeUscc, makeVin } from '@jqt/domain';
import { call, makeTestApp, type TestApp } from './helpers.ts';
import { assertProblem, EN } from './support-problem.ts';

let t: TestApp;
before(async () => {
  t = await makeTestApp();
});
after(() => t.close());

const check = (payload: unknown, headers: Record<string, string> = {}) => call(t, null, { method: 'POST', url: '/api/v1/validate', payload: payload as object, headers });

const HAN = /[\u4e00-\u9fff]/;

test('validate: well-formed values are valid, with the normalized form', async () => {
  const good: [string, string, string?][] = [
    ['uscc', '91350100M000100Y43'],
    ['uscc', makeUscc(1)],
    ['uscc', makeUscc(424242, '370302')],
    ['uscc', '91350100m000100y43', '91350100M000100Y43'],
    ['idcard', '11010519491231002X'],
    ['idcard', makeIdCard('370303', '19900307', 12)],
    ['plate', '鲁C12345'],
    ['plate', '鲁CD12345'],
    ['plate', '鲁C12345D'],
    ['plate', '鲁C1234挂'],
    ['plate', '鲁C1234学'],
    ['mobile', '13912345678'],
    ['mobile', '19900001111'],
    ['vin', makeVin(7)],
  ];
  for (const [kind, value, normalized] of good) {
    const r = await check({ kind, value });
    assert.equal(r.status, 200, `${kind} ${value}: ${r.body}`);
    assert.equal(r.json.valid, true, `${kind} ${value}: ${r.body}`);
    assert.deepEqual(r.json.errors, []);
    if (normalized) assert.equal(r.json.normalized, normalized);
    if ('normalized' in r.json) assert.equal(typeof r.json.normalized, 'string');
  }
});

const bad: { kind: string; value: string; code: string; zh: RegExp; en: RegExp }[] = [
  { kind: 'uscc', value: '91350100M000100Y44', code: 'uscc_check_digit', zh: /第18位校验码错误.*应为“3”/, en: /should be "3"/ },
  { kind: 'uscc', value: '９１３５０１００Ｍ０００１００Ｙ４３', code: 'uscc_fullwidth', zh: /全角/, en: /full-width/ },
  { kind: 'uscc', value: '91350100 M000100Y43', code: 'uscc_whitespace', zh: /空格/, en: /space/ },
  { kind: 'uscc', value: '91350100MO00100Y43', code: 'uscc_forbidden_letter', zh: /不使用字母/, en: /never uses/ },
  { kind: 'uscc', value: '91350100M000100Y4', code: 'uscc_length', zh: /应为 18 位，当前为 17 位/, en: /18 characters; this one has 17/ },
  { kind: 'uscc', value: '', code: 'uscc_empty', zh: /请填写统一社会信用代码/, en: /Enter/ },
  { kind: 'idcard', value: '110105194912310021', code: 'idcard_check_digit', zh: /校验码错误/, en: /Check character 18/ },
  { kind: 'idcard', value: '110105491231002', code: 'idcard_legacy_15', zh: /15 位/, en: /15-digit/ },
  { kind: 'idcard', value: '11010519491331002X', code: 'idcard_birthdate', zh: /出生日期/, en: /birth date/ },
  { kind: 'plate', value: '鲁CI2345', code: 'plate_forbidden_letter', zh: /不使用字母 I 和 O/, en: /never use the letters I and O/ },
  { kind: 'plate', value: '鲁C·12345', code: 'plate_separator', zh: /分隔符/, en: /separator/ },
  { kind: 'plate', value: 'XC12345', code: 'plate_province', zh: /省份简称/, en: /province/ },
  { kind: 'plate', value: '鲁C1234', code: 'plate_length', zh: /7 位/, en: /7 characters/ },
  { kind: 'mobile', value: '12345678901', code: 'mobile_prefix', zh: /13～19 开头/, en: /starts with 13 to 19/ },
  { kind: 'mobile', value: '+8613912345678', code: 'mobile_country_code', zh: /\+86/, en: /country code/ },
  { kind: 'mobile', value: '1391234567', code: 'mobile_length', zh: /当前为 10 位/, en: /this one has 10/ },
  { kind: 'mobile', value: '139-1234-5678', code: 'mobile_separator', zh: /不要输入/, en: /Do not type/ },
];

test('validate: malformed values answer 200 valid:false with a message that says what is wrong, in Chinese and English', async () => {
  for (const c of bad) {
    const zh = await check({ kind: c.kind, value: c.value });
    assert.equal(zh.status, 200, zh.body);
    assert.equal(zh.json.valid, false, `${c.kind} ${c.value}`);
    assert.ok(zh.json.errors.length >= 1);
    const e = zh.json.errors.find((x: { code: string }) => x.code === c.code);
    assert.ok(e, `${c.kind} ${c.value}: expected ${c.code} in ${zh.body}`);
    assert.match(e.message, HAN);
    assert.match(e.message, c.zh, `${c.kind} ${c.value}: ${e.message}`);
    for (const x of zh.json.errors) assert.deepEqual(Object.keys(x).sort(), ['code', 'message']);

    const en = await check({ kind: c.kind, value: c.value }, EN);
    const ee = en.json.errors.find((x: { code: string }) => x.code === c.code);
    assert.notEqual(ee.message, e.message);
    assert.match(ee.message, c.en, `${c.kind} ${c.value}: ${ee.message}`);
  }
  // The first match of the language list decides: en-US first → English; zh first → Chinese.
  const enUs = await check({ kind: 'mobile', value: '123' }, { 'accept-language': 'en-US,en;q=0.9,zh-CN;q=0.8' });
  assert.doesNotMatch(enUs.json.errors[0].message, HAN);
  const zhFirst = await check({ kind: 'mobile', value: '123' }, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
  assert.match(zhFirst.json.errors[0].message, HAN);
});

test('validate: a bad request is a 422 problem naming every bad field', async () => {
  const cases: [unknown, string[], string[]][] = [
    [{ kind: 'passport', value: 'E12345678' }, ['kind'], ['not_in_options']],
    [{ kind: 'uscc' }, ['value'], ['required']],
    [{ value: '13912345678' }, ['kind'], ['required']],
    [{}, ['kind', 'value'], ['required', 'required']],
    [{ kind: 'mobile', value: 13912345678 }, ['value'], ['invalid_type']],
    [{ kind: 'mobile', value: null }, ['value'], ['invalid_type']],
    [{ kind: 'uscc', value: '9'.repeat(101) }, ['value'], ['too_long']],
    [{ kind: 7, value: 7 }, ['kind', 'value'], ['not_in_options', 'invalid_type']],
  ];
  for (const [body, paths, codes] of cases) {
    const r = await check(body);
    const json = assertProblem(r, 422, { code: 'validation_failed', paths, locale: 'zh' });
    assert.deepEqual(
      json.errors!.map((e) => e.code).sort(),
      [...codes].sort(),
      JSON.stringify(body),
    );
    assertProblem(await check(body, EN), 422, { paths, locale: 'en' });
  }
  // 100 characters is still a value to check.
  const long = await check({ kind: 'uscc', value: '9'.repeat(100) });
  assert.equal(long.status, 200);
  assert.equal(long.json.valid, false);
});

test('validate: a body that is not JSON is a problem, not a crash', async () => {
  const broken = await t.app.inject({ method: 'POST', url: '/api/v1/validate', headers: { 'content-type': 'application/json' }, payload: '{"kind":"uscc","value":' });
  const json = assertProblem({ status: broken.statusCode, json: broken.json(), headers: broken.headers, body: broken.body }, 422, { code: 'validation_failed', paths: [''] });
  assert.equal(json.errors![0].code, 'invalid_json');
  assert.match(json.errors![0].message, HAN);

  const text = await t.app.inject({ method: 'POST', url: '/api/v1/validate', headers: { 'content-type': 'text/plain' }, payload: 'uscc 91350100M000100Y43' });
  assert.ok([415, 422].includes(text.statusCode), text.body);
  assert.match(String(text.headers['content-type']), /application\/problem\+json/);
  if (text.statusCode === 422) assert.deepEqual(text.json().errors.map((e: { code: string }) => e.code), ['invalid_json']);

  const empty = await t.app.inject({ method: 'POST', url: '/api/v1/validate' });
  assert.equal(empty.statusCode, 422, empty.body);
  assert.match(String(empty.headers['content-type']), /application\/problem\+json/);
});
