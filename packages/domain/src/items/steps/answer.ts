import { decidesOnAnswer, decisionOf, deniedBranchCertificates } from '../certificates.ts';
import type { ItemTypeDeclaration } from '../item-type.ts';
import type { ItemAction, Notice } from '../transition-types.ts';
import { fail, type Step } from './step.ts';

/** The submitter's notice of what the answer booked for them (a survey, an inspection slot), if it booked anything. */
function bookingNotice(form: ItemTypeDeclaration['answerForm'], fields: Record<string, unknown>): Notice | undefined {
  const n = Object.keys(fields).length ? form?.notice?.(fields) : undefined;
  return n ? { to: 'submitter', kind: n.kind, params: n.params } : undefined;
}

/** The answer: given, held for a leader's review (审核) and released or returned, and closing. */

const answer: Step = (s) => {
  const { item, v, noteText, now, iso, next, notices, detail, ctx, action, answerForm, answerFields } = s;
  if (item.branches.some((b) => b.status === 'open')) fail('branches_open');
  if (ctx.answerReview && ctx.actor.role !== 'unit-leader') {
    // 审核: held until a leader releases it; the status, and so the clock, stay as they are.
    const { note: _text, ...fields } = v;
    next.pendingAnswer = { note: noteText ?? '', fields, by: ctx.actor.id, at: iso };
    notices.push({ to: 'unit-leader', kind: 'answer_review_requested' });
    return { next, event: { action: 'answer-submitted', fromStatus: item.status, toStatus: item.status, note: noteText, detail: {} }, notices, released: null };
  }
  if (item.pendingTransfer) fail('transfer_pending');
  if (decidesOnAnswer(ctx.type)) {
    detail.decision = decisionOf(v);
    // Approval (said or by default) cannot stand over a partner's denial: no residence permit without the work permit.
    const denied = detail.decision === 'approved' ? deniedBranchCertificates(ctx.type, item) : [];
    if (denied.length) fail('issuing_branch_denied', 'invalid', { document: denied[0].names });
  }
  Object.assign(next, { status: 'answered', answeredAt: now, answer: noteText });
  if (Object.keys(answerFields).length) detail.answer = answerFields;
  // A booking is told with its date and place; a denial as a plain answer: there is nothing to collect.
  notices.push(bookingNotice(answerForm, answerFields) ?? { to: 'submitter', kind: detail.decision === 'denied' ? 'item_answered' : (ctx.type.answeredNotice ?? 'item_answered') });
};

const approveAnswer: Step = (s) => {
  const { item, noteText, ctx } = s;
  // The held answer goes out as the answer it is, checked again as of now, with its review on record.
  const held = item.pendingAnswer!;
  const out = s.reapply({ ...item, pendingAnswer: null }, 'answer', { ...held.fields, note: held.note }, { ...ctx, answerReview: false });
  out.event.detail.review = { draftedBy: held.by, draftedAt: held.at, ...(noteText ? { note: noteText } : {}) };
  out.notices.push({ to: 'handler', kind: 'answer_approved' });
  return out;
};

const returnAnswer: Step = (s) => {
  const { item, next, notices, detail } = s;
  next.pendingAnswer = null;
  detail.draftedBy = item.pendingAnswer!.by;
  notices.push({ to: 'handler', kind: 'answer_returned' });
};

const close: Step = (s) => {
  const { now, next, ctx } = s;
  if (ctx.type.caseFile && !ctx.caseStage) fail('case_closed_by_stage');
  Object.assign(next, { status: 'closed', closedAt: now });
};


export const answerSteps = {
  answer,
  'approve-answer': approveAnswer,
  'return-answer': returnAnswer,
  close,
} satisfies Partial<Record<ItemAction, Step>>;
