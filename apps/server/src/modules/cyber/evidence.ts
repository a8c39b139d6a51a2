import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { mayReadInspection, standingOf } from './policy.ts';
import * as repo from './repository.ts';

/** Evidence of a finding's answer is readable by whoever may read the inspection (its unit, readers, the enterprise). */
export async function mayReadEvidence(ctx: AppContext, actor: UserActor, attachmentId: string): Promise<boolean> {
  const db = ctx.database.db;
  const i = await repo.inspectionWithEvidence(db, attachmentId);
  return !!i && mayReadInspection({ actor, standing: standingOf(actor, await repo.unitTypeOf(db, actor.unitId)) }, { ...i, status: '' });
}
