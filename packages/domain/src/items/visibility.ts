import { allows, anyOf, everything, nothing, type Facts, type Visibility } from '../policy/visibility.ts';
import { leaderScope, type Actor } from './actor.ts';
import type { ItemState } from './item.ts';

/** The facts of an item that visibility names; the server keeps a column for each. */
export type ItemVisibilityField = 'enterpriseId' | 'submitterId' | 'unitId' | 'pendingUnitId' | 'branchUnitIds';

export function itemVisibilityFacts(item: ItemState): Facts<ItemVisibilityField> {
  return {
    enterpriseId: item.enterpriseId,
    submitterId: item.submitterId,
    unitId: item.unitId,
    pendingUnitId: item.pendingTransfer?.toUnitId ?? null,
    branchUnitIds: item.branches.map((b) => b.unitId),
  };
}

/** Which items an actor may see (SPEC §1), for one item and for lists alike. */
export function itemVisibility(actor: Actor): Visibility<ItemVisibilityField> {
  switch (actor.role) {
    case 'admin':
    case 'supervisor':
      return everything;
    case 'enterprise-admin':
    case 'enterprise-staff':
      return actor.enterpriseId ? anyOf({ field: 'enterpriseId', is: actor.enterpriseId }) : nothing;
    case 'applicant':
      return actor.id ? anyOf({ field: 'submitterId', is: actor.id }) : nothing;
    case 'officer':
    case 'unit-leader': {
      if (!actor.unitId) return nothing;
      const scope = leaderScope(actor);
      return anyOf(
        scope && scope.length > 1 ? { field: 'unitId', oneOf: scope } : { field: 'unitId', is: actor.unitId },
        { field: 'pendingUnitId', is: actor.unitId },
        { field: 'branchUnitIds', has: actor.unitId },
      );
    }
    case 'partner':
      return actor.unitId ? anyOf({ field: 'branchUnitIds', has: actor.unitId }) : nothing;
    case 'public':
      return nothing;
  }
}

/** Whether the actor may see the item at all (the server's list query reads the same `itemVisibility`). */
export function canSee(item: ItemState, actor: Actor): boolean {
  return allows(itemVisibility(actor), itemVisibilityFacts(item));
}
