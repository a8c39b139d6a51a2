import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { STATUTORY_SCHEDULES, WorkCalendar } from '../calendar/index.ts';
import { abilities, transition, type Actor, type ItemAction } from './actions.ts';
import { createItem, type ItemState } from './item.ts';
import { appeal } from './types/appeal.ts';

// 审核 (issue 13 point 1): where a unit requires it, an officer's answer waits for a leader; the clock runs on.
const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const officer: Actor = { id: 'u-off', role: 'officer', unitId: 'station' };
const stationLeader: Actor = { id: 'u-lead', role: 'unit-leader', unitId: 'station' };
const districtHead: Actor = { id: 'u-head', role: 'unit-leader', unitId: 'district', unitScope: ['district', 'station'] };
const otherHead: Actor = { id: 'u-other', role: 'unit-leader', unitId: 'other', unitScope: ['other'] };
const submitter: Actor = { id: 'u-ent', role: 'enterprise-admin', enterpriseId: 'e1' };
const answerText = '经核实，贵司反映的货车通行证续办问题已协调交警大队办理，请于三个工作日内领取。';

function run(item: ItemState, action: ItemAction, actor: Actor, input: Record<string, unknown> = {}, answerReview = true, now = '2026-06-02T10:00:00+08:00') {
  return transition(item, action, input, { actor, now: new Date(now), calendar: cal, type: appeal, answerReview });
}
function inProgress(): ItemState {
  const item = createItem({ id: 'i1', type: appeal, data: { category: 'policy', title: '通行证续办', content: '货车通行证续办', contactName: '王', contactPhone: '13912345678' }, submitterId: 'u-ent', enterpriseId: 'e1', unitId: 'station', now: new Date('2026-06-01T09:00:00+08:00'), calendar: cal });
  return run(item, 'accept', officer, {}, true, '2026-06-01T10:00:00+08:00').next;
}
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'none';
}

test('an officer’s answer under review is held: status, clock and answer unchanged, the leaders told', () => {
  const item = inProgress();
  const r = run(item, 'answer', officer, { note: answerText });
  assert.equal(r.next.status, 'accepted');
  assert.equal(r.next.answeredAt, null);
  assert.equal(r.next.answer, null);
  assert.equal(r.next.dueAt?.getTime(), item.dueAt?.getTime());
  assert.deepEqual(r.next.pendingAnswer, { note: answerText, fields: {}, by: 'u-off', at: '2026-06-02T02:00:00.000Z' });
  assert.equal(r.event.action, 'answer-submitted');
  assert.equal(r.released, null);
  assert.deepEqual(r.notices, [{ to: 'unit-leader', kind: 'answer_review_requested' }]);
});

test('without the unit’s review, or from a leader, the answer goes out at once', () => {
  const item = inProgress();
  assert.equal(run(item, 'answer', officer, { note: answerText }, false).next.status, 'answered');
  const byLeader = run(item, 'answer', stationLeader, { note: answerText });
  assert.equal(byLeader.next.status, 'answered');
  assert.equal(byLeader.next.pendingAnswer, null);
  assert.equal(byLeader.released?.action, 'answer');
});

test('a leader of the unit or above it releases the held answer as the answer, with the review on record', () => {
  const held = run(inProgress(), 'answer', officer, { note: answerText }).next;
  for (const leader of [stationLeader, districtHead]) {
    const r = run(held, 'approve-answer', leader, { note: '同意' }, true, '2026-06-03T09:00:00+08:00');
    assert.equal(r.next.status, 'answered');
    assert.equal(r.next.answer, answerText);
    assert.equal(r.next.answeredAt?.toISOString(), '2026-06-03T01:00:00.000Z');
    assert.equal(r.next.pendingAnswer, null);
    assert.equal(r.event.action, 'answer');
    assert.equal(r.event.note, answerText);
    assert.deepEqual(r.event.detail.review, { draftedBy: 'u-off', draftedAt: '2026-06-02T02:00:00.000Z', note: '同意' });
    assert.deepEqual(r.released, { action: 'answer', fields: { note: answerText } });
    assert.deepEqual(r.notices.map((n) => n.kind), ['item_answered', 'answer_approved']);
  }
  assert.equal(codeOf(() => run(held, 'approve-answer', otherHead)), 'forbidden');
  assert.equal(codeOf(() => run(held, 'approve-answer', officer)), 'forbidden');
  assert.equal(codeOf(() => run(held, 'approve-answer', submitter)), 'forbidden');
});

test('a returned answer needs a reason and frees the item for a new answer', () => {
  const held = run(inProgress(), 'answer', officer, { note: answerText }).next;
  assert.equal(codeOf(() => run(held, 'return-answer', stationLeader, {})), 'validation_failed');
  const r = run(held, 'return-answer', stationLeader, { note: '请补充办理时限' });
  assert.equal(r.next.pendingAnswer, null);
  assert.equal(r.next.status, 'accepted');
  assert.deepEqual(r.notices, [{ to: 'handler', kind: 'answer_returned' }]);
  assert.equal(run(r.next, 'answer', officer, { note: answerText }).event.action, 'answer-submitted');
});

test('while an answer is held: no second answer, transfer, branch or supplement request; approve needs one held', () => {
  const item = inProgress();
  const held = run(item, 'answer', officer, { note: answerText }).next;
  assert.equal(codeOf(() => run(held, 'answer', officer, { note: answerText })), 'answer_in_review');
  assert.equal(codeOf(() => run(held, 'request-supplement', officer, { note: '请补充营业执照复印件' })), 'answer_in_review');
  assert.equal(codeOf(() => run(held, 'transfer', officer, { toUnitId: 'x', note: '转交' })), 'answer_in_review');
  assert.equal(codeOf(() => run(item, 'approve-answer', stationLeader)), 'no_answer_in_review');
  const a = abilities(held, officer);
  assert.equal(a.canAnswer, false);
  assert.equal(a.canTransfer, false);
  assert.equal(a.canRequestSupplement, false);
  assert.equal(abilities(held, districtHead).canApproveAnswer, true);
  assert.equal(abilities(held, districtHead).canReturnAnswer, true);
  assert.equal(abilities(item, districtHead).canApproveAnswer, false);
  assert.equal(abilities(held, otherHead).canApproveAnswer, false);
});
