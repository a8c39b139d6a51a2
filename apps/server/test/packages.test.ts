// 打包办 (M6): several related items opened by one submission, in one transaction, shown as one package.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

let t: TestApp;
let ent: TestUser;
let officer: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  officer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
});
after(() => t.close());

const house = (over: Record<string, unknown> = {}) => ({
  type: 'house-number',
  data: { projectName: '新区产业园宿舍楼', district: 'zhangdian', location: '张店区新村西路以南', buildings: 6, contactName: '吴工', contactPhone: '13912345678', ...over },
});
const works = (over: Record<string, unknown> = {}) => ({
  type: 'road-works',
  data: {
    workKind: 'excavation',
    projectName: '新区产业园雨污管网接入',
    district: 'zhangdian',
    location: '新村西路 K1+200 至 K1+350',
    startDate: '2026-11-02',
    endDate: '2026-11-15',
    trafficPlan: '分段施工，夜间作业，设置警示和导向标志',
    contactName: '吴工',
    contactPhone: '13912345678',
    ...over,
  },
});
const post = (u: TestUser | null, payload: unknown, headers: Record<string, string> = {}) => call(t, u, { method: 'POST', url: '/api/v1/packages', payload: payload as never, headers });
const count = async () => (await call(t, ent, { method: 'GET', url: '/api/v1/items?limit=100' })).json.items.length;

test('a package opens its items together, each routed to its own unit and showing the shared package id', async () => {
  const r = await post(ent, { items: [house(), works()] });
  assert.equal(r.status, 201, r.body);
  assert.match(r.json.packageId, /^[0-9a-f-]{36}$/);
  assert.deepEqual(r.json.items.map((i: any) => [i.type, i.unitId, i.status, i.packageId]), [
    ['house-number', 'zhangdian-branch', 'submitted', r.json.packageId],
    ['road-works', 'zhangdian-traffic', 'submitted', r.json.packageId],
  ]);
  assert.notEqual(r.json.items[0].number, r.json.items[1].number);
  // Each item is an ordinary item: its own clock, its own timeline naming the package.
  const one = await call(t, ent, { method: 'GET', url: `/api/v1/items/${r.json.items[1].id}` });
  assert.equal(one.json.packageId, r.json.packageId);
  assert.equal(one.json.timeline[0].detail.packageId, r.json.packageId);
  // The handling units were told.
  const notes = await call(t, officer, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(notes.json.notifications.some((n: any) => n.kind === 'new_item' && n.itemId === r.json.items[0].id), notes.body);
});

test('one bad item fails the whole package with every bad field named by its place; nothing is saved', async () => {
  const before = await count();
  const r = await post(ent, { items: [house({ buildings: 0 }), works({ location: '', endDate: '2026-10-01' }), { type: 'no-such-type', data: {} }, { type: 'appeal', data: {} }] });
  assertProblem(r, 422, { code: 'validation_failed', paths: ['items.0.data.buildings', 'items.1.data.location', 'items.1.data.endDate', 'items.2.type', 'items.3.type'], locale: 'zh' });
  assert.equal(r.json.errors.find((e: any) => e.path === 'items.3.type').code, 'package_type_not_allowed');
  assertProblem(await post(ent, { items: [house()] }), 422, { paths: ['items'] });
  assertProblem(await post(ent, { items: [house(), works()], extra: true }), 422, { paths: ['extra'] });
  // Attachments must be one's own uploads.
  const foreign = await post(ent, { items: [house({ attachments: ['7d8e0c1c-4a59-4a49-9d6c-0d0d0d0d0d0d'] }), works()] }, { 'accept-language': 'en' });
  assertProblem(foreign, 422, { paths: ['items.0.data.attachments.0'], locale: 'en' });
  assert.equal(await count(), before);
});

test('only enterprise people and applicants file packages', async () => {
  assertProblem(await post(null, { items: [house(), works()] }), 401);
  assertProblem(await post(officer, { items: [house(), works()] }), 403, { code: 'forbidden' });
  // An applicant may not file enterprise-only approvals inside a package either.
  const applicant = await buildUser(t, 'applicant');
  const r = await post(applicant, { items: [house(), works()] });
  assertProblem(r, 422, { paths: ['items.0.type', 'items.1.type'] });
});

test('the items of one package are listed by its id, only to whom may see them; a malformed id is a 422', async () => {
  const r = await post(ent, { items: [house({ projectName: '列表测试宿舍楼' }), works({ projectName: '列表测试管网' })] });
  assert.equal(r.status, 201, r.body);
  const mine = await call(t, ent, { method: 'GET', url: `/api/v1/items?packageId=${r.json.packageId}` });
  assert.equal(mine.status, 200, mine.body);
  assert.deepEqual(mine.json.items.map((i: any) => i.id).sort(), r.json.items.map((i: any) => i.id).sort());
  assert.ok(mine.json.items.every((i: any) => i.packageId === r.json.packageId));
  // Another enterprise sees none of it (the filter narrows what the policy lets one see, never widens it).
  const other = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  const theirs = await call(t, other, { method: 'GET', url: `/api/v1/items?packageId=${r.json.packageId}` });
  assert.equal(theirs.status, 200);
  assert.deepEqual(theirs.json.items, []);
  assertProblem(await call(t, ent, { method: 'GET', url: '/api/v1/items?packageId=not-a-uuid' }), 422, { paths: ['packageId'] });
  assertProblem(await call(t, null, { method: 'GET', url: `/api/v1/items?packageId=${r.json.packageId}` }), 401);
});
