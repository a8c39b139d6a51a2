import { leaderScope, type Actor } from '../items/actor.ts';
import { anyOf, everything, nothing, type Visibility } from './visibility.ts';

export type BatchVisibilityField = 'enterpriseId' | 'unitId';

/** Which residence-permit batches (M5) an actor may see: the enterprise's own; the station's, or a leader's units'. */
export function batchVisibility(actor: Actor): Visibility<BatchVisibilityField> {
  switch (actor.role) {
    case 'admin':
    case 'supervisor':
      return everything;
    case 'enterprise-admin':
    case 'enterprise-staff':
      return actor.enterpriseId ? anyOf({ field: 'enterpriseId', is: actor.enterpriseId }) : nothing;
    case 'officer':
    case 'unit-leader': {
      if (!actor.unitId) return nothing;
      const scope = leaderScope(actor);
      return anyOf(scope && scope.length > 1 ? { field: 'unitId', oneOf: scope } : { field: 'unitId', is: actor.unitId });
    }
    default:
      return nothing;
  }
}
