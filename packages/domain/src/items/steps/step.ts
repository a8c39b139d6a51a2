import type { WorkCalendar } from '../../calendar/index.ts';
import { DomainError, type ErrorKind } from '../../errors.ts';
import type { Form } from '../form.ts';
import type { ItemTypeDeclaration } from '../item-type.ts';
import type { ItemState } from '../item.ts';
import type { ItemAction, Notice, TransitionContext, TransitionResult } from '../transition-types.ts';

/** What one action's step reads (the item before, the checked fields) and where it writes (next, notices, detail). */
export interface StepInput {
  item: ItemState;
  action: ItemAction;
  /** The action's fields, checked against its form. */
  v: Record<string, unknown>;
  noteText: string | null;
  now: Date;
  iso: string;
  cal: WorkCalendar;
  ctx: TransitionContext;
  next: ItemState;
  notices: Notice[];
  detail: Record<string, unknown>;
  answerForm: ItemTypeDeclaration['answerForm'];
  answerFields: Record<string, unknown>;
  /** A handler takes the item (an assignment, or the specialist on acceptance); an accepted item is then in progress. */
  assignTo(assigneeId: string | null): void;
  /** The whole step again for another action (a released review goes out as the answer it is). */
  reapply(item: ItemState, action: ItemAction, input: unknown, ctx: TransitionContext): TransitionResult;
}

/** A step writes into its input; one that ends differently (an answer held for review, a released one) returns the result. */
export type Step = (s: StepInput) => TransitionResult | void;

export function fail(code: string, kind: ErrorKind = 'invalid', params?: Record<string, unknown>): never {
  throw new DomainError(code, { kind, ...(params ? { params } : {}) });
}

/** The values of a form's own fields, in the form's order. */
export function pick(value: Record<string, unknown>, form: Form): Record<string, unknown> {
  return Object.fromEntries(form.filter((f) => value[f.name] !== undefined).map((f) => [f.name, value[f.name]]));
}
