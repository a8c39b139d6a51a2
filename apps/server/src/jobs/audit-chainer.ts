import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';
import { chainPendingAudit } from '../modules/audit/service.ts';
import { every } from './every.ts';

/** Moves waiting audit records (personal-data views) into the hash chain every few seconds. */
export function startAuditChainer(ctx: AppContext, log: FastifyBaseLogger) {
  return every(5, 'audit chain', log, async () => ({ chained: await chainPendingAudit(ctx.database.db) }));
}
