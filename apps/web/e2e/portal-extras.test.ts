/**
 * Portal extras: public policies & case bulletins (M2, search + detail) and the truck access checker (M8),
 * Chinese on a desktop (with an axe scan) and on a 390 px phone.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT, SCREENSHOTS, fillItemForm, horizontalOverflow, seriousViolations, shot, signIn, startStack, type Stack } from './support.ts';

/** Like support's shot(), but the whole page (the checker's answer sits below the form). */
async function fullShot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  const dir = join(ROOT, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

async function checkTruck(page: Page, v: { plate: string; massKg: number; lengthMm: number; road: string; at: string }) {
  await page.locator('#truck_vehicle_plate').fill(v.plate);
  await page.locator('#truck_vehicle_totalMassKg').fill(String(v.massKg));
  await page.locator('#truck_vehicle_lengthMm').fill(String(v.lengthMm));
  await page.locator('#truck_roadId').click();
  await page.locator('#truck_roadId').fill(v.road);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option:has-text("${v.road}")`).first().click();
  const at = page.locator('#truck_at');
  await at.click();
  await at.fill(v.at);
  await at.press('Enter');
  await page.keyboard.press('Escape');
  await page.getByTestId('truck-check-submit').click();
  const result = page.getByTestId('truck-check-result');
  await result.waitFor();
  return result;
}

describe('portal extras: bulletins, the truck access checker, attachments', { timeout: 300_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: search the bulletins for 诈骗 and open one', async () => {
    const { page, context } = await stack.newPage({ lang: 'zh-CN' });
    await page.goto('/');
    await page.getByTestId('measure-link-bulletins').click();
    await page.waitForURL('**/bulletins');
    const list = page.getByTestId('bulletins-list');
    await list.locator('li').first().waitFor();
    await fullShot(page, 'bulletins-zh');
    await page.getByRole('searchbox', { name: '搜索政策与通报' }).fill('诈骗');
    await page.getByRole('searchbox', { name: '搜索政策与通报' }).press('Enter');
    await page.waitForURL(/q=/);
    await page.getByText('“诈骗”的搜索结果').waitFor();
    const titles = await list.locator('h2').allTextContents();
    assert.ok(titles.length > 0, 'some results');
    assert.ok((await list.textContent())!.includes('诈骗'), `a result mentions 诈骗: ${titles.join(' | ')}`);
    await page.getByRole('tab', { name: '风险提示' }).click();
    await page.waitForURL(/kind=warning/);
    await list.locator('li').first().locator('a').click();
    await page.getByTestId('bulletin-detail').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await context.close();
  });

  test('zh desktop and en phone: the portal search finds services and policies (issue 16)', async () => {
    for (const v of [{ lang: 'zh-CN' as const, phone: false, q: '居住证', service: /居住证/, pub: /居住证/ }, { lang: 'en' as const, phone: true, q: 'pass', service: /pass/i, pub: null }]) {
      const { page, context } = await stack.newPage({ lang: v.lang, phone: v.phone });
      await page.goto('/');
      await page.getByTestId('portal-search').click();
      await page.waitForURL('**/search');
      await page.locator('#site-q').fill(v.q);
      await page.locator('#site-q').press('Enter');
      await page.waitForURL(/q=/);
      const services = page.getByTestId('search-services');
      await services.locator('.ant-list-item a').first().waitFor();
      assert.match(await services.innerText(), v.service);
      const pubs = page.getByTestId('search-publications');
      if (v.pub) {
        await pubs.locator('.ant-list-item a').first().waitFor();
        assert.match(await pubs.innerText(), v.pub);
      }
      if (v.phone) assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
      const a11y = await seriousViolations(page);
      assert.deepEqual(a11y, [], JSON.stringify(a11y, null, 1));
      await shot(page, `search-${v.lang === 'en' ? 'en-phone' : 'zh'}`, { fullPage: true });
      await services.locator('.ant-list-item a').first().click();
      await page.waitForURL(/\/services\//);
      await context.close();
    }
  });

  test('zh desktop: a heavy diesel truck is denied in the zone at 10:00, allowed outside it', async () => {
    const { page, context } = await stack.newPage({ lang: 'zh-CN' });
    await page.goto('/truck-access');
    const denied = await checkTruck(page, { plate: '鲁C12345', massKg: 25000, lengthMm: 9000, road: '人民路', at: '2026-11-25 10:00' });
    assert.equal(await denied.getAttribute('data-allowed'), 'false');
    await denied.getByText('不能通行', { exact: true }).waitFor();
    await denied.getByText('建议：', { exact: true }).waitFor();
    await page.getByTestId('truck-apply-pass').waitFor();
    assert.match((await denied.textContent()) ?? '', /重型货车/);
    // the driver reads the reason in words, not the rule's internal code (issue 16)
    const rule = (await denied.getAttribute('data-rule'))!;
    assert.ok(rule && !((await denied.textContent()) ?? '').includes(rule), `no rule code (${rule}) on screen`);
    assert.deepEqual(await seriousViolations(page), []);
    await fullShot(page, 'truck-check-zh');
    const allowed = await checkTruck(page, { plate: '鲁C12345', massKg: 25000, lengthMm: 9000, road: '齐鲁石化大道', at: '2026-11-25 10:00' });
    assert.equal(await allowed.getAttribute('data-allowed'), 'true');
    await allowed.getByText('可以通行', { exact: true }).waitFor();
    await context.close();
  });

  test('zh phone: the checker works at 390 px and the pass-code button asks to sign in', async () => {
    const { page, context } = await stack.newPage({ lang: 'zh-CN', phone: true });
    await page.goto('/truck-access');
    const denied = await checkTruck(page, { plate: '鲁C12345', massKg: 25000, lengthMm: 9000, road: '人民路', at: '2026-11-25 10:00' });
    assert.equal(await denied.getAttribute('data-allowed'), 'false');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at 390 px (overflow ${overflow})`);
    await fullShot(page, 'truck-check-zh-phone');
    await page.getByTestId('truck-apply-pass').click();
    await page.waitForURL(/\/login\?next=/);
    await context.close();
  });

  test('en desktop and en phone: the bulletins and the truck checker in English', async () => {
    for (const phone of [false, true]) {
      const sfx = phone ? 'en-phone' : 'en';
      const { page, context } = await stack.newPage({ lang: 'en', phone });
      await page.goto('/bulletins');
      await page.getByRole('heading', { level: 1, name: 'Policies & case bulletins' }).waitFor();
      await page.getByTestId('bulletins-list').locator('li').first().waitFor();
      await page.getByRole('searchbox', { name: 'Search policies and bulletins' }).waitFor();
      assert.ok((await horizontalOverflow(page)) <= 0, `no sideways scroll (${sfx})`);
      await fullShot(page, `bulletins-${sfx}`);
      await page.goto('/truck-access');
      const denied = await checkTruck(page, { plate: '鲁C12345', massKg: 25000, lengthMm: 9000, road: '人民路', at: '2026-11-25 10:00' });
      assert.equal(await denied.getAttribute('data-allowed'), 'false');
      await denied.getByText('Access not allowed', { exact: true }).waitFor();
      await page.getByTestId('truck-apply-pass').getByText('Apply for a temporary pass code').waitFor();
      assert.match((await denied.textContent()) ?? '', /Heavy truck/);
      assert.ok((await horizontalOverflow(page)) <= 0, `no sideways scroll (${sfx})`);
      if (!phone) assert.deepEqual(await seriousViolations(page), []);
      await fullShot(page, `truck-check-${sfx}`);
      await context.close();
    }
  });

  test('zh phone: an enterprise attaches a PNG (a .txt is refused) and files an appeal with it', async () => {
    const types = (await (await fetch(`${stack.baseURL}/api/v1/item-types`)).json()) as { code: string; form: Parameters<typeof fillItemForm>[2] }[];
    const schema = types.find((x) => x.code === 'appeal')!.form;
    const { page, context } = await stack.newPage({ lang: 'zh-CN', phone: true });
    await signIn(page, 'ent.demo1');
    await page.goto('/enterprise/new?type=appeal');
    await page.locator('#new-appeal_title').waitFor();
    await fillItemForm(page, 'new-appeal', schema, { category: '政策咨询', title: '附件测试：营业执照扫描件', content: '随附营业执照扫描件，请核对。', contactName: '王经理', contactPhone: '13800138000' });
    // a 1×1 PNG and a text file
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
    await page.locator('[data-field="attachments"] input[type=file]').setInputFiles([
      { name: 'licence.png', mimeType: 'image/png', buffer: png },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
    ]);
    await page.getByText('notes.txt：仅支持 PDF、JPG、PNG、XLSX 文件').waitFor();
    await page.locator('[data-field="attachments"] .ant-upload-list-item-done, [data-field="attachments"] .ant-upload-list-item:not(.ant-upload-list-item-uploading)').filter({ hasText: 'licence.png' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-form-item-has-error'));
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/v1/items') && r.method() === 'POST');
    await page.getByTestId('item-form-submit').click();
    const body = (await posted).postDataJSON() as { data: { attachments?: string[] } };
    assert.equal(body.data.attachments?.length, 1, 'one attachment id is filed with the item');
    await page.waitForURL(/\/enterprise\/items\/[0-9a-f-]{36}/);
    await context.close();
  });
});
