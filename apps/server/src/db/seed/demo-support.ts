import type { Queryable } from '../client.ts';
import type { UserActor } from '../../modules/accounts/actor.ts';
import { findUserByUsername } from '../../modules/accounts/repository.ts';

/** A demo user as the services see a signed-in actor; the demo modules act through the real use cases. */
export async function demoActor(db: Queryable, username: string): Promise<UserActor> {
  const u = await findUserByUsername(db, username);
  if (!u) throw new Error(`the demo needs the demo user ${username}`);
  return { id: u.id, role: u.role as UserActor['role'], username: u.username, displayName: u.displayName, unitId: u.unitId, enterpriseId: u.enterpriseId, via: 'session' };
}
