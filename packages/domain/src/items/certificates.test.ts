// Outputs of the application types: which documents a decision issues, declared once on the item type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUTORY_SCHEDULES, WorkCalendar } from '../calendar/index.ts';
import { transition, actionSpecs, type Actor, type ItemAction } from './actions.ts';
import { certificateNumber, certificatesDue, decisionField, decisionForms } from './certificates.ts';
import { DomainError } from '../errors.ts';
import { defineItemType, type ItemTypeDeclaration } from './item-type.ts';
import { createItem, type ItemState } from './item.ts';
import { itemType, itemTypes } from './types/index.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const officer: Actor = { id: 'u-off', role: 'officer', unitId: 'zb-exit-entry' };
const kejiju: Actor = { id: 'u-kj', role: 'partner', unitId: 'partner-kejiju' };
let ids = 0;
const step = (type: ItemTypeDeclaration, item: ItemState, action: ItemAction, actor: Actor, input: Record<string, unknown>, now: string) => {
  const r = transition(item, action, input, { actor, now: new Date(now), calendar: cal, type, newId: () => `b${++ids}` });
  return { ...r, due: certificatesDue(type, item, r.next, action, input).map((d) => [d.certificate.kind, d.unitId]) };
};
const fresh = (type: ItemTypeDeclaration, unitId: string) =>
  createItem({ id: 'i1', type, data: {}, submitterId: 'u-app', enterpriseId: null, unitId, now: new Date('2026-09-28T09:00:00+08:00'), calendar: cal });

test('every application type of M3–M6 declares what its approval issues; kinds are unique across the catalog', () => {
  const expected: Record<string, string[]> = {
    'talent-hukou': ['hukou-move-in'],
    'foreign-talent-permits': ['foreign-work-permit', 'foreign-residence-permit'],
    'residence-permit': ['residence-permit'],
    'house-number': ['house-number'],
    'oversize-transport': ['oversize-transport-pass'],
    'road-works': ['road-works-permit'],
    'exit-entry-urgent': ['exit-entry-urgent'],
  };
  for (const [code, kinds] of Object.entries(expected)) assert.deepEqual(itemType(code)!.certificates?.map((c) => c.kind), kinds, code);
  const all = itemTypes.flatMap((t) => (t.certificates ?? []).map((c) => c.kind));
  assert.equal(new Set(all).size, all.length);
  // Appeals and complaints issue nothing and have no decision field.
  assert.equal(itemType('appeal')!.certificates, undefined);
  assert.ok(!actionSpecs.answer.input(itemType('appeal')!).some((f) => f.name === 'decision'));
  assert.ok(actionSpecs.answer.input(itemType('house-number')!).some((f) => f.name === 'decision'));
  assert.ok(actionSpecs['complete-branch'].input(itemType('foreign-talent-permits')!).some((f) => f.name === 'decision'));
  assert.ok(!actionSpecs['complete-branch'].input(itemType('talent-hukou')!).some((f) => f.name === 'decision'));
});

test('a declaration with a repeated kind or a malformed prefix is refused at definition', () => {
  const base = itemType('house-number')!;
  const cert = base.certificates![0];
  assert.throws(() => defineItemType({ ...base, certificates: [cert, cert] }), /unique/);
  assert.throws(() => defineItemType({ ...base, certificates: [{ ...cert, prefix: 'x' }] }), /prefix/);
});

test('numbers read like the bureau’s documents: abbreviation, year in 六角括号, six-digit serial', () => {
  assert.equal(certificateNumber('淄公居证', 2026, 123), '淄公居证〔2026〕第000123号');
  assert.equal(certificateNumber('淄公门牌', 2027, 1), '淄公门牌〔2027〕第000001号');
});

test('an approving answer issues the answer’s documents; a denial issues none and is recorded on the timeline', () => {
  const t = itemType('house-number')!;
  const unit = 'zhangdian-branch';
  const accepted = step(t, fresh(t, unit), 'accept', { ...officer, unitId: unit }, {}, '2026-09-28T10:00:00+08:00').next;
  assert.deepEqual(step(t, fresh(t, unit), 'accept', { ...officer, unitId: unit }, {}, '2026-09-28T10:00:00+08:00').due, []);
  const approved = step(t, accepted, 'answer', { ...officer, unitId: unit }, { note: '准予编号' }, '2026-09-29T10:00:00+08:00');
  assert.deepEqual(approved.due, [['house-number', unit]]);
  assert.equal(approved.event.detail.decision, 'approved');
  const denied = step(t, accepted, 'answer', { ...officer, unitId: unit }, { note: '不符合编号规则', decision: 'denied' }, '2026-09-29T10:00:00+08:00');
  assert.deepEqual(denied.due, []);
  assert.equal(denied.event.detail.decision, 'denied');
  assert.equal(denied.next.status, 'answered');
  assert.throws(() => step(t, accepted, 'answer', { ...officer, unitId: unit }, { note: 'x', decision: 'maybe' }, '2026-09-29T10:00:00+08:00'), /validation_failed/);
  // Nothing else issues anything.
  assert.deepEqual(step(t, approved.next, 'close', { ...officer, unitId: unit }, {}, '2026-09-30T10:00:00+08:00').due, []);
});

test('foreign talent: the work permit on the science bureau’s approving branch, the residence permit on the answer', () => {
  const t = itemType('foreign-talent-permits')!;
  const accepted = step(t, fresh(t, 'zb-exit-entry'), 'accept', officer, {}, '2026-09-28T10:00:00+08:00').next;
  const branchId = accepted.branches[0].id;
  const branch = step(t, accepted, 'complete-branch', kejiju, { branchId, note: '工作许可证已制证' }, '2026-09-29T10:00:00+08:00');
  assert.deepEqual(branch.due, [['foreign-work-permit', 'partner-kejiju']]);
  assert.equal(branch.next.branches[0].decision, 'approved');
  const answered = step(t, branch.next, 'answer', officer, { note: '两证已办结' }, '2026-09-30T10:00:00+08:00');
  assert.deepEqual(answered.due, [['foreign-residence-permit', 'zb-exit-entry']]);
  assert.deepEqual(answered.notices, [{ to: 'submitter', kind: 'joint_window_pickup' }]);

  // A denied work permit issues nothing; a denied answer tells no one to come and collect anything.
  const refused = step(t, accepted, 'complete-branch', kejiju, { branchId, note: '预审材料不符', decision: 'denied' }, '2026-09-29T10:00:00+08:00');
  assert.deepEqual(refused.due, []);
  assert.equal(refused.next.branches[0].decision, 'denied');
  const deniedAnswer = step(t, refused.next, 'answer', officer, { note: '工作许可未获批准，居留许可不予签发', decision: 'denied' }, '2026-09-30T10:00:00+08:00');
  assert.deepEqual(deniedAnswer.due, []);
  assert.deepEqual(deniedAnswer.notices, [{ to: 'submitter', kind: 'item_answered' }]);
});

test('the owner cannot approve over the partner’s denial: no residence permit without the work permit', () => {
  const t = itemType('foreign-talent-permits')!;
  const accepted = step(t, fresh(t, 'zb-exit-entry'), 'accept', officer, {}, '2026-09-28T10:00:00+08:00').next;
  const branchId = accepted.branches[0].id;
  const refused = step(t, accepted, 'complete-branch', kejiju, { branchId, note: '预审材料不符', decision: 'denied' }, '2026-09-29T10:00:00+08:00').next;
  const refusedWith = (input: Record<string, unknown>) => {
    try {
      step(t, refused, 'answer', officer, input, '2026-09-30T10:00:00+08:00');
    } catch (e) {
      assert.ok(e instanceof DomainError);
      return [e.code, e.details.kind, e.details.params];
    }
    return null;
  };
  const expected = ['issuing_branch_denied', 'invalid', { document: { zh: '外国人工作许可证', en: "Foreigner's Work Permit" } }];
  // Said, or by default (an answer without a decision approves).
  assert.deepEqual(refusedWith({ note: '居留许可已制证', decision: 'approved' }), expected);
  assert.deepEqual(refusedWith({ note: '居留许可已制证' }), expected);
  assert.equal(refusedWith({ note: '工作许可未获批准，居留许可不予签发', decision: 'denied' }), null);

  // The partner's latest word counts: a branch opened again and approved lets the owner approve.
  const reopened = step(t, refused, 'open-branch', officer, { toUnitId: 'partner-kejiju', note: '已补充预审材料，请重新审批' }, '2026-09-30T09:00:00+08:00').next;
  const again = step(t, reopened, 'complete-branch', kejiju, { branchId: reopened.branches[1].id, note: '工作许可证已制证' }, '2026-09-30T10:00:00+08:00');
  assert.deepEqual(again.due, [['foreign-work-permit', 'partner-kejiju']]);
  const approved = step(t, again.next, 'answer', officer, { note: '两证已办结' }, '2026-09-30T11:00:00+08:00');
  assert.equal(approved.event.detail.decision, 'approved');
  assert.deepEqual(approved.due, [['foreign-residence-permit', 'zb-exit-entry']]);
});

test('the catalog’s decision forms: on the answer where documents are issued, on the issuing partner’s branch', () => {
  assert.deepEqual(decisionForms(itemType('foreign-talent-permits')!), { answer: [decisionField], completeBranch: { unitIds: ['partner-kejiju'], form: [decisionField] } });
  assert.deepEqual(decisionForms(itemType('house-number')!), { answer: [decisionField], completeBranch: null });
  // The HR bureau's talent-record branch issues nothing, so it takes no decision.
  assert.deepEqual(decisionForms(itemType('talent-hukou')!), { answer: [decisionField], completeBranch: null });
  assert.deepEqual(decisionForms(itemType('appeal')!), { answer: null, completeBranch: null });
});
