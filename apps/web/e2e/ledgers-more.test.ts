/**
 * 台账 of the workbench's other lists (issue 13 point 4), as their users download them: the cyber officer's
 * inspections on a desktop in Chinese, the lecture team's open lectures on a phone in English. The book read back
 * has the rows the screen shows, in the screen's order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { downloadLedger, horizontalOverflow, seriousViolations, shot, signIn, startStack, type Stack } from './support.ts';

describe('ledgers of the cyber inspections and the open lectures', { timeout: 600_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: the cyber officer downloads the inspection list; one row per inspection on the screen', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.wangan');
    await page.waitForURL(/\/workbench/);
    await page.locator('.ant-menu a[href="/workbench/cyber"]').first().click();
    const onScreen = page.locator('[data-inspection]');
    await onScreen.first().waitFor();
    const book = await downloadLedger(page, 'cyber-inspections-ledger', 'cyber-inspections');
    assert.match(book.title, /^网络安全检查台账｜筛选：无｜导出时间：.*（北京时间）｜导出人：.*｜共 \d+ 条$/);
    assert.ok(book.headers.includes('企业') && book.headers.includes('整改通知书编号'), book.headers.join(','));
    assert.equal(book.rows.length, await onScreen.count());
    const api = (await (await page.request.get('/api/v1/cyber/inspections')).json()) as { inspections: { enterpriseName: string }[] };
    assert.deepEqual(book.rows.map((r) => r['企业']), api.inspections.map((i) => i.enterpriseName));
    assert.ok((await onScreen.first().innerText()).includes(book.rows[0]['企业']), 'the first row on the screen is the book’s first');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the inspection list with its export button');
    await shot(page, 'ledgers-cyber-zh');
    await page.context().close();
  });

  test('en phone: the lecture team downloads its open lectures in English', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'officer.xuanjiang');
    await page.waitForURL(/\/workbench/);
    await page.goto('/workbench/open-lectures');
    const onScreen = page.locator('[data-lecture]');
    await onScreen.first().waitFor();
    const book = await downloadLedger(page, 'open-lectures-ledger', 'open-lectures');
    assert.match(book.title, /^Open lectures ledger \| Filters: none \| Exported .* \(Beijing time\) \| By .* \| \d+ rows$/);
    assert.ok(['Title', 'Capacity', 'Seats left'].every((h) => book.headers.includes(h)), book.headers.join(','));
    assert.equal(book.rows.length, await onScreen.count());
    for (const [i, row] of book.rows.entries()) assert.ok((await onScreen.nth(i).innerText()).includes(row.Title), `row ${i + 1}: ${row.Title}`);
    assert.ok(book.rows.every((r) => Number(r['Seats left']) <= Number(r.Capacity)));
    assert.equal(await horizontalOverflow(page), 0, 'the list with its button fits a 390 px phone');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the team’s lectures on a phone');
    await shot(page, 'ledgers-open-lectures-en-phone', { here: true });
    await page.context().close();
  });
});
