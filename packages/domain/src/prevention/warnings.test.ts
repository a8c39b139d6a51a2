import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INDUSTRIES, isIndustry } from '../org/industries.ts';
import { validateWarningDraft } from './warnings.ts';

const tags = new Set(['chemicals']);
const partners = new Set(['partner-shichang', 'partner-renshe']);
const good = { title: '警惕虚假环保检查', body: '有人冒充环保部门工作人员到企业收取费用，请核实来人身份。', riskKind: 'loophole', level: 'serious' };
const codes = (audience: unknown) => validateWarningDraft({ ...good, audience }, tags, partners).errors.map((e) => `${e.path}:${e.code}`);

test('the industry list is the 20 门类 A–T of GB/T 4754-2017, each named in Chinese and English', () => {
  assert.deepEqual(INDUSTRIES.map((i) => i.code).join(''), 'ABCDEFGHIJKLMNOPQRST');
  for (const i of INDUSTRIES) assert.ok(i.zh && i.en, i.code);
  assert.equal(isIndustry('C'), true);
  assert.equal(isIndustry('c'), false);
  assert.equal(isIndustry('U'), false);
  assert.equal(isIndustry(3), false);
});

test('an audience by industry or partner department alone is enough; repeats count once', () => {
  const r = validateWarningDraft({ ...good, audience: { industries: ['C', 'C', 'F'] } }, tags, partners);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.value.audience, { districts: [], tags: [], enterpriseIds: [], industries: ['C', 'F'], partnerUnitIds: [] });
  const p = validateWarningDraft({ ...good, audience: { partnerUnitIds: ['partner-shichang'] } }, tags, partners);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.value.audience.partnerUnitIds, ['partner-shichang']);
});

test('an unknown industry or a unit that is not a partner department is named by its position', () => {
  assert.deepEqual(codes({ industries: ['C', 'Z', 7] }), ['audience.industries.1:industry_unknown', 'audience.industries.2:industry_unknown']);
  assert.deepEqual(codes({ partnerUnitIds: ['zhangdian-branch', 'partner-renshe'] }), ['audience.partnerUnitIds.0:partner_unit_unknown']);
  assert.deepEqual(codes({ industries: 'C' }), ['audience.industries:invalid_type']);
  assert.deepEqual(codes({ partnerUnitIds: {} }), ['audience.partnerUnitIds:invalid_type']);
  // without the list of partner departments none is known
  assert.deepEqual(validateWarningDraft({ ...good, audience: { partnerUnitIds: ['partner-renshe'] } }, tags).errors.map((e) => e.code), ['partner_unit_unknown']);
});

test('an audience with all five lists empty is still a warning to nobody', () => {
  assert.deepEqual(codes({ districts: [], tags: [], enterpriseIds: [], industries: [], partnerUnitIds: [] }), ['audience:audience_empty']);
  assert.deepEqual(codes({ sectors: ['C'] }), ['audience.sectors:unknown_field']);
});
