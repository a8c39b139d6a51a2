import type { ActorRole } from '../org/index.ts';

/** Who is acting, as the lifecycle needs to know it. */
export interface Actor {
  id: string | null;
  role: ActorRole;
  unitId?: string | null;
  enterpriseId?: string | null;
  /** A unit leader's units below their own (the server reads the unit tree); see `leaderScope`. */
  unitScope?: readonly string[] | null;
}

/**
 * The units whose items a unit leader oversees: their own and every unit below it (the server reads the tree
 * once per request into `actor.unitScope`). Null for anyone who is not a unit leader.
 */
export function leaderScope(actor: Actor): readonly string[] | null {
  if (actor.role !== 'unit-leader' || !actor.unitId) return null;
  const below = actor.unitScope ?? [];
  return below.includes(actor.unitId) ? below : [actor.unitId, ...below];
}
