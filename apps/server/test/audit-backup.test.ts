import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { backupPglite, restorePglite } from '../src/db/backup.ts';
import { verifyAuditChain } from '../src/modules/audit/service.ts';
import { act, backend, buildUser, call, makeTestApp, submitAppeal, type TestApp } from './helpers.ts';

let t: TestApp;
before(async () => {
  t = await makeTestApp();
});
after(() => t.close());

test('the audit log records logins, transitions and permission changes, and refuses edits', async () => {
  const ent = await buildUser(t, 'enterprise-admin');
  const officer = await buildUser(t, 'officer');
  const admin = await buildUser(t, 'admin');
  const item = await submitAppeal(t, ent);
  await act(t, officer, item, 'accept');
  const u = await call(t, admin, { method: 'PUT', url: `/api/v1/admin/users/${ent.id}/role`, payload: { role: 'enterprise-staff', unitId: null } });
  assert.equal(u.status, 200, u.body);
  const log = await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit?limit=500' });
  const actions = log.json.entries.map((e: { action: string }) => e.action);
  for (const a of ['login', 'item.submit', 'item.accept', 'user.role']) assert.ok(actions.includes(a), a);
  await assert.rejects(t.ctx.database.db.execute(sql`update audit_log set action = 'x' where id = 1`));
  await assert.rejects(t.ctx.database.db.execute(sql`delete from item_events`));
  assert.deepEqual((await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit/verify' })).json.ok, true);
  assert.equal((await call(t, officer, { method: 'GET', url: '/api/v1/admin/audit' })).status, 403);
});

test('staff views of personal data are recorded and join the chain in order, also when many arrive at once', async () => {
  const ent = await buildUser(t, 'enterprise-admin');
  const officer = await buildUser(t, 'officer');
  const admin = await buildUser(t, 'admin');
  const item = await submitAppeal(t, ent);
  const views = await Promise.all(Array.from({ length: 12 }, () => call(t, officer, { method: 'GET', url: `/api/v1/items/${item.id}` })));
  assert.ok(views.every((v) => v.status === 200));
  // The enterprise reading its own item is not a staff view.
  assert.equal((await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}` })).status, 200);
  const log = await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit?limit=500' });
  const seen = log.json.entries.filter((e: { action: string; subject: string }) => e.action === 'personal-data.view' && e.subject === `item:${item.id}`);
  assert.equal(seen.length, 12);
  assert.ok(seen.every((e: { actorName: string }) => e.actorName === officer.username));
  const pending = (await t.ctx.database.db.execute(sql`select count(*)::int as n from audit_pending`)) as unknown as { rows: { n: number }[] };
  assert.equal(pending.rows[0].n, 0, 'reading the log chains what was waiting');
  assert.deepEqual((await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit/verify' })).json.ok, true);
});

test('audit verification finds the first row changed by hand', async () => {
  const before = await verifyAuditChain(t.ctx.database.db);
  assert.equal(before.ok, true);
  assert.ok(before.checked >= 5);
  // Someone with database rights switches the guard off and edits a row.
  await t.ctx.database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  await t.ctx.database.db.execute(sql`update audit_log set detail = '{"forged":true}'::jsonb where id = 3`);
  await t.ctx.database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  const r = await verifyAuditChain(t.ctx.database.db);
  assert.equal(r.ok, false);
  assert.deepEqual(r.brokenAt, { id: 3, reason: 'hash_mismatch' });
  assert.equal(r.checked, 2);
});

test('the embedded database backs up to a file and restores from it', { skip: backend !== 'pglite' && 'PostgreSQL backups use pg_dump; see docs/operations.md' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jqt-backup-'));
  try {
    const dataDir = join(dir, 'data');
    const db = new PGlite(dataDir);
    await db.exec("create table marker (v text); insert into marker values ('淄博')");
    await db.close();
    const file = join(dir, 'backup.tar.gz');
    assert.ok((await backupPglite(dataDir, file)) > 0);
    const kept = await restorePglite(file, dataDir);
    assert.ok(kept, 'the previous folder is kept, not deleted');
    const restored = new PGlite(dataDir);
    const rows = await restored.query<{ v: string }>('select v from marker');
    assert.deepEqual(rows.rows, [{ v: '淄博' }]);
    await restored.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
