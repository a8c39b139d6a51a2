import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { MAX_FAILED_LOGINS } from '../src/modules/accounts/service.ts';
import { appealData, buildUser, call, makeTestApp, PASSWORD, type TestApp } from './helpers.ts';

/**
 * Issue 18 point 3: the limits that guard accounts and forms hold for the whole deployment, not per process —
 * sign-in attempts, the anonymous forms, lockout and idempotency keys are kept in the database, so a second
 * instance on the same PostgreSQL sees what the first counted.
 */
let a: TestApp;
let b: TestApp | null = null;
const onPostgres = !!process.env.DATABASE_URL;

/** Another server instance on the same database: its own app, pool and memory, as behind a load balancer. */
async function secondInstance(first: TestApp): Promise<TestApp> {
  const database = await openDatabase({ databaseUrl: first.databaseUrl!, dataDir: null });
  const ctx = { database, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() };
  const app = await buildApp(ctx);
  await app.ready();
  return { app, ctx, databaseUrl: first.databaseUrl, setNow: () => {}, close: async () => { await app.close(); await database.close(); } };
}
const login = (t: TestApp, username: string, password: string, ip = '203.0.113.7') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
const status = (t: TestApp, ip: string) => t.app.inject({ method: 'POST', url: '/api/v1/public/items/status', payload: { number: 'JQ0', queryCode: 'nope' }, remoteAddress: ip });

before(async () => {
  a = await makeTestApp();
  if (onPostgres) b = await secondInstance(a);
});
after(async () => {
  await b?.close();
  await a.close();
});

test('sign-in attempts are counted in the database: the 31st in a minute is refused, and the count is stored', async () => {
  const ip = '198.51.100.31';
  for (let i = 0; i < 30; i++) assert.notEqual((await login(a, 'nobody-here', 'wrong', ip)).statusCode, 429, `attempt ${i + 1}`);
  const refused = await login(a, 'nobody-here', 'wrong', ip);
  assert.equal(refused.statusCode, 429);
  assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
  const rows = (await a.ctx.database.rows(sql`select max(count)::int as n from rate_limit_counters`)) as { n: number }[];
  assert.equal(rows[0].n, 31);
  // Another address is counted on its own.
  assert.notEqual((await login(a, 'nobody-here', 'wrong', '198.51.100.32')).statusCode, 429);
});

test('two instances share the sign-in limit and the 12389 status look-up limit', { skip: onPostgres ? false : 'two instances need one PostgreSQL (DATABASE_URL)' }, async () => {
  const ip = '198.51.100.77';
  for (let i = 0; i < 30; i++) assert.notEqual((await login(i % 2 ? b! : a, 'nobody-else', 'wrong', ip)).statusCode, 429, `attempt ${i + 1}`);
  assert.equal((await login(b!, 'nobody-else', 'wrong', ip)).statusCode, 429, 'the second instance counts the first one’s attempts');
  assert.equal((await login(a, 'nobody-else', 'wrong', ip)).statusCode, 429);
  const lookups = '198.51.100.78';
  for (let i = 0; i < 20; i++) assert.notEqual((await status(i % 2 ? a : b!, lookups)).statusCode, 429);
  assert.equal((await status(a, lookups)).statusCode, 429);
});

test('a lockout on one instance holds on the other', { skip: onPostgres ? false : 'two instances need one PostgreSQL (DATABASE_URL)' }, async () => {
  const ent = await buildUser(a, 'enterprise-admin', { signIn: false });
  for (let i = 0; i < MAX_FAILED_LOGINS; i++) assert.equal((await login(i % 2 ? a : b!, ent.username, 'wrong-password', `192.0.2.${i + 1}`)).statusCode, 401);
  const locked = await login(b!, ent.username, PASSWORD, '192.0.2.99');
  assert.equal(locked.statusCode, 423, locked.body);
  assert.equal(locked.json().code, 'account_locked');
});

test('an idempotency key replayed to the other instance returns the first item, with one item saved', { skip: onPostgres ? false : 'two instances need one PostgreSQL (DATABASE_URL)' }, async () => {
  const ent = await buildUser(a, 'enterprise-admin');
  const submit = (t: TestApp) => call(t, ent, { method: 'POST', url: '/api/v1/items', headers: { 'idempotency-key': 'k-two-instances' }, payload: { type: 'appeal', data: appealData({ title: '两实例幂等测试' }) } });
  const first = await submit(a);
  assert.equal(first.status, 201, first.body);
  const again = await submit(b!);
  assert.equal(again.json.id, first.json.id);
  const rows = (await a.ctx.database.rows(sql`select count(*)::int as n from items where data->>'title' = '两实例幂等测试'`)) as { n: number }[];
  assert.equal(rows[0].n, 1);
});
