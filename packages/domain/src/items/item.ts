import { computeDeadline, type DeadlineRule, type WorkCalendar } from '../calendar/index.ts';
import type { ItemTypeDeclaration } from './item-type.ts';
import { handlingClock } from './item-type.ts';

import type { ItemStatus } from './status.ts';
export { clockRunningStatuses, isOverdue, itemStatuses, openStatuses, type ItemStatus } from './status.ts';

export interface PendingTransfer {
  fromUnitId: string;
  toUnitId: string;
  note: string;
  at: string;
}
export interface Extension {
  days: number;
  note: string;
  status: 'pending' | 'approved' | 'refused';
  requestedAt: string;
}
/** An answer held for the leader's review (审核) where the unit requires it; the clock keeps running meanwhile. */
export interface PendingAnswer {
  /** The answer's text and every field the officer gave with it (decision, the type's answer form). */
  note: string;
  fields: Record<string, unknown>;
  by: string | null;
  at: string;
}
export interface Supervision {
  /** 挂牌督办: listed on the leaders' board. */
  listed: boolean;
  dueAt: string | null;
  note: string;
  at: string;
  reason: 'supervisor' | 'leader' | 'reopened';
  /** How far the supervision deadline's own ladder has gone (0–3), like `escalationStage` for the handling clock. */
  stage?: number;
}
export interface Rating {
  level: string;
  note: string;
  at: string;
  bad: boolean;
  /** Set when a supervisor upheld the unit's appeal against a malicious rating. */
  voided?: boolean;
}
/** After a 差评: a follow-up call within 1 working day, a rectification on its own clock, maybe the unit's appeal. */
export interface AfterRating {
  followUp: { dueAt: string; doneAt: string | null; note: string | null };
  rectification: { dueAt: string; doneAt: string | null; note: string | null };
  appeal: { note: string; at: string; status: 'pending' | 'upheld' | 'rejected'; decisionNote: string | null; decidedAt: string | null } | null;
}

export interface Branch {
  id: string;
  unitId: string;
  status: 'open' | 'done';
  note: string;
  openedAt: string;
  doneAt: string | null;
  answer: string | null;
  /** The branch's own deadline: the item's handling deadline when it was opened (联办: one shared clock). */
  dueAt?: string | null;
  /** How a certificate-issuing branch was decided (M4's work permit); absent on other branches. */
  decision?: 'approved' | 'denied';
  /** Types with `branchClocks` (M10 联动): the partner acknowledges by this instant, and when it did. */
  ackDueAt?: string | null;
  ackedAt?: string | null;
  /** Which of the branch's own deadlines the sweeper has already reminded of (each once). */
  reminded?: BranchReminder[];
}

/** A branch's clocks: the acknowledgement (M10 联动, within hours) and the report back (every branch with a deadline). */
export type BranchReminder = 'ack' | 'report';

/** The state of one item as the lifecycle sees it. Instants are Dates; small embedded records carry ISO strings. */
export interface ItemState {
  id: string;
  type: string;
  status: ItemStatus;
  version: number;
  data: Record<string, unknown>;
  acceptInput: Record<string, unknown>;
  submitterId: string | null;
  enterpriseId: string | null;
  unitId: string;
  /** 首接首办: the first unit to receive the item stays its owner of record until a transfer is accepted. */
  firstUnitId: string;
  assigneeId: string | null;
  submittedAt: Date;
  acceptedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  acceptDueAt: Date | null;
  dueAt: Date | null;
  handleRule: DeadlineRule;
  provisional: boolean;
  pausedAt: Date | null;
  /** The status to return to when a supplement arrives. */
  pausedFrom: ItemStatus | null;
  /** Finished pauses of the handling clock (补正), ISO instants, so a deadline can be recomputed by replay. */
  pauses: { from: string; to: string }[];
  transferCount: number;
  pendingTransfer: PendingTransfer | null;
  extension: Extension | null;
  pendingAnswer: PendingAnswer | null;
  supervision: Supervision | null;
  rating: Rating | null;
  followUpRating: Rating | null;
  afterRating: AfterRating | null;
  reopenedAt: Date | null;
  branches: Branch[];
  answer: string | null;
  escalationStage: number;
}

export interface NewItem {
  id: string;
  type: ItemTypeDeclaration;
  data: Record<string, unknown>;
  submitterId: string | null;
  enterpriseId: string | null;
  unitId: string;
  now: Date;
  calendar: WorkCalendar;
}

/**
 * A freshly submitted item. `dueAt` is the handling deadline as if accepted at once;
 * acceptance recomputes it from the acceptance time.
 */
export function createItem(n: NewItem): ItemState {
  const accept = computeDeadline(n.calendar, n.type.clocks.accept.rule, n.now);
  const clock = handlingClock(n.type, n.data);
  const handle = computeDeadline(n.calendar, clock.rule, n.now);
  return {
    id: n.id,
    type: n.type.code,
    status: 'submitted',
    version: 1,
    data: n.data,
    acceptInput: {},
    submitterId: n.submitterId,
    enterpriseId: n.enterpriseId,
    unitId: n.unitId,
    firstUnitId: n.unitId,
    assigneeId: null,
    submittedAt: n.now,
    acceptedAt: null,
    answeredAt: null,
    closedAt: null,
    acceptDueAt: accept.due,
    dueAt: handle.due,
    handleRule: clock.rule,
    provisional: accept.provisional || handle.provisional,
    pausedAt: null,
    pausedFrom: null,
    pauses: [],
    transferCount: 0,
    pendingTransfer: null,
    extension: null,
    pendingAnswer: null,
    supervision: null,
    rating: null,
    followUpRating: null,
    afterRating: null,
    reopenedAt: null,
    branches: [],
    answer: null,
    escalationStage: 0,
  };
}

/** The deadline the unit is working against now, for sorting and colouring queues; null once the unit's part is done. */
export function activeDeadline(item: Pick<ItemState, 'status' | 'acceptDueAt' | 'dueAt'>): Date | null {
  if (item.status === 'submitted') return item.acceptDueAt;
  if (item.status === 'accepted' || item.status === 'in_progress' || item.status === 'awaiting_supplement') return item.dueAt;
  return null;
}
