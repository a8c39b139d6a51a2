/**
 * 风险预警 by industry and to a partner department (M15, issue 15 point 1): 张店's officer drafts, on a Chinese
 * desktop, a warning to the 制造业 (C) enterprises and the market regulation bureau; the leader approves it; 齐鲁新材料
 * acknowledges in Chinese, 博远智能 in English on a 390 px phone, and one person of the bureau acknowledges for the
 * department on a phone; the sender sees both kinds of acknowledgement while 华光陶瓷 has not read it. The browser
 * cannot move the server's clock: the escalation of a silent enterprise after 3 working days is shown by the demo's
 * earlier warning (华光陶瓷 escalated to its liaison officer) and tested in apps/server/test/prevention-warnings.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Stack, apiSession, choose, horizontalOverflow, seriousViolations, shot, signIn, startStack } from './support.ts';

interface Detail {
  counts: { delivered: number; acknowledged: number; escalated: number };
  deliveries: { enterpriseName: string; acknowledgedAt: string | null }[];
  departments: { unitId: string; acknowledgedAt: string | null; acknowledgedBy: string | null }[];
}

describe('risk warnings by industry and to a partner department', { timeout: 600_000 }, () => {
  let stack: Stack;
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if ((m.type() === 'error' || m.type() === 'warning') && !/status of 4(01|22)/.test(m.text())) errors.push(`${page.url()}: ${m.type()} ${m.text().slice(0, 300)}`);
    });
  };
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop + en phone: drafted to an industry and a department, approved, acknowledged by two enterprises and the department', async () => {
    const { page: w } = await stack.newPage();
    watch(w);
    await signIn(w, 'officer.zhangdian');
    await w.waitForURL(/\/workbench/);
    await w.goto('/workbench/warnings');
    // the demo's earlier warning: two read it, 华光陶瓷 did not and went to its liaison officer after 3 working days
    await w.locator('[data-status="published"]', { hasText: '冒充公司领导' }).getByTestId('warning-counts').filter({ hasText: '已转联络民警 1 家' }).waitFor();
    await w.getByTestId('warning-new').click();
    await w.locator('#warning_title').fill('警惕假冒“质监抽检”上门收费');
    await w.locator('#warning_body').fill('近期有人冒充市场监管部门到制造企业“抽检”产品，以不合格为由要求缴纳罚款。执法抽检不现场收取现金，请企业核实身份并及时报告。');
    await choose(w, 'warning_riskKind', '行业风险');
    await choose(w, 'warning_level', '一般');
    await choose(w, 'warning_industries', 'C 制造业');
    await w.keyboard.press('Escape');
    await choose(w, 'warning_partnerUnitIds', '淄博市市场监督管理局');
    await w.keyboard.press('Escape');
    await shot(w, 'warning-industry-draft-zh', { fullPage: true });
    await w.getByTestId('warning-save').click();
    await w.locator('[data-testid="warning-detail"][data-status="draft"]').waitFor();
    await w.getByText('C 制造业').first().waitFor();
    await w.locator('[data-action="submit"]').click();
    await w.locator('[data-testid="warning-detail"][data-status="submitted"]').waitFor();
    const url = w.url();
    const id = url.split('/').pop()!;
    await w.context().close();

    const { page: l } = await stack.newPage();
    watch(l);
    await signIn(l, 'leader.zhangdian');
    await l.waitForURL(/\/dashboard/);
    await l.goto(url);
    await l.locator('[data-action="approve"]').click();
    await l.locator('[data-testid="warning-detail"][data-status="published"]').waitFor();
    await l.locator('[data-department="partner-shichang"][data-state="unread"]').waitFor();
    const sender = await apiSession(stack.baseURL, 'leader.zhangdian');
    const published = await sender.json<Detail>(`/prevention/warnings/${id}`);
    const names = published.deliveries.map((d) => d.enterpriseName);
    for (const n of ['淄博齐鲁新材料科技有限公司', '淄博博远智能装备有限公司', '淄博华光陶瓷科技文化有限公司']) assert.ok(names.includes(n), n);
    assert.ok(!names.includes('高青县黄河生态农业有限公司'), 'an enterprise of another industry is not reached');
    assert.deepEqual(published.counts, { delivered: names.length + 1, acknowledged: 0, escalated: 0 });
    await l.context().close();

    // 齐鲁新材料 in Chinese on a desktop
    const { page: e1 } = await stack.newPage();
    watch(e1);
    await signIn(e1, 'ent.demo1');
    await e1.goto('/enterprise/warnings');
    await e1.locator('[data-acknowledged="false"]', { hasText: '质监抽检' }).getByTestId('warning-acknowledge').click();
    await e1.locator('[data-acknowledged="true"]', { hasText: '质监抽检' }).waitFor();
    await e1.context().close();

    // 博远智能 in English on a phone
    const { page: e2 } = await stack.newPage({ lang: 'en', phone: true });
    watch(e2);
    await signIn(e2, 'ent.demo2');
    await e2.goto('/enterprise/warnings');
    await e2.locator('[data-acknowledged="false"]', { hasText: '质监抽检' }).getByTestId('warning-acknowledge').click();
    await e2.locator('[data-acknowledged="true"]', { hasText: '质监抽检' }).waitFor();
    assert.ok((await horizontalOverflow(e2)) <= 0, 'no sideways scroll at 390 px');
    await e2.context().close();

    // the market regulation bureau: one of its people acknowledges for the department, in English on a phone
    const { page: p } = await stack.newPage({ lang: 'en', phone: true });
    watch(p);
    await signIn(p, 'partner.shichang');
    await p.waitForURL(/\/workbench/);
    await p.goto('/workbench/department-warnings');
    const mine = p.locator('[data-acknowledged="false"]', { hasText: '质监抽检' });
    await mine.waitFor();
    await shot(p, 'warning-department-en-phone', { fullPage: true });
    await mine.getByTestId('warning-acknowledge').click();
    await p.locator('[data-acknowledged="true"]', { hasText: '质监抽检' }).filter({ hasText: 'for the department' }).waitFor();
    assert.ok((await horizontalOverflow(p)) <= 0, 'no sideways scroll at 390 px');
    assert.deepEqual(await seriousViolations(p), [], 'axe: the department warnings');
    await shot(p, 'warning-department-acknowledged-en-phone', { fullPage: true });
    await p.context().close();

    // the sender sees two enterprises and the department acknowledged; 华光陶瓷 has not read it yet
    const { page: s } = await stack.newPage();
    watch(s);
    await signIn(s, 'leader.zhangdian');
    await s.waitForURL(/\/dashboard/);
    await s.goto(url);
    await s.locator('[data-department="partner-shichang"][data-state="acknowledged"]').waitFor();
    assert.match(await s.getByTestId('warning-counts').innerText(), new RegExp(`送达 ${names.length + 1} 家 · 已阅知 3 家`));
    await s.locator('[data-enterprise="淄博华光陶瓷科技文化有限公司"][data-state="unread"]').waitFor();
    assert.deepEqual(await seriousViolations(s), [], 'axe: the published warning with a department');
    await shot(s, 'warning-industry-published-zh', { fullPage: true });
    const seen = await sender.json<Detail>(`/prevention/warnings/${id}`);
    assert.deepEqual(seen.counts, { delivered: names.length + 1, acknowledged: 3, escalated: 0 });
    assert.equal(seen.departments[0].acknowledgedBy, '市市场监管局 执法科');
    assert.deepEqual(errors, []);
  });
});
