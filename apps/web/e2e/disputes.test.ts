/**
 * 矛盾纠纷排查 (M15, issue 15 point 1) and the dashboard's 平安服务 figures: 张店's liaison officer (李警官), on a
 * Chinese desktop, sees the demo's disputes of the enterprises he liaises with (one due today, one overdue), records
 * a new one at 齐鲁新材料 from its file (the browser refuses an empty form first), follows the due land dispute up
 * to resolved, and exports the ledger; the 张店 head reads the
 * district's disputes in English on a phone, and the city leader's dashboard counts them. The reminder on the
 * follow-up day is the sweeper's (apps/server/test/prevention-disputes.test.ts); the demo's overdue dispute shows it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { readLedgerBook } from '../../../test-support/ledger-book.ts';
import { type Stack, apiSession, beijingDate, horizontalOverflow, seriousViolations, shot, signIn, startStack } from './support.ts';

async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  assert.match(file.suggestedFilename(), /^jqt-disputes-\d{12}\.xlsx$/);
  return readLedgerBook(readFileSync(await file.path()));
}

/** Types a day into an antd DatePicker and closes its panel. */
async function pickDate(page: Page, id: string, day: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

describe('dispute screening and the prevention figures', { timeout: 600_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: the liaison officer sees his due disputes, records one at an enterprise, follows one up to resolved, exports the ledger', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.zhangdian');
    await page.waitForURL(/\/workbench/);
    await page.getByRole('menuitem', { name: '矛盾纠纷排查' }).click();
    await page.waitForURL(/\/workbench\/disputes/);
    const board = page.getByTestId('disputes-page');
    await board.locator('[data-testid="dispute"][data-kind="land"]').getByText('今日跟进').waitFor();
    await board.locator('[data-testid="dispute"][data-kind="other"]').getByText(/跟进逾期/).waitFor();
    assert.equal(await board.locator('[data-testid="dispute"][data-kind="restructuring"]').count(), 0, 'resolved ones are not in the open list');
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'disputes-list-zh', { fullPage: true });

    // 齐鲁新材料's file: the disputes tab, and a new dispute — the empty form is refused in the browser.
    await board.locator('[data-testid="dispute"][data-kind="land"]').getByRole('link').click();
    await page.getByTestId('enterprise-file').waitFor();
    await page.getByRole('tab', { name: '矛盾纠纷' }).click();
    const file = page.getByTestId('file-disputes');
    await file.getByTestId('dispute-record').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('此项为必填项').first().waitFor();
    assert.equal(await dialog.getByText('此项为必填项').count(), 4);
    await dialog.getByTestId('dispute-kind').getByText('劳资纠纷').click();
    await page.locator('#dispute_summary').fill('短');
    await dialog.getByText('至少需要 10 个字符').waitFor();
    await page.locator('#dispute_summary').fill('树脂车间 20 余名劳务派遣工反映加班费未结算，拟集体停工。');
    await dialog.getByTestId('dispute-risk').getByText('中').click();
    await pickDate(page, 'dispute_nextFollowUpOn', beijingDate(3));
    await shot(page, 'disputes-record-zh', { here: true });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已登记').waitFor();
    await file.locator('[data-testid="dispute"][data-kind="labour"]').getByText(/劳务派遣工/).waitFor();

    // The land dispute, due today: followed up and resolved.
    const land = file.locator('[data-testid="dispute"][data-kind="land"]');
    await land.getByTestId('dispute-follow-up').click();
    const follow = page.getByRole('dialog');
    await page.locator('#follow-up_note').fill('剩余 3 户已签订补偿协议，施工恢复正常，纠纷化解。');
    await follow.getByTestId('follow-up-risk').getByText('低').click();
    await follow.getByTestId('follow-up-resolved').click();
    assert.equal(await page.locator('#follow-up_nextFollowUpOn').count(), 0, 'a resolved dispute takes no next day');
    await follow.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已记录化解').waitFor();
    await land.waitFor({ state: 'detached' });
    await file.getByTestId('dispute-state-filter').getByText('已化解').click();
    await file.locator('[data-testid="dispute"][data-kind="land"]').getByText('剩余 3 户已签订补偿协议').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'disputes-file-resolved-zh', { fullPage: true });

    // The ledger of the list as filtered: the enterprise's resolved disputes.
    const book = await download(page, 'ledger-export-disputes');
    assert.match(book.title, /^矛盾纠纷排查台账/);
    assert.match(book.title, /状态=已化解/);
    assert.equal(book.rows.length, await file.getByTestId('dispute').count());
    assert.equal(book.rows[0]['类别'], '征地拆迁');
    await page.context().close();
  });

  test('en phone: the 张店 head reads the district\'s disputes; the city leader\'s dashboard counts them', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'leader.zhangdian');
    await page.goto('/workbench/disputes');
    const board = page.getByTestId('disputes-page');
    // Mine only is on for police: the head liaises with none; off, the district's.
    await board.getByText('No disputes').waitFor();
    await page.getByTestId('disputes-mine').click();
    await board.locator('[data-testid="dispute"][data-kind="labour"]').first().waitFor();
    const high = board.locator('[data-testid="dispute"]', { has: page.locator('[data-risk="high"]') });
    await high.getByText('High risk').waitFor();
    assert.equal(await horizontalOverflow(page), 0);
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'disputes-list-en-phone', { fullPage: true });
    await page.context().close();

    const city = await apiSession(stack.baseURL, 'leader.city');
    const today = beijingDate(0);
    const counts = await city.json<{ disputes: { open: number; high: number; overdue: number } }>(`/stats/prevention?from=${beijingDate(-29)}&to=${today}`);
    const { page: d } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(d, 'leader.city');
    await d.waitForURL(/\/dashboard/);
    const card = d.getByTestId('prevention-disputes');
    await card.scrollIntoViewIfNeeded();
    await card.locator('[data-figure="open"]').getByText(String(counts.disputes.open), { exact: true }).waitFor();
    assert.ok(counts.disputes.open >= 3, JSON.stringify(counts));
    await d.getByTestId('prevention-warnings').locator('[data-figure="escalated"]').waitFor();
    assert.equal(await horizontalOverflow(d), 0);
    assert.deepEqual(await seriousViolations(d), []);
    await shot(d, 'dashboard-prevention-en-phone', { here: true });
    await d.context().close();
  });
});
