import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { shanghaiDate } from '@jqt/domain';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

// 台账 of the module lists (issue 13 point 4): warnings, publications, cases and liaison contacts export the rows
// their list shows, with the list's filters, access and validation; each export is audited.
let t: TestApp;
const u: Record<string, TestUser> = {};

before(async () => {
  t = await makeTestApp();
  u.officer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  u.other = await buildUser(t, 'officer', { unitId: 'zhoucun-branch' });
  u.supervisor = await buildUser(t, 'supervisor');
  u.ent = await buildUser(t, 'enterprise-admin');
  const w = await call(t, u.officer, {
    method: 'POST',
    url: '/api/v1/prevention/warnings',
    payload: { title: '警惕“冒充客户”骗取化工原料', body: '近期有不法分子冒充长期客户，以紧急采购为由骗取企业发货后失联，请核实订单和收货方身份。', riskKind: 'loophole', level: 'serious', audience: { districts: ['zhangdian'] } },
  });
  assert.equal(w.status, 201, w.body);
  const p = await call(t, u.officer, {
    method: 'POST',
    url: '/api/v1/publications',
    payload: { kind: 'bulletin', title: '张店分局破获一起合同诈骗案', summary: '为企业挽回经济损失三百余万元', body: '近日，张店分局经侦大队破获一起以虚假货物交易为名实施的合同诈骗案，抓获犯罪嫌疑人三名，为企业挽回经济损失三百余万元。' },
  });
  assert.equal(p.status, 201, p.body);
  // A contact logged by the enterprise's liaison officer, for the contacts ledger.
  const as = await call(t, u.supervisor, { method: 'POST', url: '/api/v1/liaison/assignments', payload: { enterpriseId: u.ent.enterpriseId, officerId: u.officer.id, reason: '首次指定' } });
  assert.ok(as.status < 300, as.body);
  const v = await call(t, u.officer, {
    method: 'POST',
    url: '/api/v1/liaison/visits',
    payload: { enterpriseId: u.ent.enterpriseId, date: shanghaiDate(new Date()), way: 'on-site', met: '王经理（办公室主任）', summary: '=走访了解生产经营情况', pledge: true, problems: [] },
  });
  assert.equal(v.status, 201, v.body);
});
after(() => t.close());

async function sheet(who: TestUser, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  assert.equal(res.statusCode, 200, res.body);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.worksheets[0];
  const values = (i: number) => Array.from((ws.getRow(i).values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)));
  const rows: string[][] = [];
  for (let i = 3; i <= ws.rowCount; i++) rows.push(values(i));
  return { title: values(1)[0], headers: values(2), rows };
}
const json = async (who: TestUser, url: string) => {
  const r = await call(t, who, { method: 'GET', url });
  assert.equal(r.status, 200, r.body);
  return r.json;
};

test('warnings: the same rows as the list, per unit; other units see none of them', async () => {
  const list = (await json(u.officer, '/api/v1/prevention/warnings')).warnings as { title: string }[];
  const x = await sheet(u.officer, '/api/v1/prevention/warnings/export.xlsx');
  assert.match(x.title, /^风险预警台账｜筛选：无｜/);
  assert.deepEqual(x.rows.map((r) => r[0]), list.map((w) => w.title));
  assert.equal(x.rows[0][1], '经营漏洞');
  assert.deepEqual((await sheet(u.other, '/api/v1/prevention/warnings/export.xlsx')).rows, []);
  assert.equal((await call(t, u.ent, { method: 'GET', url: '/api/v1/prevention/warnings/export.xlsx' })).status, 403);
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/prevention/warnings/export.xlsx' })).status, 401);
});

test('publications: the list’s filters; bad values name every field', async () => {
  for (const q of ['', '?status=draft', '?kind=bulletin&status=draft', '?status=published']) {
    const list = (await json(u.supervisor, `/api/v1/publications${q}`)).publications as { title: string }[];
    assert.deepEqual((await sheet(u.supervisor, `/api/v1/publications/export.xlsx${q}`)).rows.map((r) => r[0]), list.map((p) => p.title), q);
  }
  const bad = await call(t, u.supervisor, { method: 'GET', url: '/api/v1/publications/export.xlsx?status=gone&kind=poem' });
  assertProblem(bad, 422, { code: 'validation_failed', paths: ['kind', 'status'] });
  assert.equal((await call(t, u.ent, { method: 'GET', url: '/api/v1/publications/export.xlsx' })).status, 403);
});

test('cases and liaison contacts: the list’s rows and access; bad filters 422', async () => {
  const cases = (await json(u.officer, '/api/v1/cases')).cases as unknown[];
  assert.equal((await sheet(u.officer, '/api/v1/cases/export.xlsx')).rows.length, cases.length);
  assertProblem(await call(t, u.officer, { method: 'GET', url: '/api/v1/cases/export.xlsx?graded=maybe&x=1' }), 422, { code: 'validation_failed', paths: ['graded', 'x'] });
  assert.equal((await call(t, u.ent, { method: 'GET', url: '/api/v1/cases/export.xlsx' })).status, 403);
  for (const q of ['', '?mine=true', `?enterpriseId=${u.ent.enterpriseId}`]) {
    const visits = (await json(u.officer, `/api/v1/liaison/visits${q}`)).visits as { summary: string }[];
    const rows = (await sheet(u.officer, `/api/v1/liaison/visits/export.xlsx${q}`)).rows;
    assert.deepEqual(rows.map((r) => r[5]), visits.map((x) => `'${x.summary}`), q);
    assert.equal(rows.length, 1, q);
  }
  assertProblem(await call(t, u.officer, { method: 'GET', url: '/api/v1/liaison/visits/export.xlsx?mine=perhaps' }), 422, { code: 'validation_failed', paths: ['mine'] });
  assert.equal((await call(t, u.ent, { method: 'GET', url: '/api/v1/liaison/visits/export.xlsx' })).status, 403);
});

test('each module export is audited under its own subject', async () => {
  const rows = await t.ctx.database.rows<{ subject: string }>(sql`select distinct subject from audit_log where action = 'ledger.export' order by subject`);
  assert.deepEqual(rows.map((r) => r.subject), ['ledger:cases', 'ledger:publications', 'ledger:visits', 'ledger:warnings']);
});
