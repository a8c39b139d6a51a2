import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { makeIdCard } from '@jqt/domain';
import { appealData, buildUser, call, exitEntryUrgentData, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

/** Issue 16, point 1: NUL bytes and lone surrogates are refused at the edge, in one place, naming the field. */
let t: TestApp;
let ent: TestUser;
let officer: TestUser;

before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  officer = await buildUser(t, 'officer');
});
after(() => t.close());

const count = async (q: ReturnType<typeof sql>) => Number((await t.ctx.database.rows<{ n: string }>(q))[0]!.n);

test('a NUL byte in a query parameter is 422 naming query.<name>', async () => {
  const items = await call(t, ent, { method: 'GET', url: '/api/v1/items?type=%00' });
  assert.equal(assertProblem(items, 422, { code: 'validation_failed', paths: ['query.type'] }).errors![0]!.code, 'invalid_characters');
  assertProblem(await call(t, officer, { method: 'GET', url: '/api/v1/traffic/pass-codes?plate=%00' }), 422, { paths: ['query.plate'] });
  assertProblem(await call(t, officer, { method: 'GET', url: '/api/v1/traffic/pass-codes?plate=%E9%B2%81C%00' }), 422, { paths: ['query.plate'], locale: 'zh' });
  assertProblem(await call(t, null, { method: 'GET', url: '/api/v1/calendar/days?from=2026-01-01%00' }), 422, { paths: ['query.from'] });
});

test('a NUL byte in a URL parameter is 422 naming params.<name>', async () => {
  assertProblem(await call(t, null, { method: 'GET', url: '/api/v1/public/pass-codes/%00' }), 422, { paths: ['params.code'] });
});

test('a NUL in an item data field (at any depth) is 422 and nothing is saved', async () => {
  const before = await count(sql`select count(*) as n from items`);
  const auditBefore = await count(sql`select count(*) as n from audit_pending`) + (await count(sql`select count(*) as n from audit_log`));
  const r = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData({ title: '咨询\u0000政策' }) }, headers: { 'accept-language': 'en' } });
  assertProblem(r, 422, { paths: ['body.data.title'], locale: 'en' });
  const deep = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: { ...appealData(), attachments: ['ok', 'x\u0000'] } } });
  assertProblem(deep, 422, { paths: ['body.data.attachments.1'] });
  const key = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: { ...appealData(), 'a\u0000': 1 } } });
  assertProblem(key, 422, { paths: ['body.data.a\\u0000'] });
  assert.equal(await count(sql`select count(*) as n from items`), before);
  assert.equal(await count(sql`select count(*) as n from audit_pending`) + (await count(sql`select count(*) as n from audit_log`)), auditBefore);
});

test('a lone surrogate in a token name is 422 and no token is made; a proper pair is fine', async () => {
  const before = await count(sql`select count(*) as n from api_tokens where user_id = ${ent.id}`);
  for (const name of ['ERP \ud800', '\udc00 ERP', 'a\ud800\ud800']) {
    assertProblem(await call(t, ent, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name } }), 422, { paths: ['body.name'] });
  }
  // The raw JSON escape, as a script would send it.
  const raw = await call(t, ent, { method: 'POST', url: '/api/v1/auth/tokens', payload: '{"name":"ERP \\ud800"}', headers: { 'content-type': 'application/json' } });
  assertProblem(raw, 422, { paths: ['body.name'] });
  assert.equal(await count(sql`select count(*) as n from api_tokens where user_id = ${ent.id}`), before);
  const pair = await call(t, ent, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'ERP 😀' } });
  assert.equal(pair.status, 201, pair.body);
});

test('a NUL in a session cookie or a header is 422, not a database error', async () => {
  assertProblem(await call(t, null, { method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'jqt_session=%00' } }), 422, { paths: ['cookies.jqt_session'] });
  assertProblem(await call(t, null, { method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer jqt_\ud800' } }), 422, { paths: ['headers.authorization'] });
});

test('an item whose resident ID number is born after today (Asia/Shanghai) is 422 and nothing is saved (point 4)', async () => {
  const before = await count(sql`select count(*) as n from items`);
  t.setNow('2026-12-07T16:30:00Z'); // 2026-12-08 00:30 in Zibo
  const ent = await buildUser(t, 'enterprise-admin');
  const future = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'exit-entry-urgent', data: exitEntryUrgentData({ idNumber: '370303209901011185' }) } });
  assert.equal(assertProblem(future, 422, { paths: ['data.idNumber'], locale: 'zh' }).errors![0]!.code, 'idcard_birth_future');
  // Born "tomorrow" by UTC is born today in Zibo: accepted.
  const today = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'exit-entry-urgent', data: exitEntryUrgentData({ idNumber: makeIdCard('370303', '20261208', 7) }) } });
  assert.equal(today.status, 201, today.body);
  const tomorrow = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'exit-entry-urgent', data: exitEntryUrgentData({ idNumber: makeIdCard('370303', '20261209', 7) }) } });
  assertProblem(tomorrow, 422, { paths: ['data.idNumber'] });
  // The public check says the same.
  const check = await call(t, null, { method: 'POST', url: '/api/v1/validate', payload: { kind: 'idcard', value: '370303209901011185' } });
  assert.equal(check.status, 200, check.body);
  assert.equal(check.json.valid, false);
  assert.deepEqual(check.json.errors.map((e: { code: string }) => e.code), ['idcard_birth_future']);
  t.setNow(undefined);
  assert.equal(await count(sql`select count(*) as n from items`), before + 1);
});
