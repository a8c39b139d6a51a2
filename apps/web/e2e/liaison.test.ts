/**
 * 警企联络 (M1): the liaison office marks 鲁中精细化工 as key and names its officer (a save without a reason is refused
 * first, nothing saved); the officer logs a visit to 齐鲁新材料 with one problem solved on the spot and one turned into
 * an appeal; the enterprise, in English on a 390 px phone, sees its officer with the unit's phone, confirms the
 * visit and opens the appeal, which runs on the appeal's clock, assigned to its officer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type ApiSession, type Stack, apiSession, horizontalOverflow, seriousViolations, shot, signIn, startStack, choose } from './support.ts';

interface Enterprise {
  id: string;
  name: string;
  key: boolean;
  tags: string[];
  officer: { displayName: string } | null;
}
interface Visit {
  id: string;
  date: string;
  problems: { outcome: string; itemId: string | null; itemNumber: string | null }[];
  confirmation: { verdict: string } | null;
}

const LUZHONG = '淄博鲁中精细化工有限公司';
const QILU = '淄博齐鲁新材料科技有限公司';
const LI = '张店分局 李警官';


describe('liaison: the office assigns, the officer logs a visit that becomes an appeal, the enterprise confirms', { timeout: 600_000 }, () => {
  let stack: Stack;
  let office: ApiSession;
  let ent: ApiSession;
  let visitId = '';
  let appealId = '';


  const enterprise = async (name: string) => (await office.json<{ enterprises: Enterprise[] }>(`/liaison/enterprises?q=${encodeURIComponent(name)}`)).enterprises[0]!;

  before(async () => {
    stack = await startStack();
    office = await apiSession(stack.baseURL, 'supervisor');
    ent = await apiSession(stack.baseURL, 'ent.demo1');
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: the liaison office marks 鲁中精细化工 key and assigns 李警官 (a save with no reason is refused, nothing saved)', async () => {
    const { page } = await stack.newPage();
    // the API session above took this window's code: signIn waits for the next one when needed
    await signIn(page, 'supervisor');
    await page.goto('/workbench/liaison');
    await page.getByTestId('liaison-search').locator('input').fill('鲁中精细化工');
    await page.getByTestId('liaison-search').locator('input').press('Enter');
    const row = page.locator('[data-enterprise]', { hasText: LUZHONG });
    await row.waitFor();
    assert.equal(await page.locator('[data-enterprise]').count(), 1, 'the search finds just that enterprise');

    await row.locator('[data-action="profile"]').click();
    await page.getByTestId('profile-key').click();
    await choose(page, 'liaison_profile_tags', '规上企业');
    await page.keyboard.press('Escape');
    await page.getByTestId('profile-save').click();
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' });
    await row.getByText('规上企业').waitFor();
    const marked = await enterprise(LUZHONG);
    assert.equal(marked.key, true);
    assert.deepEqual(marked.tags, ['above-scale']);

    await row.locator('[data-action="assign"]').click();
    await page.getByTestId('assign-dialog').waitFor();
    // the office's district branch is preselected for the enterprise in 张店
    await page.locator('.ant-select:has(#liaison_assign_officerUnitId)').filter({ hasText: '张店分局' }).waitFor();
    await choose(page, 'liaison_assign_officerId', LI);
    await page.getByTestId('assign-confirm').click();
    const reasonError = page.locator('[data-field="reason"] .ant-form-item-explain-error');
    await reasonError.waitFor();
    await shot(page, 'liaison-assign-error-zh', { here: true });
    assert.equal((await enterprise(LUZHONG)).officer, null, 'nothing saved by the refused request');
    assert.deepEqual((await office.json<{ assignments: unknown[] }>(`/liaison/assignments?enterpriseId=${marked.id}`)).assignments, []);

    await page.getByTestId('assign-reason').fill('新认定规上企业，纳入“一企一警”结对');
    await reasonError.waitFor({ state: 'detached' });
    await page.getByTestId('assign-confirm').click();
    await page.locator('.ant-message-success').waitFor();
    await row.getByTestId('officer-cell').getByText(LI).waitFor();
    assert.equal((await enterprise(LUZHONG)).officer?.displayName, LI);
    // the assign dialog fades out after the save: axe would read its fading labels as low contrast
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' });
    assert.deepEqual(await seriousViolations(page), [], 'axe: the office page');
    await shot(page, 'liaison-office-zh');

    // the history drawer names the new officer and who assigned, and the coverage page counts the enterprise
    await row.locator('[data-action="history"]').click();
    await page.getByTestId('history-drawer').getByText('新认定规上企业').waitFor();
    await page.keyboard.press('Escape');
    await page.goto('/dashboard/liaison-coverage');
    await page.getByTestId('coverage-idle').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the coverage page');
    await shot(page, 'liaison-coverage-zh', { fullPage: true });
    assert.deepEqual(stack.consoleProblems(), [], 'a clean console');
  });

  test('zh desktop: 李警官 logs a visit to 齐鲁新材料: one problem solved on the spot, one turned into an appeal', async () => {
    const qilu = await enterprise(QILU);
    const { page } = await stack.newPage();
    await signIn(page, 'officer.zhangdian');
    await page.goto('/workbench/liaison/mine');
    await page.getByTestId('liaison-mine').getByText(QILU).waitFor();
    await page.goto(`/workbench/liaison/visits/new?enterpriseId=${qilu.id}`);
    await page.getByTestId('visit-form').waitFor();
    await page.locator('#visit_met').fill('张经理（综合办公室主任）');
    await page.locator('#visit_summary').fill('上门走访，了解项目投产前的安保需求。');

    await page.getByTestId('problem-add').click();
    await page.locator('#visit_problems_0_text').fill('厂区新增门岗，需要指导制定安保值守制度');
    await page.getByTestId('problem-outcome-0').getByText('当场解决').click();
    await page.locator('#visit_problems_0_resolution').fill('现场讲解门岗值守和访客登记要求，提供制度范本');

    await page.getByTestId('problem-add').click();
    await page.locator('#visit_problems_1_text').fill('外籍技术人员来淄工作的居留许可办理时限');
    await page.getByTestId('problem-outcome-1').getByText('转为事项').click();
    await page.getByTestId('problem-item-1').waitFor();
    // the title, content and contact come from the problem and who was met; the category and phone are the officer's
    assert.equal(await page.locator('#visit_problems_1_item_data_title').inputValue(), '外籍技术人员来淄工作的居留许可办理时限');
    await choose(page, 'visit_problems_1_item_data_category', '政策咨询');
    await page.locator('#visit_problems_1_item_data_content').fill('企业拟聘用两名外籍技术人员，希望了解工作许可与居留许可联办的材料和时限，请出入境部门答复。');
    await page.locator('#visit_problems_1_item_data_contactPhone').fill('13905331234');

    // without the 亲清 pledge the server refuses: the error lands on the pledge, nothing is saved
    const before = (await ent.json<{ visits: Visit[] }>('/enterprise/visits')).visits.length;
    await page.getByTestId('visit-submit').click();
    await page.locator('[data-field="pledge"] .ant-form-item-explain-error').waitFor();
    assert.equal((await ent.json<{ visits: Visit[] }>('/enterprise/visits')).visits.length, before, 'nothing saved without the pledge');
    await shot(page, 'liaison-visit-form-zh', { fullPage: true });
    await page.getByTestId('visit-pledge').click();
    await page.getByTestId('visit-submit').click();
    await page.waitForURL(/\/workbench\/liaison\/visits$/);
    await page.locator('.ant-message-success').waitFor();

    const visits = (await ent.json<{ visits: Visit[] }>('/enterprise/visits')).visits;
    assert.equal(visits.length, before + 1);
    const v = visits[0]!;
    assert.deepEqual(v.problems.map((p) => p.outcome), ['solved', 'item']);
    assert.ok(v.problems[1]!.itemNumber);
    visitId = v.id;
    appealId = v.problems[1]!.itemId!;
    const list = page.locator(`[data-visit="${visitId}"]`);
    await list.getByText(v.problems[1]!.itemNumber!).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the visit list');
    await shot(page, 'liaison-visits-zh');
    assert.deepEqual(stack.consoleProblems(), [], 'a clean console');
  });

  test('en phone: 齐鲁新材料 sees its officer with the unit phone, confirms the visit and opens the appeal it became', async () => {
    assert.ok(visitId && appealId, 'the visit of the previous test');
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'ent.demo1');
    await page.goto('/enterprise/liaison');
    const card = page.getByTestId('officer-contact');
    await card.getByText(LI).waitFor();
    assert.match(await card.innerText(), /0533-\d{7}/, 'the unit duty phone, not a mobile');
    assert.doesNotMatch(await card.innerText(), /1[3-9]\d{9}/);
    const visit = page.locator(`[data-visit="${visitId}"]`);
    await visit.getByText('Awaiting confirmation', { exact: false }).waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the enterprise liaison page');
    await shot(page, 'liaison-enterprise-en-phone', { fullPage: true });
    await visit.locator('[data-action="confirm-visit"]').click();
    await visit.locator('[data-confirmation="confirmed"]').waitFor();
    assert.equal((await ent.json<{ visits: Visit[] }>('/enterprise/visits')).visits.find((x) => x.id === visitId)?.confirmation?.verdict, 'confirmed');

    await visit.getByTestId('problem-item-link').click();
    await page.waitForURL(new RegExp(`/enterprise/items/${appealId}`));
    await page.getByText('Enterprise appeal').first().waitFor();
    const item = await ent.json<{ type: string; dueAt: string | null; status: string }>(`/items/${appealId}`);
    assert.equal(item.type, 'appeal');
    assert.ok(item.dueAt, 'the appeal runs on its clock');
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    await shot(page, 'liaison-appeal-en-phone');
    assert.deepEqual(stack.consoleProblems(), [], 'a clean console');
  });
});
