import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DISPUTE_KINDS, followUpState, validateDispute, validateFollowUp } from './disputes.ts';

const today = '2026-06-01';
const codes = (r: { errors: { path: string; code: string }[] }) => r.errors.map((e) => `${e.path}:${e.code}`).sort();

test('the dispute kinds are the measure\'s: 征地拆迁, 破产重组, 劳资纠纷 and other', () => {
  assert.deepEqual(DISPUTE_KINDS.map((k) => k.label.zh), ['征地拆迁', '破产重组', '劳资纠纷', '其他']);
});

test('a screening needs a kind, a summary of substance, a risk and a follow-up day from tomorrow to 180 days ahead', () => {
  const ok = validateDispute({ kind: 'labour', summary: '  工人反映工资拖欠三个月  ', risk: 'high', nextFollowUpOn: '2026-06-02' }, today);
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.value.summary, '工人反映工资拖欠三个月');
  assert.deepEqual(codes(validateDispute({}, today)), ['kind:required', 'nextFollowUpOn:required', 'risk:required', 'summary:required']);
  assert.deepEqual(codes(validateDispute({ kind: 'x', summary: '短', risk: 'x', nextFollowUpOn: today, y: 1 }, today)), ['kind:not_in_options', 'nextFollowUpOn:appointment_not_future', 'risk:not_in_options', 'summary:too_short', 'y:unknown_field']);
  assert.deepEqual(codes(validateDispute({ kind: 'land', summary: '征收补偿尚未谈妥的情况', risk: 'low', nextFollowUpOn: '2026-11-29' }, today)), ['nextFollowUpOn:follow_up_too_far']);
  assert.deepEqual(codes(validateDispute({ kind: 'land', summary: '征收补偿尚未谈妥的情况', risk: 'low', nextFollowUpOn: '2026-11-28' }, today)), []);
  assert.deepEqual(codes(validateDispute('nonsense', today)), ['kind:required', 'nextFollowUpOn:required', 'risk:required', 'summary:required']);
});

test('a follow-up either sets the next day or resolves the dispute, never both', () => {
  assert.deepEqual(codes(validateFollowUp({ note: '已约谈双方', risk: 'medium', nextFollowUpOn: '2026-06-08' }, today)), []);
  assert.deepEqual(codes(validateFollowUp({ note: '已化解完毕', risk: 'low', resolved: true }, today)), []);
  assert.deepEqual(codes(validateFollowUp({ note: '已化解完毕', risk: 'low', resolved: true, nextFollowUpOn: '2026-06-08' }, today)), ['nextFollowUpOn:follow_up_when_resolved']);
  assert.deepEqual(codes(validateFollowUp({ note: '已化解完毕', risk: 'low' }, today)), ['nextFollowUpOn:required']);
  assert.deepEqual(codes(validateFollowUp({ note: '已化解完毕', risk: 'low', resolved: 'yes', nextFollowUpOn: '2026-06-08' }, today)), ['resolved:invalid_type']);
});

test('the follow-up state on a Shanghai day: scheduled, due on the day, overdue after, resolved', () => {
  assert.equal(followUpState({ resolved: false, nextFollowUpOn: '2026-06-02' }, today), 'scheduled');
  assert.equal(followUpState({ resolved: false, nextFollowUpOn: today }, today), 'due');
  assert.equal(followUpState({ resolved: false, nextFollowUpOn: '2026-05-31' }, today), 'overdue');
  assert.equal(followUpState({ resolved: true, nextFollowUpOn: null }, today), 'resolved');
});
