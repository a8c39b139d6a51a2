import { shanghaiDate } from '../calendar/index.ts';
import { DomainError, type FieldError } from '../errors.ts';
import type { ActorRole } from '../org/index.ts';
import { decidesOnAnswer, decidesOnBranch, decisionField } from './certificates.ts';
import { validateForm, type Form, type FormField } from './form.ts';
import { ratingScales, type ItemTypeDeclaration } from './item-type.ts';
import { openStatuses, type ItemState, type ItemStatus } from './item.ts';
import { itemType } from './types/index.ts';
import { leaderScope, type Actor } from './actor.ts';

import { answerSteps } from './steps/answer.ts';
import { clockSteps } from './steps/clock.ts';
import { intakeSteps } from './steps/intake.ts';
import { followUpRatingOpen, ratingSteps } from './steps/rating.ts';
import { routingSteps } from './steps/routing.ts';
import { pick, type Step } from './steps/step.ts';
import { itemActions, type ItemAction, type Notice, type TransitionContext, type TransitionResult } from './transition-types.ts';

export type { Actor } from './actor.ts';
export * from './transition-types.ts';
export { RECTIFICATION_WORKDAYS, REOPEN_WINDOW_DAYS } from './steps/rating.ts';

/** How an actor stands to an item. Computed here, so the server and the browser never re-derive it. */
export type Relation = 'submitter' | 'owner-unit' | 'receiving-unit' | 'branch-unit' | 'subordinate-unit' | 'oversight';

export function relationsOf(item: ItemState, actor: Actor): Set<Relation> {
  const r = new Set<Relation>();
  const enterprisePerson = actor.role === 'enterprise-admin' || actor.role === 'enterprise-staff';
  if (actor.id && item.submitterId === actor.id) r.add('submitter');
  if (enterprisePerson && actor.enterpriseId && item.enterpriseId === actor.enterpriseId) r.add('submitter');
  const inUnit = actor.role === 'officer' || actor.role === 'unit-leader' || actor.role === 'partner';
  if (inUnit && actor.unitId) {
    if (item.unitId === actor.unitId && actor.role !== 'partner') r.add('owner-unit');
    if (item.pendingTransfer?.toUnitId === actor.unitId) r.add('receiving-unit');
    if (item.branches.some((b) => b.unitId === actor.unitId)) r.add('branch-unit');
    if (item.unitId !== actor.unitId && leaderScope(actor)?.includes(item.unitId)) r.add('subordinate-unit');
  }
  if (actor.role === 'supervisor') r.add('oversight');
  return r;
}

const note = (required: boolean, maxLength = 2000): FormField => ({
  name: 'note',
  kind: 'textarea',
  maxLength,
  required,
  label: { zh: '说明', en: 'Note' },
});
/** The officer's confirmation that an answer sharing none of the appeal's key terms answers it (see text-checks). */
const relevanceConfirmedField: FormField = { name: 'relevanceConfirmed', kind: 'boolean', label: { zh: '确认答复切合诉求', en: 'I confirm the answer addresses the appeal' } };
const unitIdField: FormField = { name: 'toUnitId', kind: 'text', maxLength: 64, required: true, label: { zh: '目标单位', en: 'Target unit' } };

interface ActionSpec {
  /** Roles that may ever take this action … */
  roles: readonly ActorRole[];
  /** … when they stand to the item in one of these ways. */
  relations: readonly Relation[];
  from: readonly ItemStatus[];
  input: (type: ItemTypeDeclaration) => Form;
}

const handlers: readonly ActorRole[] = ['officer', 'unit-leader'];
const submitters: readonly ActorRole[] = ['enterprise-admin', 'enterprise-staff', 'applicant'];
const working: readonly ItemStatus[] = ['accepted', 'in_progress'];
/** Where a rating's consequences are worked: after the answer, and again while a reopened item is handled. */
const rated: readonly ItemStatus[] = ['answered', 'closed', 'in_progress'];

/** The roles allowed on each transition, declared once (ARCHITECTURE rule 9). */
export const actionSpecs: Record<ItemAction, ActionSpec> = {
  accept: { roles: handlers, relations: ['owner-unit'], from: ['submitted'], input: (t) => [note(false), ...(t.acceptForm ?? [])] },
  refuse: { roles: handlers, relations: ['owner-unit'], from: ['submitted'], input: () => [note(true)] },
  assign: {
    roles: ['unit-leader'],
    relations: ['owner-unit', 'subordinate-unit'],
    from: ['accepted', 'in_progress'],
    input: () => [{ name: 'assigneeId', kind: 'text', maxLength: 64, required: true, label: { zh: '承办人', en: 'Handler' } }, note(false)],
  },
  'request-supplement': { roles: handlers, relations: ['owner-unit'], from: working, input: () => [note(true)] },
  resume: { roles: submitters, relations: ['submitter'], from: ['awaiting_supplement'], input: () => [note(false)] },
  transfer: {
    roles: [...handlers, 'supervisor'],
    relations: ['owner-unit', 'oversight'],
    from: ['submitted', 'accepted', 'in_progress'],
    input: () => [unitIdField, note(true)],
  },
  'accept-transfer': { roles: handlers, relations: ['receiving-unit'], from: ['submitted', 'accepted', 'in_progress'], input: () => [note(false)] },
  return: { roles: handlers, relations: ['receiving-unit'], from: ['submitted', 'accepted', 'in_progress'], input: () => [note(true)] },
  'open-branch': { roles: handlers, relations: ['owner-unit'], from: working, input: () => [unitIdField, note(true)] },
  'complete-branch': {
    roles: [...handlers, 'partner'],
    relations: ['branch-unit'],
    from: working,
    input: (t) => [
      { name: 'branchId', kind: 'text', maxLength: 64, required: true, label: { zh: '联办分支', en: 'Branch' } },
      note(true),
      ...(decidesOnBranch(t) ? [decisionField] : []),
    ],
  },
  'acknowledge-branch': {
    roles: [...handlers, 'partner'],
    relations: ['branch-unit'],
    from: working,
    input: () => [{ name: 'branchId', kind: 'text', maxLength: 64, required: true, label: { zh: '联办分支', en: 'Branch' } }, note(false)],
  },
  answer: {
    roles: handlers,
    relations: ['owner-unit'],
    from: working,
    input: (t) => [note(true, 5000), relevanceConfirmedField, ...(decidesOnAnswer(t) ? [decisionField] : []), ...(t.answerForm?.form ?? [])],
  },
  // 审核: a leader of the unit (or above it) releases an answer held for review, or returns it with the reason.
  'approve-answer': { roles: ['unit-leader'], relations: ['owner-unit', 'subordinate-unit'], from: working, input: () => [note(false)] },
  'return-answer': { roles: ['unit-leader'], relations: ['owner-unit', 'subordinate-unit'], from: working, input: () => [note(true)] },
  close: { roles: [...handlers, ...submitters], relations: ['owner-unit', 'submitter'], from: ['answered'], input: () => [note(false)] },
  rate: {
    roles: submitters,
    relations: ['submitter'],
    from: ['answered', 'closed'],
    input: (t) => [
      {
        name: 'rating',
        kind: 'select',
        required: true,
        label: { zh: '评价', en: 'Rating' },
        options: ratingScales[t.ratingScale].map((v) => ({ value: v, label: { zh: v, en: v } })),
      },
      note(false, 500),
    ],
  },
  reopen: { roles: submitters, relations: ['submitter'], from: ['answered', 'closed'], input: () => [note(true)] },
  supervise: {
    roles: ['supervisor', 'unit-leader'],
    relations: ['oversight', 'owner-unit', 'subordinate-unit'],
    from: [...openStatuses, 'answered'],
    input: () => [
      note(true),
      { name: 'listed', kind: 'boolean', label: { zh: '挂牌督办', en: 'List on the board' } },
      { name: 'dueAt', kind: 'text', maxLength: 40, label: { zh: '督办期限', en: 'Supervision deadline' } },
    ],
  },
  extend: {
    roles: handlers,
    relations: ['owner-unit'],
    from: working,
    input: (t) => [{ name: 'days', kind: 'number', integer: true, min: 1, max: t.maxExtensionDays, required: true, label: { zh: '延期天数', en: 'Days' } }, note(true)],
  },
  'approve-extension': { roles: ['unit-leader'], relations: ['owner-unit', 'subordinate-unit'], from: [...working, 'awaiting_supplement'], input: () => [note(false)] },
  'refuse-extension': { roles: ['unit-leader'], relations: ['owner-unit', 'subordinate-unit'], from: [...working, 'awaiting_supplement'], input: () => [note(true)] },
  'record-follow-up': { roles: handlers, relations: ['owner-unit'], from: rated, input: () => [note(true)] },
  'record-rectification': { roles: handlers, relations: ['owner-unit'], from: rated, input: () => [note(true)] },
  'appeal-rating': { roles: ['unit-leader'], relations: ['owner-unit'], from: rated, input: () => [note(true)] },
  'decide-rating-appeal': {
    roles: ['supervisor'],
    relations: ['oversight'],
    from: rated,
    input: () => [{ name: 'upheld', kind: 'boolean', required: true, label: { zh: '申诉成立', en: 'Appeal upheld' } }, note(true)],
  },
};

/** While an answer waits for review the item stays as the officer left it: no second answer, transfer or pause. */
const heldByReview: readonly ItemAction[] = ['answer', 'request-supplement', 'transfer', 'open-branch'];

/** 403 when the role or relation may not; 422 when the status may not. Version is checked by the caller first. */
function authorize(item: ItemState, action: ItemAction, ctx: TransitionContext): void {
  const spec = actionSpecs[action];
  const rel = relationsOf(item, ctx.actor);
  if (!spec.roles.includes(ctx.actor.role) || !spec.relations.some((r) => rel.has(r))) {
    throw new DomainError('forbidden', { kind: 'forbidden' });
  }
  if (!spec.from.includes(item.status)) {
    throw new DomainError('action_not_allowed_in_status', { kind: 'invalid', params: { action, status: item.status } });
  }
  if (item.pendingAnswer && heldByReview.includes(action)) throw new DomainError('answer_in_review', { kind: 'conflict' });
  if ((action === 'approve-answer' || action === 'return-answer') && !item.pendingAnswer) throw new DomainError('no_answer_in_review', { kind: 'invalid' });
}

/** Every action's step, by family (./steps); a missing action fails the type check. */
const steps: Record<ItemAction, Step> = { ...intakeSteps, ...routingSteps, ...answerSteps, ...ratingSteps, ...clockSteps };

/**
 * The lifecycle as one pure function: the next state, the timeline event and the notices, or a DomainError.
 * `input` is the action's fields (note, toUnitId, rating, days, …) without `action` and `version`.
 */
export function transition(item: ItemState, action: ItemAction, input: unknown, ctx: TransitionContext): TransitionResult {
  authorize(item, action, ctx);
  return apply(item, action, input, ctx);
}

/** The step itself, once `authorize` let the actor take it. */
function apply(item: ItemState, action: ItemAction, input: unknown, ctx: TransitionContext): TransitionResult {
  const form = validateForm(actionSpecs[action].input(ctx.type), input ?? {}, '');
  const errors: FieldError[] = form.errors.map((e) => ({ ...e, path: e.path.replace(/^\./, '') }));
  const answerForm = action === 'answer' ? ctx.type.answerForm : undefined;
  const answerFields = answerForm ? pick(form.value, answerForm.form) : {};
  if (answerForm?.refine) {
    // The type's own rules on the answer's fields (which ones this item needs, dates on the calendar), each field once.
    const failed = new Set(errors.map((e) => e.path));
    errors.push(...answerForm.refine(answerFields, { data: item.data, accept: item.acceptInput, today: shanghaiDate(ctx.now), calendar: ctx.calendar }).filter((e) => !failed.has(e.path)));
  }
  if (action === 'accept' && ctx.type.acceptForm && ctx.type.acceptRefine) {
    const failed = new Set(errors.map((e) => e.path));
    const given = pick(form.value, ctx.type.acceptForm);
    errors.push(...ctx.type.acceptRefine(given, { data: item.data, today: shanghaiDate(ctx.now), calendar: ctx.calendar }).filter((e) => !failed.has(e.path)));
  }
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const v = form.value;
  const noteText = typeof v.note === 'string' ? v.note : null;
  const now = ctx.now;
  const iso = now.toISOString();
  const next: ItemState = { ...item, version: item.version + 1, branches: item.branches.map((b) => ({ ...b })) };
  const notices: Notice[] = [];
  const detail: Record<string, unknown> = {};
  const cal = ctx.calendar;
  /** A handler takes the item (an assignment, or the specialist on acceptance); an accepted item is then in progress. */
  const assignTo = (assigneeId: string | null) => {
    next.assigneeId = assigneeId;
    if (next.status === 'accepted') next.status = 'in_progress';
    detail.assigneeId = assigneeId;
    notices.push({ to: 'handler', kind: 'item_assigned' });
  };

  const ended = steps[action]({ item, action, v, noteText, now, iso, cal, ctx, next, notices, detail, answerForm, answerFields, assignTo, reapply: apply });
  if (ended) return ended;
  // Branches opened against the owner's deadline keep sharing it when it moves (a pause resumed, an extension).
  if (item.dueAt && next.dueAt && next.dueAt.getTime() !== item.dueAt.getTime()) next.branches = followOwnerDeadline(next.branches, item.dueAt, next.dueAt);
  return { next, event: { action, fromStatus: item.status, toStatus: next.status, note: noteText, detail }, notices, released: { action, fields: v } };
}

/** Open branches whose deadline was the owner's old one take its new one; a branch with a deadline of its own keeps it. */
export function followOwnerDeadline(branches: ItemState['branches'], oldDue: Date, newDue: Date): ItemState['branches'] {
  const was = oldDue.toISOString();
  return branches.map((b) => (b.status === 'open' && b.dueAt === was ? { ...b, dueAt: newDue.toISOString() } : b));
}

/** What the actor may do now, for the buttons: `{ canAccept: true, … }` (ARCHITECTURE rule 10). */
export function abilities(item: ItemState, actor: Actor): Record<string, boolean> {
  const rel = relationsOf(item, actor);
  const out: Record<string, boolean> = {};
  for (const action of itemActions) {
    const spec = actionSpecs[action];
    let ok = spec.roles.includes(actor.role) && spec.relations.some((r) => rel.has(r)) && spec.from.includes(item.status);
    if (ok) ok = preconditionHolds(item, action, actor);
    out[`can${action.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`] = ok;
  }
  return out;
}

function preconditionHolds(item: ItemState, action: ItemAction, actor: Actor): boolean {
  switch (action) {
    case 'accept-transfer':
    case 'return':
      return !!item.pendingTransfer;
    case 'answer':
      return !item.pendingAnswer && !item.pendingTransfer && item.branches.every((b) => b.status === 'done');
    case 'request-supplement':
    case 'transfer':
    case 'open-branch':
      return !item.pendingAnswer && (action !== 'transfer' || (!item.pendingTransfer && (item.transferCount < 2 || actor.role === 'supervisor')));
    case 'approve-answer':
    case 'return-answer':
      return !!item.pendingAnswer;
    case 'complete-branch':
      return item.branches.some((b) => b.status === 'open' && b.unitId === actor.unitId);
    case 'acknowledge-branch':
      return item.branches.some((b) => b.status === 'open' && b.unitId === actor.unitId && b.ackDueAt !== undefined && !b.ackedAt);
    case 'rate':
      return !item.rating || followUpRatingOpen(item);
    case 'record-follow-up':
      return !!item.afterRating && !item.afterRating.followUp.doneAt;
    case 'record-rectification':
      return !!item.afterRating && !item.afterRating.rectification.doneAt;
    case 'appeal-rating':
      return !!item.afterRating && !item.afterRating.appeal;
    case 'decide-rating-appeal':
      return item.afterRating?.appeal?.status === 'pending';
    case 'close':
      // A case closes with its 结案 / 撤案 stage (ItemTypeDeclaration.caseFile), not with the engine's bare close.
      return !itemType(item.type)?.caseFile;
    case 'reopen':
      return !!item.rating?.bad && !item.reopenedAt;
    case 'extend':
      return !item.extension;
    case 'approve-extension':
    case 'refuse-extension':
      return item.extension?.status === 'pending';
    default:
      return true;
  }
}
