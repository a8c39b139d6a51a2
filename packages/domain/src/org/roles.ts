/** The roles of SPEC §1. `public` is the anonymous visitor, never stored on a user. */
export const roles = [
  'enterprise-admin',
  'enterprise-staff',
  'applicant',
  'officer',
  'unit-leader',
  'supervisor',
  'partner',
  'admin',
] as const;
export type Role = (typeof roles)[number];
export type ActorRole = Role | 'public';

/** Roles that must sign in with a TOTP second factor (SPEC §9). */
export const totpRoles: readonly Role[] = ['officer', 'unit-leader', 'supervisor', 'admin'];
export const enterpriseRoles: readonly Role[] = ['enterprise-admin', 'enterprise-staff'];
export const staffRoles: readonly Role[] = ['officer', 'unit-leader', 'supervisor', 'admin', 'partner'];
/** Roles that handle items inside a unit. */
export const unitRoles: readonly Role[] = ['officer', 'unit-leader'];

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (roles as readonly string[]).includes(x);
}
