/**
 * 审核 (issue 13 point 1): a unit's leaders choose the item types whose answers they review before they go out.
 * The lifecycle holds such an answer (`pendingAnswer`) until a leader of the unit, or of a unit above it, releases it.
 */
import { DomainError, itemType, leaderScope, type FieldError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import type { UserActor } from '../accounts/actor.ts';
import { findUnit, setUnitAnswerReviewTypes } from '../accounts/repository.ts';
import { recordAudit } from '../audit/service.ts';

/** The item types whose answers the unit reviews; none for an unknown unit. */
export async function answerReviewTypes(db: Queryable, unitId: string): Promise<string[]> {
  return (await findUnit(db, unitId))?.answerReviewTypes ?? [];
}

/** A leader of the unit or above it, or an admin, sets it; the unit's own staff and supervisors read it. */
function access(actor: UserActor, unitId: string): { read: boolean; edit: boolean } {
  const edit = actor.role === 'admin' || !!leaderScope(actor)?.includes(unitId);
  return { edit, read: edit || actor.role === 'supervisor' || actor.unitId === unitId };
}

export async function answerReviewOf(ctx: AppContext, actor: UserActor, unitId: string) {
  const unit = await findUnit(ctx.database.db, unitId);
  const may = access(actor, unitId);
  if (!unit || !may.read) throw new DomainError('not_found', { kind: 'not-found' });
  return { unitId, itemTypes: unit.answerReviewTypes, abilities: { canEdit: may.edit } };
}

export async function setAnswerReview(ctx: AppContext, actor: UserActor, unitId: string, itemTypes: string[], ip: string) {
  const db = ctx.database.db;
  const may = access(actor, unitId);
  if (!(await findUnit(db, unitId)) || !may.read) throw new DomainError('not_found', { kind: 'not-found' });
  if (!may.edit) throw new DomainError('forbidden', { kind: 'forbidden' });
  const errors: FieldError[] = [];
  itemTypes.forEach((code, i) => {
    if (!itemType(code)) errors.push({ path: `itemTypes.${i}`, code: 'item_type_unknown' });
    else if (itemTypes.indexOf(code) !== i) errors.push({ path: `itemTypes.${i}`, code: 'duplicate_entry' });
  });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const now = ctx.now();
  await db.transaction(async (tx) => {
    await setUnitAnswerReviewTypes(tx, unitId, itemTypes);
    await recordAudit(tx, { actor, action: 'unit.answer-review', subject: `unit:${unitId}`, detail: { itemTypes }, ip, at: now });
  });
  return answerReviewOf(ctx, actor, unitId);
}
