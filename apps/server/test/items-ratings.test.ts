import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { act, buildUser, call, makeTestApp, submitAppeal, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let ent: TestUser;
let officer: TestUser;
let leader: TestUser;
let supervisor: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  officer = await buildUser(t, 'officer');
  leader = await buildUser(t, 'unit-leader');
  supervisor = await buildUser(t, 'supervisor');
});
after(() => t.close());

async function answered(title: string) {
  const item = await submitAppeal(t, ent, { title });
  const a = await act(t, officer, item, 'accept');
  return (await act(t, officer, a.json, 'answer', { note: '经核查，贵公司新引进的三名博士符合人才落户绿色通道条件，请携带学历学位证明到户籍窗口办理。' })).json;
}

test('a bad rating opens a follow-up (1 working day) and a rectification (15 working days), then one follow-up rating', async () => {
  t.setNow('2026-06-01T09:00:00+08:00');
  const item = await answered('差评整改');
  let r = await act(t, ent, item, 'rate', { rating: 'dissatisfied', note: '答复敷衍' });
  assert.equal(r.json.afterRating.followUp.dueAt, new Date('2026-06-02T23:59:59+08:00').toISOString());
  assert.equal(r.json.afterRating.rectification.dueAt, new Date('2026-06-23T23:59:59+08:00').toISOString()); // 端午 06-19 is a holiday
  const list = await call(t, leader, { method: 'GET', url: '/api/v1/items?rectifying=true' });
  assert.ok(list.json.items.some((i: { id: string }) => i.id === item.id), '整改件 lists it');
  assert.equal((await act(t, ent, r.json, 'rate', { rating: 'satisfied' })).json.code, 'already_rated');
  r = await act(t, officer, r.json, 'record-follow-up', { note: '电话回访企业，了解具体诉求' });
  assert.equal(r.status, 200, r.body);
  r = await act(t, officer, r.json, 'record-rectification', { note: '已重新协调办理并当面向企业说明整改情况' });
  assert.ok(r.json.afterRating.rectification.doneAt);
  const after = await call(t, leader, { method: 'GET', url: '/api/v1/items?rectifying=true' });
  assert.equal(after.json.items.some((i: { id: string }) => i.id === item.id), false);
  r = await act(t, ent, r.json, 'rate', { rating: 'satisfied', note: '整改后满意' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.followUpRating.level, 'satisfied');
  assert.equal((await act(t, ent, r.json, 'rate', { rating: 'satisfied' })).status, 422);
  t.setNow(undefined);
});

test('a unit appeals a malicious rating once; a supervisor decides, on the timeline', async () => {
  const item = await answered('恶意差评');
  let r = await act(t, ent, item, 'rate', { rating: 'dissatisfied' });
  assert.equal((await act(t, officer, r.json, 'appeal-rating', { note: '企业诉求超出职权' })).status, 403);
  r = await act(t, leader, r.json, 'appeal-rating', { note: '企业以差评要挟办理违规事项' });
  assert.equal(r.status, 200, r.body);
  assert.equal((await act(t, leader, r.json, 'decide-rating-appeal', { upheld: true, note: 'x' })).status, 403);
  const bad = await act(t, supervisor, r.json, 'decide-rating-appeal', { note: '缺少结论' });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.errors[0].path, 'upheld');
  r = await act(t, supervisor, r.json, 'decide-rating-appeal', { upheld: true, note: '经核查申诉成立' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.rating.voided, true);
  assert.equal(r.json.afterRating.appeal.status, 'upheld');
  const actions = (await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}` })).json.timeline.map((e: { action: string }) => e.action);
  assert.deepEqual(actions.slice(-2), ['appeal-rating', 'decide-rating-appeal']);
  assert.equal((await act(t, leader, r.json, 'appeal-rating', { note: '再次申诉' })).status, 422);
});

test('the five-level scale is refused where the three-level one applies', async () => {
  const item = await answered('量表');
  const r = await act(t, ent, item, 'rate', { rating: 'very-satisfied' });
  assert.equal(r.status, 422);
  assert.equal(r.json.errors[0].path, 'rating');
});
