import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { notificationOutbox, passwordResets } from '../src/db/schema.ts';
import { drainOutbox } from '../src/jobs/outbox-worker.ts';
import { configureChannels } from '../src/modules/notifications/channels.ts';
import { sha256 } from '../src/modules/accounts/passwords.ts';
import { buildUser, call, freshTotp, makeTestApp, PASSWORD, signIn, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, auditEntries, EN } from './support-problem.ts';
import { startSmtp } from './support-outbox.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let admin: TestUser;
let ipSeq = 0;
/** Each test asks from its own address, so the route's per-address limit counts only the test that probes it. */
const nextIp = () => `198.51.100.${++ipSeq}`;

const NEW_PASSWORD = 'Neu#Pass2026';

const request = (username: unknown, ip: string, headers: Record<string, string> = {}) =>
  call(t, null, { method: 'POST', url: '/api/v1/auth/password-reset', payload: { username }, remoteAddress: ip, headers } as never);
const confirm = (payload: Record<string, unknown>, headers: Record<string, string> = {}) => call(t, null, { method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload, headers });
const outboxOf = (userId: string) => t.ctx.database.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, userId)).orderBy(notificationOutbox.id);
const resetsOf = (userId: string) => t.ctx.database.db.select().from(passwordResets).where(eq(passwordResets.userId, userId));

/** An enterprise account with an e-mail address saved but e-mail notices turned off: recovery mail still goes there. */
async function enterpriseWithAddress(address: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const u = await buildUser(t, 'enterprise-admin');
  const saved = await call(t, u, { method: 'PUT', url: '/api/v1/me/notification-preferences', payload: { email: false, sms: false, emailAddress: address }, headers: locale === 'en' ? EN : {} });
  assert.equal(saved.status, 200, saved.body);
  return u;
}

/** Delivers what is due and returns the reset mail sent to `address` (the newest), with the token of its link. */
async function mailTo(address: string) {
  await drainOutbox(t.ctx);
  const mail = smtp.accepted.filter((m) => m.to.includes(address)).at(-1);
  assert.ok(mail, `no mail to ${address}`);
  const link = /http:\/\/[^\s]+\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
  return { mail, link: link?.[0] ?? null, token: link?.[1] ?? null };
}

before(async () => {
  t = await makeTestApp();
  smtp = await startSmtp();
  t.ctx.config.smtp = { url: smtp.url, from: '警企通 <noreply@jqt.test>' };
  configureChannels(t.ctx.config);
  admin = await buildUser(t, 'admin');
});
after(async () => {
  await t.close();
  await smtp.close();
});

test('the link arrives by e-mail, sets the password once, ends every session, is audited and notified', async () => {
  t.setNow(undefined);
  const u = await enterpriseWithAddress('reset.one@example.cn');
  const asked = await request(u.username, nextIp());
  assert.equal(asked.status, 202, asked.body);
  const { mail, link, token } = await mailTo('reset.one@example.cn');
  assert.equal(mail.subject, '【警企通】重置密码');
  assert.ok(link && token, mail.text);
  assert.ok(link.startsWith(`${t.ctx.config.publicOrigin}/reset-password?token=`));
  assert.match(mail.text, /30 分钟/);
  assert.ok(mail.text.includes(u.username));
  const [row] = await resetsOf(u.id);
  assert.equal(row.tokenHash, sha256(token), 'only the hash is stored');
  assert.equal(row.expiresAt.getTime() - row.createdAt.getTime(), 30 * 60_000);
  const [queued] = (await outboxOf(u.id)).filter((r) => r.template === 'password_reset');
  assert.deepEqual(queued.params, {}, 'the link is wiped from the outbox once delivered');

  const done = await confirm({ token, newPassword: NEW_PASSWORD });
  assert.equal(done.status, 200, done.body);
  assert.equal(done.json.username, u.username);
  // The session signed in before the reset is over; the new password signs in, the old one does not.
  assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/auth/me' })).status, 401);
  const oldLogin = await call(t, null, { method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: PASSWORD } });
  assert.equal(oldLogin.status, 401);
  const cookie = await signIn(t, u.username, NEW_PASSWORD, 'enterprise-admin');
  const me = await call(t, { ...u, cookie }, { method: 'GET', url: '/api/v1/auth/me' });
  assert.equal(me.json.passwordExpired, false);

  // Once only.
  const again = assertProblem(await confirm({ token, newPassword: 'Anders#2026x' }), 422, { paths: ['token'], locale: 'zh' });
  assert.equal(again.errors![0].code, 'password_reset_invalid');
  // The user hears of it: in-site and by mail (their preferences say no e-mail notices; this is their account).
  const notices = await call(t, { ...u, cookie }, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(notices.json.notifications.some((n: { kind: string }) => n.kind === 'password_reset_done'));
  await drainOutbox(t.ctx);
  assert.ok(smtp.accepted.some((m) => m.to.includes('reset.one@example.cn') && m.subject === '【警企通】您的密码已重置'));
  const audit = await auditEntries(t, admin);
  assert.ok(audit.some((e) => e.action === 'password.reset.request' && e.subject === `user:${u.id}` && (e.detail as { outcome: string }).outcome === 'sent'));
  assert.ok(audit.some((e) => e.action === 'user.password.reset' && e.subject === `user:${u.id}` && (e.detail as { via: string }).via === 'link'));
});

test('the link expires after 30 minutes, and a newer link voids the older one', async () => {
  const u = await enterpriseWithAddress('reset.two@example.cn', 'en');
  const start = new Date();
  t.setNow(start);
  const ip = nextIp();
  assert.equal((await request(u.username, ip)).status, 202);
  const first = await mailTo('reset.two@example.cn');
  assert.equal(first.mail.subject, '[JQT] Reset your password', 'in the language the settings were saved in');
  t.setNow(new Date(start.getTime() + 60_000));
  assert.equal((await request(u.username, ip)).status, 202);
  const second = await mailTo('reset.two@example.cn');
  assert.notEqual(first.token, second.token);
  const voided = assertProblem(await confirm({ token: first.token, newPassword: NEW_PASSWORD }, EN), 422, { paths: ['token'], locale: 'en' });
  assert.equal(voided.errors![0].code, 'password_reset_invalid');
  // 30 minutes after the second link was made, it no longer works.
  t.setNow(new Date(start.getTime() + 60_000 + 30 * 60_000));
  const expired = assertProblem(await confirm({ token: second.token, newPassword: NEW_PASSWORD }), 422, { paths: ['token'] });
  assert.equal(expired.errors![0].code, 'password_reset_expired');
  t.setNow(new Date(start.getTime() + 60_000 + 30 * 60_000 - 1000));
  assert.equal((await confirm({ token: second.token, newPassword: NEW_PASSWORD })).status, 200, 'a second before, it does');
  t.setNow(undefined);
});

test('an unknown account, a staff account and an account with no address get the same answer, in similar time, and nothing is sent', async () => {
  const known = await enterpriseWithAddress('reset.three@example.cn');
  const bare = await buildUser(t, 'enterprise-admin', { signIn: false });
  const officer = await buildUser(t, 'officer', { signIn: false });
  const answers: { status: number; body: string; ms: number }[] = [];
  for (const name of [known.username, 'nobody.at.all', officer.username, bare.username]) {
    const started = performance.now();
    const r = await request(name, nextIp());
    answers.push({ status: r.status, body: r.body, ms: performance.now() - started });
  }
  for (const a of answers) {
    assert.equal(a.status, 202);
    assert.equal(a.body, answers[0].body);
    assert.ok(a.ms >= 290, `every answer waits out the same minimum (${Math.round(a.ms)} ms)`);
  }
  assert.ok(Math.max(...answers.map((a) => a.ms)) - Math.min(...answers.map((a) => a.ms)) < 250, JSON.stringify(answers.map((a) => Math.round(a.ms))));
  assert.equal((await resetsOf(officer.id)).length, 0, 'staff cannot reset themselves');
  assert.equal((await outboxOf(officer.id)).length, 0);
  assert.equal((await resetsOf(bare.id)).length, 0);
  assert.equal((await resetsOf(known.id)).length, 1);
  const audit = await auditEntries(t, admin);
  const outcome = (subject: string) => (audit.find((e) => e.action === 'password.reset.request' && e.subject === subject)?.detail as { outcome: string } | undefined)?.outcome;
  assert.equal(outcome('user:nobody.at.all'), 'unknown');
  assert.equal(outcome(`user:${officer.id}`), 'staff');
  assert.equal(outcome(`user:${bare.id}`), 'no_address');
});

test('rate limits: five requests per address in 15 minutes (429), three links per account an hour (then silence)', async () => {
  const u = await enterpriseWithAddress('reset.four@example.cn');
  const ip = nextIp();
  for (let i = 0; i < 5; i++) assert.equal((await request(u.username, ip)).status, 202, `request ${i + 1}`);
  assertProblem(await request(u.username, ip), 429);
  // Only three links were made and sent, although five requests were answered alike.
  assert.equal((await resetsOf(u.id)).length, 3);
  assert.equal((await outboxOf(u.id)).filter((r) => r.template === 'password_reset').length, 3);
  assert.equal((await request(u.username, nextIp())).status, 202, 'another address is not limited');
  assert.equal((await resetsOf(u.id)).length, 3, 'but the account is');
});

test('bad input is 422 problem+json with every field named, and nothing is saved', async () => {
  const u = await enterpriseWithAddress('reset.five@example.cn');
  assertProblem(await request('', nextIp()), 422, { paths: ['username'] });
  assertProblem(await call(t, null, { method: 'POST', url: '/api/v1/auth/password-reset', payload: { username: 'x', extra: 1 }, remoteAddress: nextIp() } as never), 422);
  assertProblem(await request('x'.repeat(65), nextIp()), 422, { paths: ['username'] });
  assert.equal((await resetsOf(u.id)).length, 0);
  assert.equal((await request(u.username, nextIp())).status, 202);
  const { token } = await mailTo('reset.five@example.cn');
  // A weak password with a good link: the link stays usable, the password unchanged.
  assertProblem(await confirm({ token, newPassword: 'short' }), 422, { paths: ['newPassword'], locale: 'zh' });
  assertProblem(await confirm({ token, newPassword: 'alllowercase' }), 422, { paths: ['newPassword'] });
  assertProblem(await confirm({ token, newPassword: PASSWORD }), 422, { paths: ['newPassword'] });
  assertProblem(await confirm({ token: 'not-a-token', newPassword: 'short' }), 422, { paths: ['token', 'newPassword'] });
  assertProblem(await confirm({ newPassword: NEW_PASSWORD }), 422, { paths: ['token'] });
  const [row] = await resetsOf(u.id);
  assert.equal(row.usedAt, null);
  assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/auth/me' })).status, 200, 'the session lives on');
  assert.equal((await confirm({ token, newPassword: NEW_PASSWORD })).status, 200);
});

test('an administrator resets a staff password: a temporary one, changed at the next sign-in; sessions end; others get 403', async () => {
  const officer = await buildUser(t, 'officer');
  const enterprise = await buildUser(t, 'enterprise-admin');
  const supervisor = await buildUser(t, 'supervisor');
  const url = `/api/v1/admin/users/${officer.id}/password-reset`;
  for (const who of [officer, enterprise, supervisor]) assertProblem(await call(t, who, { method: 'POST', url }), 403);
  assertProblem(await call(t, null, { method: 'POST', url }), 401);
  assertProblem(await call(t, admin, { method: 'POST', url: `/api/v1/admin/users/${admin.id}/password-reset` }), 409, { code: 'password_reset_self' });
  assertProblem(await call(t, admin, { method: 'POST', url: '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/password-reset' }), 404);
  assertProblem(await call(t, admin, { method: 'POST', url: '/api/v1/admin/users/not-a-uuid/password-reset' }), 422);

  const r = await call(t, admin, { method: 'POST', url });
  assert.equal(r.status, 200, r.body);
  const temporary = r.json.temporaryPassword as string;
  assert.match(temporary, /^[A-Z]{4}-[a-z]{4}-[2-9]{4}$/);
  assert.equal((await call(t, officer, { method: 'GET', url: '/api/v1/auth/me' })).status, 401, 'the officer\'s session ended');
  // The temporary password still needs the TOTP, and the answer says it must be changed.
  const noTotp = await call(t, null, { method: 'POST', url: '/api/v1/auth/login', payload: { username: officer.username, password: temporary } });
  assertProblem(noTotp, 401, { code: 'totp_required' });
  const login = await call(t, null, { method: 'POST', url: '/api/v1/auth/login', payload: { username: officer.username, password: temporary, totp: await freshTotp(t, officer.username) } });
  assert.equal(login.status, 200, login.body);
  assert.equal(login.json.passwordExpired, true);
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const signedIn = { ...officer, cookie };
  assert.equal((await call(t, signedIn, { method: 'GET', url: '/api/v1/auth/session' })).json.passwordExpired, true);
  const list = await call(t, admin, { method: 'GET', url: '/api/v1/admin/users?limit=200' });
  assert.ok(list.json.users.some((x: { id: string; mustChangePassword: boolean }) => x.id === officer.id && x.mustChangePassword));
  const changed = await call(t, signedIn, { method: 'PUT', url: '/api/v1/auth/password', payload: { currentPassword: temporary, newPassword: NEW_PASSWORD } });
  assert.equal(changed.status, 200, changed.body);
  assert.equal((await call(t, signedIn, { method: 'GET', url: '/api/v1/auth/me' })).json.passwordExpired, false);
  const notices = await call(t, signedIn, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(notices.json.notifications.some((n: { kind: string }) => n.kind === 'password_reset_by_admin'));
  const audit = await auditEntries(t, admin);
  const entry = audit.find((e) => e.action === 'user.password.reset' && e.subject === `user:${officer.id}`);
  assert.ok(entry);
  assert.equal((entry.detail as { via: string }).via, 'admin');
  assert.ok(!JSON.stringify(entry).includes(temporary), 'the temporary password is not in the audit log');
});

test('the temporary password is stored only as an argon2 hash', async () => {
  const partner = await buildUser(t, 'partner', { signIn: false });
  const r = await call(t, admin, { method: 'POST', url: `/api/v1/admin/users/${partner.id}/password-reset` });
  const [row] = await t.ctx.database.rows<{ password_hash: string; must_change_password: boolean }>(sql`select password_hash, must_change_password from users where id = ${partner.id}`);
  assert.ok(row.password_hash.startsWith('$argon2id$'));
  assert.ok(!row.password_hash.includes(r.json.temporaryPassword));
  assert.equal(row.must_change_password, true);
});
