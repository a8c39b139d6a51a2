import { randomUUID } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { checkMobile, checkUscc, DomainError, formatShanghai, isDistrict, isIndustry, staffRoles, totpRoles, type ErrorKind, type FieldError, type Role } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { recordAudit, recordAuditAlone } from '../audit/service.ts';
import { publicActor, type RequestActor, type UserActor } from './actor.ts';
import { hashPassword, newSecret, passwordProblems, sha256, verifyPassword, totpStep } from './passwords.ts';
import * as repo from './repository.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const IDLE_MINUTES = 30;
export const TOKEN_DAYS = 90;
/** Staff passwords expire after this many days (等保 2.0 rotation policy, SPEC §9). */
export const PASSWORD_MAX_AGE_DAYS = 90;

/**
 * Whether the user must change their password now: a temporary one set by an administrator, or a staff password
 * older than the rotation policy allows (enterprise passwords never expire).
 */
export function passwordExpired(u: { role: string; passwordChangedAt: Date; mustChangePassword?: boolean }, now: Date): boolean {
  if (u.mustChangePassword) return true;
  return staffRoles.includes(u.role as Role) && now.getTime() - u.passwordChangedAt.getTime() > PASSWORD_MAX_AGE_DAYS * 86400_000;
}

export function toActor(u: repo.UserRow, via: 'session' | 'token'): UserActor {
  return {
    id: u.id,
    role: u.role as Role,
    username: u.username,
    displayName: u.displayName,
    unitId: u.unitId,
    enterpriseId: u.enterpriseId,
    via,
  };
}

export async function login(ctx: AppContext, input: { username: string; password: string; totp?: string; stepwise?: boolean }, ip: string) {
  const db = ctx.database.db;
  const now = ctx.now();
  const user = await repo.findUserByUsername(db, input.username);
  const deny = async (code: string, kind: ErrorKind = 'unauthenticated', params?: Record<string, unknown>) => {
    await recordAuditAlone(db, { actor: publicActor, action: 'login.failed', subject: `user:${input.username}`, detail: { reason: code }, ip, at: now });
    throw new DomainError(code, { kind, ...(params ? { params } : {}) });
  };
  if (!user || user.disabled) {
    // Same cost as a real check, so response time does not tell which usernames exist.
    await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Jz1S5pGeT8pRDVmS5u3Bg', input.password);
    return deny('invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    return deny('account_locked', 'locked', { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000) });
  }
  if (ctx.config.env === 'production' && user.isDemo) return deny('demo_account_disabled', 'forbidden');
  const fail = async (code: string) => {
    await repo.recordFailedLogin(db, user.id, now, MAX_FAILED_LOGINS, new Date(now.getTime() + LOCK_MINUTES * 60000));
    return deny(code);
  };
  if (!(await verifyPassword(user.passwordHash, input.password))) return fail('invalid_credentials');
  if (totpRoles.includes(user.role as Role)) {
    if (!input.totp) {
      // the web form's first step: not a failure, so neither a 401 nor a failed-login record
      if (input.stepwise) return { totpRequired: true as const };
      return deny('totp_required');
    }
    // The authenticator runs on real time, whatever the server's (possibly pretended) clock says.
    const step = user.totpSecret ? totpStep(user.totpSecret, input.totp, Date.now()) : null;
    // A replayed code (its step already used) gets the same answer as a wrong one (issue 16).
    if (step === null || !(await repo.claimTotpStep(db, user.id, step))) return fail('totp_invalid');
  }
  const token = newSecret();
  await ctx.database.db.transaction(async (tx) => {
    await repo.resetFailedLogins(tx, user.id);
    await repo.insertSession(tx, {
      id: sha256(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ctx.config.sessionHours * 3600_000),
    });
    await recordAudit(tx, { actor: toActor(user, 'session'), action: 'login', subject: `user:${user.id}`, ip, at: now });
  });
  return { token, user: toActor(user, 'session'), passwordExpired: passwordExpired(user, now) };
}

/** Whether the signed-in user must change their password now (shown by the web app until they do). */
export async function mustChangePassword(ctx: AppContext, actor: UserActor): Promise<boolean> {
  const u = await repo.findUser(ctx.database.db, actor.id);
  return !!u && passwordExpired(u, ctx.now());
}

/**
 * A user changes their own password: the current one is checked, the new one must meet the policy and differ;
 * every other session of the user ends (a stolen session does not survive the change). Audited.
 */
export async function changePassword(
  ctx: AppContext,
  actor: UserActor,
  input: { currentPassword: string; newPassword: string },
  sessionToken: string | null,
  ip: string,
) {
  const db = ctx.database.db;
  const user = await repo.findUser(db, actor.id);
  if (!user) throw new DomainError('unauthenticated', { kind: 'unauthenticated' });
  const errors: FieldError[] = [];
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) errors.push({ path: 'currentPassword', code: 'password_current_wrong' });
  errors.push(...passwordProblems(input.newPassword).map((code) => ({ path: 'newPassword', code })));
  if (input.newPassword === input.currentPassword) errors.push({ path: 'newPassword', code: 'password_reused' });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const now = ctx.now();
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updatePassword(tx, user.id, hash, now);
    await repo.deleteOtherSessions(tx, user.id, sessionToken ? sha256(sessionToken) : null);
    await recordAudit(tx, { actor, action: 'user.password', subject: `user:${user.id}`, ip, at: now });
  });
  return { passwordChangedAt: formatShanghai(now) };
}

export async function logout(ctx: AppContext, token: string) {
  await repo.deleteSession(ctx.database.db, sha256(token));
}

/** The actor behind a session cookie, or null when the session is unknown, expired or idle too long. */
export async function actorFromSession(ctx: AppContext, token: string): Promise<UserActor | null> {
  const now = ctx.now();
  const id = sha256(token);
  const r = await ctx.database.db.transaction(async (tx) => repo.userBySession(tx, id, now));
  if (!r || r.user.disabled) return null;
  if (now.getTime() - r.lastSeenAt.getTime() > IDLE_MINUTES * 60000) return null;
  // Touch at most once a minute: a write per request would make every read a write.
  if (now.getTime() - r.lastSeenAt.getTime() > 60_000) await repo.touchSession(ctx.database.db, id, now);
  return withUnitScope(ctx, toActor(r.user, 'session'));
}

export async function actorFromToken(ctx: AppContext, token: string): Promise<UserActor | null> {
  const u = await repo.userByToken(ctx.database.db, sha256(token), ctx.now());
  return u && !u.disabled ? withUnitScope(ctx, toActor(u, 'token')) : null;
}

/**
 * A unit leader oversees the units below their own (issue 13): the tree is read once per request into
 * `unitScope`, so every visibility check and list of the request is plain data. Other roles read nothing more.
 */
export async function withUnitScope(ctx: AppContext, actor: UserActor): Promise<UserActor> {
  if (actor.role !== 'unit-leader' || !actor.unitId) return actor;
  return { ...actor, unitScope: await repo.unitsBelow(ctx.database.db, actor.unitId) };
}

export async function createToken(ctx: AppContext, actor: UserActor, name: string, ip: string) {
  const token = `jqt_${newSecret()}`;
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + TOKEN_DAYS * 86400_000);
  await ctx.database.db.transaction(async (tx) => {
    await repo.insertToken(tx, { id: randomUUID(), tokenHash: sha256(token), userId: actor.id, name, createdAt: now, expiresAt });
    await recordAudit(tx, { actor, action: 'token.create', subject: `user:${actor.id}`, detail: { name }, ip, at: now });
  });
  return { token, name, expiresAt: formatShanghai(expiresAt) };
}

const USERNAME = /^[a-zA-Z0-9_.-]{3,32}$/;

/** The rules on a new account's own fields (the shape and lengths are checked by the route schema). */
function accountProblems(input: { username: string; password: string; mobile?: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (!USERNAME.test(input.username)) errors.push({ path: 'username', code: 'username_invalid' });
  errors.push(...passwordProblems(input.password).map((code) => ({ path: 'password', code })));
  if (input.mobile !== undefined && input.mobile !== null) {
    const mobile = checkMobile(input.mobile);
    if (!mobile.valid) errors.push(...mobile.errors.map((e) => ({ path: 'mobile', code: e.code, params: e.params })));
  }
  return errors;
}

/**
 * A unique-index violation (PostgreSQL 23505) that raced past the checks above (two requests at once), as the
 * field error the checks would have given; anything else is rethrown.
 */
function raceToFieldError(e: unknown, fields: Record<string, FieldError>): never {
  const err = ((e as { cause?: unknown }).cause ?? e) as { code?: string; constraint?: string; detail?: string };
  if (String(err?.code) === '23505') {
    const where = `${err.constraint ?? ''} ${err.detail ?? ''}`;
    const hit = Object.entries(fields).find(([column]) => where.includes(column));
    if (hit) throw new DomainError('validation_failed', { kind: 'invalid', errors: [hit[1]] });
  }
  throw e;
}

/** Units are required for the roles that work inside one (officers, their leaders, partner departments). */
const needsUnit = (role: Role) => ['officer', 'unit-leader', 'partner'].includes(role);

export interface EnterpriseRegistration {
  uscc: string;
  name: string;
  district: string;
  industry: string;
  address?: string;
  username: string;
  password: string;
  displayName: string;
  mobile: string;
}

/** An enterprise registers itself and its first admin user, in one transaction. */
export async function registerEnterprise(ctx: AppContext, input: EnterpriseRegistration, ip: string) {
  const db = ctx.database.db;
  const errors: FieldError[] = [];
  const uscc = checkUscc(input.uscc);
  if (!uscc.valid) errors.push(...uscc.errors.map((e) => ({ path: 'uscc', code: e.code, params: e.params })));
  if (!isDistrict(input.district)) errors.push({ path: 'district', code: 'not_in_options' });
  if (!isIndustry(input.industry)) errors.push({ path: 'industry', code: 'not_in_options' });
  errors.push(...accountProblems(input));
  const normalized = uscc.normalized ?? input.uscc;
  if (uscc.valid && (await repo.findEnterpriseByUscc(db, normalized))) errors.push({ path: 'uscc', code: 'uscc_registered' });
  if (USERNAME.test(input.username) && (await repo.findUserByUsername(db, input.username))) errors.push({ path: 'username', code: 'username_taken' });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const now = ctx.now();
  const enterpriseId = randomUUID();
  const userId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await repo.insertEnterprise(tx, { id: enterpriseId, uscc: normalized, name: input.name, district: input.district, industry: input.industry, address: input.address ?? '', createdAt: now });
    await repo.insertUser(tx, {
      id: userId,
      username: input.username,
      passwordHash,
      role: 'enterprise-admin',
      displayName: input.displayName,
      enterpriseId,
      mobile: input.mobile,
      createdAt: now,
      passwordChangedAt: now,
    });
    await recordAudit(tx, { actor: publicActor, action: 'enterprise.register', subject: `enterprise:${enterpriseId}`, detail: { uscc: normalized, userId }, ip, at: now });
  }).catch((e: unknown) => raceToFieldError(e, { uscc: { path: 'uscc', code: 'uscc_registered' }, username: { path: 'username', code: 'username_taken' } }));
  return { enterpriseId, userId, uscc: normalized };
}

export async function createUser(
  ctx: AppContext,
  actor: UserActor,
  input: { username: string; password: string; displayName: string; role: Role; unitId?: string | null; enterpriseId?: string | null; mobile?: string | null },
  ip: string,
) {
  const db = ctx.database.db;
  const errors: FieldError[] = accountProblems(input);
  if (needsUnit(input.role) && !input.unitId) errors.push({ path: 'unitId', code: 'required' });
  if (input.unitId && !(await repo.findUnit(db, input.unitId))) errors.push({ path: 'unitId', code: 'unit_not_found' });
  if (input.role.startsWith('enterprise') && !input.enterpriseId) errors.push({ path: 'enterpriseId', code: 'required' });
  if (input.enterpriseId && !(await repo.findEnterprise(db, input.enterpriseId))) errors.push({ path: 'enterpriseId', code: 'enterprise_not_found' });
  if (USERNAME.test(input.username) && (await repo.findUserByUsername(db, input.username))) errors.push({ path: 'username', code: 'username_taken' });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const id = randomUUID();
  const now = ctx.now();
  const totpSecret = totpRoles.includes(input.role) ? randomBase32() : null;
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await repo.insertUser(tx, {
      id,
      username: input.username,
      passwordHash,
      role: input.role,
      displayName: input.displayName,
      unitId: input.unitId ?? null,
      enterpriseId: input.enterpriseId ?? null,
      mobile: input.mobile ?? null,
      totpSecret,
      createdAt: now,
      passwordChangedAt: now,
    });
    await recordAudit(tx, { actor, action: 'user.create', subject: `user:${id}`, detail: { role: input.role, unitId: input.unitId ?? null }, ip, at: now });
  }).catch((e: unknown) => raceToFieldError(e, { username: { path: 'username', code: 'username_taken' } }));
  return { id, totpSecret };
}

export async function changeRole(ctx: AppContext, actor: UserActor, userId: string, role: Role, unitId: string | null, ip: string) {
  const db = ctx.database.db;
  const user = await repo.findUser(db, userId);
  if (!user) throw new DomainError('not_found', { kind: 'not-found' });
  const errors: FieldError[] = [];
  if (needsUnit(role) && !unitId) errors.push({ path: 'unitId', code: 'required' });
  if (unitId && !(await repo.findUnit(db, unitId))) errors.push({ path: 'unitId', code: 'unit_not_found' });
  if (role.startsWith('enterprise') && !user.enterpriseId) errors.push({ path: 'role', code: 'enterprise_not_found' });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  // A user moved into a role that signs in with TOTP gets a secret, or could never sign in again.
  const totpSecret = totpRoles.includes(role) && !user.totpSecret ? randomBase32() : undefined;
  const now = ctx.now();
  await db.transaction(async (tx) => {
    await repo.updateUserRole(tx, userId, role, unitId, totpSecret);
    await recordAudit(tx, { actor, action: 'user.role', subject: `user:${userId}`, detail: { from: user.role, to: role, unitId, totpIssued: !!totpSecret }, ip, at: now });
  });
  return { id: userId, role, unitId, ...(totpSecret ? { totpSecret } : {}) };
}

/** A TOTP secret: 20 random bytes (RFC 4226's recommended 160 bits) as 32 base32 characters, which decode without padding. */
function randomBase32(): string {
  return encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

/** `GET /units`: every police unit and partner department. */
export async function listUnits(ctx: AppContext) {
  return repo.listUnits(ctx.database.db);
}

/** `GET /admin/users`: one page of users by username, and the cursor of the next page (null on the last). */
export async function listUsers(ctx: AppContext, limit: number, cursor: string | null) {
  const rows = await repo.listUsers(ctx.database.db, limit + 1, cursor);
  const users = rows.slice(0, limit);
  return { users, nextCursor: rows.length > limit ? users[users.length - 1].username : null };
}

export type { RequestActor };
