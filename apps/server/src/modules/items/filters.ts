import { DomainError, endOfShanghaiDay, startOfShanghaiDay } from '@jqt/domain';
import type { ItemFilter } from './repository.ts';
import type { CountQuery } from './schemas.ts';

/**
 * The list's query string as the repository's filter (the status and the paging apart): the one reading of it for
 * the queue, its totals and its ledger, so an export selects what the list shows.
 */
export function itemFilterOf(q: CountQuery): Omit<ItemFilter, 'status'> {
  if (q.from && q.to && q.to < q.from) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'to', code: 'calendar_range_invalid', params: { from: q.from, to: q.to } }] });
  return {
    type: q.type,
    supervised: q.supervised === undefined ? undefined : q.supervised === 'true',
    listed: q.listed === undefined ? undefined : q.listed === 'true',
    overdue: q.overdue === 'true',
    rectifying: q.rectifying === 'true',
    unitId: q.unitId,
    packageId: q.packageId,
    q: q.q,
    submittedFrom: q.from ? startOfShanghaiDay(q.from) : undefined,
    submittedTo: q.to ? endOfShanghaiDay(q.to) : undefined,
  };
}
