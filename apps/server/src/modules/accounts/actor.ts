import type { Actor, Role } from '@jqt/domain';

/** A signed-in user as every policy sees it. */
export interface UserActor extends Actor {
  id: string;
  role: Role;
  username: string;
  displayName: string;
  unitId: string | null;
  enterpriseId: string | null;
  via: 'session' | 'token';
}
export interface PublicActor extends Actor {
  id: null;
  role: 'public';
}
export type RequestActor = UserActor | PublicActor;

export const publicActor: PublicActor = { id: null, role: 'public' };

export function isUser(a: RequestActor): a is UserActor {
  return a.id !== null;
}
