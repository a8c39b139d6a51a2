/**
 * 台账 (issue 13 point 4): the queue and the dashboard's lists download as xlsx with the filters on the screen; the
 * file read back has exactly the rows the server lists for the same filters.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { choose, downloadLedger, seriousViolations, shot, signIn, startStack, type Stack } from './support.ts';

/** Every item number the list gives for a query, page after page. */
async function listed(page: Page, query: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '';
  for (;;) {
    const r = (await (await page.request.get(`/api/v1/items?limit=100&${query}${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { items: { number: string }[]; nextCursor: string | null };
    out.push(...r.items.map((i) => i.number));
    if (!r.nextCursor) return out;
    cursor = r.nextCursor;
  }
}

describe('ledgers: the list on the screen, as xlsx', { timeout: 600_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: officer.zhangdian filters the queue to 待受理 and downloads exactly those items', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.zhangdian');
    await page.waitForURL(/\/workbench/);
    await page.locator('[data-testid="queue"] tr[data-item-number]').first().waitFor();
    await choose(page, 'queue-status', '待受理');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="queue"] tr[data-item-number]')];
      return rows.length > 0 && rows.every((r) => r.textContent?.includes('待受理'));
    });
    const book = await downloadLedger(page, 'ledger-export', 'items');
    assert.match(book.title, /^受理事项台账｜筛选：状态=待受理｜导出时间：.*（北京时间）｜导出人：/);
    assert.ok(book.rows.length > 0, 'the demo has items awaiting acceptance');
    assert.ok(book.rows.every((r) => r['状态'] === '待受理'));
    assert.deepEqual(book.rows.map((r) => r['受理编号']), await listed(page, 'status=submitted'));
    assert.deepEqual(await seriousViolations(page), [], 'axe: the queue with its export button');
    await shot(page, 'ledgers-queue-zh');
    await page.context().close();
  });

  test('en phone: the district head downloads the overdue list of the dashboard', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'leader.zhangdian');
    await page.waitForURL(/\/dashboard/);
    // The page renders the lists again once the figures arrive: wait for both before reaching for the button.
    await page.getByTestId('kpi-cards').waitFor();
    await page.locator('[data-testid="overdue-list"] [data-item-number]').first().waitFor();
    await page.getByTestId('ledger-export-overdue').scrollIntoViewIfNeeded();
    const book = await downloadLedger(page, 'ledger-export-overdue', 'items');
    assert.match(book.title, /^Items ledger \| Filters: Overdue=Yes \| Exported .* \(Beijing time\) \| By /);
    assert.ok(book.rows.every((r) => r.Overdue === 'Yes'));
    assert.deepEqual(book.rows.map((r) => r.Number), await listed(page, 'overdue=true'));
    assert.deepEqual(await seriousViolations(page), [], 'axe: the dashboard lists with their export button');
    await shot(page, 'ledgers-dashboard-en-phone', { here: true });
    await page.context().close();
  });
});
