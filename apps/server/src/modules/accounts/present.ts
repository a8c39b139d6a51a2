import { maskMobile } from '@jqt/domain';
import type { UserActor } from './actor.ts';
import type { UserRow } from './repository.ts';

export function presentActor(a: UserActor) {
  return { id: a.id, username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, enterpriseId: a.enterpriseId };
}

/** A user in an admin list: never the hash or the TOTP secret; the mobile masked (PIPL). */
export function presentUser(u: UserRow, now: Date) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    enterpriseId: u.enterpriseId,
    mobile: u.mobile ? maskMobile(u.mobile) : null,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    disabled: u.disabled,
    /** A temporary password set by an administrator, not yet replaced. */
    mustChangePassword: u.mustChangePassword,
  };
}
