import type { WorkCalendar } from '../calendar/index.ts';
import type { Actor } from './actor.ts';
import type { ItemTypeDeclaration } from './item-type.ts';
import type { ItemState, ItemStatus } from './item.ts';

/** The actions of the item lifecycle and what one transition takes and gives (the steps are in ./steps). */
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
