import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readLedgerBook } from '../../../test-support/ledger-book.ts';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

/** 案件列表 (staff): the list's filters, its ledger with exactly those filters, and who may read it. */
let t: TestApp;
let ent: TestUser;
let entOther: TestUser;
let econ: TestUser;
let exitEntry: TestUser;
let supervisor: TestUser;
let partner: TestUser;
const ids: Record<string, string> = {};

const data = (over: Record<string, unknown> = {}) => ({
  category: 'contract-fraud',
  title: '某贸易公司以虚假合同骗取货款',
  amountInvolved: 500000,
  occurredOn: '2026-01-05',
  place: '淄博市张店区华光路 88 号',
  content: '对方以签订钢材购销合同为名，收取预付款后失联，合同所列公司地址不存在。',
  contactName: '王经理',
  contactPhone: '13912345678',
  ...over,
});
const act = async (u: TestUser, id: string, action: string, fields: Record<string, unknown> = {}) => {
  const cur = await call(t, u, { method: 'GET', url: `/api/v1/items/${id}` });
  const r = await call(t, u, { method: 'POST', url: `/api/v1/items/${id}/transitions`, payload: { action, version: cur.json.version, ...fields } });
  assert.equal(r.status, 200, r.body);
};
const list = async (u: TestUser, q = '') => {
  const r = await call(t, u, { method: 'GET', url: `/api/v1/cases${q}` });
  assert.equal(r.status, 200, r.body);
  return (r.json.cases as { id: string; number: string; stage: string }[]).map((c) => c.id);
};
async function sheet(who: TestUser, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  assert.equal(res.statusCode, 200, res.body);
  const book = await readLedgerBook(res.rawPayload);
  return { title: book.title, rows: book.rows.map((r) => r[book.headers[0]]) };
}

before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  entOther = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  econ = await buildUser(t, 'officer', { unitId: 'zb-econ' });
  exitEntry = await buildUser(t, 'officer', { unitId: 'zb-exit-entry' });
  supervisor = await buildUser(t, 'supervisor');
  partner = await buildUser(t, 'partner');
  const file = async (key: string, u: TestUser, over: Record<string, unknown>) => {
    const r = await call(t, u, { method: 'POST', url: '/api/v1/items', payload: { type: 'crime-report', data: data(over) } });
    assert.equal(r.status, 201, r.body);
    ids[key] = r.json.id;
  };
  await file('reported', ent, { title: '待受案的合同诈骗' });
  await file('registered', ent, { category: 'job-embezzlement', title: '员工职务侵占货款' });
  await file('filed', entOther, { title: '立案的合同诈骗 票据' });
  await file('investigating', ent, { category: 'bill-fraud', title: '伪造承兑汇票' });
  await file('overseas', ent, { category: 'overseas', country: '越南', project: '胡志明市工业园', title: '海外项目人员受侵害' });
  for (const k of ['registered', 'filed', 'investigating']) await act(econ, ids[k]!, 'accept');
  for (const k of ['filed', 'investigating']) await act(econ, ids[k]!, 'answer', { note: '经审查，有犯罪事实需要追究刑事责任，符合立案条件，决定立案侦查', decision: 'file' });
  assert.equal((await call(t, econ, { method: 'POST', url: `/api/v1/cases/${ids.investigating}/stage`, payload: { stage: 'investigating' } })).status, 200);
  const econLeader = await buildUser(t, 'unit-leader', { unitId: 'zb-econ' });
  assert.equal((await call(t, econLeader, { method: 'PUT', url: `/api/v1/cases/${ids.filed}/special`, payload: { tier: 'major', leadId: econ.id } })).status, 200);
  await act(supervisor, ids.investigating!, 'supervise', { note: '挂牌督办', listed: true, dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString() });
});
after(() => t.close());

test('filters: category, stage (every police stage), unit, 专案, 挂牌督办, period, search', async () => {
  const econIds = ['reported', 'registered', 'filed', 'investigating'].map((k) => ids[k]!);
  assert.deepEqual((await list(econ)).sort(), [...econIds].sort(), 'the unit sees its own cases, not 出入境’s');
  assert.deepEqual(await list(econ, '?category=job-embezzlement'), [ids.registered]);
  for (const stage of ['reported', 'registered', 'filed', 'investigating']) assert.deepEqual(await list(econ, `?stage=${stage}`), [ids[stage]], stage);
  assert.deepEqual(await list(econ, '?stage=concluded'), []);
  assert.deepEqual(await list(econ, '?graded=true'), [ids.filed]);
  assert.equal((await list(econ, '?graded=false')).length, 3);
  assert.deepEqual(await list(econ, '?listed=true'), [ids.investigating]);
  assert.deepEqual(await list(supervisor, '?unitId=zb-exit-entry'), [ids.overseas]);
  assert.deepEqual(await list(econ, '?q=票据'), [ids.filed]);
  const number = (await call(t, econ, { method: 'GET', url: `/api/v1/cases/${ids.registered}` })).json.number;
  assert.deepEqual(await list(econ, `?q=${encodeURIComponent(number)}`), [ids.registered]);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  assert.equal((await list(econ, `?from=${today}&to=${today}`)).length, 4);
  assert.deepEqual(await list(econ, '?to=2020-01-01'), []);
  assert.deepEqual(await list(econ, '?category=contract-fraud&stage=filed&graded=true'), [ids.filed]);
});

test('paging: pages of two walk every case once, newest first, filters kept; the ledger is every page; a bad cursor or limit is 422', async () => {
  const whole = await list(supervisor);
  const walked: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const r = await call(t, supervisor, { method: 'GET', url: `/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}` });
    assert.equal(r.status, 200, r.body);
    assert.ok(r.json.cases.length <= 2);
    walked.push(...r.json.cases.map((c: { id: string }) => c.id));
    cursor = r.json.nextCursor;
    pages++;
  } while (cursor && pages < 10);
  assert.equal(pages, 3);
  assert.deepEqual(walked, whole);
  const first = await call(t, econ, { method: 'GET', url: '/api/v1/cases?limit=1&category=contract-fraud' });
  const second = await call(t, econ, { method: 'GET', url: `/api/v1/cases?limit=1&category=contract-fraud&cursor=${first.json.nextCursor}` });
  assert.deepEqual([...first.json.cases, ...second.json.cases].map((c: { id: string }) => c.id).sort(), [ids.reported, ids.filed].sort());
  assert.equal(second.json.nextCursor, null);
  assert.equal((await sheet(supervisor, '/api/v1/cases/export.xlsx')).rows.length, 5);
  for (const q of ['cursor=bm90LW91cnM', 'cursor=%5B%5D', 'limit=0', 'limit=201', 'limit=two']) {
    assertProblem(await call(t, econ, { method: 'GET', url: `/api/v1/cases?${q}` }), 422, { paths: [q.split('=')[0]!] });
  }
  assertProblem(await call(t, econ, { method: 'GET', url: '/api/v1/cases/export.xlsx?limit=2' }), 422, { paths: ['limit'] });
});

test('the ledger has exactly the list’s rows for each filter, named in its title row', async () => {
  for (const q of ['', '?stage=registered', '?category=contract-fraud', '?graded=true', '?listed=true&stage=investigating', '?q=票据']) {
    const rows = (await call(t, econ, { method: 'GET', url: `/api/v1/cases${q}` })).json.cases.map((c: { number: string }) => c.number);
    assert.deepEqual((await sheet(econ, `/api/v1/cases/export.xlsx${q}`)).rows, rows, q);
  }
  const s = await sheet(econ, '/api/v1/cases/export.xlsx?stage=filed&category=contract-fraud&unitId=zb-econ');
  assert.match(s.title, /办理阶段=立案/);
  assert.match(s.title, /案件类别=合同诈骗/);
  assert.match(s.title, /承办单位=.*经/);
});

test('bad filters: 422 naming every bad one, on the list and on its ledger', async () => {
  for (const url of ['/api/v1/cases', '/api/v1/cases/export.xlsx']) {
    const bad = await call(t, econ, { method: 'GET', url: `${url}?category=theft&stage=caught&graded=maybe&listed=1&from=2026-13-01&to=yesterday&q=&extra=1` });
    assertProblem(bad, 422, { paths: ['category', 'stage', 'graded', 'listed', 'from', 'to', 'q', 'extra'] });
    assertProblem(await call(t, econ, { method: 'GET', url: `${url}?from=2026-02-01&to=2026-01-01` }), 422, { paths: ['to'] });
  }
});

test('who may read the list: police and supervisors, in their visibility; others 401/403', async () => {
  assert.deepEqual(await list(exitEntry), [ids.overseas]);
  assert.equal((await list(supervisor)).length, 5);
  for (const u of [ent, entOther, partner]) {
    assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/cases?stage=filed' })).status, 403, u.role);
    assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/cases/export.xlsx' })).status, 403, u.role);
  }
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/cases' })).status, 401);
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/cases/export.xlsx' })).status, 401);
  assert.deepEqual((await sheet(exitEntry, '/api/v1/cases/export.xlsx?stage=filed')).rows, []);
});
