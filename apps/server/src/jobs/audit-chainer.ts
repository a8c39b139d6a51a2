import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';
import { anchorHead } from '../modules/audit/anchor.ts';
import { chainPendingAudit } from '../modules/audit/service.ts';
import { every } from './every.ts';

/** Moves waiting audit records (personal-data views) into the hash chain every few seconds. */
export function startAuditChainer(ctx: AppContext, log: FastifyBaseLogger) {
  return every(5, 'audit chain', log, async () => ({ chained: await chainPendingAudit(ctx.database.db) }));
}

/**
 * Anchors the chain's head every minute it grew, and logs the signed head: the log leaves the database's host,
 * so it is the record a database superuser cannot reach (docs/operations.md).
 */
export function startAuditAnchor(ctx: AppContext, log: FastifyBaseLogger) {
  return every(60, 'audit anchor', log, async () => {
    const a = await anchorHead(ctx.database.db, ctx.config.auditSigningKey, ctx.now());
    if (a) log.info({ auditHead: { seq: a.seq, hash: a.hash, at: a.at.toISOString(), signature: a.signature } }, 'audit head anchored');
  });
}
