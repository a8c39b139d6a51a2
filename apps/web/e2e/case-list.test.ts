/**
 * 案件列表 (workbench): a 经侦 officer (demo officer.jingzhen) filters the cases to 立案 of 合同诈骗 in the URL and
 * exports the ledger with exactly those filters (zh desktop); in English at phone width the list has no horizontal
 * overflow; axe clean; a row opens the case's item page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { type ApiSession, type Stack, apiSession, choose, horizontalOverflow, seriousViolations, shot, signIn, startStack } from './support.ts';

async function download(page: Page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-ledger').click()]);
  assert.match(file.suggestedFilename(), /^jqt-cases-\d{12}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await file.path()) as never);
  const ws = wb.worksheets[0]!;
  const rows: string[] = [];
  for (let i = 3; i <= ws.rowCount; i++) rows.push(String(ws.getRow(i).getCell(1).value));
  return { title: String(ws.getRow(1).getCell(1).value), rows };
}

describe('case list: filter, export, open', { timeout: 600_000 }, () => {
  let stack: Stack;
  let officer: ApiSession;
  before(async () => {
    stack = await startStack();
    officer = await apiSession(stack.baseURL, 'officer.jingzhen');
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: officer.jingzhen filters to 合同诈骗 · 侦查中 and exports exactly those cases', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.jingzhen');
    await page.getByRole('menuitem', { name: '案件列表' }).first().click();
    await page.waitForURL(/\/workbench\/cases$/);
    await page.getByTestId('case-list').waitFor();
    const all = (await officer.json<{ cases: unknown[] }>('/cases')).cases as { number: string; stage: string; category: { code: string } }[];
    assert.ok(all.length >= 3, 'the demo has cases for 经侦');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the case list');
    await shot(page, 'case-list-zh');
    await choose(page, 'case-stage', '侦查中');
    await page.waitForURL(/stage=investigating/);
    await choose(page, 'case-category', '合同诈骗');
    await page.waitForURL(/category=contract-fraud/);
    const want = all.filter((c) => c.stage === 'investigating' && c.category.code === 'contract-fraud').map((c) => c.number);
    assert.ok(want.length >= 1, 'the demo has a contract fraud under investigation');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="case-list"] tr[data-case]').length === n, want.length);
    const shown = await page.locator('[data-testid="case-list"] tr[data-case]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')));
    assert.deepEqual(shown, want);
    const book = await download(page);
    assert.deepEqual(book.rows, want, 'the ledger has the list’s rows');
    assert.match(book.title, /办理阶段=侦查中/);
    assert.match(book.title, /案件类别=合同诈骗/);
    await shot(page, 'case-list-filtered-zh');
    // the filters are in the URL: a reload keeps them
    await page.reload();
    await page.locator('[data-testid="case-list"] tr[data-case]').first().waitFor();
    assert.equal(await page.locator('[data-testid="case-list"] tr[data-case]').count(), want.length);
    await page.locator('[data-testid="case-list"] tr[data-case]').first().locator('td').nth(2).click();
    await page.waitForURL(/\/workbench\/items\/[0-9a-f-]{36}$/);
  });

  test('en phone: the list fits the width, axe clean', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'officer.jingzhen');
    await page.goto('/workbench/cases?graded=false');
    await page.getByTestId('case-list').waitFor();
    assert.match(await page.locator('body').innerText(), /Enterprise cases/);
    assert.equal(await horizontalOverflow(page), 0, 'no horizontal overflow');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the case list on a phone');
    await shot(page, 'case-list-en-phone', { fullPage: true });
  });
});
