import { DomainError, shanghaiDate } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { formatShanghai } from '@jqt/domain';
import { authorizeUnitWrite } from './policy.ts';
import { viewerOf } from './inspections.ts';
import * as repo from './repository.ts';

/** 护网演练 list of a year (the unit and readers). */
export async function drillList(ctx: AppContext, actor: UserActor, year: number | undefined) {
  const v = await viewerOf(ctx, actor);
  if (v.standing !== 'unit' && v.standing !== 'reader') throw new DomainError('cyber_unit_only', { kind: 'forbidden' });
  const y = year ?? Number(shanghaiDate(ctx.now()).slice(0, 4));
  const rows = await repo.drillParticipants(ctx.database.db, y);
  return { year: y, enterprises: rows.map((r) => ({ ...r, markedAt: formatShanghai(r.markedAt) })), abilities: { canMark: v.standing === 'unit' } };
}

/** Marks (or unmarks) an enterprise for a year's drill; idempotent, audited when it changed something. */
export async function setDrill(ctx: AppContext, actor: UserActor, year: number, enterpriseId: string, taking: boolean, ip: string) {
  const v = await viewerOf(ctx, actor);
  authorizeUnitWrite(v);
  const db = ctx.database.db;
  if (!(await repo.enterpriseName(db, enterpriseId))) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'enterpriseId', code: 'enterprise_unknown' }] });
  const now = ctx.now();
  await db.transaction(async (tx) => {
    const changed = taking ? await repo.markDrill(tx, { year, enterpriseId, markedBy: actor.id, markedAt: now }) : await repo.unmarkDrill(tx, year, enterpriseId);
    if (changed) await recordAudit(tx, { actor, action: taking ? 'cyber-drill.mark' : 'cyber-drill.unmark', subject: `enterprise:${enterpriseId}`, detail: { year }, ip, at: now });
  });
  return drillList(ctx, actor, year);
}
