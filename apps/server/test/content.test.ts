import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchQuery, searchTokens } from '../src/modules/content/search-tokens.ts';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let officer: TestUser;
let supervisor: TestUser;
before(async () => {
  t = await makeTestApp();
  officer = await buildUser(t, 'officer');
  supervisor = await buildUser(t, 'supervisor');
});
after(() => t.close());

const bulletin = {
  kind: 'bulletin',
  title: '张店分局破获一起合同诈骗案',
  summary: '为企业挽回经济损失三百余万元',
  body: '近日，张店分局经侦大队破获一起以虚假货物交易为名实施的合同诈骗案，抓获犯罪嫌疑人三名，为企业挽回经济损失三百余万元。',
};

test('an officer drafts a case bulletin, a supervisor publishes it, the public finds it in Chinese', async () => {
  const d = await call(t, officer, { method: 'POST', url: '/api/v1/publications', payload: bulletin });
  assert.equal(d.status, 201, d.body);
  assert.equal(d.json.status, 'draft');
  const hidden = await call(t, null, { method: 'GET', url: `/api/v1/public/publications/${d.json.id}` });
  assert.equal(hidden.status, 404, 'a draft is not public');
  assert.equal((await call(t, officer, { method: 'POST', url: `/api/v1/publications/${d.json.id}/publish` })).status, 403);
  const p = await call(t, supervisor, { method: 'POST', url: `/api/v1/publications/${d.json.id}/publish` });
  assert.equal(p.status, 200, p.body);
  assert.ok(p.json.publishedAt.endsWith('+08:00'));
  assert.equal((await call(t, supervisor, { method: 'POST', url: `/api/v1/publications/${d.json.id}/publish` })).status, 422);
  for (const q of ['合同诈骗', '诈骗', '挽回经济损失', '张店', '骗']) {
    const r = await call(t, null, { method: 'GET', url: `/api/v1/public/publications?q=${encodeURIComponent(q)}` });
    assert.equal(r.status, 200);
    assert.ok(r.json.publications.some((x: { id: string }) => x.id === d.json.id), q);
  }
  for (const q of ['电信诈骗', '博山']) {
    const r = await call(t, null, { method: 'GET', url: `/api/v1/public/publications?q=${encodeURIComponent(q)}` });
    assert.equal(r.json.publications.some((x: { id: string }) => x.id === d.json.id), false, q);
  }
  const detail = await call(t, null, { method: 'GET', url: `/api/v1/public/publications/${d.json.id}` });
  assert.equal(detail.json.body, bulletin.body);
});

test('bulletins with personal data, bad kinds or missing fields are refused, and nothing is saved', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ ...bulletin, body: `${bulletin.body}联系人电话13912345678。` }, 'body'],
    [{ ...bulletin, summary: '嫌疑人身份证号11010519491231002X' }, 'summary'],
    [{ ...bulletin, kind: 'gossip' }, 'kind'],
    [{ ...bulletin, title: '' }, 'title'],
    [{ ...bulletin, extra: 1 }, 'extra'],
  ];
  for (const [payload, path] of cases) {
    const r = await call(t, officer, { method: 'POST', url: '/api/v1/publications', payload });
    assert.equal(r.status, 422, path);
    assert.ok(r.json.errors.some((e: { path: string }) => e.path === path), `${path}: ${r.body}`);
  }
  const drafts = await call(t, supervisor, { method: 'GET', url: '/api/v1/publications/drafts' });
  assert.equal(drafts.json.publications.length, 0);
  const ent = await buildUser(t, 'enterprise-admin');
  assert.equal((await call(t, ent, { method: 'POST', url: '/api/v1/publications', payload: bulletin })).status, 403);
  assert.equal((await call(t, null, { method: 'POST', url: '/api/v1/publications', payload: bulletin })).status, 401);
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/public/publications?cursor=zzz' })).status, 422);
});

test('search tokens are CJK character pairs plus whole Latin words', () => {
  assert.deepEqual(searchTokens('合同诈骗 ABC-12'), ['合同', '同诈', '诈骗', 'abc', '12']);
  assert.equal(searchQuery('诈骗案'), '诈骗 & 骗案');
  assert.equal(searchQuery('骗'), '骗:*');
  assert.equal(searchQuery('  !!'), null);
});

test("the staff list: every status of one's unit, Chinese search, abilities; a supervisor withdraws with a reason", async () => {
  const policy = { kind: 'policy', title: '企业跨省大件运输审批流程优化', summary: '省内当日办结，跨省三个工作日', body: '为优化营商环境，大件运输许可实行网上申请、并联审批，省内运输当日办结，跨省运输三个工作日内办结。' };
  const d = await call(t, officer, { method: 'POST', url: '/api/v1/publications', payload: policy });
  assert.equal(d.status, 201, d.body);
  const other = await buildUser(t, 'officer', { unitId: 'zb-traffic' });
  const mine = await call(t, officer, { method: 'GET', url: `/api/v1/publications?q=${encodeURIComponent('大件运输')}` });
  assert.equal(mine.status, 200, mine.body);
  assert.deepEqual(mine.json.publications.map((p: any) => p.id), [d.json.id]);
  assert.deepEqual(mine.json.publications[0].abilities, { canPublish: false, canUnpublish: false });
  // Another unit's officer sees neither the row nor the text.
  assert.deepEqual((await call(t, other, { method: 'GET', url: `/api/v1/publications?q=${encodeURIComponent('大件运输')}` })).json.publications, []);
  assert.equal((await call(t, other, { method: 'GET', url: `/api/v1/publications/${d.json.id}` })).status, 404);
  const seen = await call(t, supervisor, { method: 'GET', url: `/api/v1/publications/${d.json.id}` });
  assert.equal(seen.json.body, policy.body);
  assert.deepEqual(seen.json.abilities, { canPublish: true, canUnpublish: false });

  await call(t, supervisor, { method: 'POST', url: `/api/v1/publications/${d.json.id}/publish` });
  const url = `/api/v1/publications/${d.json.id}/unpublish`;
  assert.equal((await call(t, officer, { method: 'POST', url, payload: { reason: '政策已调整' } })).status, 403);
  assert.equal((await call(t, null, { method: 'POST', url, payload: { reason: '政策已调整' } })).status, 401);
  const bad = await call(t, supervisor, { method: 'POST', url, payload: { reason: ' ', extra: 1 } });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json.errors.map((e: any) => e.path).sort(), ['extra', 'reason']);
  assert.equal((await call(t, null, { method: 'GET', url: `/api/v1/public/publications/${d.json.id}` })).status, 200, 'still public after a bad request');
  const u = await call(t, supervisor, { method: 'POST', url, payload: { reason: '政策已调整，待重新发布' } });
  assert.equal(u.status, 200, u.body);
  assert.equal(u.json.status, 'unpublished');
  assert.deepEqual(u.json.abilities, { canPublish: true, canUnpublish: false });
  assert.equal((await call(t, null, { method: 'GET', url: `/api/v1/public/publications/${d.json.id}` })).status, 404, 'withdrawn from the public');
  assert.equal((await call(t, supervisor, { method: 'POST', url, payload: { reason: '再次撤回' } })).status, 422, 'only a published text is withdrawn');
  const withdrawn = await call(t, supervisor, { method: 'GET', url: '/api/v1/publications?status=unpublished' });
  assert.ok(withdrawn.json.publications.some((p: any) => p.id === d.json.id));
  assert.equal((await call(t, supervisor, { method: 'GET', url: '/api/v1/publications?status=gone' })).status, 422);
  const ent = await buildUser(t, 'enterprise-admin');
  assert.equal((await call(t, ent, { method: 'GET', url: '/api/v1/publications' })).status, 403);
  // republished after the correction
  assert.equal((await call(t, supervisor, { method: 'POST', url: `/api/v1/publications/${d.json.id}/publish` })).json.status, 'published');
});
