import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeIdCard } from '@jqt/domain';
import { act, buildUser, call, makeTestApp, submitAppeal, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

/** Answer checks before an answer goes out (issue 13 point 1): the server refuses with 422 what the browser would. */
let t: TestApp;
let ent: TestUser;
let officer: TestUser;
let admin: TestUser;
const good = '经核查，贵公司新引进的三名博士符合人才落户绿色通道条件，请携带学历学位证明到户籍窗口办理。';

before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  officer = await buildUser(t, 'officer');
  admin = await buildUser(t, 'admin');
});
after(() => t.close());

async function accepted() {
  const item = await submitAppeal(t, ent);
  const r = await act(t, officer, item, 'accept', {});
  assert.equal(r.status, 200, r.body);
  return r.json as { id: string; version: number; status: string };
}

const unchanged = async (item: { id: string; version: number }) => {
  const r = await call(t, officer, { method: 'GET', url: `/api/v1/items/${item.id}` });
  assert.equal(r.json.version, item.version);
  assert.equal(r.json.status, 'accepted');
};

test('the single character 好, boilerplate and thin answers are refused with 422 on note; nothing is saved', async () => {
  const item = await accepted();
  for (const [note, code] of [
    ['好', 'text_boilerplate_only'],
    ['已收到，好的，请知悉。', 'text_boilerplate_only'],
    ['已办理人才落户。', 'text_too_little_substance'],
  ]) {
    const r = await act(t, officer, item, 'answer', { note });
    assertProblem(r, 422);
    assert.deepEqual(
      r.json.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`),
      [`note:${code}`],
      note,
    );
    assert.ok(r.json.errors[0].message.length > 4);
  }
  await unchanged(item);
});

test('third-party ID and mobile numbers are refused; a refusal reason and a supplement request are checked too', async () => {
  const item = await accepted();
  const id = makeIdCard('370303', '1980-01-02', 7);
  const r = await act(t, officer, item, 'answer', { note: `${good}经办人身份证 ${id}，手机 13912345678。` });
  assertProblem(r, 422);
  assert.deepEqual(r.json.errors.map((e: { code: string }) => e.code), ['text_personal_data']);
  const s = await act(t, officer, item, 'request-supplement', { note: '好的' });
  assertProblem(s, 422);
  assert.equal(s.json.errors[0].code, 'text_boilerplate_only');
  const fresh = await submitAppeal(t, ent);
  const f = await act(t, officer, fresh, 'refuse', { note: '重复提交' });
  assertProblem(f, 422);
  assert.equal(f.json.errors[0].code, 'text_too_little_substance');
  await unchanged(item);
});

test('the admin’s sensitive-word list is versioned; its version is recorded on the answer', async () => {
  assert.equal((await call(t, officer, { method: 'PUT', url: '/api/v1/admin/sensitive-words', payload: { words: ['内部掌握'] } })).status, 403);
  const bad = await call(t, admin, { method: 'PUT', url: '/api/v1/admin/sensitive-words', payload: { words: ['x'.repeat(51)] } });
  assertProblem(bad, 422);
  assert.equal(bad.json.errors[0].path, 'words/0');
  const v1 = await call(t, admin, { method: 'PUT', url: '/api/v1/admin/sensitive-words', payload: { words: ['内部掌握', ' 绝密 ', '内部掌握'] } });
  assert.equal(v1.status, 200, v1.body);
  const v2 = await call(t, admin, { method: 'PUT', url: '/api/v1/admin/sensitive-words', payload: { words: ['内部掌握', '绝密', '领导批示'] } });
  assert.equal(v2.json.version, v1.json.version + 1);
  assert.deepEqual(v2.json.words, ['内部掌握', '绝密', '领导批示']);
  const seen = await call(t, officer, { method: 'GET', url: '/api/v1/text-checks/context' });
  assert.equal(seen.status, 200);
  assert.equal(seen.json.sensitiveWords.version, v2.json.version);
  assert.match(seen.json.unitPhone, /^0533-/);

  const item = await accepted();
  const r = await act(t, officer, item, 'answer', { note: `${good}此为领导批示口径。` });
  assertProblem(r, 422);
  assert.equal(r.json.errors[0].code, 'text_sensitive_word');
  assert.match(r.json.errors[0].message, /领导批示/);
  // The unit's own duty phone may be given.
  const ok = await act(t, officer, item, 'answer', { note: `${good}如有疑问请拨打值班电话 ${seen.json.unitPhone}。` });
  assert.equal(ok.status, 200, ok.body);
  const answerEvent = ok.json.timeline.find((e: { action: string }) => e.action === 'answer');
  assert.equal(answerEvent.detail.sensitiveWordsVersion, v2.json.version);
});

test('an answer sharing none of the appeal’s key terms needs the officer’s confirmation', async () => {
  const item = await accepted();
  const off = '经核查，已按规定办理完毕，具体情况已电话告知企业联系人，如有疑问请再来电咨询。';
  const r = await act(t, officer, item, 'answer', { note: off });
  assertProblem(r, 422);
  assert.deepEqual(r.json.errors.map((e: { path: string }) => e.path), ['relevanceConfirmed']);
  await unchanged(item);
  const ok = await act(t, officer, item, 'answer', { note: off, relevanceConfirmed: true });
  assert.equal(ok.status, 200, ok.body);
  assert.equal(ok.json.timeline.find((e: { action: string }) => e.action === 'answer').detail.relevanceConfirmed, true);
});
