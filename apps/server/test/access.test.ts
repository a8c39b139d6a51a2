import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { roles, type Role } from '@jqt/domain';
import type { RouteAccess } from '../src/plugins/auth.ts';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

/**
 * The access matrix of SPEC §9 ("role-based access on every route, tested"), read from the routes' own
 * declarations (`app.accessTable`), so a new route is swept without editing this file.
 */
let t: TestApp;
let table: readonly RouteAccess[];
const users = new Map<Role, TestUser>();

before(async () => {
  t = await makeTestApp();
  // The API; the web app's static files (when built) are public by nature and not part of the matrix.
  table = t.app.accessTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
  for (const role of roles) users.set(role, await buildUser(t, role));
});
after(() => t.close());

/** Routes anyone may call, without signing in. Adding one here is a security decision. */
const PUBLIC = [
  'GET /api/v1/health',
  'POST /api/v1/validate',
  'GET /api/v1/calendar/days',
  'GET /api/v1/calendar/deadline',
  'POST /api/v1/auth/login',
  // Forgotten passwords (issue 16 point 8): ask for a reset link, set the new password with it.
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/auth/logout',
  // who is signed in: the user or null (the web app asks before anyone is)
  'GET /api/v1/auth/session',
  // a 12389 complainant follows the complaint with its number and query code (no account)
  'POST /api/v1/public/items/status',
  'POST /api/v1/enterprises/register',
  'GET /api/v1/item-types',
  // 12389 complaints may be filed without an account (SPEC §1, M20); the items service decides which types.
  'POST /api/v1/items',
  'GET /api/openapi.json',
  // The public portal (SPEC §1): truck access checker and roads (M8), pass-code verification, published bulletins.
  'POST /api/v1/traffic/access-checks',
  'GET /api/v1/traffic/roads',
  // M19 open lectures on the portal: seats left, no names.
  'GET /api/v1/public/open-lectures',
  'GET /api/v1/public/pass-codes/:code',
  'GET /api/v1/public/pass-codes/:code/qr.png',
  // The TIA thresholds in force, for the M9 service guide (the admin's version history is not public).
  'GET /api/v1/traffic/tia-thresholds/current',
  'GET /api/v1/public/publications',
  'GET /api/v1/public/publications/:id',
  'GET /api/v1/public/service-centres',
  // A scanned receipt QR code says whether the receipt is genuine, and nothing personal (issue 5).
  'GET /api/v1/public/verify/:number',
];

/** Routes only an admin may call. */
const ADMIN_ONLY = [
  'GET /api/v1/admin/users',
  'POST /api/v1/admin/users',
  'PUT /api/v1/admin/users/:id/role',
  'GET /api/v1/admin/audit',
  'GET /api/v1/admin/audit/verify',
  'GET /api/v1/admin/calendar/changes',
  'POST /api/v1/admin/calendar/years',
  'PUT /api/v1/admin/calendar/days/:date',
  'GET /api/v1/traffic/tia-thresholds',
  'POST /api/v1/traffic/tia-thresholds',
];

const key = (r: RouteAccess) => `${r.method} ${r.url}`;
const concrete = (url: string) =>
  url.replace(/:date\b/g, '2026-03-04').replace(/:(\w+)/g, '7d8e0c1c-4a59-4a49-9d6c-0d0d0d0d0d0d');
/** An empty body for writes: access is decided before the body is looked at, and nothing valid is ever sent. */
const request = (r: RouteAccess) => ({ method: r.method as 'GET', url: concrete(r.url), ...(['POST', 'PUT', 'PATCH'].includes(r.method) ? { payload: {} } : {}) });

test('every route declares who may call it, and the public ones are exactly the expected list', () => {
  assert.ok(table.length >= 25, `only ${table.length} routes seen`);
  const undeclared = table.filter((r) => r.access === undefined).map(key);
  assert.deepEqual(undeclared, []);
  assert.deepEqual(table.filter((r) => r.access === 'public').map(key).sort(), [...PUBLIC].sort());
  for (const k of ADMIN_ONLY) {
    const r = table.find((x) => key(x) === k);
    assert.ok(r, `${k} missing`);
    assert.deepEqual(r.access, ['admin'], k);
  }
  // Declared roles are real roles.
  for (const r of table) if (Array.isArray(r.access)) for (const role of r.access) assert.ok((roles as readonly string[]).includes(role), `${key(r)}: ${role}`);
});

test('anonymous callers get 401 problem+json on every route that is not public, before any input is checked', async () => {
  const closed = table.filter((r) => r.access !== 'public');
  assert.ok(closed.length >= 15);
  for (const r of closed) {
    const res = await call(t, null, request(r));
    assertProblem(res, 401, { code: 'unauthenticated' });
    // A forged cookie or token is no better than none.
    assertProblem(await call(t, null, { ...request(r), headers: { cookie: 'jqt_session=forged' } }), 401);
    assertProblem(await call(t, null, { ...request(r), headers: { authorization: 'Bearer jqt_forged' } }), 401);
  }
});

test('signed-in users get 403 problem+json on routes their role is not listed for', async () => {
  const restricted = table.filter((r): r is RouteAccess & { access: readonly Role[] } => Array.isArray(r.access));
  assert.ok(restricted.length >= ADMIN_ONLY.length);
  for (const r of restricted) {
    for (const role of roles) {
      const res = await call(t, users.get(role)!, request(r));
      // A listed role passes the route's check (its service may still refuse with a 403 of its own, e.g. another unit's data).
      if (r.access.includes(role)) assert.notEqual(res.status, 401, `${key(r)} as ${role}: ${res.body}`);
      else assertProblem(res, 403, { code: 'forbidden' });
    }
  }
});

test('admin-only routes refuse enterprise admins, officers, supervisors and partners in particular', async () => {
  for (const k of ADMIN_ONLY) {
    const r = table.find((x) => key(x) === k)!;
    for (const role of ['enterprise-admin', 'enterprise-staff', 'officer', 'unit-leader', 'supervisor', 'partner', 'applicant'] as const) {
      assertProblem(await call(t, users.get(role)!, request(r)), 403, { code: 'forbidden' });
    }
  }
});

test('every role passes the "user" routes that only read', async () => {
  // The event stream never ends, so it is left to its own test.
  const reads = table.filter((r) => r.access === 'user' && r.method === 'GET' && !r.url.includes(':') && !r.url.endsWith('/stream'));
  assert.ok(reads.length >= 3);
  for (const r of reads) {
    for (const role of roles) {
      const res = await call(t, users.get(role)!, request(r));
      assert.equal(res.status, 200, `${key(r)} as ${role}: ${res.body}`);
    }
  }
});

test('a 401 or 403 says why in Chinese, or in English on request', async () => {
  const zh = await call(t, null, { method: 'GET', url: '/api/v1/admin/users' });
  assert.equal(zh.json.title, '请先登录');
  const en = await call(t, users.get('officer')!, { method: 'GET', url: '/api/v1/admin/users', headers: { 'accept-language': 'en' } });
  assert.equal(en.json.title, 'You are not allowed to do this');
});
