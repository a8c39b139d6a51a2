import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeIdCard } from '../validation/idcard.ts';
import { checkOutgoingText, keyTermsOf, personalDataIn } from './text-checks.ts';

const subject = '咨询高新技术企业人才落户政策 我公司新引进三名博士，想了解人才落户绿色通道如何办理。';
const good = '经核查，贵公司引进的三名博士符合人才落户绿色通道条件，请携带学历证明到户籍窗口办理落户手续。';
const codes = (text: string, ctx: Parameters<typeof checkOutgoingText>[1]) => checkOutgoingText(text, ctx).errors.map((e) => `${e.path}:${e.code}`);

test('an answer of substance that shares the appeal’s terms passes', () => {
  assert.deepEqual(codes(good, { kind: 'answer', subject }), []);
  const r = checkOutgoingText(good, { kind: 'answer', subject, sensitiveWords: { version: 3, words: [] } });
  assert.ok(r.relevance!.shared.includes('人才'));
  assert.equal(r.sensitiveWordsVersion, 3);
});

test('boilerplate and too little substance are refused', () => {
  for (const [text, code] of [
    ['好', 'note:text_boilerplate_only'],
    ['已收到。', 'note:text_boilerplate_only'],
    ['好的，请知悉！！', 'note:text_boilerplate_only'],
    ['。。。', 'note:text_boilerplate_only'],
    ['已收到，正在办理人才落户', 'note:text_too_little_substance'],
  ] as const) {
    assert.deepEqual(codes(text, { kind: 'answer' }), [code], text);
  }
  // boilerplate does not count towards the minimum
  const r = checkOutgoingText('已收到已收到已收到已收到已收到已收到已收到人才落户', { kind: 'answer' });
  assert.equal(r.substance.count, 4);
  assert.deepEqual(codes('请补充营业执照副本和相关合同复印件', { kind: 'supplement' }), []);
  // English words count two each: an answer in English is held to about the same length
  assert.deepEqual(codes('Residence permit issued. Please collect both documents together at the joint window.', { kind: 'answer' }), []);
  assert.deepEqual(codes('OK, noted.', { kind: 'answer' }), ['note:text_too_little_substance']);
});

test('personal data of third parties is refused; the unit’s duty phone is allowed', () => {
  const id = makeIdCard('370303', '1980-01-02', 7);
  assert.deepEqual(codes(`${good}联系人身份证号 ${id}`, { kind: 'answer', subject }), ['note:text_personal_data']);
  assert.deepEqual(codes(`${good}可致电 13912345678`, { kind: 'answer', subject }), ['note:text_personal_data']);
  assert.deepEqual(personalDataIn('值班电话 0533-2186000', ['0533-2186000']), []);
  assert.deepEqual(personalDataIn('手机 13905331234', ['13905331234']), []);
  assert.deepEqual(personalDataIn('编号 123456789012345678'), []);
});

test('sensitive words are refused and named', () => {
  const r = checkOutgoingText(`${good}此为内部掌握口径`, { kind: 'answer', subject, sensitiveWords: { version: 2, words: ['内部掌握', '绝密'] } });
  assert.deepEqual(r.errors, [{ path: 'note', code: 'text_sensitive_word', params: { words: '内部掌握' } }]);
});

test('an answer sharing none of the appeal’s key terms needs the officer’s confirmation', () => {
  const off = '经核查，已按规定办理完毕，具体情况已电话告知企业联系人，如有疑问请再来电。';
  assert.deepEqual(codes(off, { kind: 'answer', subject }), ['relevanceConfirmed:text_relevance_unconfirmed']);
  assert.deepEqual(codes(off, { kind: 'answer', subject, relevanceConfirmed: true }), []);
  // refusals and supplement requests are not compared with the appeal
  assert.deepEqual(codes('不属于公安机关职责范围，已告知向市场监管部门反映', { kind: 'refusal', subject }), []);
  assert.ok(!keyTermsOf(subject).includes('企业'));
});
