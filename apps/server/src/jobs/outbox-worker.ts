import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';
import { configureChannels } from '../modules/notifications/channels.ts';
import { deliverNext } from '../modules/notifications/outbox.ts';
import { every } from './every.ts';

/** Rows one drain may deliver, so a long queue does not hold one tick for ever. */
const DRAIN = 200;

/**
 * Delivers due outbox rows one transaction each (claimed FOR UPDATE SKIP LOCKED), so a crash loses at most the
 * row in flight's commit. On PostgreSQL several lanes run at once; PGlite has one connection, so one lane.
 */
export async function drainOutbox(ctx: AppContext, limit = DRAIN): Promise<{ sent: number; retried: number; failed: number }> {
  const counts = { sent: 0, retried: 0, failed: 0 };
  const lanes = ctx.database.kind === 'postgres' ? 4 : 1;
  let budget = limit;
  const lane = async () => {
    while (budget > 0) {
      budget--;
      const r = await deliverNext(ctx.database.db, ctx.now());
      if (r === 'none') return;
      if (r === 'sent') counts.sent++;
      else if (r === 'retry') counts.retried++;
      else counts.failed++;
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return counts;
}

export function startOutboxWorker(ctx: AppContext, log: FastifyBaseLogger) {
  configureChannels(ctx.config);
  return every(ctx.config.outboxSeconds, 'outbox delivery', log, () => drainOutbox(ctx));
}
