import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonMessages } from '../messages/common.ts';
import { formatMessage, hasMessage } from '../messages/index.ts';
import { compileRuleSet } from './evaluate.ts';
import type { Road, Vehicle } from './grants.ts';
import { trafficMessages } from './messages.ts';
import { DEFAULT_DENIAL, DEFAULT_RULE_SET } from './rules.ts';

const zh = trafficMessages['zh-CN'];
const en = trafficMessages.en;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('both locales have the same codes with the same placeholders', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const code of Object.keys(zh)) assert.deepEqual(placeholders(en[code]), placeholders(zh[code]), code);
});

test('every reason and advice of the default rules has a message in both locales', () => {
  const codes: string[] = [DEFAULT_DENIAL.reasonCode, DEFAULT_DENIAL.adviceCode];
  for (const r of DEFAULT_RULE_SET.rules) {
    codes.push(r.reasonCode, ...(r.adviceCode ? [r.adviceCode] : []));
    if (r.otherwise) codes.push(r.otherwise.reasonCode, ...(r.otherwise.adviceCode ? [r.otherwise.adviceCode] : []));
  }
  for (const c of codes) {
    assert.ok(zh[c], `zh-CN ${c}`);
    assert.ok(en[c], `en ${c}`);
  }
});

test('every error code the traffic module emits has a message, and the generic ones are not redefined', () => {
  const emitted = [
    'required', 'invalid_type', 'not_in_options', 'too_small', 'too_large', 'too_long', 'invalid_datetime', 'unknown_field',
    'rule_set_invalid', 'rule_invalid_id', 'rule_duplicate_id', 'rule_invalid_code', 'rule_invalid_window', 'rule_empty_window',
    'rule_windows_required', 'rule_invalid_condition', 'rule_unknown_fact', 'rule_unknown_operator', 'rule_operator_not_allowed',
    'rule_invalid_value',
  ];
  for (const c of emitted) assert.ok(hasMessage(c), c);
  for (const c of Object.keys(zh)) assert.equal(c in commonMessages['zh-CN'], false, `${c} is a common code`);
});

test('decisions read as full sentences: no placeholder is left unfilled', () => {
  const engine = compileRuleSet(DEFAULT_RULE_SET);
  const v: Vehicle = { plate: '鲁C12345', newEnergy: true, totalMassKg: 10000, lengthMm: 8000, body: 'other', use: 'sanitation' };
  const zone: Road = { inRestrictedZone: true, class: 'ordinary', nightCorridor: true, roadId: 'R1' };
  const t = (hms: string) => new Date(`2026-01-05T${hms}+08:00`);
  const week = { validFrom: t('00:00:00'), validTo: new Date('2026-01-12T00:00:00+08:00') };
  const inputs = [
    { vehicle: v, road: { ...zone, inRestrictedZone: false }, at: t('07:30:00') },
    { vehicle: v, road: zone, at: t('07:30:00'), passCodes: [{ plate: v.plate, ...week, roadClasses: ['ordinary' as const], status: 'valid' as const }] },
    { vehicle: v, road: zone, at: t('07:30:00'), filings: [{ plate: v.plate, use: 'sanitation' as const, roadIds: ['R1'], windows: [{ start: '05:00', end: '09:00' }], ...week, status: 'approved' as const }] },
    { vehicle: v, road: { ...zone, class: 'expressway' as const }, at: t('07:30:00') },
    { vehicle: { ...v, totalMassKg: 4000 }, road: zone, at: t('07:30:00') },
    { vehicle: v, road: zone, at: t('12:00:00') },
    { vehicle: v, road: zone, at: t('17:30:00') },
    { vehicle: { ...v, newEnergy: false }, road: zone, at: t('23:30:00') },
    { vehicle: { ...v, newEnergy: false }, road: zone, at: t('12:00:00') },
  ];
  const seen = new Set<string>();
  for (const input of inputs) {
    const d = engine.evaluate(input);
    seen.add(d.rule);
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const code of [d.reasonCode, d.adviceCode]) {
        if (!code) continue;
        const text = formatMessage(locale, code, d.reasonParams);
        assert.doesNotMatch(text, /\{\w+\}/, `${locale} ${code}: ${text}`);
      }
    }
  }
  assert.equal(seen.size, inputs.length, 'each input reaches a different rule');
  const peak = engine.evaluate(inputs[6]);
  assert.equal(
    formatMessage('zh-CN', peak.reasonCode, peak.reasonParams),
    '新能源货车（总质量 4.5 吨以上）在 07:00–08:30, 17:00–19:00 禁止驶入限行区域，当前 17:30 处于限行时段',
  );
  assert.equal(formatMessage('zh-CN', 'access_advice_temporary_pass_code').startsWith('可在线申请临时通行码，即时核发'), true);
});
