import { computeDeadline, resumeDeadline, formatShanghai, parseIsoInstant, shanghaiDate, type WorkCalendar } from '../calendar/index.ts';
import { DomainError, type ErrorKind, type FieldError } from '../errors.ts';
import type { ActorRole } from '../org/index.ts';
import { decidesOnAnswer, decidesOnBranch, decisionField, decisionOf, deniedBranchCertificates } from './certificates.ts';
import { validateForm, type Form, type FormField } from './form.ts';
import { handlingClock, isBadRating, ratingScales, type ItemTypeDeclaration } from './item-type.ts';
import { openStatuses, type ItemState, type ItemStatus } from './item.ts';
import { itemType } from './types/index.ts';
import { leaderScope, type Actor } from './actor.ts';

export type { Actor } from './actor.ts';

export const itemActions = [
  'accept',
  'refuse',
  'assign',
  'request-supplement',
  'resume',
  'transfer',
  'accept-transfer',
  'return',
  'open-branch',
  'complete-branch',
  'acknowledge-branch',
  'answer',
  'approve-answer',
  'return-answer',
  'close',
  'rate',
  'reopen',
  'supervise',
  'extend',
  'approve-extension',
  'refuse-extension',
  'record-follow-up',
  'record-rectification',
  'appeal-rating',
  'decide-rating-appeal',
] as const;
export type ItemAction = (typeof itemActions)[number];

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

/** Who should hear about a change; the server resolves these to users. */
export type NoticeAudience = 'submitter' | 'handler' | 'unit-leader' | 'supervisors' | 'receiving-unit' | 'branch-unit';
export interface Notice {
  to: NoticeAudience;
  kind: string;
  unitId?: string;
  /** Facts the message names besides the item number (an appointment's date and place). */
  params?: Record<string, unknown>;
}

export interface TransitionContext {
  actor: Actor;
  now: Date;
  calendar: WorkCalendar;
  type: ItemTypeDeclaration;
  /** New branch ids come from outside: the domain makes no randomness of its own. */
  newId?: () => string;
  /** The window's service specialist the server chose for a type that assigns one on acceptance. */
  specialistId?: string;
  /** The item's unit requires a leader's review (审核) of answers of this type before they go out. */
  answerReview?: boolean;
  /** A case's item is closed by its closing stage (结案 / 撤案), recorded by the cases module, never by a bare close. */
  caseStage?: boolean;
}

/** What the timeline records: the action, or `answer-submitted` for an answer held for review. */
export type ItemEventAction = ItemAction | 'answer-submitted';

export interface TransitionResult {
  next: ItemState;
  event: { action: ItemEventAction; fromStatus: ItemStatus; toStatus: ItemStatus; note: string | null; detail: Record<string, unknown> };
  notices: Notice[];
  /**
   * What the step puts out, for the answer checks and the type's after-hooks: the action and its fields, or for an
   * approved review the answer it releases; null for an answer held for review (nothing has gone out yet).
   */
  released: { action: ItemAction; fields: Record<string, unknown> } | null;
}

/** While an answer waits for review the item stays as the officer left it: no second answer, transfer or pause. */
const heldByReview: readonly ItemAction[] = ['answer', 'request-supplement', 'transfer', 'open-branch'];

export const REOPEN_WINDOW_DAYS = 7;
export const RECTIFICATION_WORKDAYS = 15;

/** 追评: one more rating once a bad rating was acted on (reopened and answered again, or rectified). */
function followUpRatingOpen(item: ItemState): boolean {
  if (!item.rating || item.followUpRating) return false;
  const reanswered = !!item.reopenedAt && (item.status === 'answered' || item.status === 'closed');
  return reanswered || !!item.afterRating?.rectification.doneAt;
}

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

/** The submitter's notice of what the answer booked for them (a survey, an inspection slot), if it booked anything. */
function bookingNotice(form: ItemTypeDeclaration['answerForm'], fields: Record<string, unknown>): Notice | undefined {
  const n = Object.keys(fields).length ? form?.notice?.(fields) : undefined;
  return n ? { to: 'submitter', kind: n.kind, params: n.params } : undefined;
}

/** The values of a form's own fields, in the form's order. */
function pick(value: Record<string, unknown>, form: Form): Record<string, unknown> {
  return Object.fromEntries(form.filter((f) => value[f.name] !== undefined).map((f) => [f.name, value[f.name]]));
}

function fail(code: string, kind: ErrorKind = 'invalid', params?: Record<string, unknown>): never {
  throw new DomainError(code, { kind, ...(params ? { params } : {}) });
}

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

  switch (action) {
    case 'accept': {
      const acceptInput = Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'note'));
      const clock = handlingClock(ctx.type, item.data, acceptInput);
      const due = computeDeadline(cal, clock.rule, now);
      Object.assign(next, { status: 'accepted', acceptedAt: now, acceptInput, handleRule: clock.rule, dueAt: due.due, provisional: due.provisional, escalationStage: 0 });
      detail.dueAt = formatShanghai(due.due);
      if (Object.keys(acceptInput).length) detail.accept = acceptInput;
      notices.push({ to: 'submitter', kind: 'item_accepted' });
      // 联办 declared by the type: every partner starts at once, against the same deadline as the owner.
      for (const [i, b] of (ctx.type.branchesOnAccept ?? []).entries()) {
        if (b.unitId === item.unitId || next.branches.some((x) => x.unitId === b.unitId && x.status === 'open')) continue;
        const id = ctx.newId ? ctx.newId() : `${item.id}-${item.branches.length + i + 1}`;
        next.branches.push({ id, unitId: b.unitId, status: 'open', note: b.note.zh, openedAt: iso, doneAt: null, answer: null, dueAt: due.due.toISOString() });
        notices.push({ to: 'branch-unit', kind: 'branch_opened', unitId: b.unitId });
      }
      if (next.branches.length > item.branches.length) detail.branches = next.branches.slice(item.branches.length).map((b) => ({ id: b.id, unitId: b.unitId }));
      // 专员: the window's specialist handles it from acceptance on (the accepting officer where none is designated).
      if (ctx.type.specialistOnAccept) assignTo(ctx.specialistId ?? ctx.actor.id);
      break;
    }
    case 'refuse':
      Object.assign(next, { status: 'refused', closedAt: now });
      notices.push({ to: 'submitter', kind: 'item_refused' });
      break;
    case 'assign':
      assignTo(String(v.assigneeId));
      break;
    case 'request-supplement':
      Object.assign(next, { status: 'awaiting_supplement', pausedAt: now, pausedFrom: item.status });
      notices.push({ to: 'submitter', kind: 'supplement_requested' });
      break;
    case 'resume': {
      const moved = resumeDeadline(cal, item.handleRule, item.dueAt ?? now, item.pausedAt ?? now, now);
      Object.assign(next, {
        status: 'in_progress',
        pausedAt: null,
        pausedFrom: null,
        pauses: [...item.pauses, { from: (item.pausedAt ?? now).toISOString(), to: iso }],
        dueAt: moved.due,
        provisional: item.provisional || moved.provisional,
      });
      detail.dueAt = formatShanghai(moved.due);
      notices.push({ to: 'handler', kind: 'supplement_received' });
      break;
    }
    case 'transfer': {
      const toUnitId = String(v.toUnitId);
      if (toUnitId === item.unitId) fail('transfer_same_unit');
      if (item.pendingTransfer) fail('transfer_pending');
      // An item cannot bounce: from the third transfer on, only a supervisor may move it.
      if (item.transferCount >= 2 && ctx.actor.role !== 'supervisor') fail('third_transfer_needs_supervisor', 'forbidden');
      next.pendingTransfer = { fromUnitId: item.unitId, toUnitId, note: noteText ?? '', at: iso };
      detail.toUnitId = toUnitId;
      notices.push({ to: 'receiving-unit', kind: 'transfer_requested', unitId: toUnitId });
      break;
    }
    case 'accept-transfer': {
      const t = item.pendingTransfer!;
      Object.assign(next, { unitId: t.toUnitId, pendingTransfer: null, transferCount: item.transferCount + 1, assigneeId: null });
      detail.fromUnitId = t.fromUnitId;
      detail.toUnitId = t.toUnitId;
      notices.push({ to: 'handler', kind: 'transfer_accepted', unitId: t.fromUnitId });
      break;
    }
    case 'return': {
      // A returned transfer goes back to the unit that sent it, which stays responsible.
      const t = item.pendingTransfer!;
      next.pendingTransfer = null;
      detail.toUnitId = t.fromUnitId;
      notices.push({ to: 'handler', kind: 'transfer_returned', unitId: t.fromUnitId });
      break;
    }
    case 'open-branch': {
      const unitId = String(v.toUnitId);
      if (unitId === item.unitId) fail('branch_same_unit');
      if (item.branches.some((b) => b.unitId === unitId && b.status === 'open')) fail('branch_exists');
      const id = ctx.newId ? ctx.newId() : `${item.id}-${item.branches.length + 1}`;
      const clocks = ctx.type.branchClocks;
      // 联动: each branch runs its own short clocks from its opening; otherwise it shares the owner's deadline.
      const dueAt = clocks ? computeDeadline(cal, clocks.report, now).due.toISOString() : (item.dueAt?.toISOString() ?? null);
      const ack = clocks ? { ackDueAt: computeDeadline(cal, clocks.acknowledge, now).due.toISOString(), ackedAt: null } : {};
      next.branches.push({ id, unitId, status: 'open', note: noteText ?? '', openedAt: iso, doneAt: null, answer: null, dueAt, ...ack });
      if (item.status === 'accepted') next.status = 'in_progress';
      detail.branchId = id;
      detail.unitId = unitId;
      notices.push({ to: 'branch-unit', kind: 'branch_opened', unitId });
      break;
    }
    case 'complete-branch': {
      const branch = next.branches.find((b) => b.id === v.branchId && b.status === 'open' && b.unitId === ctx.actor.unitId);
      if (!branch) fail('branch_not_found');
      Object.assign(branch, { status: 'done', doneAt: iso, answer: noteText });
      if (ctx.type.branchClocks && !branch.ackedAt) branch.ackedAt = iso;
      if (decidesOnBranch(ctx.type)) branch.decision = detail.decision = decisionOf(v);
      detail.branchId = branch.id;
      notices.push({ to: 'handler', kind: next.branches.every((b) => b.status === 'done') ? 'branches_all_done' : 'branch_done' });
      break;
    }
    case 'acknowledge-branch': {
      const branch = next.branches.find((b) => b.id === v.branchId && b.status === 'open' && b.unitId === ctx.actor.unitId);
      if (!branch) fail('branch_not_found');
      if (branch.ackedAt) fail('branch_acknowledged');
      branch.ackedAt = iso;
      detail.branchId = branch.id;
      notices.push({ to: 'handler', kind: 'branch_acknowledged' });
      break;
    }
    case 'answer':
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
      break;
    case 'approve-answer': {
      // The held answer goes out as the answer it is, checked again as of now, with its review on record.
      const held = item.pendingAnswer!;
      const out = apply({ ...item, pendingAnswer: null }, 'answer', { ...held.fields, note: held.note }, { ...ctx, answerReview: false });
      out.event.detail.review = { draftedBy: held.by, draftedAt: held.at, ...(noteText ? { note: noteText } : {}) };
      out.notices.push({ to: 'handler', kind: 'answer_approved' });
      return out;
    }
    case 'return-answer':
      next.pendingAnswer = null;
      detail.draftedBy = item.pendingAnswer!.by;
      notices.push({ to: 'handler', kind: 'answer_returned' });
      break;
    case 'close':
      if (ctx.type.caseFile && !ctx.caseStage) fail('case_closed_by_stage');
      Object.assign(next, { status: 'closed', closedAt: now });
      break;
    case 'rate': {
      const level = String(v.rating);
      const rating = { level, note: noteText ?? '', at: iso, bad: isBadRating(level) };
      if (!item.rating) next.rating = rating;
      // After a reopening the submitter may add one follow-up rating (追评).
      else if (followUpRatingOpen(item)) next.followUpRating = rating;
      else fail('already_rated');
      detail.rating = level;
      if (rating.bad && !item.afterRating) {
        // 差评: follow-up within 1 working day, rectification within 15 (SPEC §3 defaults).
        next.afterRating = {
          followUp: { dueAt: computeDeadline(cal, { kind: 'workdays', n: 1 }, now).due.toISOString(), doneAt: null, note: null },
          rectification: { dueAt: computeDeadline(cal, { kind: 'workdays', n: RECTIFICATION_WORKDAYS }, now).due.toISOString(), doneAt: null, note: null },
          appeal: null,
        };
        notices.push({ to: 'unit-leader', kind: 'bad_rating' }, { to: 'handler', kind: 'bad_rating' });
      }
      break;
    }
    case 'reopen': {
      if (!item.rating?.bad) fail('reopen_requires_bad_rating');
      if (item.reopenedAt) fail('already_reopened');
      const answeredAt = item.answeredAt ?? now;
      if (now.getTime() - answeredAt.getTime() > REOPEN_WINDOW_DAYS * 86_400_000) fail('reopen_window_passed', 'invalid', { days: REOPEN_WINDOW_DAYS });
      const due = computeDeadline(cal, item.handleRule, now);
      Object.assign(next, {
        status: 'in_progress',
        reopenedAt: now,
        closedAt: null,
        assigneeId: null,
        dueAt: due.due,
        provisional: due.provisional,
        escalationStage: 0,
        supervision: { listed: false, dueAt: null, note: noteText ?? '', at: iso, reason: 'reopened' },
      });
      detail.dueAt = formatShanghai(due.due);
      notices.push({ to: 'unit-leader', kind: 'item_reopened' }, { to: 'supervisors', kind: 'item_reopened' });
      break;
    }
    case 'supervise': {
      let dueAt: string | null = null;
      if (v.dueAt !== undefined) {
        const d = parseIsoInstant(v.dueAt);
        if (!d) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'dueAt', code: 'invalid_datetime' }] });
        if (d.getTime() <= now.getTime()) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'dueAt', code: 'due_in_past' }] });
        dueAt = d.toISOString();
      }
      next.supervision = { listed: v.listed === true, dueAt, note: noteText ?? '', at: iso, reason: ctx.actor.role === 'unit-leader' ? 'leader' : 'supervisor' };
      detail.listed = next.supervision.listed;
      if (dueAt) detail.dueAt = formatShanghai(new Date(dueAt));
      notices.push({ to: 'handler', kind: 'item_supervised' }, { to: 'unit-leader', kind: 'item_supervised' });
      break;
    }
    case 'record-follow-up':
    case 'record-rectification': {
      const a = item.afterRating;
      const key = action === 'record-follow-up' ? 'followUp' : 'rectification';
      if (!a || a[key].doneAt) fail('nothing_to_record');
      next.afterRating = { ...a, [key]: { ...a[key], doneAt: iso, note: noteText } };
      if (key === 'rectification') notices.push({ to: 'submitter', kind: 'rectification_done' });
      break;
    }
    case 'appeal-rating':
      if (!item.afterRating || item.afterRating.appeal) fail('rating_appeal_not_possible');
      next.afterRating = { ...item.afterRating, appeal: { note: noteText ?? '', at: iso, status: 'pending', decisionNote: null, decidedAt: null } };
      notices.push({ to: 'supervisors', kind: 'rating_appealed' });
      break;
    case 'decide-rating-appeal': {
      const a = item.afterRating;
      if (a?.appeal?.status !== 'pending') fail('no_pending_rating_appeal');
      const upheld = v.upheld === true;
      next.afterRating = { ...a, appeal: { ...a.appeal, status: upheld ? 'upheld' : 'rejected', decisionNote: noteText, decidedAt: iso } };
      // An upheld appeal voids a malicious rating: it no longer counts against the unit.
      if (upheld && item.rating) next.rating = { ...item.rating, bad: false, voided: true } as typeof item.rating;
      detail.upheld = upheld;
      notices.push({ to: 'unit-leader', kind: upheld ? 'rating_appeal_upheld' : 'rating_appeal_rejected' });
      break;
    }
    case 'extend':
      if (item.extension) fail('extension_used');
      if (ctx.type.extensionCap) {
        // 立案审查: an extension may not carry the deadline past the cap counted from acceptance.
        const cap = computeDeadline(cal, ctx.type.extensionCap, item.acceptedAt ?? now).due;
        const wanted = computeDeadline(cal, { kind: ctx.type.extensionRule ?? 'workdays', n: Number(v.days) }, item.dueAt ?? now).due;
        if (wanted.getTime() > cap.getTime()) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'days', code: 'extension_beyond_cap', params: { until: formatShanghai(cap) } }] });
      }
      next.extension = { days: Number(v.days), note: noteText ?? '', status: 'pending', requestedAt: iso };
      detail.days = v.days;
      notices.push({ to: 'unit-leader', kind: 'extension_requested' });
      break;
    case 'approve-extension':
    case 'refuse-extension': {
      if (item.extension?.status !== 'pending') fail('no_pending_extension');
      const approved = action === 'approve-extension';
      next.extension = { ...item.extension, status: approved ? 'approved' : 'refused' };
      if (approved) {
        // 行政许可法 art. 42: the new deadline and its reason are told to the submitter.
        const due = computeDeadline(cal, { kind: ctx.type.extensionRule ?? 'workdays', n: item.extension.days }, item.dueAt ?? now);
        Object.assign(next, { dueAt: due.due, provisional: item.provisional || due.provisional, escalationStage: 0 });
        detail.dueAt = formatShanghai(due.due);
        detail.reason = item.extension.note;
        // The approving leader is on record (立案审查 extended to 30 days needs a county-level leader's approval).
        detail.approvedBy = ctx.actor.id;
        notices.push({ to: 'submitter', kind: 'deadline_extended' });
      }
      notices.push({ to: 'handler', kind: approved ? 'extension_approved' : 'extension_refused' });
      break;
    }
  }
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
