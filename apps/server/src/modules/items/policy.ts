import { canSee, itemVisibility, leaderScope, relationsOf, type Actor, type ItemState, type ItemVisibilityField } from '@jqt/domain';
import { items } from '../../db/schema.ts';
import { visibilityArms, visibilitySql, type ColumnsOf, type VisibilityArm } from '../../policy/visibility-sql.ts';
import type { UserActor } from '../accounts/actor.ts';

/**
 * Who may see which item, in one place: the domain's `itemVisibility` is the rule; this module gives it as the
 * in-memory check for one item (`canSee`) and as SQL for lists (`visibleTo`, `visibleArms`).
 */
const columns: ColumnsOf<ItemVisibilityField> = {
  enterpriseId: items.enterpriseId,
  submitterId: items.submitterId,
  unitId: items.unitId,
  pendingUnitId: items.pendingUnitId,
  branchUnitIds: items.branchUnitIds,
};

export { canSee };

/** The items an actor may see, as an SQL predicate; undefined means everything. */
export const visibleTo = (actor: UserActor) => visibilitySql(itemVisibility(actor), columns);

/** The same, as the arms of an OR, so a queue can read each through its own index. */
export const visibleArms = (actor: UserActor): VisibilityArm[] | undefined => visibilityArms(itemVisibility(actor), columns);

/** Full phone and ID numbers: for the submitter and the unit that owns the item; masked for everyone else (PIPL). */
export function seesPersonalData(state: ItemState, actor: Actor): boolean {
  const r = relationsOf(state, actor);
  return r.has('submitter') || r.has('owner-unit');
}

/**
 * The units whose own items an actor answers for in statistics (the dashboard's rule): the city (null) for
 * supervisors and admins, a leader's unit and every unit below it, otherwise the actor's own unit.
 */
export function overseenUnits(actor: UserActor): readonly string[] | null {
  if (actor.role === 'supervisor' || actor.role === 'admin') return null;
  return leaderScope(actor) ?? (actor.unitId ? [actor.unitId] : []);
}
