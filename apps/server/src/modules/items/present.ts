import { abilities, formatShanghai, isOverdue, itemType, maskIdCard, maskMobile, type ItemState } from '@jqt/domain';
import type { RequestActor } from '../accounts/actor.ts';
import type { EventRow, ItemRow } from './repository.ts';

const isStaff = (a: RequestActor) => a.role === 'officer' || a.role === 'unit-leader' || a.role === 'supervisor' || a.role === 'admin' || a.role === 'partner';
const iso = (d: Date | null | undefined) => (d ? formatShanghai(d) : null);
const isoString = (s: string | null | undefined) => (s ? formatShanghai(new Date(s)) : null);

/** Phone and ID numbers in the submitted data, masked unless the viewer needs them (PIPL). */
function maskData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const decl = itemType(type);
  if (!decl) return data;
  const out = { ...data };
  for (const f of decl.form) {
    if (f.kind !== 'checked' || typeof out[f.name] !== 'string') continue;
    if (f.check === 'mobile') out[f.name] = maskMobile(out[f.name] as string);
    if (f.check === 'idcard') out[f.name] = maskIdCard(out[f.name] as string);
  }
  return out;
}

function presentEvent(e: EventRow) {
  return {
    id: e.id,
    at: iso(e.at),
    actor: { id: e.actorId, name: e.actorName, role: e.actorRole },
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    detail: e.detail,
  };
}

/**
 * A case's item as its enterprise sees it (M11–M13): the investigation stays staff-only, so the supervisor's note,
 * the handler and the partner branches are left out, and the timeline keeps the steps and only the notes the
 * enterprise is owed (a refusal's reason, the decision, an extension's reason).
 */
const caseEventsForSubmitter = new Set(['submit', 'accept', 'refuse', 'answer', 'approve-extension', 'close', 'case-stage', 'resume', 'request-supplement', 'rate']);
const caseNotesForSubmitter = new Set(['refuse', 'answer', 'approve-extension', 'request-supplement', 'resume', 'rate']);
function caseView(timeline: EventRow[] | undefined): EventRow[] | undefined {
  return timeline
    ?.filter((e) => caseEventsForSubmitter.has(e.action))
    .map((e) => ({ ...e, actorId: null, actorName: '', note: caseNotesForSubmitter.has(e.action) ? e.note : null, detail: e.action === 'case-stage' ? { stage: (e.detail as { stage?: unknown }).stage } : e.action === 'answer' ? { answer: (e.detail as { answer?: unknown }).answer } : {} }));
}

/** What only the unit sees of a review (审核): the held answer's submission and a leader's return with the reason. */
const reviewEvents = new Set(['answer-submitted', 'return-answer']);

/** The only shape an item leaves the server in. */
export function present(row: ItemRow, state: ItemState, actor: RequestActor, now: Date, opts: { timeline?: EventRow[]; unmasked: boolean; answerReview?: boolean }) {
  const decl = itemType(row.type);
  if (!isStaff(actor)) opts = { ...opts, timeline: opts.timeline?.filter((e) => !reviewEvents.has(e.action)) };
  if (decl?.caseFile && !isStaff(actor)) {
    state = { ...state, supervision: null, assigneeId: null, branches: [] };
    row = { ...row, assigneeId: null };
    opts = { ...opts, timeline: caseView(opts.timeline) };
  }
  if (actor.role === 'partner') {
    // A partner department sees its own branch of a joint item, not the other departments' (M4, M10).
    const own = new Set(state.branches.filter((b) => b.unitId === actor.unitId).map((b) => b.id));
    const others = new Set(state.branches.filter((b) => !own.has(b.id)).map((b) => b.id));
    state = { ...state, branches: state.branches.filter((b) => own.has(b.id)) };
    opts = { ...opts, timeline: opts.timeline?.filter((e) => !others.has(String((e.detail as { branchId?: unknown } | null)?.branchId ?? ''))) };
  }
  const active = row.activeDueAt;
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    typeName: decl ? decl.names : { zh: row.type, en: row.type },
    status: row.status,
    version: row.version,
    data: opts.unmasked ? state.data : maskData(row.type, state.data),
    enterpriseId: row.enterpriseId,
    submitterId: row.submitterId,
    unitId: row.unitId,
    firstUnitId: row.firstUnitId,
    assigneeId: row.assigneeId,
    submittedAt: iso(row.submittedAt),
    acceptedAt: iso(row.acceptedAt),
    answeredAt: iso(row.answeredAt),
    closedAt: iso(row.closedAt),
    acceptDueAt: iso(row.acceptDueAt),
    dueAt: iso(row.dueAt),
    activeDueAt: iso(active),
    provisional: row.provisional,
    overdue: isOverdue({ status: row.status, activeDueAt: active }, now),
    remainingSeconds: active ? Math.round((active.getTime() - now.getTime()) / 1000) : null,
    paused: row.status === 'awaiting_supplement',
    handleRule: state.handleRule,
    transferCount: row.transferCount,
    pendingTransfer: state.pendingTransfer ? { ...state.pendingTransfer, at: isoString(state.pendingTransfer.at) } : null,
    extension: state.extension ? { ...state.extension, requestedAt: isoString(state.extension.requestedAt) } : null,
    pendingAnswer: state.pendingAnswer && isStaff(actor) ? { ...state.pendingAnswer, at: isoString(state.pendingAnswer.at) } : null,
    // Whether an answer given now waits for a leader's review (staff detail views only).
    answerReview: opts.answerReview ?? false,
    supervision: state.supervision ? { ...state.supervision, at: isoString(state.supervision.at), dueAt: isoString(state.supervision.dueAt) } : null,
    rating: state.rating ? { ...state.rating, at: isoString(state.rating.at) } : null,
    followUpRating: state.followUpRating ? { ...state.followUpRating, at: isoString(state.followUpRating.at) } : null,
    afterRating: state.afterRating,
    reopenedAt: iso(row.reopenedAt),
    branches: state.branches.map((b) => ({ ...b, openedAt: isoString(b.openedAt), doneAt: isoString(b.doneAt), dueAt: isoString(b.dueAt) })),
    answer: row.answer,
    batchId: row.batchId ?? null,
    packageId: row.packageId ?? null,
    escalationStage: row.escalationStage,
    abilities: abilities(state, actor),
    ...(opts.timeline ? { timeline: opts.timeline.map(presentEvent) } : {}),
  };
}
