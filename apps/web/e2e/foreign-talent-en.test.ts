/**
 * Issue 5 must-show: the foreign talent joint window (M4) completed in the English UI. An enterprise files one
 * application; the exit-entry officer accepts it, which opens the science and technology bureau's work-permit branch;
 * the bureau issues the work permit; the enterprise (on a 390 px phone) sees the item NOT done while the residence
 * permit is still open; the exit-entry officer answers; only now is it done, and the applicant is told to collect
 * both documents together at the joint window.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Stack, apiSession, confirmAction, fillItemForm, horizontalOverflow, seriousViolations, shot, signIn, startStack } from './support.ts';

type Schema = Parameters<typeof fillItemForm>[2];

/** The kinds of the documents issued so far, as the item shows their numbers. */
async function certificateKinds(page: Page) {
  const kinds = await page.locator('[data-testid="item-certificate"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  return kinds.sort();
}

async function statusOf(page: Page) {
  return page.getByTestId('item-detail').getAttribute('data-status');
}

/** The joint-handling table: the lead (exit-entry) part and the bureau's branch, each open or done. */
async function parts(page: Page) {
  const table = page.getByTestId('item-branches');
  await table.waitFor();
  const rows = table.locator('tr[data-branch-unit]');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await rows.count()); i++) out[(await rows.nth(i).getAttribute('data-branch-unit'))!] = (await rows.nth(i).getAttribute('data-branch-status'))!;
  return out;
}

describe('foreign talent joint window in English (M4): both permits, one window', { timeout: 600_000 }, () => {
  let stack: Stack;
  let schema: Schema;
  let officer: Page;
  let applicant: Page;
  const filed = { id: '', number: '' };

  before(async () => {
    stack = await startStack();
    const types = (await (await fetch(`${stack.baseURL}/api/v1/item-types`)).json()) as { code: string; form: Schema }[];
    schema = types.find((x) => x.code === 'foreign-talent-permits')!.form;
  });
  after(async () => {
    await stack?.stop();
  });

  test('en desktop: the enterprise files the bilingual application', async () => {
    const { page, context } = await stack.newPage({ lang: 'en' });
    await signIn(page, 'ent.demo1');
    await page.waitForURL(/\/enterprise/);
    await page.getByTestId('new-item').click();
    await page.getByTestId('pick-foreign-talent-permits').click();
    await page.locator('#new-foreign-talent-permits_passportNumber').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Foreign talent work and residence permits (joint window)' }).waitFor();
    // the declaration's English labels and the seed's promise
    for (const label of ['Full name (as in the passport)', 'Passport number', 'Nationality', 'Employer', 'Position', 'Work permit online pre-approval number']) {
      await page.locator('label', { hasText: label }).first().waitFor();
    }
    assert.match(await page.locator('.ant-card-body .ant-typography').first().innerText(), /5 working days/);
    await fillItemForm(page, 'new-foreign-talent-permits', schema, {
      fullName: 'Anna Schmidt',
      passportNumber: 'C01X00T47',
      nationality: 'Germany',
      gender: 'Female',
      dateOfBirth: '1990-05-12',
      employer: 'Qilu New Materials Co., Ltd.',
      position: 'Senior process engineer',
      workPermitPreapproval: 'WP-2026-0451',
      email: 'anna.schmidt@example.com',
      contactPhone: '13800138000',
    });
    await page.keyboard.press('Escape');
    // no error, and no error message still fading out (axe would judge its half-transparent colour)
    await page.waitForFunction(() => !document.querySelector('.ant-form-item-has-error, .ant-form-show-help-item-leave, .ant-form-show-help-item-appear'));
    await shot(page, 'foreign-talent-form-en');
    assert.deepEqual(await seriousViolations(page), [], 'the English form passes axe');
    await page.getByTestId('item-form-submit').click();
    await page.waitForURL(/\/enterprise\/items\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="item-detail"][data-status="submitted"]').waitFor();
    filed.number = (await page.getByTestId('item-number').innerText()).trim();
    filed.id = page.url().split('/').pop()!;
    if (process.env.E2E_DEBUG) console.log('filed', filed);
    await page.getByText('Passport number').first().waitFor();
    await context.close();
  });

  test('en desktop: the exit-entry officer accepts; the work-permit branch opens and the item cannot be answered yet', async () => {
    ({ page: officer } = await stack.newPage({ lang: 'en' }));
    await signIn(officer, 'officer.churujing');
    await officer.waitForURL(/\/workbench/);
    await officer.locator(`[data-testid="queue"] [data-item-number="${filed.number}"]`).first().waitFor();
    await officer.goto(`/workbench/items/${filed.id}`);
    await officer.locator('[data-testid="item-detail"][data-status="submitted"]').waitFor();
    await officer.locator('[data-action="accept"]').click();
    await officer.locator('#action_note').fill('Documents checked at the joint window.');
    await officer.getByTestId('action-confirm').click();
    await officer.locator('[data-testid="item-detail"]:not([data-status="submitted"])').waitFor();
    assert.deepEqual(await parts(officer), { 'zb-exit-entry': 'open', 'partner-kejiju': 'open' });
    // 联办: the item may be answered only when every branch is done
    assert.equal(await officer.locator('[data-action="answer"]').count(), 0, 'no answer while the work permit is pending');
    assert.match(await officer.getByTestId('item-branches').innerText(), /Science and Technology|Technology Bureau/i);
  });

  test('en desktop: the science and technology bureau issues the work permit (its branch)', async () => {
    const { page, context } = await stack.newPage({ lang: 'en' });
    await signIn(page, 'partner.kejiju');
    await page.waitForURL(/\/workbench/);
    await page.locator(`[data-testid="queue"] [data-item-number="${filed.number}"]`).first().waitFor();
    await page.goto(`/workbench/items/${filed.id}`);
    await page.getByTestId('item-detail').waitFor();
    // the bureau may complete its branch, and nothing of the exit-entry part
    assert.equal(await page.locator('[data-action="accept"], [data-action="answer"]').count(), 0);
    await page.locator('[data-action="complete-branch"]').click();
    // the bureau's decision: approving issues the Foreigner's Work Permit with its number
    await page.locator('#action_branchDecisionForm_decision').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Approved (issue the document)' }).click();
    await page.locator('#action_note').fill("Foreigner's Work Permit approved and issued.");
    await shot(page, 'foreign-talent-branch-en');
    await page.getByTestId('action-confirm').click();
    await page.locator('tr[data-branch-unit="partner-kejiju"][data-branch-status="done"]').waitFor();
    await page.locator('[data-testid="item-certificate"][data-kind="foreign-work-permit"]').waitFor();
    await context.close();
  });

  test('en phone: after one branch the enterprise sees the item NOT done', async () => {
    ({ page: applicant } = await stack.newPage({ lang: 'en', phone: true }));
    await signIn(applicant, 'ent.demo1');
    await applicant.goto(`/enterprise/items/${filed.id}`);
    await applicant.getByTestId('item-detail').waitFor();
    const status = await statusOf(applicant);
    assert.ok(status && !['answered', 'closed'].includes(status), `not done after one branch (status ${status})`);
    assert.deepEqual(await parts(applicant), { 'zb-exit-entry': 'open', 'partner-kejiju': 'done' });
    assert.equal(await applicant.getByTestId('item-answer').count(), 0, 'no answer yet');
    assert.match(await applicant.getByTestId('item-branches').innerText(), /Work Permit approved and issued/);
    // one document so far: the work permit has its number, the residence permit none yet
    assert.deepEqual(await certificateKinds(applicant), ['foreign-work-permit']);
    assert.ok((await horizontalOverflow(applicant)) <= 0, 'no sideways scroll at 390 px');
    await applicant.getByTestId('item-branches').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(applicant, 'foreign-talent-one-branch-en-phone', { here: true });
  });

  test('en desktop: the exit-entry officer answers (residence permit); the item is done', async () => {
    await officer.reload();
    await officer.locator('[data-action="answer"]').click();
    // the residence permit's decision is asked for (approval unless stated): left as it is
    await officer.locator('#action_answerDecisionForm_decision').waitFor();
    await officer.locator('#action_note').fill('Residence permit issued. Please collect both documents together at the joint window.');
    // The server's answer to the transition, so a refusal fails here with its reason rather than as a timeout.
    const answered = officer.waitForResponse((r) => r.url().endsWith(`/api/v1/items/${filed.id}/transitions`) && r.request().method() === 'POST');
    await confirmAction(officer);
    const res = await answered;
    assert.equal(res.status(), 200, `answer refused: ${await res.text()}`);
    await officer.locator('[data-testid="item-detail"][data-status="answered"]').waitFor();
    assert.deepEqual(await parts(officer), { 'zb-exit-entry': 'done', 'partner-kejiju': 'done' });
    await officer.context().close();
  });

  test('en phone: the enterprise sees it done and the notice to collect both documents at the joint window', async () => {
    await applicant.reload();
    await applicant.locator('[data-testid="item-detail"][data-status="answered"]').waitFor();
    assert.deepEqual(await parts(applicant), { 'zb-exit-entry': 'done', 'partner-kejiju': 'done' });
    await applicant.getByTestId('item-answer').waitFor();
    assert.deepEqual(await certificateKinds(applicant), ['foreign-residence-permit', 'foreign-work-permit']);
    // the link names the document it opens: the approval's 决定书, not a generic "decision" (issue 16)
    assert.match(await applicant.getByTestId('item-decision-pdf').innerText(), /Decision: approved/);
    await applicant.goto('/enterprise/notifications');
    const notice = applicant.getByText(new RegExp(`Both documents of your item ${filed.number} are ready: collect the Foreigner.s Work Permit and the Residence Permit together at the public security joint window`));
    await notice.waitFor();
    assert.ok((await horizontalOverflow(applicant)) <= 0, 'no sideways scroll at 390 px');
    await shot(applicant, 'foreign-talent-pickup-en-phone');
    await applicant.context().close();
  });

  test("en phone: the receipt's QR code shows it genuine, decided, with both documents' numbers", async () => {
    const ent = await apiSession(stack.baseURL, 'ent.demo1');
    const m = /verify\/([A-Z0-9-]+)\?s=([A-Za-z0-9_-]+)/.exec(await ent.text(`/items/${filed.id}/receipt`));
    assert.ok(m, 'the receipt carries a signed link');
    const item = await ent.json<{ outputs: { certificates: { number: string }[] } }>(`/items/${filed.id}`);
    const { page, context } = await stack.newPage({ lang: 'en', phone: true });
    await page.goto(`/verify/${m[1]}?s=${m[2]}`);
    await page.getByRole('heading', { name: 'Genuine' }).waitFor();
    assert.equal(await page.getByTestId('verify-decision').getAttribute('data-decision'), 'approved');
    const numbers = await page.getByTestId('verify-certificate').allInnerTexts();
    assert.deepEqual(numbers.map((x) => x.trim()).sort(), item.outputs.certificates.map((c) => c.number).sort());
    assert.equal(numbers.length, 2);
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    await shot(page, 'verify-decision-en-phone');
    await context.close();
  });
});
