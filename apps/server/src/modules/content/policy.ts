import type { UserActor } from '../accounts/actor.ts';

export const publicationStatuses = ['draft', 'published', 'unpublished'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];

/** Supervisors (警企联络办) and admins see every unit's texts; officers and leaders their own unit's. */
export const seesAll = (actor: UserActor): boolean => actor.role === 'supervisor' || actor.role === 'admin';

export function maySee(actor: UserActor, p: { unitId: string | null }): boolean {
  if (seesAll(actor)) return true;
  return (actor.role === 'officer' || actor.role === 'unit-leader') && !!actor.unitId && p.unitId === actor.unitId;
}

/** What the viewer may do with a text, sent with it so the browser's buttons follow the server (only supervisors publish). */
export function publicationAbilities(actor: UserActor, p: { status: string }) {
  const supervisor = actor.role === 'supervisor';
  return {
    canPublish: supervisor && (p.status === 'draft' || p.status === 'unpublished'),
    canUnpublish: supervisor && p.status === 'published',
  };
}
