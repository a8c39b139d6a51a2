/**
 * 网络安全检查 (M16): 网安支队's officer (Chinese, desktop) plans an inspection of 齐鲁新材料's project, records a high
 * finding, which issues the numbered 整改通知书 (its PDF downloads); the enterprise (English, 390 px phone) answers the
 * finding with an evidence file; the officer verifies it and the finding is closed. Axe on every screen.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CYBER_SEVERITIES } from '@jqt/domain';
import { type Stack, horizontalOverflow, seriousViolations, shot, signIn, startStack } from './support.ts';

const PROJECT = `数据中台安全检查${Date.now() % 100000}`;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('%%EOF')]);

async function pickDate(page: Page, id: string, date: string) {
  const el = page.locator(`#${id}`);
  await el.click();
  await el.fill(date);
  await el.press('Enter');
}

/** The verification link printed under the notice's QR code (Latin runs are hex strings of the Times font). */
function printedLink(pdf: Buffer): string {
  const lines = [...pdf.toString('latin1').matchAll(/BT (.*?) ET/g)].map((bt) =>
    [...bt[1].matchAll(/\/(F1|F2) [\d.]+ Tf <([0-9A-F]*)> Tj/g)].map(([, font, hex]) => (font === 'F2' ? Buffer.from(hex, 'hex').toString('latin1') : '\u4e00')).join(''),
  );
  const start = lines.findIndex((l) => l.startsWith('http'));
  let link = '';
  for (let i = start; i < lines.length && /^[\x21-\x7e]+$/.test(lines[i]); i++) link += lines[i];
  return link;
}

/** Cards whose content is wider than the card (cut off rather than scrolled, so the page itself does not overflow). */
const clipped = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.ant-card-body, .ant-card-head')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent?.slice(0, 40) ?? ''));

describe('cyber inspection: a high finding issued, answered with evidence and verified', { timeout: 600_000 }, () => {
  let stack: Stack;
  let officer: Page;
  let inspectionUrl = '';
  let verifyPath = '';
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: the cyber officer plans the inspection and records a high finding; the notice is issued', async () => {
    ({ page: officer } = await stack.newPage());
    await signIn(officer, 'officer.wangan');
    await officer.waitForURL(/\/workbench/);
    await officer.locator('.ant-menu a[href="/workbench/cyber"]').first().click();
    await officer.locator('[data-inspection]').first().waitFor();
    assert.deepEqual(await seriousViolations(officer), [], 'axe: the inspection list');
    await shot(officer, 'cyber-list-zh');

    await officer.getByTestId('cyber-plan-new').click();
    const ent = officer.locator('#cyber-plan_enterpriseId');
    await ent.click();
    await ent.fill('齐鲁新材料');
    await officer.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '齐鲁新材料' }).first().click();
    await officer.locator('#cyber-plan_projectName').fill(PROJECT);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await pickDate(officer, 'cyber-plan_plannedDate', today);
    await officer.locator('#cyber-plan_scope').fill('数据中台、对外接口与员工办公终端');
    const inspectors = officer.locator('#cyber-plan_inspectors');
    await inspectors.fill('王警官');
    await inspectors.press('Enter');
    await inspectors.fill('赵警官');
    await inspectors.press('Enter');
    assert.deepEqual(await seriousViolations(officer), [], 'axe: the plan form');
    await shot(officer, 'cyber-plan-zh');
    await officer.getByTestId('cyber-plan-save').click();
    await officer.waitForURL(/\/workbench\/cyber\/inspections\/[^/]+$/);
    inspectionUrl = new URL(officer.url()).pathname;
    await officer.locator('[data-testid="cyber-inspection"][data-status="planned"]').waitFor();

    await officer.locator('#cyber-result_summary').fill('数据中台接口未做鉴权，存在数据泄露风险');
    await officer.locator('#cyber-result_findings_0_description').fill('对外数据接口未做身份鉴权，可直接批量导出客户信息');
    await officer.getByTestId('cyber-result-save').click();
    await officer.locator('[data-testid="cyber-inspection"][data-status="completed"]').waitFor();
    const number = await officer.getByTestId('cyber-notice-number').innerText();
    assert.match(number, /^WAZG\d{10}$/);
    await officer.locator('[data-testid="cyber-finding"][data-severity="high"][data-status="open"]').waitFor();
    const pdf = await officer.request.get(await officer.getByTestId('cyber-notice-pdf').getAttribute('href') as string);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.deepEqual(await seriousViolations(officer), [], 'axe: the issued notice');
    await shot(officer, 'cyber-notice-zh', { fullPage: true });
    verifyPath = new URL(printedLink(await pdf.body())).pathname + new URL(printedLink(await pdf.body())).search;
    assert.match(verifyPath, new RegExp(`^/verify/${number}\\?s=`));
  });

  test('en phone: the enterprise answers the finding with evidence', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'ent.demo1');
    await page.goto('/enterprise/cyber');
    await page.locator('[data-inspection]', { hasText: PROJECT }).locator('a').click();
    const finding = page.locator('[data-testid="cyber-finding"][data-status="open"]');
    await finding.waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the enterprise sees its finding');
    assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling at 390 px');
    assert.deepEqual(await clipped(page), [], 'no card cuts its content off at 390 px');
    await shot(page, 'cyber-finding-en-phone', { fullPage: true });
    await finding.locator('textarea').fill('Authentication added to every external data interface; bulk export now needs an approved token.');
    await finding.locator('input[type="file"]').setInputFiles({ name: 'rectification-report.pdf', mimeType: 'application/pdf', buffer: PDF });
    await finding.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    await page.getByTestId('cyber-answer-submit').click();
    await page.locator('[data-testid="cyber-finding"][data-status="answered"]').waitFor();
    await page.getByTestId('cyber-evidence').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the answered finding');
    assert.equal(await horizontalOverflow(page), 0);
    assert.deepEqual(await clipped(page), []);
    await shot(page, 'cyber-answer-en-phone', { fullPage: true });
    await page.context().close();
  });

  test('zh desktop: the officer reads the evidence and verifies the finding', async () => {
    await officer.goto(inspectionUrl);
    const finding = officer.locator('[data-testid="cyber-finding"][data-status="answered"]');
    await finding.waitFor();
    const evidence = await finding.getByTestId('cyber-evidence').getAttribute('href');
    assert.equal((await officer.request.get(evidence!)).status(), 200, 'the unit reads the evidence');
    await finding.locator('textarea').fill('远程复核接口已启用鉴权，整改到位');
    await officer.getByTestId('cyber-verify').click();
    await officer.locator('[data-testid="cyber-finding"][data-status="closed"]').waitFor();
    assert.deepEqual(await seriousViolations(officer), [], 'axe: the verified finding');
    await shot(officer, 'cyber-verified-zh', { fullPage: true });

    await officer.locator('.ant-menu a[href="/workbench/cyber/drills"]').first().click();
    await officer.locator('[data-drill]').first().waitFor();
    assert.equal(await officer.locator('[data-drill]').count(), 2, 'the demo drill list of this year');
    assert.deepEqual(await seriousViolations(officer), [], 'axe: the drill list');
    await shot(officer, 'cyber-drills-zh');
  });

  test('en phone: the scanned notice verifies on the public page, and the portal guide lists the deadlines', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await page.goto(verifyPath);
    await page.locator('[data-testid="verify-status"][data-status="rectified"]').waitFor();
    assert.ok(!(await page.locator('body').innerText()).includes('鉴权'), 'the findings are not public');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the verification page');
    assert.equal(await horizontalOverflow(page), 0);
    await shot(page, 'cyber-verify-en-phone', { fullPage: true });
    await page.goto('/');
    const guide = page.getByTestId('guide-cyber');
    await guide.scrollIntoViewIfNeeded();
    assert.equal(await guide.locator('li').count(), CYBER_SEVERITIES.length);
    for (const sev of CYBER_SEVERITIES) assert.ok((await guide.innerText()).includes(`${sev.label.en} risk: ${sev.workdays} working days`), sev.value);
    assert.deepEqual(await seriousViolations(page), [], 'axe: the portal with the M16 guide');
    await shot(page, 'cyber-guide-en-phone', { here: true });
  });
});
