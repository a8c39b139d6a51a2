/**
 * 服务专员 and the TIA thresholds: an admin names zb-hukou's service specialist (a tampered save shows the server's
 * field error first); an enterprise's talent-hukou application, accepted by the hukou officer, shows the applicant
 * the specialist's name; a unit leader assigns an item to another officer through the picker; an admin publishes a
 * TIA threshold version (a value out of bounds first: a field error, nothing saved) and the public guide shows it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeIdCard } from '@jqt/domain';
import { PHONE, type ApiSession, type Stack, apiSession, horizontalOverflow, seriousViolations, shot, signIn, startStack } from './support.ts';

interface Staff {
  id: string;
  displayName: string;
  role: string;
  specialist: boolean;
}
interface Bound {
  min: number;
  max: number;
  integer: boolean;
}
type Thresholds = Record<'buildingAreaM2' | 'parkingSpaces' | 'peakHourTrips', number>;

/** The same page in English at 390 px (the language is kept in localStorage). */
async function toEnglishPhone(page: Page) {
  await page.evaluate(() => localStorage.setItem('jqt.lang', 'en'));
  await page.setViewportSize(PHONE);
  await page.reload();
}
async function toChineseDesktop(page: Page) {
  await page.evaluate(() => localStorage.setItem('jqt.lang', 'zh-CN'));
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.reload();
}

describe('service specialists, the assign picker and the TIA thresholds', { timeout: 600_000 }, () => {
  let stack: Stack;
  let admin: Page;
  let adminApi: ApiSession;
  let entApi: ApiSession;
  const talent = { id: '', number: '' };
  const HUJI = '户政支队 人才落户服务专员 陈警官';

  before(async () => {
    stack = await startStack();
    adminApi = await apiSession(stack.baseURL, 'admin');
    entApi = await apiSession(stack.baseURL, 'ent.demo1');
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: the admin names zb-hukou\'s specialist; a save the server refuses shows its field error', async () => {
    ({ page: admin } = await stack.newPage());
    // the API sign-in used this window's code: the browser takes the next one if needed (signIn retries)
    await signIn(admin, 'admin');
    await admin.goto('/admin/units');
    await admin.locator('button[data-unit="zb-hukou"]').click();
    const drawer = admin.getByTestId('specialists-drawer');
    await drawer.getByTestId('current-specialists').getByText(HUJI).waitFor();
    // a stranger's id slipped into the request (as a stale list would): the server's 422 lands on the field
    await admin.route('**/api/v1/admin/units/zb-hukou/specialists', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { userIds: string[] };
      await route.continue({ postData: JSON.stringify({ userIds: [...body.userIds, randomUUID()] }) });
    });
    await drawer.getByTestId('specialists-save').click();
    await drawer.locator('.ant-form-item-explain-error').first().waitFor();
    await admin.unrouteAll();
    await shot(admin, 'specialists-error-zh');
    const staff = (await adminApi.json<{ staff: Staff[] }>('/units/zb-hukou/staff')).staff;
    assert.deepEqual(staff.filter((s) => s.specialist).map((s) => s.displayName), [HUJI], 'nothing saved by the refused request');
    // clear, pick the hukou officer again, save
    // each step is awaited on screen before the next: under CI load a click on a not-yet-cleared option deselects it
    const chosen = drawer.getByTestId('specialists-select').locator('.ant-select-selection-item');
    await drawer.locator('.ant-select-selection-item-remove').first().click();
    await chosen.first().waitFor({ state: 'detached' });
    await drawer.locator('#specialists_userIds').click();
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: HUJI }).click();
    await chosen.filter({ hasText: HUJI }).waitFor();
    await admin.keyboard.press('Escape');
    await drawer.getByTestId('specialists-save').click();
    await admin.locator('.ant-message-success').waitFor();
    await admin.waitForFunction(() => !document.querySelector('[data-testid="specialists-drawer"] .ant-form-item-explain-error'));
    await drawer.getByTestId('current-specialists').getByText(HUJI).waitFor();
    await shot(admin, 'specialists-zh');
    await toEnglishPhone(admin);
    await admin.locator('button[data-unit="zb-hukou"]').scrollIntoViewIfNeeded();
    await admin.locator('button[data-unit="zb-hukou"]').click();
    await admin.getByTestId('specialists-drawer').getByText(HUJI).first().waitFor();
    await admin.getByTestId('specialists-drawer').getByText('Service specialists').first().waitFor();
    assert.ok((await horizontalOverflow(admin)) <= 0, 'no sideways scroll at 390 px');
    await shot(admin, 'specialists-en-phone');
    await toChineseDesktop(admin);
  });

  test('the enterprise files a talent-hukou application; the hukou officer accepts; the applicant sees the specialist', async () => {
    const item = await entApi.json<{ id: string; number: string }>('/items', {
      headers: { 'Idempotency-Key': randomUUID() },
      body: {
        type: 'talent-hukou',
        data: { channel: 'local-graduate', name: '刘思源', idNumber: makeIdCard('370303', '2002-04-18', 88), mobile: '13905330188', institution: '山东理工大学', education: 'bachelor', targetAddress: '淄博市张店区人民西路 18 号 齐鲁新材料集体户' },
      },
    });
    Object.assign(talent, { id: item.id, number: item.number });
    const { page: officer, context } = await stack.newPage();
    await signIn(officer, 'officer.huji');
    await officer.goto(`/workbench/items/${talent.id}`);
    await officer.locator('[data-testid="item-detail"][data-status="submitted"]').waitFor();
    await officer.locator('[data-action="accept"]').click();
    await officer.locator('.ant-modal #action_note').waitFor();
    await officer.getByTestId('action-confirm').click();
    const accepted = await Promise.race([
      officer.locator('[data-testid="item-detail"]:not([data-status="submitted"])').waitFor().then(() => ''),
      officer.locator('.ant-message-error, .ant-message-warning, .ant-modal .ant-form-item-explain-error').first().waitFor().then(async () => officer.locator('.ant-message, .ant-modal').first().innerText()),
    ]);
    assert.equal(accepted, '', 'accepted without an error');
    await officer.getByTestId('item-specialist').getByText(HUJI).waitFor();
    await context.close();

    const { page: ent, context: entContext } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(ent, 'ent.demo1');
    await ent.goto(`/enterprise/items/${talent.id}`);
    const line = ent.getByTestId('item-specialist');
    await line.waitFor();
    assert.match(await line.innerText(), new RegExp(`Service specialist:\\s*${HUJI}`));
    assert.ok((await horizontalOverflow(ent)) <= 0, 'no sideways scroll at 390 px');
    await shot(ent, 'talent-specialist-en-phone');
    await ent.evaluate(() => localStorage.setItem('jqt.lang', 'zh-CN'));
    await ent.setViewportSize({ width: 1366, height: 900 });
    await ent.reload();
    await ent.getByTestId('item-specialist').getByText('服务专员：').waitFor();
    await shot(ent, 'talent-specialist-zh');
    await entContext.close();
  });

  test('zh desktop: the 张店 leader assigns an accepted appeal to the officer through the picker', async () => {
    const appeal = await entApi.json<{ id: string }>('/items', {
      headers: { 'Idempotency-Key': randomUUID() },
      body: { type: 'appeal', data: { category: 'policy', title: '咨询分派测试', content: '请问夜间施工许可如何办理？', contactName: '王经理', contactPhone: '13800138000' } },
    });
    const staff = (await adminApi.json<{ staff: Staff[] }>('/units/zhangdian-branch/staff')).staff;
    const officerLi = staff.find((s) => s.role === 'officer')!;
    const leaderApi = await apiSession(stack.baseURL, 'leader.zhangdian');
    const current = await leaderApi.json<{ version: number }>(`/items/${appeal.id}`);
    await leaderApi.json(`/items/${appeal.id}/transitions`, { body: { action: 'accept', version: current.version } });

    const { page: leader, context } = await stack.newPage();
    await signIn(leader, 'leader.zhangdian');
    await leader.goto(`/workbench/items/${appeal.id}`);
    await leader.locator('[data-action="assign"]').click();
    const select = leader.locator('#action_assigneeId');
    await select.waitFor();
    // the default is me
    await leader.locator('.ant-modal .ant-select-content, .ant-modal .ant-select-selection-item').filter({ hasText: '（我）' }).first().waitFor();
    await select.click();
    const option = leader.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: officerLi.displayName });
    await option.waitFor();
    await shot(leader, 'assign-picker-zh', { here: true });
    await option.click();
    await leader.getByTestId('action-confirm').click();
    await leader.locator('.ant-message-success').waitFor();
    const after = await leaderApi.json<{ assigneeId: string }>(`/items/${appeal.id}`);
    assert.equal(after.assigneeId, officerLi.id);
    // English at 390 px: the picker with its tags fits
    await toEnglishPhone(leader);
    await leader.locator('[data-action="assign"]').click();
    await leader.locator('#action_assigneeId').click();
    await leader.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    assert.ok((await horizontalOverflow(leader)) <= 0, 'no sideways scroll at 390 px');
    await shot(leader, 'assign-picker-en-phone', { here: true });
    await context.close();
  });

  test('zh desktop: the admin publishes a TIA threshold version (an out-of-bounds value first), and the public guide shows it', async () => {
    const before = await adminApi.json<{ versions: { version: number; thresholds: Thresholds; inForce: boolean }[]; bounds: Record<keyof Thresholds, Bound> }>('/traffic/tia-thresholds');
    const inForce = before.versions.find((v) => v.inForce)!;
    await admin.goto('/admin/tia-thresholds');
    await admin.getByTestId('tia-thresholds-page').locator(`tr[data-version="${inForce.version}"]`).waitFor();
    const b = before.bounds.buildingAreaM2;
    await admin.locator('#tia_thresholds_buildingAreaM2').fill(String(b.max + 1));
    await admin.getByTestId('tia-publish').click();
    await admin.locator('[data-field="buildingAreaM2"] .ant-form-item-explain-error').waitFor();
    await shot(admin, 'tia-thresholds-error-zh', { fullPage: true });
    const still = await adminApi.json<{ versions: unknown[] }>('/traffic/tia-thresholds');
    assert.equal(still.versions.length, before.versions.length, 'nothing saved');

    const next: Thresholds = {
      buildingAreaM2: Math.min(b.max, Math.max(b.min, inForce.thresholds.buildingAreaM2 + 5000)),
      parkingSpaces: Math.min(before.bounds.parkingSpaces.max, inForce.thresholds.parkingSpaces + 50),
      peakHourTrips: inForce.thresholds.peakHourTrips,
    };
    await admin.locator('#tia_thresholds_buildingAreaM2').fill(String(next.buildingAreaM2));
    await admin.locator('#tia_thresholds_parkingSpaces').fill(String(next.parkingSpaces));
    await admin.locator('#tia_note').fill('e2e：按新通知调整');
    await admin.getByTestId('tia-publish').click();
    await admin.locator('.ant-message-success').waitFor();
    const published = inForce.version + 1;
    await admin.locator(`tr[data-version="${published}"][data-in-force="true"]`).waitFor();
    await admin.waitForFunction(() => !document.querySelector('.ant-form-item-explain-error, .ant-message-notice'));
    await shot(admin, 'tia-thresholds-zh', { fullPage: true });
    assert.deepEqual(await seriousViolations(admin), [], 'the TIA thresholds page passes axe');
    await toEnglishPhone(admin);
    await admin.locator(`tr[data-version="${published}"]`).waitFor();
    assert.ok((await horizontalOverflow(admin)) <= 0, 'no sideways scroll at 390 px');
    await shot(admin, 'tia-thresholds-en-phone', { fullPage: true });

    const { page: guest, context } = await stack.newPage();
    await guest.goto('/services/tia-screening');
    const card = guest.getByTestId('tia-thresholds-current');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-version'), String(published));
    for (const k of ['buildingAreaM2', 'parkingSpaces', 'peakHourTrips'] as const) {
      assert.match(await card.locator(`[data-threshold="${k}"]`).innerText(), new RegExp(next[k].toLocaleString('zh-CN').replace(/,/g, ',?')));
    }
    await card.scrollIntoViewIfNeeded();
    await shot(guest, 'tia-guide-zh', { here: true });
    assert.deepEqual(await seriousViolations(guest), [], 'the guide with the thresholds passes axe');
    await toEnglishPhone(guest);
    await guest.getByTestId('tia-thresholds-current').scrollIntoViewIfNeeded();
    await guest.getByText('Thresholds in force').waitFor();
    assert.ok((await horizontalOverflow(guest)) <= 0, 'no sideways scroll at 390 px');
    await shot(guest, 'tia-guide-en-phone', { here: true });
    await context.close();
  });
});
