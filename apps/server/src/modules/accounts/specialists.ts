/**
 * 服务专员 (M3): a window designates the staff who serve talent applicants one to one; an item of a type that
 * assigns a specialist on acceptance goes to one of them. Kept in the settings store, one key per unit.
 */
import { DomainError, leaderScope, type FieldError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { getSetting, putSetting } from '../../db/settings.ts';
import { recordAudit } from '../audit/service.ts';
import type { UserActor } from './actor.ts';
import * as repo from './repository.ts';

const keyOf = (unitId: string) => `unit-specialists:${unitId}`;
const handlerRoles = ['officer', 'unit-leader'];

export async function specialistsOf(db: Queryable, unitId: string): Promise<string[]> {
  const raw = await getSetting(db, keyOf(unitId));
  return raw ? (JSON.parse(raw) as string[]) : [];
}

/**
 * The specialist for an item: spread over the unit's specialists by the item's id (stable for the item, even
 * across instances, with no count of anyone's queue), skipping any no longer active in the unit.
 */
export async function pickSpecialist(db: Queryable, unitId: string, itemId: string): Promise<string | undefined> {
  const active = new Set(await repo.userIdsInUnit(db, unitId, handlerRoles));
  const ids = (await specialistsOf(db, unitId)).filter((id) => active.has(id));
  if (!ids.length) return undefined;
  const spread = [...itemId.replace(/-/g, '')].reduce((h, c) => (h * 31 + parseInt(c, 16)) % 1_000_003, 7);
  return ids[spread % ids.length];
}

/** A unit's handling staff, for choosing an assignee; staff see only their own unit. */
export async function unitStaff(ctx: AppContext, actor: UserActor, unitId: string) {
  const leadership = actor.role === 'supervisor' || actor.role === 'admin';
  // A unit leader assigns items of the units below theirs too (issue 13): their staff lists are theirs to see.
  if (!leadership && actor.unitId !== unitId && !leaderScope(actor)?.includes(unitId)) throw new DomainError('not_found', { kind: 'not-found' });
  if (!(await repo.findUnit(ctx.database.db, unitId))) throw new DomainError('not_found', { kind: 'not-found' });
  const [staff, specialists] = await Promise.all([repo.staffOfUnit(ctx.database.db, unitId, handlerRoles), specialistsOf(ctx.database.db, unitId)]);
  return { staff: staff.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, specialist: specialists.includes(u.id) })) };
}

/** An admin names the unit's specialists: each must be active handling staff of that unit. */
export async function setSpecialists(ctx: AppContext, actor: UserActor, unitId: string, userIds: string[], ip: string) {
  const db = ctx.database.db;
  if (!(await repo.findUnit(db, unitId))) throw new DomainError('not_found', { kind: 'not-found' });
  const staff = new Set(await repo.userIdsInUnit(db, unitId, handlerRoles));
  const errors: FieldError[] = [];
  userIds.forEach((id, i) => {
    if (!staff.has(id)) errors.push({ path: `userIds.${i}`, code: 'assignee_not_in_unit' });
    else if (userIds.indexOf(id) !== i) errors.push({ path: `userIds.${i}`, code: 'specialist_listed_twice' });
  });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const now = ctx.now();
  await db.transaction(async (tx) => {
    await putSetting(tx, keyOf(unitId), JSON.stringify(userIds), now);
    await recordAudit(tx, { actor, action: 'unit.specialists', subject: `unit:${unitId}`, detail: { userIds }, ip, at: now });
  });
  return unitStaff(ctx, actor, unitId);
}
