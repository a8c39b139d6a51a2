/**
 * 审核 (issue 13 point 1): at 车站派出所 appeal answers are reviewed. The officer submits an answer for review (the
 * enterprise sees nothing of it), the station's head reads it and sends it; the head chooses the reviewed types.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiSession, confirmAction, horizontalOverflow, seriousViolations, shot, signIn, startStack, type Stack } from './support.ts';

const ANSWER = '经核实，贵司员工宿舍周边路灯损坏问题已通报街道办，本所已安排民警每晚加强宿舍周边巡逻，路灯三个工作日内修复。';

describe('answer review at a station', { timeout: 600_000 }, () => {
  let stack: Stack;
  let itemId = '';
  before(async () => {
    stack = await startStack();
    // An appeal the 分局 hands to the station, accepted there (set-up, not the journey under test).
    const ent = await apiSession(stack.baseURL, 'ent.demo1');
    const item = await ent.json<{ id: string; version: number }>('/items', {
      body: { type: 'appeal', data: { category: 'difficulty', title: '员工宿舍周边路灯损坏夜间不安全', content: '我司员工宿舍周边路灯损坏，夜间下班员工出行不安全，希望协调解决并加强巡逻。', contactName: '张经理', contactPhone: '13905330001' } },
    });
    const branch = await apiSession(stack.baseURL, 'officer.zhangdian');
    const moved = await branch.json<{ version: number }>(`/items/${item.id}/transitions`, { body: { action: 'transfer', version: item.version, toUnitId: 'zhangdian-station-chezhan', note: '辖区派出所办理' } });
    const station = await apiSession(stack.baseURL, 'officer.chezhan');
    const taken = await station.json<{ version: number }>(`/items/${item.id}/transitions`, { body: { action: 'accept-transfer', version: moved.version } });
    await station.json(`/items/${item.id}/transitions`, { body: { action: 'accept', version: taken.version } });
    itemId = item.id;
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: the officer submits the answer for review; it waits, the clock still running', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.chezhan');
    await page.waitForURL(/\/workbench/);
    await page.goto(`/workbench/items/${itemId}`);
    const submit = page.locator('[data-action="answer"]');
    await submit.waitFor();
    assert.equal((await submit.innerText()).replace(/\s/g, ''), '提交审核');
    await submit.click();
    await page.getByTestId('review-hint').waitFor();
    await page.locator('.ant-modal-wrap:visible textarea').first().fill(ANSWER);
    await confirmAction(page);
    const pending = page.getByTestId('pending-answer');
    await pending.waitFor();
    assert.match(await pending.innerText(), /待审核的答复/);
    assert.match(await pending.innerText(), /路灯三个工作日内修复/);
    assert.equal(await page.locator('[data-action="answer"]').count(), 0, 'no second answer while one waits');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the item with its answer under review');
    await shot(page, 'answer-review-pending-zh');
    await page.context().close();

    const ent = await apiSession(stack.baseURL, 'ent.demo1');
    const seen = await ent.json<{ status: string; answer: string | null; pendingAnswer: unknown }>(`/items/${itemId}`);
    assert.deepEqual([seen.status, seen.answer, seen.pendingAnswer], ['accepted', null, null]);
  });

  test('en phone: the station head reads the held answer and sends it; the review settings name the types', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'leader.chezhan');
    await page.waitForURL(/\/(workbench|dashboard)/);
    await page.goto(`/workbench/items/${itemId}`);
    const approve = page.locator('[data-action="approve-answer"]');
    await approve.waitFor();
    await approve.click();
    assert.match(await page.getByTestId('pending-answer-text').last().innerText(), /路灯三个工作日内修复/);
    await shot(page, 'answer-review-approve-en-phone', { here: true });
    await confirmAction(page);
    await page.locator('[data-testid="item-detail"][data-status="answered"]').waitFor();
    assert.match(await page.getByTestId('item-answer').innerText(), /路灯三个工作日内修复/);
    assert.equal(await horizontalOverflow(page), 0);

    await page.goto('/workbench/answer-review');
    const settings = page.getByTestId('answer-review-settings');
    await settings.locator('[data-type="appeal"]').waitFor();
    assert.equal(await settings.locator('input[value="appeal"]').isChecked(), true);
    assert.equal(await horizontalOverflow(page), 0);
    assert.deepEqual(await seriousViolations(page), [], 'axe: the review settings');
    await shot(page, 'answer-review-settings-en-phone');
    await page.context().close();
  });
});
