/**
 * 公开宣讲 (M19): the lecture team's officer publishes an open lecture in Chinese on a desktop (a save with nothing
 * filled is refused on the fields first) and reads the year's coverage, where the demo's lecture held last month
 * counts; the portal lists it with its seats left. In English at phone width a visitor chooses it, is sent to sign in
 * as 齐鲁新材料 and comes back to its sign-up form; the seats left go down, and the enterprise's center shows the
 * sign-up confirmed, and one for the demo's nearly full lecture waiting with its place in the queue.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Stack, apiSession, beijingDate, choose, horizontalOverflow, seriousViolations, shot, signIn, startStack } from './support.ts';

interface PublicLecture {
  id: string;
  title: string;
  capacity: number;
  seatsLeft: number;
  waitlisted: number;
}

/** A weekday at least `ahead` days from today (December has no holidays before New Year). */
function weekdayAhead(ahead: number): string {
  for (let n = ahead; ; n++) {
    const d = beijingDate(n);
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6 && !/-01-0[1-3]$/.test(d)) return d;
  }
}

async function pickDate(page: Page, id: string, date: string) {
  const el = page.locator(`#${id}`);
  await el.click();
  await el.fill(date);
  await el.press('Enter');
}

const TITLE = '企业员工反诈防骗公开课';

describe('open lectures: published by the team, listed with seats left, signed up for by an enterprise', { timeout: 600_000 }, () => {
  let stack: Stack;
  const portal = async () => (await fetch(`${stack.baseURL}/api/v1/public/open-lectures`).then((r) => r.json() as Promise<{ lectures: PublicLecture[] }>)).lectures;

  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: the team publishes a lecture and reads the coverage; the portal lists it with its seats', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.xuanjiang');
    await page.waitForURL(/\/workbench/);
    await page.getByRole('link', { name: '公开宣讲' }).first().click();
    await page.waitForURL(/\/workbench\/open-lectures$/);
    // the demo's three: the held one, the nearly full one and the roomy one
    await page.locator('[data-lecture]').nth(2).waitFor();
    await page.getByTestId('open-lecture-new').click();
    await page.getByTestId('open-lecture-publish').click();
    await page.locator('.ant-drawer .ant-form-item-explain-error').first().waitFor();
    assert.ok((await page.locator('.ant-drawer .ant-form-item-has-error').count()) >= 5, 'title, topics, date, place, speaker and seats are required');
    await page.locator('#open-lecture_title').fill(TITLE);
    await choose(page, 'open-lecture_topics', '电信诈骗');
    await choose(page, 'open-lecture_topics', '金融诈骗');
    await pickDate(page, 'open-lecture_date', weekdayAhead(12));
    await choose(page, 'open-lecture_startTime', '15:00');
    await page.locator('#open-lecture_place').fill('淄博市公安局一楼报告厅');
    await page.locator('#open-lecture_speaker').fill('陈警官');
    await page.locator('#open-lecture_capacity').fill('40');
    await page.waitForFunction(() => !document.querySelector('.ant-drawer .ant-form-item-explain-error'));
    assert.deepEqual(await seriousViolations(page), [], 'axe: the publish form');
    await shot(page, 'open-lectures-publish-zh');
    await page.getByTestId('open-lecture-publish').click();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    const mine = page.locator('[data-lecture]', { hasText: TITLE });
    await mine.getByTestId('open-lecture-seats').filter({ hasText: '剩余 40 / 40 人' }).waitFor();
    await page.locator('[data-lecture]').nth(3).waitFor();
    // the nearly full demo lecture: 28 of 30 taken, two enterprises waiting
    const nearlyFull = page.locator('[data-lecture]', { hasText: '防范非法集资' });
    assert.match(await nearlyFull.getByTestId('open-lecture-counts').innerText(), /已确认 3 家（28 人）/);
    assert.deepEqual(await seriousViolations(page), [], 'axe: the team list');
    await shot(page, 'open-lectures-team-zh');

    await page.getByRole('link', { name: '宣讲覆盖' }).first().click();
    await page.waitForURL(/\/workbench\/open-lectures\/coverage$/);
    // 淄川's enterprise was at the demo's held lecture on telecom and financial fraud
    const cell = page.locator('[data-testid="lecture-coverage"] tr[data-district="zichuan"] [data-topic="financial-fraud"]');
    await cell.waitFor();
    assert.ok(Number(await cell.innerText()) >= 1, 'the held lecture counts in the coverage');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the coverage table');
    await shot(page, 'open-lectures-coverage-zh');
    await page.context().close();

    const { page: visitor } = await stack.newPage();
    await visitor.goto('/open-lectures');
    const card = visitor.locator('[data-lecture]', { hasText: TITLE });
    await card.getByTestId('open-lecture-seats').filter({ hasText: '剩余 40 / 40 人' }).waitFor();
    assert.equal(await visitor.locator('[data-lecture]').count(), 3, 'the held lecture is off the portal');
    assert.deepEqual(await seriousViolations(visitor), [], 'axe: the portal list');
    await shot(visitor, 'open-lectures-portal-zh', { fullPage: true });
    await visitor.context().close();
  });

  test('en phone: a visitor signs in to sign up, comes back to the form, and sees the sign-ups in the center', async () => {
    const lecture = (await portal()).find((l) => l.title === TITLE)!;
    assert.ok(lecture, 'published by the first test');
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await page.goto('/open-lectures');
    const card = page.locator(`[data-lecture="${lecture.id}"]`);
    await card.getByTestId('open-lecture-seats').filter({ hasText: '40 of 40 left' }).waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the portal list in English');
    await shot(page, 'open-lectures-portal-en-phone', { fullPage: true });
    await card.locator('[data-action="sign-in-to-sign-up"]').click();
    await page.waitForURL(/\/login\?next=/);
    await page.locator('#login_username').fill('ent.demo1');
    await page.locator('#login_password').fill('Jqt#2026demo');
    await page.getByTestId('login-submit').click();
    // back on the list with the chosen lecture's form open
    await page.waitForURL((u) => u.pathname === '/open-lectures');
    const dialog = page.locator('.ant-modal-wrap:visible');
    await dialog.getByText(TITLE).waitFor();
    await page.locator('#open-lecture-signup_attendees').fill('5');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the sign-up form');
    await shot(page, 'open-lectures-signup-en-phone');
    await page.getByTestId('open-lecture-signup-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByTestId('open-lecture-seats').filter({ hasText: '35 of 40 left' }).waitFor();
    await card.getByTestId('open-lecture-mine').filter({ hasText: 'Confirmed' }).waitFor();
    assert.equal((await portal()).find((l) => l.id === lecture.id)?.seatsLeft, 35, 'the portal counts the seats taken');

    // the demo's nearly full lecture: 2 seats left, 3 people do not fit, so 齐鲁新材料 waits behind two enterprises
    const nearlyFull = page.locator('[data-lecture]').filter({ has: page.locator('[data-seats-left="2"]') });
    await nearlyFull.locator('[data-action="sign-up"]').click();
    await page.locator('#open-lecture-signup_attendees').fill('3');
    await page.getByTestId('open-lecture-signup-submit').click();
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' });
    await nearlyFull.getByTestId('open-lecture-mine').filter({ hasText: 'Waitlist no. 3' }).click();

    await page.waitForURL(/\/enterprise\/open-lectures$/);
    await page.locator(`[data-status="confirmed"]`, { hasText: TITLE }).waitFor();
    await page.locator(`[data-status="waitlisted"]`, { hasText: 'Waitlist no. 3' }).waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(page), [], 'axe: my sign-ups');
    await shot(page, 'open-lectures-mine-en-phone', { fullPage: true });

    const ent = await apiSession(stack.baseURL, 'ent.demo1');
    const signups = (await ent.json<{ signups: { status: string; waitlistPosition: number | null }[] }>('/enterprise/open-lectures')).signups;
    assert.deepEqual(signups.map((s) => [s.status, s.waitlistPosition]).sort(), [['confirmed', null], ['waitlisted', 3]]);
  });
});
