import type { FastifyBaseLogger } from 'fastify';
import { and, asc, isNotNull, lte, eq } from 'drizzle-orm';
import { escalate, itemType } from '@jqt/domain';
import type { AppContext } from '../context.ts';
import { calendarOf } from '../modules/calendar/service.ts';
import { deliverNotices } from '../modules/items/notices.ts';
import { rowToState } from '../modules/items/repository.ts';
import { wake } from '../modules/items/service.ts';
import { itemEvents, items } from '../db/schema.ts';

const BATCH = 500;

/**
 * One sweep: claims due items with FOR UPDATE SKIP LOCKED, so two instances sweeping at once
 * never claim the same row, and each escalation is sent once.
 */
export async function sweepDeadlines(ctx: AppContext): Promise<{ escalated: number; notices: number }> {
  const now = ctx.now();
  const calendar = await calendarOf(ctx);
  let escalated = 0;
  let notices = 0;
  for (;;) {
    const batch = await ctx.database.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(items)
        .where(and(isNotNull(items.nextEscalationAt), lte(items.nextEscalationAt, now)))
        .orderBy(asc(items.nextEscalationAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const woken = new Set<string>();
      for (const row of rows) {
        const state = rowToState(row);
        const r = escalate(state, calendar, now);
        await tx.update(items).set({ escalationStage: r.stage, nextEscalationAt: r.nextAt }).where(eq(items.id, row.id));
        if (r.stage === state.escalationStage) continue;
        escalated += 1;
        await tx.insert(itemEvents).values({
          itemId: row.id,
          at: now,
          actorId: null,
          actorName: 'system',
          actorRole: 'system',
          action: 'escalate',
          fromStatus: row.status,
          toStatus: row.status,
          note: null,
          detail: { stage: r.stage, kinds: r.notices.map((n) => n.kind), type: itemType(row.type)?.code },
        });
        const users = await deliverNotices(tx, { ...state, number: row.number }, r.notices, now);
        users.forEach((u) => woken.add(u));
        notices += r.notices.length;
      }
      return { count: rows.length, woken };
    });
    await wake(ctx, [...batch.woken]);
    if (batch.count < BATCH) break;
  }
  return { escalated, notices };
}

export function startDeadlineSweeper(ctx: AppContext, log: FastifyBaseLogger) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await sweepDeadlines(ctx);
      if (r.escalated) log.info(r, 'deadline sweep');
    } catch (err) {
      log.error({ err }, 'deadline sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), ctx.config.sweepSeconds * 1000);
  void tick();
  return { stop: () => clearInterval(timer) };
}
