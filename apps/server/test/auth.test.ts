import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP, generateTOTP } from '@oslojs/otp';
import { makeUscc } from '@jqt/domain';
import { sql } from 'drizzle-orm';
import { buildEnterprise, buildUser, call, makeTestApp, PASSWORD, freshTotp, signIn, TOTP_SECRET, totpNow, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, auditEntries, EN, errorAt } from './support-problem.ts';

let t: TestApp;
let admin: TestUser;
before(async () => {
  t = await makeTestApp();
  admin = await buildUser(t, 'admin');
});
afterEach(() => t.setNow(undefined));
after(() => t.close());

const GOOD_PASSWORD = 'Good#pass2026';
let addr = 0;
/** Each call from its own address, so the per-address limits of public forms do not mix the cases up. */
const fresh = () => `10.9.${Math.floor(++addr / 250)}.${(addr % 250) + 1}`;

const login = (body: Record<string, unknown>, opts: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, remoteAddress: opts.remoteAddress, headers: opts.headers });
const asRes = (r: Awaited<ReturnType<typeof login>>) => {
  let json: any;
  try {
    json = r.json();
  } catch {
    json = undefined;
  }
  return { status: r.statusCode, json, headers: r.headers, body: r.body };
};
const sessionCookie = (r: Awaited<ReturnType<typeof login>>) => {
  const set = r.headers['set-cookie'];
  return (Array.isArray(set) ? set : [set]).find((c) => c?.startsWith('jqt_session='));
};
const me = (cookie: string | null, headers: Record<string, string> = {}) =>
  call(t, null, { method: 'GET', url: '/api/v1/auth/me', headers: { ...headers, ...(cookie ? { cookie } : {}) } });
const wrongTotp = () => String((Number(totpNow()) + 500_000) % 1_000_000).padStart(6, '0');
const totpOf = (secret: string) => generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
const later = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
/** A fresh admin session at the server's current (possibly pretended) time. */
const signInAdmin = () => signIn(t, admin.username, PASSWORD, 'admin');

test('login: password signs an enterprise user in with an httpOnly session cookie; /auth/me returns the user', async () => {
  const u = await buildUser(t, 'enterprise-admin', { signIn: false });
  const r = await login({ username: u.username, password: PASSWORD });
  assert.equal(r.statusCode, 200, r.body);
  const cookie = sessionCookie(r);
  assert.ok(cookie, 'session cookie set');
  assert.match(cookie!, /HttpOnly/i);
  assert.match(cookie!, /SameSite=Lax/i);
  assert.match(cookie!, /Path=\//);
  assert.deepEqual(r.json().user, { id: u.id, username: u.username, displayName: u.username, role: 'enterprise-admin', unitId: null, enterpriseId: u.enterpriseId });
  const m = await me(cookie!.split(';')[0]);
  assert.equal(m.status, 200, m.body);
  assert.equal(m.json.user.id, u.id);
  assert.equal(m.json.user.role, 'enterprise-admin');
  assert.doesNotMatch(m.body, /argon2|passwordHash|totpSecret/);
});

test('login: staff need password and TOTP', async () => {
  const officer = await buildUser(t, 'officer', { signIn: false });
  const ok = await login({ username: officer.username, password: PASSWORD, totp: await freshTotp(t, officer.username) });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal((await me(sessionCookie(ok)!.split(';')[0])).json.user.role, 'officer');

  for (const role of ['officer', 'unit-leader', 'supervisor', 'admin'] as const) {
    const u = await buildUser(t, role, { signIn: false });
    const noTotp = asRes(await login({ username: u.username, password: PASSWORD }));
    assertProblem(noTotp, 401, { code: 'totp_required' });
    assert.match(noTotp.json.title, /验证码/);
    assert.equal(sessionCookie(await login({ username: u.username, password: PASSWORD })), undefined);
    assertProblem(asRes(await login({ username: u.username, password: PASSWORD, totp: wrongTotp() })), 401, { code: 'totp_invalid' });
    assertProblem(asRes(await login({ username: u.username, password: PASSWORD, totp: 'abcdef' })), 401, { code: 'totp_invalid' });
  }
  // Partner users are staff without the TOTP requirement (SPEC §9 lists officer, supervisor, admin).
  const partner = await buildUser(t, 'partner', { signIn: false });
  assert.equal((await login({ username: partner.username, password: PASSWORD })).statusCode, 200);
});

test('login: wrong password or unknown user is 401 invalid_credentials, the same answer for both', async () => {
  const u = await buildUser(t, 'enterprise-staff', { signIn: false });
  const wrong = assertProblem(asRes(await login({ username: u.username, password: 'Wrong#pass1' })), 401, { code: 'invalid_credentials' });
  const unknown = assertProblem(asRes(await login({ username: 'no.such.user', password: 'Wrong#pass1' })), 401, { code: 'invalid_credentials' });
  assert.deepEqual({ ...wrong, instance: 0 }, { ...unknown, instance: 0 });
  assert.match((wrong as { title?: string }).title ?? '', /用户名或密码错误/);
  const en = asRes(await login({ username: u.username, password: 'Wrong#pass1' }, { headers: EN }));
  assert.equal(en.json.title, 'Wrong username or password');
  // A malformed login body lists its fields.
  assertProblem(asRes(await login({ username: '', password: 3 })), 422, { paths: ['username', 'password'] });
});

test('login: five failures lock the account for 15 minutes, even against the right password', async () => {
  const u = await buildUser(t, 'enterprise-admin', { signIn: false });
  const start = new Date();
  t.setNow(start);
  for (let i = 1; i <= 5; i++) assertProblem(asRes(await login({ username: u.username, password: `Wrong#pass${i}` })), 401, { code: 'invalid_credentials' });
  const locked = asRes(await login({ username: u.username, password: PASSWORD }));
  assertProblem(locked, 423, { code: 'account_locked' });
  assert.match(locked.json.title, /15 分钟/);
  t.setNow(later(start, 14));
  assertProblem(asRes(await login({ username: u.username, password: PASSWORD })), 423, { code: 'account_locked' });
  t.setNow(later(start, 15.1));
  const ok = await login({ username: u.username, password: PASSWORD });
  assert.equal(ok.statusCode, 200, ok.body);
  // The count restarts after a success: four more failures do not lock.
  for (let i = 1; i <= 4; i++) assert.equal((await login({ username: u.username, password: 'Wrong#pass' })).statusCode, 401);
  assert.equal((await login({ username: u.username, password: PASSWORD })).statusCode, 200);
});

test('login: after a lock expires, five more failures lock again', async () => {
  const u = await buildUser(t, 'enterprise-admin', { signIn: false });
  const start = new Date();
  t.setNow(start);
  for (let i = 0; i < 5; i++) await login({ username: u.username, password: 'Wrong#pass' });
  assert.equal((await login({ username: u.username, password: PASSWORD })).statusCode, 423);
  t.setNow(later(start, 16));
  for (let i = 0; i < 5; i++) assert.equal((await login({ username: u.username, password: 'Wrong#pass' })).statusCode, 401);
  assertProblem(asRes(await login({ username: u.username, password: PASSWORD })), 423, { code: 'account_locked' });
});

test('login: wrong TOTP codes count towards the lock too', async () => {
  const u = await buildUser(t, 'officer', { signIn: false });
  for (let i = 0; i < 5; i++) assert.equal((await login({ username: u.username, password: PASSWORD, totp: wrongTotp() })).statusCode, 401);
  assertProblem(asRes(await login({ username: u.username, password: PASSWORD, totp: await freshTotp(t, u.username) })), 423, { code: 'account_locked' });
});

test('session: ends after 30 idle minutes, not while in use; logout ends it', async () => {
  const u = await buildUser(t, 'enterprise-admin', { signIn: false });
  const start = new Date();
  t.setNow(start);
  const cookie = sessionCookie(await login({ username: u.username, password: PASSWORD }))!.split(';')[0];
  t.setNow(later(start, 29));
  assert.equal((await me(cookie)).status, 200);
  t.setNow(later(start, 58));
  assert.equal((await me(cookie)).status, 200);
  t.setNow(later(start, 58 + 31));
  assertProblem(await me(cookie), 401, { code: 'unauthenticated' });

  t.setNow(undefined);
  const c2 = sessionCookie(await login({ username: u.username, password: PASSWORD }))!.split(';')[0];
  assert.equal((await me(c2)).status, 200);
  const out = await call(t, null, { method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c2 } });
  assert.equal(out.status, 204);
  assert.match(String(out.headers['set-cookie']), /jqt_session=;/);
  assertProblem(await me(c2), 401);
  assertProblem(await me(null), 401, { code: 'unauthenticated' });
  assertProblem(await me('jqt_session=forged'), 401);
});

test('password rotation: a staff password older than 90 days must be changed; the change ends other sessions', async () => {
  const officer = await buildUser(t, 'officer', { signIn: false });
  const ent = await buildUser(t, 'enterprise-admin', { signIn: false });
  const fresh = await login({ username: officer.username, password: PASSWORD, totp: await freshTotp(t, officer.username) });
  assert.equal(fresh.json().passwordExpired, false);

  t.setNow(later(new Date(), 91 * 24 * 60));
  const first = await login({ username: officer.username, password: PASSWORD, totp: await freshTotp(t, officer.username) });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().passwordExpired, true);
  const cookie = sessionCookie(first)!.split(';')[0];
  const other = sessionCookie(await login({ username: officer.username, password: PASSWORD, totp: await freshTotp(t, officer.username) }))!.split(';')[0];
  assert.equal((await me(cookie)).json.passwordExpired, true);
  // Enterprise users are not under the staff rotation policy.
  assert.equal((await login({ username: ent.username, password: PASSWORD })).json().passwordExpired, false);

  const change = (body: unknown, c = cookie) => call(t, null, { method: 'PUT', url: '/api/v1/auth/password', payload: body as object, headers: { cookie: c } });
  const bad = assertProblem(await change({ currentPassword: 'Wrong#pass1', newPassword: 'short' }), 422, { paths: ['currentPassword', 'newPassword'], locale: 'zh' });
  assert.equal(errorAt(bad, 'currentPassword').code, 'password_current_wrong');
  assert.equal(errorAt(assertProblem(await change({ currentPassword: PASSWORD, newPassword: PASSWORD }), 422, { paths: ['newPassword'] }), 'newPassword').code, 'password_reused');
  assertProblem(await call(t, null, { method: 'PUT', url: '/api/v1/auth/password', payload: { currentPassword: PASSWORD, newPassword: GOOD_PASSWORD } }), 401);

  const ok = await change({ currentPassword: PASSWORD, newPassword: GOOD_PASSWORD });
  assert.equal(ok.status, 200, ok.body);
  assert.match(ok.json.passwordChangedAt, /\+08:00$/);
  assert.equal((await me(cookie)).json.passwordExpired, false);
  assertProblem(await me(other), 401);
  assertProblem(asRes(await login({ username: officer.username, password: PASSWORD, totp: await freshTotp(t, officer.username) })), 401, { code: 'invalid_credentials' });
  assert.equal((await login({ username: officer.username, password: GOOD_PASSWORD, totp: await freshTotp(t, officer.username) })).statusCode, 200);
  const audit = await auditEntries(t, { ...admin, cookie: await signInAdmin() });
  assert.ok(audit.some((e) => e.action === 'user.password' && e.subject === `user:${officer.id}`));
});

test('tokens: a bearer token works on /auth/me; garbage and expired tokens are 401', async () => {
  const u = await buildUser(t, 'enterprise-admin');
  const r = await call(t, u, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'ERP 对接' } });
  assert.equal(r.status, 201, r.body);
  assert.match(r.json.token, /^jqt_/);
  assert.equal(r.json.name, 'ERP 对接');
  assert.match(r.json.expiresAt, /\+08:00$/);
  const bearer = await me(null, { authorization: `Bearer ${r.json.token}` });
  assert.equal(bearer.status, 200, bearer.body);
  assert.equal(bearer.json.user.id, u.id);
  assertProblem(await me(null, { authorization: 'Bearer jqt_garbage' }), 401);
  assertProblem(await me(null, { authorization: `Bearer ${r.json.token}x` }), 401);
  assertProblem(await call(t, null, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'x' } }), 401);
  assertProblem(await call(t, u, { method: 'POST', url: '/api/v1/auth/tokens', payload: {} }), 422, { paths: ['name'] });
  t.setNow(later(new Date(), 91 * 24 * 60));
  assertProblem(await me(null, { authorization: `Bearer ${r.json.token}` }), 401);
});

test('login rate limit: one username from one address gets 429 after 30 a minute; others are unaffected', async () => {
  const ip = fresh();
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await login({ username: 'rate.victim', password: 'Wrong#pass1' }, { remoteAddress: ip })).statusCode);
  assert.deepEqual(statuses.slice(0, 30), Array(30).fill(401));
  const limited = asRes(await login({ username: 'rate.victim', password: 'Wrong#pass1' }, { remoteAddress: ip }));
  assertProblem(limited, 429, { code: 'rate_limited' });
  // Another user behind the same address, and the same user from elsewhere, still get through.
  assert.equal((await login({ username: 'rate.other', password: 'Wrong#pass1' }, { remoteAddress: ip })).statusCode, 401);
  assert.equal((await login({ username: 'rate.victim', password: 'Wrong#pass1' }, { remoteAddress: fresh() })).statusCode, 401);
});

const registration = (over: Record<string, unknown> = {}) => ({
  uscc: makeUscc(Math.floor(Math.random() * 9e7)),
  name: '淄博测试新材料有限公司',
  district: 'zhangdian',
  industry: 'C',
  address: '张店区人民西路 1 号',
  username: 'ent.new1',
  password: GOOD_PASSWORD,
  displayName: '王经理',
  mobile: '13912345678',
  ...over,
});
const register = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/enterprises/register', payload: body as object, remoteAddress: fresh(), headers }).then(asRes);

test('registration: a valid USCC creates the enterprise and its admin, who can sign in', async () => {
  const body = registration({ username: 'ent.first', uscc: makeUscc(7301).toLowerCase() });
  const r = await register(body);
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.uscc, makeUscc(7301));
  const l = await login({ username: 'ent.first', password: GOOD_PASSWORD });
  assert.equal(l.statusCode, 200, l.body);
  const m = await me(sessionCookie(l)!.split(';')[0]);
  assert.equal(m.json.user.role, 'enterprise-admin');
  assert.equal(m.json.user.enterpriseId, r.json.enterpriseId);
  const [stored] = await t.ctx.database.rows<{ industry: string }>(sql`select industry from enterprises where id = ${r.json.enterpriseId}`);
  assert.equal(stored.industry, 'C');
  // The same code in upper case is the same enterprise.
  assertProblem(await register(registration({ username: 'ent.second', uscc: makeUscc(7301) })), 422, { paths: ['uscc'] });
});

test('registration: bad input lists every bad field and saves nothing', async () => {
  const existing = registration({ username: 'ent.exists', uscc: makeUscc(7302) });
  assert.equal((await register(existing)).status, 201);
  const target = { username: 'ent.later', uscc: makeUscc(7303) };
  const cases: [string, Record<string, unknown>, Record<string, string>][] = [
    ['check digit', { uscc: '91350100M000100Y44' }, { uscc: 'uscc_check_digit' }],
    ['full-width', { uscc: '９１３５０１００Ｍ０００１００Ｙ４３' }, { uscc: 'uscc_fullwidth' }],
    ['spaces', { uscc: '91350100 M000100Y43' }, { uscc: 'uscc_whitespace' }],
    ['district', { district: 'atlantis' }, { district: 'not_in_options' }],
    ['industry', { industry: 'Z' }, { industry: 'not_in_options' }],
    ['industry in lower case', { industry: 'c' }, { industry: 'not_in_options' }],
    ['short password', { password: 'Ab#1' }, { password: 'password_too_short' }],
    ['simple password', { password: 'abcdefgh1' }, { password: 'password_too_simple' }],
    ['mobile', { mobile: '12345678901' }, { mobile: 'mobile_prefix' }],
    ['username', { username: 'a b' }, { username: 'username_invalid' }],
    ['duplicate USCC', { uscc: existing.uscc }, { uscc: 'uscc_registered' }],
    ['duplicate username', { username: 'ent.exists' }, { username: 'username_taken' }],
    ['both duplicates', { uscc: existing.uscc, username: 'ent.exists' }, { uscc: 'uscc_registered', username: 'username_taken' }],
    [
      'everything at once',
      { uscc: '91350100M000100Y44', district: 'atlantis', password: 'abc', mobile: '1391234', username: 'x' },
      { uscc: 'uscc_check_digit', district: 'not_in_options', password: 'password_too_short', mobile: 'mobile_length', username: 'username_invalid' },
    ],
  ];
  for (const [name, over, expected] of cases) {
    const r = await register(registration({ ...target, ...over }));
    const json = assertProblem(r, 422, { code: 'validation_failed', paths: Object.keys(expected), locale: 'zh' });
    for (const [path, code] of Object.entries(expected)) assert.equal(errorAt(json, path).code, code, `${name}: ${r.body}`);
    const en = await register(registration({ ...target, ...over }), EN);
    assertProblem(en, 422, { paths: Object.keys(expected), locale: 'en' });
  }
  // Shape errors from the schema are 422 with their paths too.
  assertProblem(await register({ ...registration(target), name: '', extra: 1, more: 2 }), 422, { paths: ['name', 'extra', 'more'] });
  assertProblem(await register({}), 422);
  // The industry (GB/T 4754 门类) is required at registration.
  const { industry: _, ...noIndustry } = registration(target);
  assertProblem(await register(noIndustry), 422, { paths: ['industry'] });
  // Nothing was saved: the username and the code are both still free.
  assertProblem(asRes(await login({ username: 'ent.later', password: GOOD_PASSWORD })), 401, { code: 'invalid_credentials' });
  const ok = await register(registration(target));
  assert.equal(ok.status, 201, ok.body);
});

test('registration: two at once with the same USCC or username: one wins, the other is a 422, never a 500', async () => {
  const uscc = makeUscc(7304);
  const same = await Promise.all([register(registration({ uscc, username: 'race.a' })), register(registration({ uscc, username: 'race.b' }))]);
  assert.deepEqual(same.map((r) => r.status).sort(), [201, 422], same.map((r) => r.body).join('\n'));
  assert.equal(errorAt(same.find((r) => r.status === 422)!.json, 'uscc').code, 'uscc_registered');
  const user = await Promise.all([register(registration({ username: 'race.c' })), register(registration({ username: 'race.c' }))]);
  assert.deepEqual(user.map((r) => r.status).sort(), [201, 422], user.map((r) => r.body).join('\n'));
  assert.equal(errorAt(user.find((r) => r.status === 422)!.json, 'username').code, 'username_taken');
});

test('registration is rate limited per address', async () => {
  const ip = fresh();
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/enterprises/register', payload: registration({ uscc: 'bad' }), remoteAddress: ip });
    statuses.push(r.statusCode);
  }
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(422));
  assert.equal(statuses[10], 429);
});

test('admin: creates users (a TOTP secret for staff), changes roles with an audit entry', async () => {
  const officer = await call(t, admin, {
    method: 'POST',
    url: '/api/v1/admin/users',
    payload: { username: 'officer.new', password: GOOD_PASSWORD, displayName: '李警官', role: 'officer', unitId: 'zhangdian-branch', mobile: '13912345678' },
  });
  assert.equal(officer.status, 201, officer.body);
  assert.match(officer.json.totpSecret, /^[A-Z2-7]{16,}$/);
  const signIn = await login({ username: 'officer.new', password: GOOD_PASSWORD, totp: totpOf(officer.json.totpSecret) });
  assert.equal(signIn.statusCode, 200, signIn.body);

  const ent = await buildEnterprise(t.ctx);
  const staff = await call(t, admin, {
    method: 'POST',
    url: '/api/v1/admin/users',
    payload: { username: 'staff.new', password: GOOD_PASSWORD, displayName: '张会计', role: 'enterprise-staff', enterpriseId: ent.id },
  });
  assert.equal(staff.status, 201, staff.body);
  assert.equal(staff.json.totpSecret, null);

  // Every bad field at once, nothing saved.
  const bad = await call(t, admin, {
    method: 'POST',
    url: '/api/v1/admin/users',
    payload: { username: 'officer.new', password: 'short', displayName: '王', role: 'officer', mobile: '139' },
  });
  assertProblem(bad, 422, { paths: ['username', 'password', 'unitId', 'mobile'], locale: 'zh' });
  const badUnit = await call(t, admin, { method: 'POST', url: '/api/v1/admin/users', payload: { username: 'officer.x', password: GOOD_PASSWORD, displayName: '王', role: 'officer', unitId: 'atlantis' } });
  assert.equal(errorAt(assertProblem(badUnit, 422, { paths: ['unitId'] }), 'unitId').code, 'unit_not_found');
  assertProblem(await call(t, admin, { method: 'POST', url: '/api/v1/admin/users', payload: { username: 'ent.x', password: GOOD_PASSWORD, displayName: '王', role: 'enterprise-admin' } }), 422, { paths: ['enterpriseId'] });
  assertProblem(await call(t, admin, { method: 'POST', url: '/api/v1/admin/users', payload: { username: 'x.y', password: GOOD_PASSWORD, displayName: '王', role: 'emperor' } }), 422, { paths: ['role'] });

  // Role change: audited, effective on the user's next request.
  const cookie = sessionCookie(signIn)!.split(';')[0];
  const change = await call(t, admin, { method: 'PUT', url: `/api/v1/admin/users/${officer.json.id}/role`, payload: { role: 'unit-leader', unitId: 'zhangdian-branch' } });
  assert.equal(change.status, 200, change.body);
  assert.equal(change.json.role, 'unit-leader');
  assert.equal((await me(cookie)).json.user.role, 'unit-leader');
  const audit = await auditEntries(t, admin);
  const entry = audit.find((e) => e.action === 'user.role' && e.subject === `user:${officer.json.id}`);
  assert.ok(entry, 'user.role audited');
  assert.deepEqual({ from: (entry.detail as { from: string }).from, to: (entry.detail as { to: string }).to }, { from: 'officer', to: 'unit-leader' });
  for (const action of ['login', 'login.failed', 'user.create', 'enterprise.register', 'token.create']) assert.ok(audit.some((e) => e.action === action), `${action} audited`);

  // An officer needs a unit; an unknown user is 404.
  assertProblem(await call(t, admin, { method: 'PUT', url: `/api/v1/admin/users/${officer.json.id}/role`, payload: { role: 'officer', unitId: null } }), 422, { paths: ['unitId'] });
  assertProblem(await call(t, admin, { method: 'PUT', url: '/api/v1/admin/users/7d8e0c1c-4a59-4a49-9d6c-0d0d0d0d0d0d/role', payload: { role: 'officer', unitId: 'zhangdian-branch' } }), 404);
  assertProblem(await call(t, admin, { method: 'PUT', url: '/api/v1/admin/users/not-a-uuid/role', payload: { role: 'officer', unitId: 'zhangdian-branch' } }), 422, { paths: ['id'] });

  // A user moved into a TOTP role gets a secret, so they can still sign in.
  const partner = await buildUser(t, 'partner', { signIn: false });
  await t.ctx.database.db.execute(sql`update users set totp_secret = null where id = ${partner.id}`);
  const promote = await call(t, admin, { method: 'PUT', url: `/api/v1/admin/users/${partner.id}/role`, payload: { role: 'officer', unitId: 'zhangdian-branch' } });
  assert.equal(promote.status, 200, promote.body);
  assert.match(promote.json.totpSecret, /^[A-Z2-7]{16,}$/);
  const secret = promote.json.totpSecret;
  assert.equal((await login({ username: partner.username, password: PASSWORD, totp: totpOf(secret) })).statusCode, 200);
});

test('admin: /admin/users never shows password hashes or TOTP secrets, and masks mobiles', async () => {
  const r = await call(t, admin, { method: 'GET', url: '/api/v1/admin/users?limit=200' });
  assert.equal(r.status, 200, r.body);
  assert.ok(r.json.users.length >= 2);
  assert.doesNotMatch(r.body, /argon2|passwordHash|password_hash|totpSecret|totp_secret/i);
  assert.ok(!r.body.includes(TOTP_SECRET));
  assert.ok(!r.body.includes('13800000000') && !r.body.includes('13912345678'));
  for (const u of r.json.users) {
    assert.deepEqual(Object.keys(u).sort(), ['disabled', 'displayName', 'enterpriseId', 'id', 'locked', 'mobile', 'mustChangePassword', 'role', 'unitId', 'username']);
    if (u.mobile !== null) assert.match(u.mobile, /^1\d{2}\*{4}\d{4}$/);
  }
  // Bad query parameters are named as written.
  const badLimit = await call(t, admin, { method: 'GET', url: '/api/v1/admin/users?limit=0' });
  assert.equal(errorAt(assertProblem(badLimit, 422, { paths: ['limit'] }), 'limit').code, 'too_small');
  // Cursor pagination walks every user once.
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof call>> = await call(t, admin, { method: 'GET', url: `/api/v1/admin/users?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` });
    for (const u of page.json.users) {
      assert.ok(!seen.has(u.id));
      seen.add(u.id);
    }
    cursor = page.json.nextCursor;
  } while (cursor);
  assert.equal(seen.size, r.json.users.length);
});

test('admin routes: anonymous 401, every other role 403', async () => {
  const others = await Promise.all((['supervisor', 'officer', 'unit-leader', 'partner', 'enterprise-admin', 'enterprise-staff'] as const).map((role) => buildUser(t, role)));
  const routes = [
    { method: 'GET', url: '/api/v1/admin/users' },
    { method: 'POST', url: '/api/v1/admin/users', payload: { username: 'sneaky', password: GOOD_PASSWORD, displayName: 'x', role: 'admin' } },
    { method: 'PUT', url: `/api/v1/admin/users/${admin.id}/role`, payload: { role: 'enterprise-staff', unitId: null } },
    { method: 'GET', url: '/api/v1/admin/audit' },
    { method: 'GET', url: '/api/v1/admin/audit/verify' },
  ] as const;
  for (const route of routes) {
    assertProblem(await call(t, null, route as never), 401, { code: 'unauthenticated' });
    for (const u of others) assertProblem(await call(t, u, route as never), 403, { code: 'forbidden' });
  }
  assert.equal((await me(admin.cookie)).json.user.role, 'admin');
  assertProblem(asRes(await login({ username: 'sneaky', password: GOOD_PASSWORD })), 401);
});

test('audit chain verifies', async () => {
  const r = await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit/verify' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.ok, true);
});

test('TOTP replay: a code whose time step was already used is refused like a wrong code, also after a newer step', async () => {
  const officer = await buildUser(t, 'officer', { signIn: false });
  const code = await freshTotp(t, officer.username);
  const first = await login({ username: officer.username, password: PASSWORD, totp: code });
  assert.equal(first.statusCode, 200, first.body);
  const again = asRes(await login({ username: officer.username, password: PASSWORD, totp: code }));
  const wrong = asRes(await login({ username: officer.username, password: PASSWORD, totp: wrongTotp() }));
  assertProblem(again, 401, { code: 'totp_invalid' });
  assertProblem(wrong, 401, { code: 'totp_invalid' });
  assert.equal(again.json.title, wrong.json.title);
  // The previous step's code (still inside the 30 s grace) is older than the accepted one: refused too.
  const step = Math.floor(Date.now() / 30_000);
  const [row] = await t.ctx.database.rows<{ s: string }>(sql`select totp_last_step::text as s from users where id = ${officer.id}`);
  assert.ok(Number(row!.s) >= step - 1 && Number(row!.s) <= step, `last step ${row!.s} vs ${step}`);
  const previous = generateHOTP(decodeBase32IgnorePadding(TOTP_SECRET), BigInt(Number(row!.s) - 1), 6);
  assertProblem(asRes(await login({ username: officer.username, password: PASSWORD, totp: previous })), 401, { code: 'totp_invalid' });
  // The next step's code is newer, so it is accepted once.
  const next = generateHOTP(decodeBase32IgnorePadding(TOTP_SECRET), BigInt(Number(row!.s) + 1), 6);
  if (Number(row!.s) + 1 <= step + 1) {
    assert.equal((await login({ username: officer.username, password: PASSWORD, totp: next })).statusCode, 200);
    assertProblem(asRes(await login({ username: officer.username, password: PASSWORD, totp: next })), 401, { code: 'totp_invalid' });
  }
});

test('the sign-in form asks stepwise: a right staff password without a code answers 200 totpRequired with no session and no failure; a wrong one is still 401', async () => {
  const officer = await buildUser(t, 'officer');
  const failuresBefore = (await auditEntries(t, admin)).filter((e) => e.action === 'login.failed').length;
  const step = asRes(await login({ username: officer.username, password: PASSWORD, stepwise: true }, { remoteAddress: fresh() }));
  assert.equal(step.status, 200);
  assert.deepEqual(step.json, { totpRequired: true });
  assert.equal(sessionCookie(await login({ username: officer.username, password: PASSWORD, stepwise: true }, { remoteAddress: fresh() })), undefined, 'no session before the code');
  assert.equal((await auditEntries(t, admin)).filter((e) => e.action === 'login.failed').length, failuresBefore, 'asking for the code is not a failed sign-in');
  const wrong = asRes(await login({ username: officer.username, password: 'Wrong#pass2026', stepwise: true }, { remoteAddress: fresh() }));
  assertProblem(wrong, 401, { code: 'invalid_credentials' });
  // without `stepwise` API clients keep the 401 they know
  assertProblem(asRes(await login({ username: officer.username, password: PASSWORD }, { remoteAddress: fresh() })), 401, { code: 'totp_required' });
  await freshTotp(t, officer.username);
  const done = await login({ username: officer.username, password: PASSWORD, totp: totpNow(), stepwise: true }, { remoteAddress: fresh() });
  assert.equal(done.statusCode, 200);
  assert.ok(sessionCookie(done));
});

test('/auth/session tells who is signed in, or null, with 200 either way', async () => {
  const anon = await call(t, null, { method: 'GET', url: '/api/v1/auth/session' });
  assert.equal(anon.status, 200);
  assert.deepEqual(anon.json, { user: null, passwordExpired: false });
  const cookie = await signInAdmin();
  const mine = await call(t, null, { method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
  assert.equal(mine.status, 200);
  assert.equal(mine.json.user.username, admin.username);
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/auth/session', headers: { cookie: 'jqt_session=forged' } })).json.user, null);
});
