/**
 * Forgotten passwords (issue 16 point 8): the login page's 忘记密码 link, the request, the link as the real server
 * delivers it (by e-mail, to an SMTP server this file runs) and the reset page, in Chinese on a desktop; the request
 * page in English at phone width; the administrator's reset of a staff password. Axe-clean, console-clean.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSmtp } from '../../../test-support/smtp.ts';
import { apiSession, horizontalOverflow, seriousViolations, shot, signIn, startStack, type Stack } from './support.ts';

const NEW_PASSWORD = 'Neu#Pass2026';

describe('forgotten password: request, e-mailed link, reset; admin reset', { timeout: 600_000 }, () => {
  let stack: Stack;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  before(async () => {
    smtp = await startSmtp();
    stack = await startStack({ env: { SMTP_URL: smtp.url, SMTP_FROM: 'noreply@jqt.test' } });
  });
  after(async () => {
    await stack?.stop();
    await smtp?.close();
  });

  test('zh desktop: 忘记密码 on the login page, the link by e-mail, a new password, sign-in with it', async () => {
    // The account keeps an e-mail address in its notification settings (e-mail notices off: recovery mail still goes).
    const ent = await apiSession(stack.baseURL, 'ent.demo1');
    await ent.json('/me/notification-preferences', { method: 'PUT', body: { email: false, sms: false, emailAddress: 'ent.demo1@example.cn' } });

    const { page, context } = await stack.newPage({ lang: 'zh-CN' });
    await page.goto('/login');
    await page.getByTestId('forgot-password').click();
    await page.waitForURL('**/forgot-password');
    await page.getByRole('heading', { name: '找回密码' }).waitFor();
    await shot(page, 'password-reset-request');
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('#forgot-password_username').fill('ent.demo1');
    await page.getByTestId('reset-request-submit').click();
    await page.getByTestId('reset-sent').waitFor();
    assert.match(await page.getByTestId('reset-sent').innerText(), /30 分钟/);
    await shot(page, 'password-reset-sent');
    assert.deepEqual(await seriousViolations(page), []);

    // The outbox worker (every 5 s) delivers the link to this file's SMTP server.
    let link: RegExpExecArray | null = null;
    for (let i = 0; i < 120 && !link; i++) {
      const mail = smtp.accepted.find((m) => m.to.includes('ent.demo1@example.cn'));
      link = mail ? /https?:\/\/[^\s/]+(\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(mail.text) : null;
      if (!link) await sleep(500);
    }
    assert.ok(link, `no reset mail arrived: ${JSON.stringify(smtp.accepted).slice(0, 500)}`);
    // The link names the platform's public origin (PUBLIC_ORIGIN); its path opens the reset page of this server.
    await page.goto(link[1]);
    await page.getByRole('heading', { name: '设置新密码' }).waitFor();
    // The policy is explained, and the two entries must match before anything is sent.
    assert.match(await page.locator('form[id="reset-password"]').innerText(), /至少 8 位/);
    await page.locator('#reset-password_newPassword').fill(NEW_PASSWORD);
    await page.locator('#reset-password_confirm').fill('Something#else1');
    await page.getByTestId('reset-submit').click();
    await page.getByText('两次输入的密码不一致').waitFor();
    await shot(page, 'password-reset-form');
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('#reset-password_confirm').fill(NEW_PASSWORD);
    await page.getByTestId('reset-submit').click();
    await page.getByRole('heading', { name: '密码已重置' }).waitFor();
    await shot(page, 'password-reset-done');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByTestId('reset-to-login').click();
    await page.waitForURL('**/login');
    await signIn(page, 'ent.demo1', NEW_PASSWORD);
    await page.waitForURL('**/enterprise**');

    // The link works once: opened again, it says so and offers a new one.
    await page.goto(link[1]);
    await page.locator('#reset-password_newPassword').fill('Dritte#Pass2026');
    await page.locator('#reset-password_confirm').fill('Dritte#Pass2026');
    await page.getByTestId('reset-submit').click();
    await page.getByText('重置链接无效或已被使用').waitFor();
    await shot(page, 'password-reset-used');
    assert.deepEqual(await seriousViolations(page), []);
    await context.close();
  });

  test('en phone: the request page, and the same answer for an account that does not exist', async () => {
    const { page, context } = await stack.newPage({ lang: 'en', phone: true });
    await page.goto('/forgot-password');
    await page.getByRole('heading', { name: 'Forgot your password' }).waitFor();
    await shot(page, 'password-reset-request-en-phone');
    assert.deepEqual(await seriousViolations(page), []);
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scrolling on a phone');
    await page.locator('#forgot-password_username').fill('no.such.account');
    await page.getByTestId('reset-request-submit').click();
    await page.getByTestId('reset-sent').waitFor();
    assert.match(await page.getByTestId('reset-sent').innerText(), /If an enterprise account with this username exists/);
    await shot(page, 'password-reset-sent-en-phone');
    assert.deepEqual(await seriousViolations(page), []);
    await context.close();
  });

  test('zh desktop: the administrator resets a staff password; the officer must change it at sign-in', async () => {
    const { page, context } = await stack.newPage({ lang: 'zh-CN' });
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    const reset = page.getByTestId('reset-password-officer.jiaojing');
    await reset.waitFor();
    await reset.click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '重置密码' }).click();
    const temporary = page.getByTestId('temporary-password');
    await temporary.waitFor();
    const password = (await temporary.innerText()).trim();
    assert.match(password, /^[A-Z]{4}-[a-z]{4}-[2-9]{4}$/);
    await shot(page, 'password-reset-admin');
    assert.deepEqual(await seriousViolations(page), []);
    await context.close();

    const officer = await stack.newPage({ lang: 'zh-CN' });
    await signIn(officer.page, 'officer.jiaojing', password);
    await officer.page.waitForURL('**/account/password**');
    await officer.page.getByRole('heading', { name: '修改密码' }).waitFor();
    await shot(officer.page, 'password-reset-must-change');
    assert.deepEqual(await seriousViolations(officer.page), []);
    await officer.page.locator('#change-password_currentPassword').fill(password);
    await officer.page.locator('#change-password_newPassword').fill(NEW_PASSWORD);
    await officer.page.locator('#change-password_confirm').fill(NEW_PASSWORD);
    await officer.page.getByTestId('change-password-submit').click();
    await officer.page.waitForURL('**/workbench**');
    await officer.context.close();
  });
});
