/**
 * 警企联络办's editing screens: the supervisor adds an enterprise tag (a bad code first: the server's field error on
 * the code) and renames it; registers a major project (its owner picked by a name search), names its liaison officer
 * through the assign dialog and ends that assignment with a reason (the history and the table show it); the officer
 * of 淄博齐鲁新材料 marks an open problem of a visit solved, and turns another into an enterprise appeal (a tampered
 * save first: the server's error on the appeal form's field).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PHONE, type ApiSession, type Stack, apiSession, beijingDate, horizontalOverflow, seriousViolations, shot, signIn, startStack } from './support.ts';

/** The same page in English at 390 px (the language is kept in localStorage). */
async function toEnglishPhone(page: Page) {
  await page.evaluate(() => localStorage.setItem('jqt.lang', 'en'));
  await page.setViewportSize(PHONE);
  await page.reload();
}

/** A tab of the office page (on a phone some tabs sit behind the "more" menu). */
async function openTab(page: Page, name: string) {
  await page.getByTestId('liaison-office').locator('.ant-tabs-nav').waitFor();
  const tab = page.getByRole('tab', { name, exact: true });
  if (await tab.isVisible()) await tab.click();
  else {
    await page.locator('.ant-tabs-nav-more').click();
    await page.locator(`.ant-tabs-dropdown-menu-item:has-text("${name}")`).click();
  }
}

async function pickOption(page: Page, selector: string, text: string) {
  await page.locator(selector).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option:has-text("${text}")`).first().click();
}

async function pickDate(page: Page, selector: string, date: string) {
  const el = page.locator(selector);
  await el.click();
  await el.fill(date);
  await el.press('Enter');
}

/** Waits for the open dialog to close (a field error in it fails at once with its text). */
async function dialogClosed(page: Page) {
  // the errors of an earlier attempt fade out once the fields hold new values
  const stale = page.locator('.ant-modal-wrap:visible .ant-form-item-explain-error');
  const cleared = await stale.first().waitFor({ state: 'detached', timeout: 15_000 }).then(() => true, () => false);
  assert.ok(cleared, `the dialog still shows: ${await stale.allInnerTexts()}`);
  const closed = page
    .locator('.ant-modal-wrap:visible')
    .waitFor({ state: 'detached' })
    .then(() => 'closed' as const, () => 'still open' as const);
  const refused = page
    .locator('.ant-modal-wrap:visible .ant-form-item-explain-error, .ant-modal-wrap:visible .ant-alert-error')
    .first()
    .waitFor()
    .then(async () => `refused: ${await page.locator('.ant-modal-wrap:visible .ant-form-item-explain-error, .ant-modal-wrap:visible .ant-alert-error').allInnerTexts()}`, () => 'closed' as const);
  assert.equal(await Promise.race([closed, refused]), 'closed');
}

describe('liaison office: tags, major projects, ending an assignment, an open problem solved or filed later', { timeout: 900_000 }, () => {
  let stack: Stack;
  let officerApi: ApiSession;
  const PROJECT = '鲁中精细化工新厂区建设项目';
  const problems = { solve: '夜间仓库周边需要加强巡逻', file: '厂区门口早晚高峰车辆拥堵，希望协调交警疏导' };

  before(async () => {
    stack = await startStack();
    officerApi = await apiSession(stack.baseURL, 'officer.zhangdian');
    const mine = await officerApi.json<{ enterprises: { id: string; name: string }[] }>('/liaison/enterprises?mine=true');
    const ent = mine.enterprises.find((e) => e.name === '淄博齐鲁新材料科技有限公司');
    assert.ok(ent, 'officer.zhangdian liaises with 淄博齐鲁新材料科技有限公司');
    // two visits, each with one problem left open (the demo has none)
    for (const text of [problems.file, problems.solve]) {
      await officerApi.json('/liaison/visits', { body: { enterpriseId: ent.id, date: beijingDate(0), way: 'phone', met: '王经理（行政部）', pledge: true, problems: [{ text, outcome: 'open' }] } });
    }
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: the supervisor adds a tag (a bad code first: the field error) and renames it', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'supervisor');
    await page.goto('/workbench/liaison');
    await page.getByTestId('liaison-office').waitFor();
    await openTab(page, '企业标签');
    const list = page.getByTestId('liaison-tags');
    await list.locator('[data-tag-row="time-honored"]').waitFor();

    await page.getByTestId('tag-add').click();
    await page.locator('#liaison_tag_code').fill('专精特新');
    await page.locator('#liaison_tag_nameZh').fill('专精特新');
    await page.locator('#liaison_tag_nameEn').fill('Specialised and innovative');
    await page.getByTestId('tag-save').click();
    const codeError = page.locator('[data-field="code"] .ant-form-item-explain-error');
    await codeError.waitFor();
    assert.match(await codeError.innerText(), /小写字母/, 'the server\'s tag_code_invalid sits on the code field');
    await shot(page, 'liaison-tag-error-zh');
    await page.locator('#liaison_tag_code').fill('specialised');
    await page.getByTestId('tag-save').click();
    await dialogClosed(page);
    const row = list.locator('[data-tag-row="specialised"]');
    await row.waitFor();

    await row.locator('[data-action="rename-tag"]').click();
    assert.equal(await page.locator('#liaison_tag_code').isDisabled(), true, 'a tag\'s code cannot change');
    await page.locator('#liaison_tag_nameZh').fill('专精特新企业');
    await page.getByTestId('tag-save').click();
    await dialogClosed(page);
    await row.filter({ hasText: '专精特新企业' }).waitFor();
    await shot(page, 'liaison-tags-zh');
    assert.deepEqual(await seriousViolations(page), [], 'the tags tab passes axe');

    // the new tag is offered where enterprises are tagged
    await openTab(page, '重点企业');
    await page.locator('[data-action="profile"]').first().click();
    await page.locator('#liaison_profile_tags').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option:has-text("专精特新企业")').waitFor();
    await page.locator('.ant-modal-wrap:visible .ant-modal-close').click();
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' });

    await toEnglishPhone(page);
    await page.getByTestId('liaison-office').waitFor();
    await openTab(page, 'Enterprise tags');
    await page.getByTestId('liaison-tags').locator('[data-tag-row="specialised"]').waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    await shot(page, 'liaison-tags-en-phone');
  });

  test('zh desktop: the supervisor registers a major project, names its officer and ends the assignment with a reason', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'supervisor');
    await page.goto('/workbench/liaison');
    await openTab(page, '重大项目');
    const projects = page.getByTestId('liaison-projects');
    await projects.locator('[data-project]').first().waitFor();

    await page.getByTestId('project-add').click();
    await page.locator('#liaison_project_name').fill(PROJECT);
    await page.locator('#liaison_project_enterpriseId').click();
    await page.locator('#liaison_project_enterpriseId').fill('鲁中');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option:has-text("淄博鲁中精细化工有限公司")').click();
    await pickOption(page, '#liaison_project_district', '张店区');
    await pickOption(page, '#liaison_project_stage', '筹备');
    await page.locator('#liaison_project_address').fill('张店区化工产业园 3 号');
    await pickDate(page, '#liaison_project_startOn', beijingDate(10));
    await pickDate(page, '#liaison_project_endOn', beijingDate(5));
    await page.getByTestId('project-save').click();
    // the end before the start: the server's field error on the end date, nothing saved
    await page.locator('[data-field="endOn"] .ant-form-item-explain-error').waitFor();
    await shot(page, 'liaison-project-error-zh');
    await pickDate(page, '#liaison_project_endOn', beijingDate(400));
    await page.getByTestId('project-save').click();
    await dialogClosed(page);
    const row = projects.locator('[data-project]', { hasText: PROJECT });
    await row.waitFor();
    await row.getByText('未指派联络民警').waitFor();

    await row.locator('[data-action="assign-project"]').click();
    await page.getByTestId('assign-dialog').waitFor();
    await page.getByTestId('assign-officer').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option:has-text("刘警官")').click();
    await page.getByTestId('assign-reason').fill('新登记重大项目，专人联络');
    await page.getByTestId('assign-confirm').click();
    await dialogClosed(page);
    await row.getByTestId('officer-cell').filter({ hasText: '刘警官' }).waitFor();
    await shot(page, 'liaison-projects-zh');

    await row.locator('[data-action="project-history"]').click();
    const drawer = page.getByTestId('history-drawer');
    await drawer.locator('[data-active="true"]').filter({ hasText: '刘警官' }).waitFor();
    await drawer.locator('[data-action="end-assignment"]').click();
    await page.getByTestId('end-assignment-confirm').click();
    await page.locator('[data-testid="end-assignment-dialog"] .ant-form-item-explain-error').waitFor(); // a reason is required
    await page.locator('#end_assignment_reason').fill('项目暂缓建设，另行安排');
    await shot(page, 'liaison-end-assignment-zh', { here: true });
    await page.getByTestId('end-assignment-confirm').click();
    await page.getByTestId('end-assignment-dialog').waitFor({ state: 'hidden' });
    await drawer.locator('[data-active="false"]').filter({ hasText: '项目暂缓建设，另行安排' }).waitFor();
    assert.equal(await drawer.locator('[data-active="true"]').count(), 0, 'no active assignment is left');
    assert.equal(await drawer.locator('[data-action="end-assignment"]').count(), 0, 'an ended assignment has no end button');
    await drawer.locator('.ant-drawer-close').click();
    await row.getByText('未指派联络民警').waitFor(); // the project table refreshed

    // the API agrees
    const api = await apiSession(stack.baseURL, 'supervisor');
    const { projects: list } = await api.json<{ projects: { id: string; name: string; officer: unknown }[] }>('/liaison/projects');
    const p = list.find((x) => x.name === PROJECT);
    assert.ok(p && p.officer === null);
    const { assignments } = await api.json<{ assignments: { toAt: string | null; endReason: string | null }[] }>(`/liaison/assignments?projectId=${p.id}`);
    assert.equal(assignments[0].endReason, '项目暂缓建设，另行安排');

    await toEnglishPhone(page);
    await openTab(page, 'Major projects');
    await page.locator('[data-project]', { hasText: PROJECT }).waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    await shot(page, 'liaison-projects-en-phone', { fullPage: true });
  });

  test('zh desktop: the office ends an enterprise\'s assignment; the enterprise table shows it without officer', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'supervisor');
    await page.goto('/workbench/liaison');
    // an enterprise with an officer other than 齐鲁新材料 (the officer's test below needs that one)
    const row = page.locator('[data-enterprise]', { hasText: '淄博华光陶瓷科技文化有限公司' });
    await row.getByTestId('officer-cell').waitFor();
    await row.locator('[data-action="history"]').click();
    const drawer = page.getByTestId('history-drawer');
    await drawer.locator('[data-action="end-assignment"]').click();
    await page.locator('#end_assignment_reason').fill('企业迁出本辖区');
    await page.getByTestId('end-assignment-confirm').click();
    await drawer.locator('[data-active="false"]').filter({ hasText: '企业迁出本辖区' }).first().waitFor();
    await drawer.locator('.ant-drawer-close').click();
    await row.getByText('未指派联络民警').waitFor();
  });

  test('zh desktop: the officer marks an open problem solved and turns another into an appeal (a tampered save first)', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'officer.zhangdian');
    await page.goto('/workbench/liaison/visits');
    const item = (text: string) => page.locator('[data-problem-outcome]', { hasText: text });
    await item(problems.solve).locator('[data-action="solve-problem"]').waitFor();
    await shot(page, 'liaison-open-problems-zh');

    await item(problems.solve).locator('[data-action="solve-problem"]').click();
    await page.getByTestId('solve-confirm').click();
    await page.locator('[data-testid="solve-dialog"] [data-field="resolution"] .ant-form-item-explain-error').waitFor(); // the server's 422
    await page.locator('#solve_problem_resolution').fill('已协调辖区派出所将仓库周边纳入夜间巡逻路线');
    await page.getByTestId('solve-confirm').click();
    await dialogClosed(page);
    await page.locator('[data-problem-outcome="solved"]', { hasText: problems.solve }).getByText('已协调辖区派出所').waitFor();

    await item(problems.file).locator('[data-action="file-problem"]').click();
    await page.getByTestId('file-dialog').waitFor();
    assert.equal(await page.locator('#file_problem_item_data_title').inputValue(), problems.file, 'the title is prefilled from the problem');
    await pickOption(page, '#file_problem_item_data_category', '困难诉求');
    await page.locator('#file_problem_item_data_contactPhone').fill('13800000000');
    // the browser checks what the form declares; a save tampered on the way shows the server's error on its field
    await page.route('**/api/v1/liaison/visits/*/problems/*', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { item: { data: Record<string, unknown> } };
      delete body.item.data.title;
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.getByTestId('file-confirm').click();
    const titleError = page.locator('[data-testid="file-dialog"] [data-field="item.data.title"] .ant-form-item-explain-error');
    await titleError.waitFor();
    await page.unrouteAll();
    await shot(page, 'liaison-file-problem-error-zh', { here: true });
    await page.locator('#file_problem_item_data_title').fill('厂区门口早晚高峰拥堵');
    await page.getByTestId('file-confirm').click();
    await dialogClosed(page);
    const filed = page.locator('[data-problem-outcome="item"]', { hasText: problems.file });
    await filed.getByTestId('problem-item-link').waitFor();
    assert.match(await filed.innerText(), /企业诉求/);
    assert.equal(await page.locator('[data-action="solve-problem"]').count(), 0, 'no open problem is left');

    await toEnglishPhone(page);
    await page.locator('[data-problem-outcome="item"]', { hasText: problems.file }).getByText('Enterprise appeal').waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    await shot(page, 'liaison-problems-en-phone', { fullPage: true });

    const { visits } = await officerApi.json<{ visits: { problems: { text: string; outcome: string; itemNumber: string | null }[] }[] }>('/liaison/visits?mine=true');
    const all = visits.flatMap((v) => v.problems);
    assert.equal(all.find((p) => p.text === problems.solve)?.outcome, 'solved');
    assert.ok(all.find((p) => p.text === problems.file)?.itemNumber, 'the appeal has a number');
  });
});
