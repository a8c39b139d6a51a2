/**
 * The officer's queue and the leaders' figures (issue 16 points 10–11): the queue names each item's company, finds
 * items by company, shows totals per state that narrow the list; the dashboard defines each headline figure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seriousViolations, shot, signIn, startStack, type Stack } from './support.ts';

describe('the queue: company column, search and totals; the dashboard’s definitions', { timeout: 600_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: officer.zhangdian finds 齐鲁新材料’s items, and a state’s total narrows the list to it', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.zhangdian');
    await page.waitForURL(/\/workbench/);
    const rows = page.locator('[data-testid="queue"] tr[data-item-number]');
    await rows.first().waitFor();
    assert.ok((await page.getByTestId('item-company').count()) > 0, 'the queue has a company column');

    await page.getByTestId('queue-search').locator('input').fill('齐鲁新材料');
    await page.getByTestId('queue-search').locator('input').press('Enter');
    await page.waitForResponse((r) => r.url().includes('/api/v1/items/counts') && r.url().includes('q='));
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid="item-company"]')];
      return cells.length > 0 && cells.every((c) => c.textContent?.includes('齐鲁新材料'));
    });
    // The totals on the screen are the server's counts for the same search.
    const counts = (await (await page.request.get('/api/v1/items/counts?q=' + encodeURIComponent('齐鲁新材料'))).json()) as { byStatus: Record<string, number>; total: number };
    const totals = page.getByTestId('queue-totals');
    assert.match(await totals.innerText(), new RegExp(`全部 ${counts.total}`));
    const [state, n] = Object.entries(counts.byStatus).sort((a, b) => a[1] - b[1])[0];
    await totals.locator(`[data-status="${state}"]`).click();
    await page.waitForFunction(
      (want) => document.querySelectorAll('[data-testid="queue"] tr[data-item-number]').length === want,
      Math.min(n, 20),
    );
    assert.deepEqual(await seriousViolations(page), [], 'axe: the queue with its totals');
    await shot(page, 'queue-search-zh');
    await page.context().close();
  });

  test('en phone: the district head reads what “overdue now” counts, with a tap', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'leader.zhangdian');
    await page.waitForURL(/\/dashboard/);
    await page.getByTestId('kpi-cards').waitFor();
    await page.getByTestId('kpi-help-overdueNow').click();
    const tip = page.locator('.ant-tooltip:visible');
    await tip.waitFor();
    assert.match(await tip.innerText(), /awaiting the enterprise's supplement are paused and not counted/);
    await shot(page, 'dashboard-kpi-help-en-phone', { here: true });
    await page.context().close();
  });
});
