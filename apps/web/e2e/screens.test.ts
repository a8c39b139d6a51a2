/**
 * Issue 13 point 3, every feature on a screen: the journeys that worked only through the API, done by clicks.
 * 居住证集中申办 (M5): 齐鲁新材料's coordinator downloads the template, uploads a filled list with one bad row and sees
 * that row's bad cells named; the station's officer accepts the batch, marks it produced and records who signed for
 * the delivery; in English on a phone a sheet of only bad rows is refused with its row report, and the demo's
 * delivered batch shows its signer.
 * 打包办 (M6): 齐鲁新材料 chooses 项目开工一件事, fills one form (the shared details once), is refused a works end before
 * its start on that item's field, then gets one receipt with both items, each on its own clock and linked to its page;
 * in English on a phone the same for 大件运输一件事.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { makeIdCard } from '@jqt/domain';
import type { Page } from 'playwright-core';
import { type Stack, beijingDate, horizontalOverflow, seriousViolations, shot, signIn, startStack, choose } from './support.ts';

const FILES = mkdtempSync(join(tmpdir(), 'jqt-screens-'));

/** A filled batch list like a coordinator's: header row of Chinese labels, one employee per row. */
async function residenceSheet(name: string, rows: Record<string, string>[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  const cols = ['name', 'idNumber', 'mobile', 'address', 'residenceSince', 'employer'];
  ws.addRow(cols);
  for (const r of rows) ws.addRow(cols.map((c) => r[c]));
  const file = join(FILES, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}
const employee = (i: number, over: Record<string, string> = {}) => ({
  name: `测试员工${i}`,
  idNumber: makeIdCard('370303', `1992-0${(i % 9) + 1}-1${i % 10}`, 300 + i),
  mobile: `1390533${String(5000 + i)}`,
  address: `淄博市张店区人民西路 18 号齐鲁新材料职工公寓 ${(i % 6) + 1} 号楼`,
  residenceSince: '2025-10-01',
  employer: '淄博齐鲁新材料科技有限公司',
  ...over,
});

async function menu(page: Page, label: string | RegExp, phone = false) {
  if (phone) await page.getByTestId('menu-toggle').click();
  await page.getByRole('link', { name: label }).first().click();
}

/** One server and browser for the whole file: each screen's journeys use their own demo data. */
let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

async function pickDate(page: Page, id: string, date: string) {
  const el = page.locator(`#${id}`);
  await el.click();
  await el.fill(date);
  await el.press('Enter');
}

describe('居住证集中申办 residence permits in batch (M5)', { timeout: 600_000 }, () => {

  test('zh desktop: the coordinator uploads a list, sees the bad row by field; the station accepts, produces and delivers', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'ent.demo1');
    await menu(page, '居住证集中申办');
    await page.waitForURL(/\/enterprise\/residence-batches$/);
    const template = page.getByTestId('batch-template');
    assert.match((await template.getAttribute('href')) ?? '', /\/api\/v1\/residence-permits\/template\.xlsx$/);
    const tpl = await page.request.get('/api/v1/residence-permits/template.xlsx');
    assert.equal(tpl.status(), 200);
    assert.match(tpl.headers()['content-type'] ?? '', /spreadsheetml/);

    const file = await residenceSheet('员工名单.xlsx', [employee(1), employee(2, { mobile: '1390533', idNumber: '370303199201011234' }), employee(3)]);
    await page.locator('input[type="file"]').setInputFiles(file);
    const result = page.locator('[data-testid="batch-result"][data-kind="ok"]');
    await result.waitFor();
    assert.match(await result.innerText(), /2 人已进入受理，1 行未通过/);
    const bad = page.locator('[data-testid="row-report"] [data-row]');
    assert.equal(await bad.count(), 1, 'one row rejected');
    const row = bad.first();
    assert.match(await row.innerText(), /第 3 行/);
    assert.equal(await row.locator('[data-field="mobile"]').count(), 1, 'the mobile cell is named');
    assert.equal(await row.locator('[data-field="idNumber"]').count(), 1, 'the ID number cell is named');
    assert.deepEqual(await seriousViolations(page), [], 'axe: upload and row report');
    await shot(page, 'residence-batch-zh');
    await result.getByRole('link', { name: '查看批次' }).click();
    await page.locator('[data-testid="batch-detail"][data-status="submitted"]').waitFor();
    const number = (await page.getByRole('heading', { level: 1 }).innerText()).replace(/^批次\s*/, '').trim();
    await page.context().close();

    const { page: w } = await stack.newPage();
    await signIn(w, 'officer.paichusuo');
    await menu(w, '居住证集中办理');
    await w.locator(`[data-batch="${number}"]`).getByRole('link', { name: number }).click();
    await w.locator('[data-testid="batch-detail"][data-status="submitted"]').waitFor();
    assert.equal(await w.getByTestId('batch-created').innerText(), '2');
    await w.locator('[data-action="accept-all"]').click();
    await w.locator('.ant-popover:visible .ant-btn-primary').click();
    await w.locator('[data-testid="batch-detail"][data-status="accepted"]').waitFor();
    await w.locator('[data-action="mark-produced"]').click();
    await w.locator('.ant-popover:visible .ant-btn-primary').click();
    await w.locator('[data-testid="batch-detail"][data-status="produced"]').waitFor();
    await w.locator('[data-action="delivered"]').click();
    await w.getByTestId('deliver-confirm').click();
    await w.locator('.ant-modal-wrap:visible .ant-form-item-explain-error', { hasText: '请填写此项' }).waitFor();
    await w.locator('#deliver_signerName').fill('齐鲁新材料 人事部 张经理');
    await w.getByTestId('deliver-confirm').click();
    await w.locator('[data-testid="batch-detail"][data-status="delivered"]').waitFor();
    assert.equal(await w.getByTestId('batch-signer').innerText(), '齐鲁新材料 人事部 张经理');
    assert.match(await w.getByTestId('batch-items').innerText(), /已办结 2/);
    // the signer dialog fades out after the save: axe would read its fading text as low contrast
    await w.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' });
    assert.deepEqual(await seriousViolations(w), [], 'axe: the delivered batch');
    await shot(w, 'residence-batch-station-zh');
  });

  test('en phone: a sheet of only bad rows is refused with its row report; the delivered demo batch shows its signer', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'ent.demo1');
    await menu(page, 'Residence permits in batch', true);
    await page.waitForURL(/\/enterprise\/residence-batches$/);
    const file = await residenceSheet('bad-list.xlsx', [employee(11, { residenceSince: '2099-01-01' }), employee(12, { name: '' })]);
    await page.locator('input[type="file"]').setInputFiles(file);
    const result = page.locator('[data-testid="batch-result"][data-kind="refused"]');
    await result.waitFor();
    assert.equal(await page.locator('[data-testid="row-report"] [data-row]').count(), 2);
    assert.match(await page.getByTestId('row-report').innerText(), /Row 2[\s\S]*Row 3/);
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    await shot(page, 'residence-batch-en-phone', { fullPage: true });

    await page.locator('[data-testid="batch-list"] [data-status="delivered"] a').first().click();
    await page.locator('[data-testid="batch-detail"][data-status="delivered"]').waitFor();
    assert.match(await page.getByTestId('batch-signer').innerText(), /张经理/);
    assert.ok((await page.locator('[data-testid="row-report"] [data-row]').count()) >= 1, 'the demo batch had a rejected row');
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the delivered batch on a phone');
    await shot(page, 'residence-batch-detail-en-phone', { fullPage: true });
  });
});

describe('打包办 package applications (M6)', { timeout: 600_000 }, () => {
  test('zh desktop: one form for 项目开工一件事, the server refuses a field of one item on that field, then one receipt', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'ent.demo1');
    await menu(page, '打包办（一件事）');
    await page.getByTestId('choose-project-start').click();
    await page.locator('#package_shared_projectName').waitFor();
    assert.equal(await page.locator('[data-field="shared.contactPhone"]').count(), 1, 'the contact is asked once');
    await page.locator('#package_shared_projectName').fill('齐鲁新材料二期厂房');
    await choose(page, 'package_shared_district', '张店区');
    await page.locator('#package_shared_contactName').fill('王主任');
    await page.locator('#package_shared_contactPhone').fill('13905332601');
    await page.locator('#package_items_0_location').fill('张店区华光路以东、新村西路以北');
    await page.locator('#package_items_0_buildings').fill('4');
    await choose(page, 'package_items_1_workKind', '挖掘道路');
    await page.locator('#package_items_1_location').fill('新村西路 K1+200 至 K1+350');
    await pickDate(page, 'package_items_1_startDate', beijingDate(20));
    await pickDate(page, 'package_items_1_endDate', beijingDate(10));
    await page.locator('#package_items_1_trafficPlan').fill('分段施工，夜间作业，设置警示和导向标志');
    await page.getByTestId('package-submit').click();
    const endError = page.locator('[data-field="items.1.endDate"] .ant-form-item-explain-error');
    await endError.waitFor();
    assert.ok((await endError.innerText()).length > 2, 'the reason is on the end date of the road works');
    await shot(page, 'package-form-refused-zh', { here: true });
    await pickDate(page, 'package_items_1_endDate', beijingDate(30));
    // Enter in a filled date field may already have submitted the form: click only if it is still there, idle
    await page.waitForFunction(() => !document.querySelector('[data-testid="package-submit"].ant-btn-loading'));
    // (the submit may land while we click: whichever comes first, the receipt's address decides)
    const receiptUrl = /\/enterprise\/packages\/[0-9a-f-]{36}$/;
    const landed = page.waitForURL(receiptUrl);
    if (!receiptUrl.test(page.url()) && (await page.getByTestId('package-submit').count())) await Promise.race([page.getByTestId('package-submit').click().catch(() => undefined), landed]);
    await landed;
    await page.getByTestId('package-receipt').waitFor();
    assert.match(await page.getByTestId('package-title').innerText(), /打包办申请已提交/);
    const entries = page.locator('[data-package-entry]');
    assert.equal(await entries.count(), 2);
    for (const type of ['house-number', 'road-works']) {
      const e = page.locator(`[data-package-entry="${type}"]`);
      assert.match(await e.innerText(), /待受理/);
      assert.equal(await e.locator('.ant-tag').count() >= 2, true, 'status and its own clock');
    }
    assert.equal((await page.getByTestId('package-number').innerText()).split('/').length, 2, 'both numbers on the one receipt');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the package receipt');
    await shot(page, 'package-receipt-zh');
    await page.locator('[data-package-entry="road-works"] a').first().click();
    await page.waitForURL(/\/enterprise\/items\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="item-detail"][data-status="submitted"]').waitFor();
  });

  test('en phone: 大件运输一件事 in one form, one receipt', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'ent.demo1');
    await menu(page, 'Package applications', true);
    await page.getByTestId('choose-oversize-with-road-works').click();
    await page.locator('#package_shared_contactName').fill('Wang');
    await page.locator('#package_shared_contactPhone').fill('13905332601');
    await choose(page, 'package_items_0_route', 'Within Shandong');
    await page.locator('#package_items_0_plate').fill('鲁C12345');
    await page.locator('#package_items_0_cargo').fill('Reactor vessel');
    await page.locator('#package_items_0_lengthM').fill('22');
    await page.locator('#package_items_0_widthM').fill('4');
    await page.locator('#package_items_0_heightM').fill('4.5');
    await page.locator('#package_items_0_totalMassT').fill('85');
    await page.locator('#package_items_0_origin').fill('Zibo port');
    await page.locator('#package_items_0_destination').fill('Qilu chemical park');
    await pickDate(page, 'package_items_0_fromDate', beijingDate(5));
    await pickDate(page, 'package_items_0_toDate', beijingDate(6));
    await choose(page, 'package_items_1_workKind', 'Occupying the road');
    await page.locator('#package_items_1_projectName').fill('Reactor delivery');
    await choose(page, 'package_items_1_district', 'Zhangdian');
    await page.locator('#package_items_1_location').fill('Huaguang Road gate 3');
    await pickDate(page, 'package_items_1_startDate', beijingDate(5));
    await pickDate(page, 'package_items_1_endDate', beijingDate(6));
    await page.locator('#package_items_1_trafficPlan').fill('Escort vehicle, night move, cones and signs');
    assert.ok((await horizontalOverflow(page)) <= 0, 'the form fits 390 px');
    await shot(page, 'package-form-en-phone');
    await page.getByTestId('package-submit').click();
    await page.getByTestId('package-receipt').waitFor();
    assert.match(await page.getByTestId('package-title').innerText(), /Package submitted/);
    assert.equal(await page.locator('[data-package-entry]').count(), 2);
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the receipt on a phone');
    await shot(page, 'package-receipt-en-phone', { fullPage: true });
  });
});

describe('信息发布 publications: drafted with the personal-data check, reviewed, published and withdrawn', { timeout: 600_000 }, () => {
  const title = '大件运输许可网上并联审批办事提示';
  test('zh desktop: an officer drafts (a phone number is refused on the text), the supervisor finds it in Chinese, publishes and withdraws', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.zhangdian');
    await menu(page, '信息发布');
    await page.getByTestId('publication-new').click();
    await choose(page, 'publication_kind', '政策');
    await page.locator('#publication_title').fill(title);
    await page.locator('#publication_summary').fill('省内运输当日办结，跨省运输三个工作日内办结');
    await page.locator('#publication_body').fill('为优化营商环境，大件运输许可实行网上申请、并联审批。咨询请致电 13905332601。');
    await page.getByTestId('publication-save').click();
    const bodyError = page.locator('.ant-drawer [data-testid], .ant-drawer .ant-form-item-explain-error').filter({ hasText: /个人信息|手机|身份证/ }).first();
    await bodyError.waitFor();
    await shot(page, 'publication-refused-zh');
    await page.locator('#publication_body').fill('为优化营商环境，大件运输许可实行网上申请、并联审批，省内运输当日办结，跨省运输三个工作日内办结。');
    await page.getByTestId('publication-save').click();
    await page.locator('[data-testid="publication-detail"][data-status="draft"]').waitFor();
    assert.equal(await page.locator('[data-action="publish"]').count(), 0, 'an officer does not publish');
    await page.context().close();

    const { page: s } = await stack.newPage();
    await signIn(s, 'supervisor');
    await s.goto('/workbench');
    await menu(s, '信息发布');
    await s.getByTestId('publication-search').locator('input').fill('并联审批');
    await s.getByTestId('publication-search').locator('input').press('Enter');
    await s.locator('[data-testid="publication-list"]').getByRole('link', { name: title }).click();
    await s.locator('[data-testid="publication-detail"][data-status="draft"]').waitFor();
    await s.locator('[data-action="publish"]').click();
    await s.locator('[data-testid="publication-detail"][data-status="published"]').waitFor();
    const pub = await s.request.get(`/api/v1/public/publications?q=${encodeURIComponent('并联审批')}`);
    assert.ok(((await pub.json()) as { publications: { title: string }[] }).publications.some((p) => p.title === title), 'in the public library');
    await s.locator('[data-action="unpublish"]').click();
    await s.getByTestId('unpublish-confirm').click();
    await s.locator('.ant-modal-wrap:visible .ant-form-item-explain-error').waitFor();
    await s.locator('#unpublish_reason').fill('办理时限调整，待更新后重新发布');
    await s.getByTestId('unpublish-confirm').click();
    await s.locator('[data-testid="publication-detail"][data-status="unpublished"]').waitFor();
    // the dialog fades out after the save: axe would read its fading text as low contrast
    await s.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' });
    assert.deepEqual(await seriousViolations(s), [], 'axe: the withdrawn text');
    await shot(s, 'publication-detail-zh');
  });

  test('en phone: the supervisor filters the withdrawn texts, searches in Chinese and publishes it again', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'supervisor');
    await page.goto('/workbench');
    await menu(page, 'Publications', true);
    await page.locator('.ant-segmented-item', { hasText: 'Withdrawn' }).click();
    await page.getByTestId('publication-search').locator('input').fill('大件运输');
    await page.getByTestId('publication-search').locator('input').press('Enter');
    const row = page.locator('[data-testid="publication-list"] [data-publication]');
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    await shot(page, 'publications-en-phone');
    await row.getByRole('link', { name: title }).click();
    await page.locator('[data-testid="publication-detail"][data-status="unpublished"]').waitFor();
    await page.locator('[data-action="publish"]').click();
    await page.locator('[data-testid="publication-detail"][data-status="published"]').waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the publication on a phone');
  });
});

describe('货车事故快处 freight accidents and their statistics (M7)', { timeout: 600_000 }, () => {
  test('zh desktop: the traffic officer records an accident (a detention under the simple procedure is refused on its box) and the count goes up', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.jiaojing');
    await menu(page, '货车事故快处');
    const stats = page.getByTestId('accident-stats');
    await stats.waitFor();
    const before = Number(await stats.getAttribute('data-count'));
    assert.ok(before > 0, 'the demo has accidents over six months');
    const day = beijingDate(-1);
    await page.locator('#accident_plate').fill('鲁C7M215');
    await page.locator('#accident_occurredAt').fill(`${day} 08:00`);
    await page.locator('#accident_releasedAt').fill(`${day} 08:35`);
    await page.locator('#accident_vehicleDetained').check();
    await page.getByTestId('accident-save').click();
    await page.locator('[data-field="vehicleDetained"] .ant-form-item-explain-error').waitFor();
    await shot(page, 'accident-refused-zh');
    await page.locator('#accident_vehicleDetained').uncheck();
    await page.getByTestId('accident-save').click();
    await page.getByTestId('accident-recorded').waitFor();
    assert.match(await page.getByTestId('accident-recorded').innerText(), /35 分钟/);
    await page.locator(`[data-testid="accident-stats"][data-count="${before + 1}"]`).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the accidents page');
    await shot(page, 'accidents-zh');
  });

  test('en phone: the statistics fit a phone', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'officer.jiaojing');
    await menu(page, 'Freight accidents', true);
    await page.getByTestId('accident-stats').waitFor();
    assert.match(await page.getByTestId('accident-stats').innerText(), /Median time to release/);
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the accidents page on a phone');
    await shot(page, 'accidents-en-phone', { fullPage: true });
  });
});

describe('隐患排查 hazard inspections around major projects (M9)', { timeout: 600_000 }, () => {
  const project = '齐鲁新材料二期厂房项目';
  test('zh desktop: the traffic officer records an inspection (hazards without a deadline are refused on it), then its rectification', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.jiaojing');
    await menu(page, '隐患排查');
    await page.getByTestId('hazard-new').click();
    await page.locator('#hazard_project').fill(project);
    await page.locator('#hazard_location').fill('华光路与新村西路交叉口施工出入口');
    await page.locator('#hazard_inspectedOn').fill(beijingDate(-1));
    await page.locator('#hazard_findings').fill('施工出入口缺少减速警示标志，夜间照明不足');
    await page.locator('#hazard_hazardCount').fill('2');
    await page.getByTestId('hazard-save').click();
    await page.locator('.ant-drawer .ant-form-item-explain-error').first().waitFor();
    await shot(page, 'hazard-refused-zh');
    await page.locator('#hazard_rectificationDueOn').fill(beijingDate(10));
    await page.getByTestId('hazard-save').click();
    const row = page.locator(`[data-testid="hazard-list"] [data-hazard="${project}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'rectifying');
    await row.locator('[data-action="rectify"]').click();
    await page.locator('#rectification_note').fill('已增设减速警示标志两处，出入口加装照明灯具');
    await page.getByTestId('rectify-confirm').click();
    await row.waitFor({ state: 'detached' });
    await page.locator('.ant-segmented-item', { hasText: '全部' }).click();
    await page.locator(`[data-testid="hazard-list"] [data-hazard="${project}"][data-status="rectified"]`).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the inspections');
    await shot(page, 'hazards-zh');
  });

  test('en phone: the open rectifications fit a phone', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'officer.jiaojing');
    await menu(page, 'Hazard inspections', true);
    await page.locator('[data-testid="hazard-list"], .ant-empty').first().waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the inspections on a phone');
    await shot(page, 'hazards-en-phone', { fullPage: true });
  });
});
