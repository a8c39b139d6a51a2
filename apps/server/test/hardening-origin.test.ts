import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appealData, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, EN } from './support-problem.ts';

/** Issue 16, point 6: cookie-carried state changes from another origin are refused; scripts with tokens are not. */
let t: TestApp;
let ent: TestUser;

before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
});
after(() => t.close());

const me = (u: TestUser) => call(t, u, { method: 'GET', url: '/api/v1/auth/me' });
const FOREIGN = 'https://evil.example';

test('a body-less logout with the session cookie from a foreign Origin is 403 and the session lives on', async () => {
  const u = await buildUser(t, 'enterprise-staff');
  const r = await call(t, u, { method: 'POST', url: '/api/v1/auth/logout', headers: { origin: FOREIGN, ...EN } });
  assertProblem(r, 403, { code: 'cross_origin_refused' });
  assert.doesNotMatch(r.json.title, /[\u4e00-\u9fff]/);
  assert.equal((await me(u)).status, 200);
  // Referer when there is no Origin; an opaque "null" origin; a non-http scheme.
  assertProblem(await call(t, u, { method: 'POST', url: '/api/v1/auth/logout', headers: { referer: `${FOREIGN}/page` } }), 403, { code: 'cross_origin_refused' });
  assertProblem(await call(t, u, { method: 'POST', url: '/api/v1/auth/logout', headers: { origin: 'null' } }), 403);
  assertProblem(await call(t, u, { method: 'PUT', url: '/api/v1/auth/password', headers: { origin: FOREIGN }, payload: { currentPassword: 'x', newPassword: 'y' } }), 403);
  assertProblem(await call(t, u, { method: 'POST', url: '/api/v1/items', headers: { origin: 'http://localhost:3000.evil.example' }, payload: { type: 'appeal', data: appealData() } }), 403);
  assert.equal((await me(u)).status, 200);
});

test('same-origin requests work: the configured public origin, the request\'s own host, or no Origin at all', async () => {
  const ok1 = await call(t, ent, { method: 'POST', url: '/api/v1/items', headers: { origin: t.ctx.config.publicOrigin }, payload: { type: 'appeal', data: appealData() } });
  assert.equal(ok1.status, 201, ok1.body);
  const ok2 = await call(t, ent, { method: 'POST', url: '/api/v1/items', headers: { host: 'jqt.zibo.example:8443', origin: 'https://jqt.zibo.example:8443' }, payload: { type: 'appeal', data: appealData() } });
  assert.equal(ok2.status, 201, ok2.body);
  const ok3 = await call(t, ent, { method: 'POST', url: '/api/v1/items', headers: { referer: `${t.ctx.config.publicOrigin}/enterprise/items/new` }, payload: { type: 'appeal', data: appealData() } });
  assert.equal(ok3.status, 201, ok3.body);
  const ok4 = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData() } });
  assert.equal(ok4.status, 201, ok4.body);
  // Reading from anywhere is not a state change.
  assert.equal((await call(t, ent, { method: 'GET', url: '/api/v1/auth/me', headers: { origin: FOREIGN } })).status, 200);
  const u = await buildUser(t, 'enterprise-staff');
  const out = await call(t, u, { method: 'POST', url: '/api/v1/auth/logout', headers: { origin: t.ctx.config.publicOrigin } });
  assert.ok(out.status < 300, out.body);
  assert.equal((await me(u)).status, 401);
});

test('an API token works from any origin; a request without the cookie is not checked', async () => {
  const tok = await call(t, ent, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'ERP' } });
  assert.equal(tok.status, 201, tok.body);
  const r = await call(t, null, { method: 'POST', url: '/api/v1/items', headers: { origin: FOREIGN, authorization: `Bearer ${tok.json.token}` }, payload: { type: 'appeal', data: appealData() } });
  assert.equal(r.status, 201, r.body);
  // No session cookie: nothing for a forged request to ride on (the route's own access rule answers).
  assertProblem(await call(t, null, { method: 'POST', url: '/api/v1/auth/tokens', headers: { origin: FOREIGN }, payload: { name: 'x' } }), 401);
});
