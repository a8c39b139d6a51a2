/**
 * Cases (M11): an enterprise reports a contract fraud on the form rendered from the declaration (zh desktop); the
 * 经侦 unit registers it (受案), opens a case (立案) and records a recovered amount; the enterprise, in English on a
 * 390 px phone, follows it to 立案 with the amount and its total; the officer's workbench shows the case panel.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { readLedgerBook } from '../../../test-support/ledger-book.ts';
import { type ApiSession, type Stack, apiSession, beijingDate, fillItemForm, horizontalOverflow, seriousViolations, signIn, startStack } from './support.ts';

const DIR = '/tmp/cases';
const snap = async (page: Page, name: string, fullPage = true) => {
  mkdirSync(DIR, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage });
};

describe('cases: an enterprise reports a contract fraud and follows it to 立案 with a recovered amount', { timeout: 600_000 }, () => {
  let stack: Stack;
  let officer: ApiSession;
  let caseId = '';

  before(async () => {
    stack = await startStack();
    officer = await apiSession(stack.baseURL, 'officer.jingzhen');
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: the enterprise reports a contract fraud on the declared form; it goes to 经侦', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'ent.demo1');
    await page.goto('/enterprise/cases');
    await page.getByTestId('my-cases').waitFor();
    await snap(page, 'my-cases-zh');
    await page.getByTestId('report-crime').click();
    await page.waitForURL(/type=crime-report/);
    const types = (await (await fetch(`${stack.baseURL}/api/v1/item-types`)).json()) as { code: string; form: Parameters<typeof fillItemForm>[2] }[];
    const schema = types.find((x) => x.code === 'crime-report')!.form;
    await fillItemForm(page, 'new-crime-report', schema, {
      category: '合同诈骗',
      title: '某贸易公司以虚假合同骗取预付款',
      amountInvolved: '650000',
      occurredOn: beijingDate(-12),
      place: '淄博市张店区华光路 88 号',
      content: '对方以签订钢材购销合同为名，收取预付款后失联，合同所列公司地址不存在。',
      suspects: '王某，自称销售经理',
      contactName: '张经理',
      contactPhone: '13905330001',
    });
    await snap(page, 'report-form-zh');
    await page.locator('form[id="new-crime-report"] button[type="submit"]').click();
    await page.waitForURL(/\/enterprise\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    await page.getByTestId('case-stage').filter({ hasText: '待受案' }).waitFor();
    assert.match(await page.locator('body').innerText(), /经济犯罪侦查支队/);
    assert.deepEqual(await seriousViolations(page), [], 'axe: the case page');
    await snap(page, 'case-reported-zh');
  });

  test('the unit registers it, opens a case and records a recovered amount; the workbench shows the case panel', async () => {
    const act = async (action: string, fields: Record<string, unknown> = {}) => {
      const cur = await officer.json<{ version: number }>(`/items/${caseId}`);
      return officer.json(`/items/${caseId}/transitions`, { body: { action, version: cur.version, ...fields } });
    };
    await act('accept', { note: '已受案登记' });
    await act('answer', { decision: 'file', note: '经审查，有犯罪事实需要追究刑事责任，决定立案侦查' });
    await officer.json(`/cases/${caseId}/recoveries`, { body: { kind: 'recovered', amount: 210000, on: beijingDate(0), note: '追回赃款（内部）' } });
    const { page } = await stack.newPage();
    // another officer of 经侦 (the API session above took this window's TOTP code of officer.jingzhen)
    await signIn(page, 'officer.jingzhen2');
    await page.goto(`/workbench/items/${caseId}`);
    await page.getByTestId('staff-case-stage').filter({ hasText: '立案' }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the workbench case');
    await snap(page, 'workbench-case-zh');
  });

  test('zh desktop: the unit drafts the 涉企案件通报 of a concluded case (no company named), the supervisor publishes it, the portal shows it', async () => {
    const { cases } = await officer.json<{ cases: { id: string; enterpriseName: string | null }[] }>('/cases?stage=concluded');
    const concluded = cases[0]!;
    assert.ok(concluded.enterpriseName, 'the demo has a concluded case of a named enterprise');
    const { page } = await stack.newPage();
    await signIn(page, 'officer.jingzhen2');
    await page.goto(`/workbench/items/${concluded.id}`);
    const card = page.getByTestId('case-bulletin');
    await card.waitFor();
    const title = page.locator('#case-bulletin_title');
    const proposed = `${await title.inputValue()} ${await page.locator('#case-bulletin_summary').inputValue()} ${await page.locator('#case-bulletin_body').inputValue()}`;
    assert.match(proposed, /票据诈骗/, 'the proposal names the category');
    assert.ok(!proposed.includes(concluded.enterpriseName!), 'and not the enterprise');
    await title.fill('');
    await page.getByTestId('case-bulletin-submit').click();
    await card.locator('.ant-form-item-explain-error').filter({ hasText: '标题 2–100 字' }).waitFor();
    await title.fill('经侦支队破获一起伪造承兑汇票诈骗案');
    await page.getByTestId('case-bulletin-submit').click();
    await page.getByTestId('case-bulletin-made').filter({ hasText: '经侦支队破获一起伪造承兑汇票诈骗案' }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the drafted bulletin');
    await snap(page, 'case-bulletin-zh');
    const { publication } = await officer.json<{ publication: { id: string } }>(`/cases/${concluded.id}/bulletin`);
    await (await apiSession(stack.baseURL, 'supervisor')).json(`/publications/${publication.id}/publish`, { method: 'POST' });
    const visitor = await stack.newPage({ phone: true });
    await visitor.page.goto(`/bulletins/${publication.id}`);
    await visitor.page.getByText('经侦支队破获一起伪造承兑汇票诈骗案').first().waitFor();
    assert.ok(!(await visitor.page.locator('body').innerText()).includes(concluded.enterpriseName!), 'the public bulletin names no enterprise');
    assert.ok((await horizontalOverflow(visitor.page)) <= 0, 'no sideways scroll at 390 px');
    await snap(visitor.page, 'case-bulletin-public-phone');
  });

  test('en phone: the enterprise sees 立案, the unit and its phone, and the recovered amount with the total', async () => {
    const { page } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'ent.demo1');
    await page.goto(`/enterprise/cases/${caseId}`);
    await page.getByTestId('case-stage').filter({ hasText: 'Case opened' }).waitFor();
    const total = await page.getByTestId('recovered-total').innerText();
    assert.match(total, /210,000/);
    assert.match(await page.getByTestId('case-phone').innerText(), /0533-/);
    assert.doesNotMatch(await page.locator('body').innerText(), /内部/, 'the internal note stays with the staff');
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the case page in English');
    await snap(page, 'case-filed-en-phone');
    await page.goto('/enterprise/cases');
    await page.getByTestId('my-cases').waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    await snap(page, 'my-cases-en-phone');
  });

  test('zh desktop: an officer records a wage protest at an enterprise; two departments are pulled in; each sees only its own branch (en phone)', async () => {
    const office = await apiSession(stack.baseURL, 'supervisor');
    const ent = (await office.json<{ enterprises: { uscc: string }[] }>(`/liaison/enterprises?q=${encodeURIComponent('齐鲁新材料')}`)).enterprises[0]!;
    const { page } = await stack.newPage();
    await signIn(page, 'officer.zhangdian');
    await page.goto('/workbench/incidents/new');
    const types = (await (await fetch(`${stack.baseURL}/api/v1/item-types`)).json()) as { code: string; form: Parameters<typeof fillItemForm>[2] }[];
    const schema = types.find((x) => x.code === 'incident-linkage')!.form;
    const day = beijingDate(0);
    await fillItemForm(page, 'new-incident', schema, {
      enterpriseUscc: ent.uscc,
      category: '劳资纠纷',
      receivedAt: `${day} 00:05`,
      place: '张店区华光路 88 号厂区门口',
      dispatchedUnitId: 'zhangdian-station-chezhan',
      dispatchedAt: `${day} 00:08`,
      summary: '数十名工人聚集讨要工资，堵塞厂区大门',
    });
    await snap(page, 'incident-form-zh');
    await page.locator('form[id="new-incident"] button[type="submit"]').click();
    await page.waitForURL(/\/workbench\/items\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const li = await apiSession(stack.baseURL, 'officer.zhangdian');
    for (const [toUnitId, note] of [['partner-renshe', '请依法处理欠薪问题'], ['partner-shichang', '请核查企业经营情况']]) {
      const cur = await li.json<{ version: number }>(`/items/${id}`);
      await li.json(`/items/${id}/transitions`, { body: { action: 'open-branch', version: cur.version, toUnitId, note } });
    }
    await page.reload();
    await page.getByText('请核查企业经营情况').first().waitFor();
    await snap(page, 'incident-branches-zh');
    // the arrival was not known at 接警: recorded afterwards, a time before the dispatch refused on the field
    const arrival = page.getByTestId('incident-arrival');
    await arrival.locator('#arrival_arrivedAt').fill(`${day} 00:01`);
    await arrival.getByTestId('arrival-submit').click();
    await arrival.getByText('到达时间不能早于派警时间').waitFor();
    await arrival.locator('#arrival_arrivedAt').fill(`${day} 00:20`);
    await arrival.getByTestId('arrival-submit').click();
    await arrival.getByTestId('incident-arrived-at').filter({ hasText: `${day} 00:20` }).waitFor();
    assert.equal(await arrival.locator('#arrival_arrivedAt').count(), 0, 'recorded once: the form is gone');
    assert.deepEqual(await seriousViolations(page), [], 'axe: the incident with its arrival');
    await snap(page, 'incident-arrival-zh');

    const p = await stack.newPage({ lang: 'en', phone: true });
    await signIn(p.page, 'partner.shichang');
    await p.page.goto(`/workbench/items/${id}`);
    await p.page.getByText('请核查企业经营情况').first().waitFor();
    assert.doesNotMatch(await p.page.locator('body').innerText(), /请依法处理欠薪问题/, 'the other department’s branch stays hidden');
    assert.ok((await horizontalOverflow(p.page)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(p.page), [], 'axe: the partner’s item');
    await snap(p.page, 'incident-partner-en-phone');
  });

  test('zh desktop: a unit leader sees the case statistics and response times', async () => {
    const { page } = await stack.newPage();
    await signIn(page, 'leader.jingzhen');
    await page.goto('/dashboard/incident-response');
    await page.getByTestId('case-statistics').getByText('合同诈骗').first().waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the statistics');
    await snap(page, 'case-statistics-zh');
    // 导出: the same figures as the screen's, as a ledger
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-statistics-export').click()]);
    assert.match(file.suggestedFilename(), /^jqt-case-statistics-\d{12}\.xlsx$/);
    const book = await readLedgerBook(readFileSync(await file.path()));
    const shown = (await (await page.request.get('/api/v1/cases/statistics')).json()) as { total: { reports: number } };
    assert.equal(Number(book.rows.find((r) => r['统计维度'] === '合计')?.['报案数']), shown.total.reports);
  });
});
