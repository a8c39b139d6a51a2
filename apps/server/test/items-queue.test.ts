import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { act, buildUser, call, makeTestApp, PASSWORD, signIn, submitAppeal, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

// The officer's queue (issue 16 point 11): a company column, a search box, totals per state; overdue never counts a paused item.
let t: TestApp;
let ent: TestUser;
let rival: TestUser;
let officer: TestUser;
let zhoucun: TestUser;
let entName: string;
let entUscc: string;
const numbers: Record<string, string> = {};

before(async () => {
  t = await makeTestApp();
  t.setNow('2026-11-02T09:00:00+08:00');
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  rival = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  officer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  zhoucun = await buildUser(t, 'officer', { unitId: 'zhoucun-branch' });
  const [e] = await t.ctx.database.rows<{ name: string; uscc: string }>(sql`select name, uscc from enterprises where id = ${ent.enterpriseId}`);
  entName = e.name;
  entUscc = e.uscc;
  const a = await submitAppeal(t, ent, { title: '咨询厂区周边道路限行政策' });
  const b = await submitAppeal(t, ent, { title: '申请协调高峰时段货车通行_100%' });
  const c = await submitAppeal(t, rival, { title: '咨询外籍员工居留许可办理' });
  numbers.a = a.number;
  numbers.b = b.number;
  numbers.c = c.number;
  // b waits for a supplement (its clock paused); a and c stay unaccepted until their acceptance deadline has passed.
  const accepted = (await act(t, officer, b, 'accept')).json;
  assert.equal((await act(t, officer, accepted, 'request-supplement', { note: '请补充货车行驶证和通行路线图' })).status, 200);
  t.setNow('2026-12-01T09:00:00+08:00');
  // A month on, everyone signs in afresh (sessions do not last that long).
  for (const u of [ent, rival, officer, zhoucun]) u.cookie = await signIn(t, u.username, PASSWORD, u.role);
});
after(() => t.close());

const list = async (u: TestUser, query: string) => {
  const r = await call(t, u, { method: 'GET', url: `/api/v1/items?${query}` });
  assert.equal(r.status, 200, r.body);
  return r.json.items as { number: string; enterpriseName?: string | null; overdue: boolean; status: string }[];
};
const counts = async (u: TestUser, query = '') => {
  const r = await call(t, u, { method: 'GET', url: `/api/v1/items/counts?${query}` });
  assert.equal(r.status, 200, r.body);
  return r.json as { byStatus: Record<string, number>; total: number; overdue: number };
};

test('staff see each item’s company in the queue; an enterprise’s own list does not carry the field', async () => {
  const mine = await list(officer, '');
  assert.equal(mine.find((i) => i.number === numbers.a)?.enterpriseName, entName);
  assert.ok((await list(ent, '')).every((i) => !('enterpriseName' in i)));
});

test('the search finds an item by number, title words, company name or USCC; % and _ are plain characters', async () => {
  const found = async (q: string) => (await list(officer, `q=${encodeURIComponent(q)}`)).map((i) => i.number).sort();
  assert.deepEqual(await found(numbers.a), [numbers.a]);
  assert.deepEqual(await found('道路限行'), [numbers.a]);
  assert.deepEqual(await found(entName.slice(0, 8)).then((r) => r.filter((n) => n === numbers.a || n === numbers.b)), [numbers.a, numbers.b].sort());
  assert.deepEqual(await found(entUscc.toLowerCase()), [numbers.a, numbers.b].sort());
  assert.deepEqual(await found('_100%'), [numbers.b]);
  assert.deepEqual(await found('100%%'), []);
  // A 周村 officer's search never reaches 张店's items.
  assert.deepEqual((await list(zhoucun, `q=${encodeURIComponent(entName)}`)).map((i) => i.number), []);
});

test('totals per state follow the same filters and visibility; a paused item is not overdue', async () => {
  const all = await counts(officer, `q=${encodeURIComponent(entUscc)}`);
  assert.deepEqual(all.byStatus, { submitted: 1, awaiting_supplement: 1 });
  assert.equal(all.total, 2);
  assert.equal(all.overdue, 1, 'only the unaccepted appeal is late; the one awaiting a supplement is paused');
  const late = await list(officer, `overdue=true&q=${encodeURIComponent(entUscc)}`);
  assert.deepEqual(late.map((i) => i.number), [numbers.a]);
  assert.equal((await list(officer, `q=${encodeURIComponent(numbers.b)}`))[0].overdue, false);
  assert.deepEqual((await counts(zhoucun, `q=${encodeURIComponent(entUscc)}`)).byStatus, {});
  // The enterprise counts only its own items.
  assert.equal((await counts(rival)).total, 1);
});

test('bad search input is a 422 naming the field; no session is a 401', async () => {
  assertProblem(await call(t, officer, { method: 'GET', url: `/api/v1/items?q=${'长'.repeat(101)}` }), 422, { paths: ['q'] });
  assertProblem(await call(t, officer, { method: 'GET', url: '/api/v1/items/counts?q=%20%20' }), 422, { paths: ['q'] });
  assertProblem(await call(t, officer, { method: 'GET', url: '/api/v1/items/counts?status=submitted' }), 422);
  assertProblem(await call(t, officer, { method: 'GET', url: '/api/v1/items/counts?q=%00' }), 422, { paths: ['query.q'] });
  assertProblem(await call(t, null, { method: 'GET', url: '/api/v1/items/counts' }), 401);
});
