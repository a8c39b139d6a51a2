import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { anchorHead } from '../src/modules/audit/anchor.ts';
import { verifyAuditChain } from '../src/modules/audit/service.ts';
import { buildUser, call, makeTestApp, submitAppeal, type TestApp, type TestUser } from './helpers.ts';

/**
 * Issue 16 point 7: the audit chain's head is anchored (on every verification and every minute), in a table the
 * application's role cannot rewrite, signed with a key the database never holds; removing the newest rows is found.
 */
let t: TestApp;
let admin: TestUser;
const { privateKey } = generateKeyPairSync('ed25519');
const exec = (q: ReturnType<typeof sql>) => t.ctx.database.db.execute(q);
const rows = async <T,>(q: ReturnType<typeof sql>) => ((await exec(q)) as unknown as { rows: T[] }).rows;
/** The database's own reason, which drizzle keeps as the error's cause. */
const refused = (re: RegExp) => (e: unknown) => re.test(`${(e as Error).message} ${((e as Error).cause as Error | undefined)?.message ?? ''}`);
const verifyRoute = async () => (await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit/verify' })).json;
/** What only a database superuser can do: switch the append-only triggers off for one statement. */
const asSuperuser = async (q: ReturnType<typeof sql>) => {
  await t.ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(q);
  });
};

before(async () => {
  t = await makeTestApp();
  t.ctx.config.auditSigningKey = privateKey;
  admin = await buildUser(t, 'admin');
  const ent = await buildUser(t, 'enterprise-admin');
  for (let i = 0; i < 3; i++) await submitAppeal(t, ent);
});
after(() => t.close());

test('verifying anchors the head, signed; the admin exports it with the key to check it by', async () => {
  const r = await verifyRoute();
  assert.equal(r.ok, true, JSON.stringify(r));
  const head = await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit/head' });
  assert.equal(head.status, 200, head.body);
  const { anchor, publicKey } = head.json;
  assert.equal(anchor.seq, r.head.seq);
  assert.equal(anchor.hash, r.head.hash);
  const message = Buffer.from(`jqt-audit-head\n${anchor.seq}\n${anchor.hash}\n${anchor.at}`);
  assert.ok(verify(null, message, createPublicKey(publicKey), Buffer.from(anchor.signature, 'base64')), 'the exported head verifies with the public key alone');
  assert.equal((await verifyRoute()).anchor.signatureValid, true);
  for (const who of [null, await buildUser(t, 'supervisor'), await buildUser(t, 'officer')]) {
    assert.equal((await call(t, who, { method: 'GET', url: '/api/v1/admin/audit/head' })).status, who ? 403 : 401);
  }
});

test('the anchors belong to another role: the application’s role can add one but not change, remove or unguard them', async () => {
  const [owner] = await rows<{ tableowner: string }>(sql`select tableowner from pg_tables where tablename = 'audit_anchors'`);
  assert.equal(owner.tableowner, 'jqt_audit_anchor');
  // A role holding what the migration grants the application (SELECT, INSERT) and nothing else.
  await exec(sql.raw(`do $$ begin if not exists (select 1 from pg_roles where rolname = 'jqt_app_probe') then create role jqt_app_probe nologin; end if; end $$`));
  await exec(sql`grant select, insert on audit_anchors to jqt_app_probe`);
  const attempt = (statement: string) =>
    t.ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role jqt_app_probe`);
      await tx.execute(sql.raw(statement));
    });
  await assert.rejects(attempt(`update audit_anchors set hash = repeat('0', 64)`), refused(/permission denied|append-only/));
  await assert.rejects(attempt(`delete from audit_anchors`), refused(/permission denied|append-only/));
  await assert.rejects(attempt(`truncate audit_anchors`), refused(/permission denied|append-only/));
  await assert.rejects(attempt(`alter table audit_anchors disable trigger audit_anchors_append_only`), refused(/must be owner|permission denied/));
  await assert.rejects(attempt(`drop table audit_anchors`), refused(/must be owner|permission denied/));
  await assert.rejects(exec(sql`truncate audit_log`), refused(/append-only/), 'not even the owner truncates the log with its guard on');
  await assert.rejects(exec(sql`delete from audit_anchors`), refused(/append-only/), 'nor does anyone delete an anchor with the guard on');
  await attempt(`select count(*) from audit_anchors`);
});

test('removing the newest audit rows is found at the anchored entry, and the shorter chain is never anchored', async () => {
  const ent = await buildUser(t, 'enterprise-admin');
  await submitAppeal(t, ent);
  const anchored = await verifyRoute();
  assert.equal(anchored.ok, true);
  const tail = anchored.head.seq;
  await asSuperuser(sql`delete from audit_log where id > ${tail - 3}`);
  const r = await verifyAuditChain(t.ctx.database.db, { key: privateKey });
  assert.equal(r.ok, false);
  assert.deepEqual(r.brokenAt, { id: tail, reason: 'tail_truncated' });
  assert.equal(r.head?.seq, tail - 3);
  assert.equal(await anchorHead(t.ctx.database.db, privateKey, new Date()), null);
  assert.deepEqual((await verifyRoute()).brokenAt, { id: tail, reason: 'tail_truncated' });
  // New rows after the cut do not hide it: the anchored entry is still missing.
  await submitAppeal(t, ent);
  await submitAppeal(t, ent);
  await submitAppeal(t, ent);
  await submitAppeal(t, ent);
  assert.equal((await verifyAuditChain(t.ctx.database.db, { key: privateKey })).brokenAt?.reason, 'anchor_mismatch');
});

test('a head kept off the database finds what a superuser hid by removing rows and anchors alike', async () => {
  const t2 = await makeTestApp();
  try {
    const ent = await buildUser(t2, 'enterprise-admin');
    await submitAppeal(t2, ent);
    await submitAppeal(t2, ent);
    const ok = await verifyAuditChain(t2.ctx.database.db);
    assert.equal(ok.ok, true);
    const kept = ok.head!;
    await t2.ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_log where id = ${kept.seq}`);
      await tx.execute(sql`delete from audit_anchors`);
    });
    assert.equal((await verifyAuditChain(t2.ctx.database.db)).ok, true, 'without an anchor the cut is invisible to the chain alone');
    assert.deepEqual((await verifyAuditChain(t2.ctx.database.db, { expectedHead: kept })).brokenAt, { id: kept.seq, reason: 'tail_truncated' });
    assert.deepEqual((await verifyAuditChain(t2.ctx.database.db, { expectedHead: { seq: kept.seq - 1, hash: 'f'.repeat(64) } })).brokenAt, { id: kept.seq - 1, reason: 'anchor_mismatch' });
    // A forged anchor (a superuser's insert) does not carry the key's signature.
    const head = (await verifyAuditChain(t2.ctx.database.db)).head!;
    await t2.ctx.database.db.execute(sql`insert into audit_anchors (seq, hash, at, signature) values (${head.seq}, ${head.hash}, now(), ${Buffer.alloc(64).toString('base64')})`);
    assert.deepEqual((await verifyAuditChain(t2.ctx.database.db, { key: privateKey })).brokenAt, { id: head.seq, reason: 'anchor_signature_invalid' });
  } finally {
    await t2.close();
  }
});

test('npm run audit:verify reports a truncated tail and takes a head kept elsewhere (PostgreSQL)', { skip: !process.env.DATABASE_URL ? 'the command reaches a database by DATABASE_URL: runs on PostgreSQL' : false }, async () => {
  const t3 = await makeTestApp();
  try {
    await submitAppeal(t3, await buildUser(t3, 'enterprise-admin'));
    const env = { ...process.env, DATABASE_URL: t3.databaseUrl!, NODE_ENV: 'test' };
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/audit-verify.ts', ...args], { cwd: new URL('..', import.meta.url).pathname, env, encoding: 'utf8' });
    const intact = run();
    assert.equal(intact.status, 0, intact.stdout + intact.stderr);
    const [, seq, hash] = /head (\d+):([0-9a-f]{64})/.exec(intact.stdout) ?? [];
    assert.ok(seq && hash, intact.stdout);
    await t3.ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_log where id = ${Number(seq)}`);
    });
    const broken = run();
    assert.equal(broken.status, 1, broken.stdout + broken.stderr);
    assert.match(broken.stderr, new RegExp(`audit chain TRUNCATED: entry ${seq} was anchored but the chain now ends at ${Number(seq) - 1}`));
    assert.equal(run('--head', `${seq}:${hash}`).status, 1);
    assert.equal(run('--head', 'nonsense').status, 2);
  } finally {
    await t3.close();
  }
});
