import { DomainError } from '../errors.ts';

/**
 * A finding's life: open → answered (the enterprise sends its evidence) → closed (the unit verifies), or the unit
 * reopens it (reopened → answered again). Pure: the service persists the outcome.
 */
export type FindingStatus = 'open' | 'answered' | 'reopened' | 'closed';
export type FindingAction = 'answer' | 'verify' | 'reopen';

export const FINDING_STATUSES: readonly FindingStatus[] = ['open', 'answered', 'reopened', 'closed'];

const moves: Record<FindingAction, { from: readonly FindingStatus[]; to: FindingStatus }> = {
  answer: { from: ['open', 'reopened'], to: 'answered' },
  verify: { from: ['answered'], to: 'closed' },
  reopen: { from: ['answered'], to: 'reopened' },
};

/** The next status, or 422 `cyber_finding_not_in_status` when the action does not fit the current one. */
export function findingTransition(status: FindingStatus, action: FindingAction): FindingStatus {
  const m = moves[action];
  if (!m.from.includes(status)) throw new DomainError('cyber_finding_not_in_status', { kind: 'invalid', params: { status, action } });
  return m.to;
}

export const mayFindingMove = (status: FindingStatus, action: FindingAction) => moves[action].from.includes(status);

/** Waiting for the enterprise (open or reopened) past its rectification deadline. */
export function isFindingOverdue(f: { status: FindingStatus; dueAt: Date | null }, now: Date): boolean {
  return (f.status === 'open' || f.status === 'reopened') && !!f.dueAt && f.dueAt.getTime() < now.getTime();
}
