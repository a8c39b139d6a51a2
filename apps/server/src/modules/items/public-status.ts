import { createHash, timingSafeEqual } from 'node:crypto';
import { activeDeadline, DomainError, formatShanghai, isOverdue, itemType } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { findItemByNumber, timelineOf } from './repository.ts';

/** The steps a complainant may see the dates of; notes, handlers and personal data never leave. */
const SHOWN_ACTIONS = new Set(['submit', 'accept', 'refuse', 'request-supplement', 'resume', 'answer', 'close', 'reopen']);

/**
 * `POST /public/items/status`: a 12389 complaint's status for whoever holds its number and query code (the code
 * given once on filing; only its hash is kept). A wrong number or code answers the same 404, so neither can be
 * probed; the answer is the status, the deadline and the dates of its steps.
 */
export async function publicItemStatus(ctx: AppContext, number: string, queryCode: string) {
  const row = await findItemByNumber(ctx.database.db, number.trim());
  const given = createHash('sha256').update(queryCode.trim().toLowerCase()).digest();
  const kept = row?.queryCodeHash ? Buffer.from(row.queryCodeHash, 'hex') : null;
  if (!row || !kept || kept.length !== given.length || !timingSafeEqual(kept, given)) throw new DomainError('query_code_mismatch', { kind: 'not-found' });
  const due = activeDeadline({ status: row.status as never, acceptDueAt: row.acceptDueAt, dueAt: row.dueAt });
  const steps = (await timelineOf(ctx.database.db, row.id)).filter((e) => SHOWN_ACTIONS.has(e.action));
  return {
    number: row.number,
    type: row.type,
    typeName: itemType(row.type)?.names ?? null,
    status: row.status,
    submittedAt: formatShanghai(row.submittedAt),
    dueAt: due ? formatShanghai(due) : null,
    overdue: isOverdue({ status: row.status, activeDueAt: due }, ctx.now()),
    steps: steps.map((e) => ({ action: e.action, at: formatShanghai(e.at) })),
  };
}
