import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { makeIdCard, makeUscc, type DistrictCode, type Role } from '@jqt/domain';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { seedReference } from '../src/db/seed/reference.ts';
import { hashPassword } from '../src/modules/accounts/passwords.ts';
import { insertEnterprise, insertUser } from '../src/modules/accounts/repository.ts';

export const PASSWORD = 'Test#pass2026';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const backend = process.env.DATABASE_URL ? 'postgres' : 'pglite';

const migrationsDir = new URL('../src/db/migrations', import.meta.url).pathname;

/** Template name changes when migrations change, so a stale template is never cloned. */
function templateName(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsDir).sort()) if (f.endsWith('.sql')) h.update(readFileSync(`${migrationsDir}/${f}`));
  // Reference data comes from every seed file but the demo's: a change to any of them makes a new template.
  const seedDir = new URL('../src/db/seed/', import.meta.url).pathname;
  for (const f of readdirSync(seedDir).sort()) if (f !== 'demo.ts') h.update(readFileSync(`${seedDir}/${f}`));
  return `jqt_tpl_${h.digest('hex').slice(0, 12)}`;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** On PostgreSQL: migrate and seed a template once, then clone it for each test file (fast, isolated). */
async function freshPostgres(url: string): Promise<{ database: Database; url: string }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const tpl = templateName();
  try {
    await admin.query('select pg_advisory_lock(7302)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [tpl]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${tpl}_build`).catch(async () => {
        await admin.query(`drop database ${tpl}_build`);
        await admin.query(`create database ${tpl}_build`);
      });
      const db = await openDatabase({ databaseUrl: withDatabase(url, `${tpl}_build`), dataDir: null });
      await seedReference({ database: db, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() });
      await db.close();
      await admin.query(`alter database ${tpl}_build rename to ${tpl}`);
    }
    const name = `jqt_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await admin.query(`create database ${name} template ${tpl}`);
    const own = withDatabase(url, name);
    return { database: await openDatabase({ databaseUrl: own, dataDir: null }), url: own };
  } finally {
    await admin.query('select pg_advisory_unlock(7302)');
    await admin.end();
  }
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Sets the server's clock; `undefined` returns it to real time. */
  setNow(d: Date | string | undefined): void;
  close(): Promise<void>;
  /** The test file's own PostgreSQL database, when running on PostgreSQL. */
  databaseUrl: string | null;
}

export async function makeTestApp(): Promise<TestApp> {
  let fixed: Date | undefined;
  const pgdb = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : null;
  const database = pgdb ? pgdb.database : await openDatabase({ databaseUrl: null, dataDir: null });
  const ctx: AppContext = { database, config: loadConfig({ NODE_ENV: 'test' }), now: () => fixed ?? new Date() };
  if (!process.env.DATABASE_URL) await seedReference(ctx);
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    databaseUrl: pgdb?.url ?? null,
    setNow: (d) => {
      fixed = d === undefined ? undefined : new Date(d);
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let hashed: Promise<string> | null = null;
const passwordHash = () => (hashed ??= hashPassword(PASSWORD));
let seq = 0;
const unique = (p: string) => `${p}${process.pid}x${++seq}x${Math.floor(Math.random() * 1e6)}`;

export async function buildEnterprise(ctx: AppContext, opts: { district?: DistrictCode } = {}) {
  const id = randomUUID();
  const uscc = makeUscc(Math.floor(Math.random() * 9e7) + seq++);
  await insertEnterprise(ctx.database.db, { id, uscc, name: unique('测试企业'), district: opts.district ?? 'zhangdian' });
  return { id, uscc };
}

export interface TestUser {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
  enterpriseId: string | null;
  cookie: string;
}

/** A user of a role, signed in (with TOTP where the role needs it); parents are created when not given. */
export async function buildUser(
  t: TestApp,
  role: Role,
  opts: { unitId?: string; enterpriseId?: string; district?: DistrictCode; signIn?: boolean } = {},
): Promise<TestUser> {
  const id = randomUUID();
  const username = unique(role.replace(/-/g, ''));
  let enterpriseId = opts.enterpriseId ?? null;
  if (!enterpriseId && role.startsWith('enterprise')) enterpriseId = (await buildEnterprise(t.ctx, { district: opts.district })).id;
  const unitId = opts.unitId ?? (['officer', 'unit-leader'].includes(role) ? 'zhangdian-branch' : role === 'partner' ? 'partner-kejiju' : role === 'supervisor' ? 'zb-liaison' : null);
  await insertUser(t.ctx.database.db, {
    id,
    username,
    passwordHash: await passwordHash(),
    role,
    displayName: username,
    unitId,
    enterpriseId,
    mobile: '13800000000',
    totpSecret: TOTP_SECRET,
  });
  const user = { id, username, role, unitId, enterpriseId, cookie: '' };
  if (opts.signIn !== false) user.cookie = await signIn(t, username, PASSWORD, role);
  return user;
}

export function totpNow(at: Date = new Date()): string {
  // generateTOTP reads the real clock; the server verifies against the real clock too.
  void at;
  return generateTOTP(decodeBase32IgnorePadding(TOTP_SECRET), 30, 6);
}

/**
 * A TOTP code for `username`, as if at a later moment: the server refuses a code of a time step already used
 * (issue 16), and tests sign one user in several times within 30 s, so the user's last accepted step is forgotten.
 */
export async function freshTotp(t: TestApp, username: string): Promise<string> {
  await t.ctx.database.rows(sql`update users set totp_last_step = null where username = ${username}`);
  return totpNow();
}

export async function signIn(t: TestApp, username: string, password: string, role?: Role): Promise<string> {
  const needsTotp = role ? ['officer', 'unit-leader', 'supervisor', 'admin'].includes(role) : true;
  const totp = needsTotp ? await freshTotp(t, username) : undefined;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.headers['set-cookie'];
  const cookie = (Array.isArray(set) ? set : [set]).find((c) => c?.startsWith('jqt_session='));
  return cookie!.split(';')[0];
}

/** inject with a user's cookie and JSON. */
export async function call(t: TestApp, user: TestUser | null, opts: InjectOptions & { headers?: Record<string, string> }) {
  const res = await t.app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...(user ? { cookie: user.cookie } : {}) } });
  let json: any = undefined;
  try {
    json = res.json();
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, json, headers: res.headers, body: res.body };
}

export const appealData = (over: Record<string, unknown> = {}) => ({
  category: 'policy',
  title: '咨询高新技术企业人才落户政策',
  content: '我公司新引进三名博士，想了解人才落户绿色通道如何办理。',
  contactName: '王经理',
  contactPhone: '13912345678',
  ...over,
});

/** A foreign-talent-permits form (M4): work permit and residence permit of one foreign expert. */
export const foreignTalentData = (over: Record<string, unknown> = {}) => ({
  fullName: 'Anna Schmidt',
  passportNumber: 'C01X00T47',
  nationality: 'Germany',
  dateOfBirth: '1988-04-02',
  employer: 'Zibo New Materials Co., Ltd.',
  position: 'Chief engineer',
  workPermitPreapproval: 'WP2026-000123',
  contactPhone: '13912345678',
  ...over,
});

/** An exit-entry-urgent form (M6): a passport needed in a hurry for a business trip. */
export const exitEntryUrgentData = (over: Record<string, unknown> = {}) => ({
  name: '钱经理',
  idNumber: makeIdCard('370303', '1980-01-02', 7),
  mobile: '13912345678',
  document: 'passport',
  destination: 'Germany',
  departureDate: '2099-01-05',
  employer: '淄博某机械有限公司',
  reason: '赴德国签订设备采购合同',
  ...over,
});

export async function submitAppeal(t: TestApp, user: TestUser, over: Record<string, unknown> = {}) {
  const r = await call(t, user, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData(over) } });
  if (r.status !== 201) throw new Error(`submit failed ${r.status} ${r.body}`);
  return r.json;
}

export async function act(t: TestApp, user: TestUser, item: { id: string; version: number }, action: string, fields: Record<string, unknown> = {}) {
  return call(t, user, { method: 'POST', url: `/api/v1/items/${item.id}/transitions`, payload: { action, version: item.version, ...fields } });
}
