import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { act, appealData, buildUser, call, makeTestApp, submitAppeal, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let ent: TestUser;
let other: TestUser;
let officer: TestUser;
let leader: TestUser;
let supervisor: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  other = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  officer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  leader = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
  supervisor = await buildUser(t, 'supervisor');
});
after(() => t.close());

const get = (u: TestUser, id: string) => call(t, u, { method: 'GET', url: `/api/v1/items/${id}` });

test('an appeal runs its whole course through the contract endpoints, with calendar deadlines', async () => {
  // Wednesday before the 2026 National Day holiday (10-01..07; 10-10 is a make-up Saturday).
  t.setNow('2026-09-30T10:00:00+08:00');
  const item = await submitAppeal(t, ent);
  assert.equal(item.status, 'submitted');
  assert.match(item.number, /^JQ20260930\d{6}$/);
  assert.equal(item.unitId, 'zhangdian-branch');
  assert.equal(item.acceptDueAt, '2026-10-08T23:59:59+08:00');
  assert.equal(item.dueAt, '2026-10-13T23:59:59+08:00');

  t.setNow('2026-10-08T09:00:00+08:00');
  let r = await act(t, officer, item, 'accept');
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.status, 'accepted');
  assert.equal(r.json.dueAt, '2026-10-14T23:59:59+08:00');

  t.setNow('2026-10-09T10:00:00+08:00');
  r = await act(t, officer, r.json, 'request-supplement', { note: '请补充营业执照副本' });
  assert.equal(r.json.status, 'awaiting_supplement');
  assert.equal(r.json.paused, true);
  const paused = r.json;

  // While paused the enterprise sees the same deadline; supplying on 10-13 moves it by the 3 working days paused.
  t.setNow('2026-10-13T10:00:00+08:00');
  assert.equal((await get(ent, item.id)).json.dueAt, '2026-10-14T23:59:59+08:00');
  r = await act(t, ent, paused, 'resume', { note: '已补充' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.status, 'in_progress');
  assert.equal(r.json.dueAt, '2026-10-19T23:59:59+08:00');

  r = await act(t, officer, r.json, 'answer', { note: '已答复：经核查，三名博士可走人才落户绿色通道，请到户籍窗口办理。' });
  assert.equal(r.json.status, 'answered');

  r = await act(t, ent, r.json, 'rate', { rating: 'dissatisfied', note: '没有解决问题' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.rating.level, 'dissatisfied');
  assert.equal(r.json.rating.bad, true);

  r = await act(t, ent, r.json, 'reopen', { note: '请重新处理' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.status, 'in_progress');
  assert.equal(r.json.supervision.reason, 'reopened');

  const supervised = await call(t, supervisor, { method: 'GET', url: '/api/v1/items?supervised=true' });
  assert.ok(supervised.json.items.some((i: { id: string }) => i.id === item.id));
  const leaderView = await get(leader, item.id);
  assert.equal(leaderView.status, 200);

  const detail = await get(ent, item.id);
  assert.deepEqual(
    detail.json.timeline.map((e: { action: string }) => e.action),
    ['submit', 'accept', 'request-supplement', 'resume', 'answer', 'rate', 'reopen'],
  );
  assert.ok(detail.json.timeline.every((e: { at: string; actor: { name: string } }) => e.at.endsWith('+08:00') && e.actor.name));

  // Another enterprise sees none of it.
  assert.equal((await get(other, item.id)).status, 404);
  const list = await call(t, other, { method: 'GET', url: '/api/v1/items' });
  assert.equal(list.json.items.some((i: { id: string }) => i.id === item.id), false);
  assert.equal((await act(t, other, detail.json, 'close')).status, 404);

  // The leader was told about the bad rating and the reopening.
  const notes = await call(t, leader, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(notes.json.notifications.some((n: { kind: string }) => n.kind === 'item_reopened'));
  t.setNow(undefined);
});

test('roles without the right get 403, units without a relation get 404', async () => {
  const item = await submitAppeal(t, ent);
  assert.equal((await act(t, ent, item, 'accept')).status, 403);
  assert.equal((await act(t, supervisor, item, 'accept')).status, 403);
  const elsewhere = await buildUser(t, 'officer', { unitId: 'zichuan-branch' });
  assert.equal((await get(elsewhere, item.id)).status, 404);
  assert.equal((await act(t, elsewhere, item, 'accept')).status, 404);
  const partner = await buildUser(t, 'partner');
  assert.equal((await get(partner, item.id)).status, 404);
  assert.equal((await call(t, null, { method: 'GET', url: `/api/v1/items/${item.id}` })).status, 401);
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/items' })).status, 401);
  // Staff do not file enterprise appeals; the public must sign in to.
  assert.equal((await call(t, officer, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData() } })).status, 403);
  assert.equal((await call(t, null, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData() } })).status, 401);
  // Abilities say the same as the 403s.
  assert.equal((await get(ent, item.id)).json.abilities.canAccept, false);
  assert.equal((await get(officer, item.id)).json.abilities.canAccept, true);
});

test('a stale version gets 409 with the current state; of two concurrent actions exactly one wins', async () => {
  const item = await submitAppeal(t, ent);
  const second = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  const results = await Promise.all([act(t, officer, item, 'accept'), act(t, second, item, 'refuse', { note: '该诉求与此前提交的事项重复，不予受理' })]);
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 409]);
  const loser = results.find((r) => r.status === 409)!;
  assert.equal(loser.json.code, 'stale_version');
  assert.equal(loser.json.current.version, 2);
  // Stale version is reported before the status: an old view always learns it is old.
  const again = await act(t, officer, item, 'accept');
  assert.equal(again.status, 409);
});

test('a retried submission with the same Idempotency-Key returns the same item', async () => {
  const headers = { 'idempotency-key': 'retry-7f3a' };
  const a = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData({ title: '幂等测试' }) }, headers });
  const b = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData({ title: '幂等测试' }) }, headers });
  assert.equal(a.status, 201);
  assert.equal(b.status, 201);
  assert.equal(a.json.id, b.json.id);
  assert.equal(b.headers['idempotent-replayed'], 'true');
  const mine = await call(t, ent, { method: 'GET', url: '/api/v1/items?limit=100' });
  assert.equal(mine.json.items.filter((i: { data: { title: string } }) => i.data.title === '幂等测试').length, 1);
  // The same key for a different request is refused, not silently answered with the first item.
  const c = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData({ title: '另一个' }) }, headers });
  assert.equal(c.status, 422);
  const bad = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData() }, headers: { 'idempotency-key': 'x'.repeat(101) } });
  assert.equal(bad.status, 422);
});

test('bad submissions get 422 naming every bad field, and nothing is saved', async () => {
  const before = (await call(t, ent, { method: 'GET', url: '/api/v1/items?limit=100' })).json.items.length;
  const cases: [unknown, string[]][] = [
    [{ type: 'appeal', data: { category: 'nope', title: '', content: 'x', contactName: '', contactPhone: '1234', extra: 1 } }, ['data.category', 'data.title', 'data.content', 'data.contactName', 'data.contactPhone', 'data.extra']],
    [{ type: 'appeal', data: appealData({ contactPhone: '１３９１２３４５６７８' }) }, ['data.contactPhone']],
    [{ type: 'appeal', data: appealData({ title: 'x'.repeat(101) }) }, ['data.title']],
    [{ type: 'appeal', data: appealData({ attachments: ['not-a-uuid'] }) }, ['data.attachments']],
    [{ type: 'no-such-type', data: {} }, ['type']],
    [{ type: 'appeal' }, ['data']],
    [{ type: 'appeal', data: [] }, ['data']],
    [{ type: 'appeal', data: appealData(), surplus: true }, ['surplus']],
  ];
  for (const [payload, paths] of cases) {
    const r = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: payload as object });
    assert.equal(r.status, 422, JSON.stringify(payload));
    assert.match(String(r.headers['content-type']), /application\/problem\+json/);
    const got = r.json.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(got, [...paths].sort(), JSON.stringify(r.json.errors));
    assert.ok(r.json.errors.every((e: { message: string }) => /[\u4e00-\u9fff]/.test(e.message)));
  }
  const en = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData({ contactPhone: '12' }) }, headers: { 'accept-language': 'en' } });
  assert.match(en.json.errors[0].message, /[a-z]/);
  assert.doesNotMatch(en.json.errors[0].message, /[\u4e00-\u9fff]/);
  const afterCount = (await call(t, ent, { method: 'GET', url: '/api/v1/items?limit=100' })).json.items.length;
  assert.equal(afterCount, before);
});

test('bad transition input gets 422 with the field, and the item is unchanged', async () => {
  const item = await submitAppeal(t, ent);
  const cases: [string, Record<string, unknown>, string][] = [
    ['refuse', {}, 'note'],
    ['transfer', { note: '转办' }, 'toUnitId'],
    ['transfer', { toUnitId: 'no-such-unit', note: '转办' }, 'toUnitId'],
  ];
  for (const [action, fields, path] of cases) {
    const r = await act(t, officer, item, action, fields);
    assert.equal(r.status, 422, `${action} ${r.body}`);
    assert.ok(r.json.errors.some((e: { path: string }) => e.path === path), r.body);
  }
  const unknown = await call(t, officer, { method: 'POST', url: `/api/v1/items/${item.id}/transitions`, payload: { action: 'explode', version: 1 } });
  assert.equal(unknown.status, 422);
  assert.ok(unknown.json.errors.some((e: { path: string }) => e.path === 'action'));
  const noVersion = await call(t, officer, { method: 'POST', url: `/api/v1/items/${item.id}/transitions`, payload: { action: 'accept' } });
  assert.equal(noVersion.status, 422);
  assert.ok(noVersion.json.errors.some((e: { path: string; code: string }) => e.path === 'version' && e.code === 'required'));
  // Not allowed in this status: answering an item not yet accepted.
  const early = await act(t, officer, item, 'answer', { note: '答复' });
  assert.equal(early.status, 422);
  assert.equal(early.json.code, 'action_not_allowed_in_status');
  const now = await get(officer, item.id);
  assert.equal(now.json.version, 1);
  assert.equal(now.json.timeline.length, 1);
  assert.equal((await call(t, officer, { method: 'GET', url: '/api/v1/items/not-a-uuid' })).status, 422);
});

test('queues are sorted by the nearest deadline and paged by cursor', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const r: { json: { items: { id: string; activeDueAt: string | null }[]; nextCursor: string | null } } = await call(t, officer, {
      method: 'GET',
      url: `/api/v1/items?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
    });
    seen.push(...r.json.items.map((i) => i.activeDueAt ?? '~'));
    cursor = r.json.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  assert.ok(seen.length >= 4);
  const dues = seen.map((d) => (d === '~' ? Infinity : Date.parse(d)));
  assert.deepEqual(dues, [...dues].sort((a, b) => a - b));
  assert.equal((await call(t, officer, { method: 'GET', url: '/api/v1/items?cursor=garbage' })).status, 422);
  assert.equal((await call(t, officer, { method: 'GET', url: '/api/v1/items?status=flying' })).status, 422);
});

test('the handling officer and the supervisor see whose item it is (name, USCC, address); the enterprise\'s own view carries no such block', async () => {
  const item = await submitAppeal(t, ent);
  const mine = (await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}` })).json;
  assert.equal(mine.enterprise, undefined);
  for (const staff of [officer, supervisor]) {
    const seen = (await call(t, staff, { method: 'GET', url: `/api/v1/items/${item.id}` })).json;
    assert.equal(seen.enterprise.id, ent.enterpriseId);
    assert.match(seen.enterprise.uscc, /^[0-9A-Z]{18}$/);
    assert.ok(seen.enterprise.name);
    assert.equal(typeof seen.enterprise.address, 'string');
  }
});
