import type { FastifyBaseLogger } from 'fastify';
import { and, asc, isNotNull, lte } from 'drizzle-orm';
import { escalate, itemType } from '@jqt/domain';
import type { AppContext } from '../context.ts';
import { calendarOf } from '../modules/calendar/service.ts';
import { deliverNoticesMany } from '../modules/items/notices.ts';
import { rowToState, setEscalations } from '../modules/items/repository.ts';
import { wake } from '../modules/items/service.ts';
import { escalateUnacknowledgedWarnings } from '../modules/prevention/warnings.ts';
import { escalateOverdueFindings } from '../modules/cyber/findings.ts';
import { remindDueFollowUps } from '../modules/prevention/disputes.ts';
import { itemEvents, items } from '../db/schema.ts';
import { every } from './every.ts';

const BATCH = 500;

/**
 * One sweep: claims due items with FOR UPDATE SKIP LOCKED, so two instances sweeping at once
 * never claim the same row, and each escalation is sent once.
 */
export async function sweepDeadlines(ctx: AppContext): Promise<{ escalated: number; notices: number; warnings: number; cyberFindings: number; disputeReminders: number }> {
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
      const moves = rows.map((row) => ({ row, state: rowToState(row) })).map((m) => ({ ...m, r: escalate(m.state, calendar, now) }));
      // One statement each for the stage updates, the timeline events and the notices of the whole batch.
      const supervisionMoved = (m: (typeof moves)[number]) => (m.r.supervision?.stage ?? 0) !== (m.state.supervision?.stage ?? 0);
      const branchesMoved = (m: (typeof moves)[number]) => m.r.branches !== m.state.branches;
      await setEscalations(
        tx,
        moves.map((m) => ({ id: m.row.id, stage: m.r.stage, nextAt: m.r.nextAt, ...(supervisionMoved(m) ? { supervision: m.r.supervision } : {}), ...(branchesMoved(m) ? { branches: m.r.branches } : {}) })),
      );
      const raised = moves.filter((m) => m.r.stage !== m.state.escalationStage || supervisionMoved(m) || branchesMoved(m));
      if (raised.length) {
        await tx.insert(itemEvents).values(
          raised.map(({ row, r }) => ({
            itemId: row.id,
            at: now,
            actorId: null,
            actorName: 'system',
            actorRole: 'system',
            action: 'escalate',
            fromStatus: row.status,
            toStatus: row.status,
            note: null,
            detail: { stage: r.stage, ...(r.supervision?.stage ? { supervisionStage: r.supervision.stage } : {}), kinds: r.notices.map((n) => n.kind), type: itemType(row.type)?.code },
          })),
        );
      }
      const woken = await deliverNoticesMany(tx, raised.map(({ row, state, r }) => ({ item: { ...state, number: row.number }, notices: r.notices })), now);
      escalated += raised.length;
      notices += raised.reduce((n, { r }) => n + r.notices.length, 0);
      return { count: rows.length, woken };
    });
    await wake(ctx, batch.woken);
    if (batch.count < BATCH) break;
  }
  // 风险预警 (M15): unacknowledged after 3 working days, to the enterprise's liaison officer.
  const warnings = await escalateUnacknowledgedWarnings(ctx);
  await wake(ctx, warnings.woken);
  // 网络安全检查 (M16): findings unanswered past their rectification deadline, to the unit's leaders.
  const findings = await escalateOverdueFindings(ctx);
  await wake(ctx, findings.woken);
  // 矛盾纠纷排查 (M15): on a dispute's follow-up day, to the enterprise's liaison officer.
  const disputes = await remindDueFollowUps(ctx);
  await wake(ctx, disputes.woken);
  return { escalated, notices, warnings: warnings.escalated, cyberFindings: findings.escalated, disputeReminders: disputes.reminded };
}

export function startDeadlineSweeper(ctx: AppContext, log: FastifyBaseLogger) {
  return every(ctx.config.sweepSeconds, 'deadline sweep', log, () => sweepDeadlines(ctx));
}
