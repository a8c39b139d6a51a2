import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { act, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, EN, errorAt } from './support-problem.ts';

let t: TestApp;
let ent: TestUser;
let other: TestUser;
let lawyer: TestUser;
let lawyerLead: TestUser;
let branchOfficer: TestUser;
let supervisor: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  other = await buildUser(t, 'enterprise-staff');
  lawyer = await buildUser(t, 'officer', { unitId: 'zb-lawyers' });
  lawyerLead = await buildUser(t, 'unit-leader', { unitId: 'zb-lawyers' });
  branchOfficer = await buildUser(t, 'officer');
  supervisor = await buildUser(t, 'supervisor');
});
after(() => t.close());

const MONDAY = '2026-06-01T09:00:00+08:00';
const question = (over: Record<string, unknown> = {}) => ({
  service: 'question',
  category: 'labour',
  title: '试用期员工严重违纪能否解除劳动合同',
  content: '我公司一名试用期员工多次旷工，公司能否依法解除劳动合同，需要注意哪些程序？',
  contactName: '王经理',
  contactPhone: '13912345678',
  ...over,
});
async function ask(user: TestUser, over: Record<string, unknown> = {}) {
  const r = await call(t, user, { method: 'POST', url: '/api/v1/items', payload: { type: 'legal-consultation', data: question(over) } });
  assert.equal(r.status, 201, r.body);
  return r.json;
}
const ANSWER = '根据《劳动合同法》第三十九条，劳动者在试用期间被证明不符合录用条件或严重违反用人单位规章制度的，用人单位可以解除劳动合同。建议保留考勤记录并书面通知本人。';
async function answered() {
  const item = await ask(ent);
  const a = await act(t, lawyer, item, 'accept');
  assert.equal(a.status, 200, a.body);
  const r = await act(t, lawyer, a.json, 'answer', { note: ANSWER });
  assert.equal(r.status, 200, r.body);
  return r.json;
}
const faqBody = (itemId: string, over: Record<string, unknown> = {}) => ({ itemId, title: '试用期员工严重违纪能否解除劳动合同？', question: '试用期员工多次旷工，企业能否解除劳动合同？', answer: ANSWER, ...over });

test('a legal question goes to the lawyers team, answered within 3 working days; on-site service needs a date and place', async () => {
  t.setNow(MONDAY);
  const item = await ask(ent);
  assert.equal(item.unitId, 'zb-lawyers');
  const a = await act(t, lawyer, item, 'accept');
  assert.equal(a.json.dueAt, '2026-06-04T23:59:59+08:00');
  const onSite = await call(t, ent, { method: 'POST', url: '/api/v1/items', headers: EN, payload: { type: 'legal-consultation', data: question({ service: 'on-site', category: 'astrology' }) } });
  assertProblem(onSite, 422, { paths: ['data.category', 'data.visitDate', 'data.visitPlace'], locale: 'en' });
  const stray = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'legal-consultation', data: question({ visitPlace: '公司' }) } });
  assert.equal(errorAt(assertProblem(stray, 422, { paths: ['data.visitPlace'] }), 'data.visitPlace').code, 'only_for_on_site');
  const booked = await ask(ent, { service: 'on-site', category: 'contract', visitDate: '2026-06-05', visitPlace: '公司法务部' });
  assert.equal(booked.data.visitDate, '2026-06-05');
  // The answer passes the same checks as an appeal's: it is required.
  assertProblem(await act(t, lawyer, a.json, 'answer', {}), 422, { paths: ['note'] });
  assert.equal((await call(t, other, { method: 'GET', url: `/api/v1/items/${item.id}` })).status, 404);
  assert.equal((await call(t, branchOfficer, { method: 'GET', url: `/api/v1/items/${item.id}` })).status, 404);
  t.setNow(undefined);
});

test('an answer marked reusable becomes a public FAQ entry, found by a Chinese search; once per question', async () => {
  const item = await answered();
  const before = await call(t, lawyer, { method: 'GET', url: `/api/v1/prevention/legal-faqs/items/${item.id}` });
  assert.deepEqual(before.json, { faq: null, abilities: { canPublish: true } });
  const r = await call(t, lawyer, { method: 'POST', url: '/api/v1/prevention/legal-faqs', payload: faqBody(item.id) });
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.abilities.canPublish, false);
  const search = await call(t, null, { method: 'GET', url: `/api/v1/public/publications?kind=faq&q=${encodeURIComponent('试用期 旷工')}` });
  assert.equal(search.status, 200, search.body);
  const hit = search.json.publications.find((p: { id: string }) => p.id === r.json.faq.publicationId);
  assert.ok(hit, 'the FAQ is found by its words');
  assert.equal(hit.kind, 'faq');
  const page = await call(t, null, { method: 'GET', url: `/api/v1/public/publications/${hit.id}` });
  assert.match(page.json.body, /^问：试用期员工多次旷工/);
  assert.doesNotMatch(page.json.body, /13912345678|王经理/, 'nothing of the enterprise but what the officer wrote');
  const again = await call(t, lawyerLead, { method: 'POST', url: '/api/v1/prevention/legal-faqs', payload: faqBody(item.id) });
  assert.equal(errorAt(assertProblem(again, 422, { paths: ['itemId'] }), 'itemId').code, 'faq_exists');
});

test('FAQ input: every bad field at once, personal data refused, nothing saved; only the answering unit, only once answered', async () => {
  const item = await answered();
  const count = async () => Number((await t.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from publications where kind = 'faq'`))[0].n);
  const n0 = await count();
  const bad = await call(t, lawyer, { method: 'POST', url: '/api/v1/prevention/legal-faqs', payload: { itemId: item.id, title: 'x', question: '', answer: 'short' } });
  assertProblem(bad, 422, { paths: ['title', 'question', 'answer'] });
  const pii = await call(t, lawyer, { method: 'POST', url: '/api/v1/prevention/legal-faqs', payload: faqBody(item.id, { question: '请联系王经理 13912345678 了解试用期员工旷工情况' }) });
  assert.equal(errorAt(assertProblem(pii, 422, { paths: ['question'] }), 'question').code, 'personal_data_in_text');
  assert.equal(await count(), n0);
  const open = await ask(ent);
  const accepted = await act(t, lawyer, open, 'accept');
  assert.equal(errorAt(assertProblem(await call(t, lawyer, { method: 'POST', url: '/api/v1/prevention/legal-faqs', payload: faqBody(open.id) }), 422), 'itemId').code, 'faq_needs_answer');
  assert.equal(accepted.status, 200);
  // Roles: enterprises and the public may not; another unit does not see the question; a supervisor sees but may not publish.
  assert.equal((await call(t, null, { method: 'POST', url: '/api/v1/prevention/legal-faqs', payload: faqBody(item.id) })).status, 401);
  assert.equal((await call(t, ent, { method: 'POST', url: '/api/v1/prevention/legal-faqs', payload: faqBody(item.id) })).status, 403);
  assert.equal((await call(t, ent, { method: 'GET', url: `/api/v1/prevention/legal-faqs/items/${item.id}` })).status, 403);
  assert.equal((await call(t, branchOfficer, { method: 'POST', url: '/api/v1/prevention/legal-faqs', payload: faqBody(item.id) })).status, 404);
  assert.equal((await call(t, branchOfficer, { method: 'GET', url: `/api/v1/prevention/legal-faqs/items/${item.id}` })).status, 404);
  const seen = await call(t, supervisor, { method: 'GET', url: `/api/v1/prevention/legal-faqs/items/${item.id}` });
  assert.equal(seen.json.abilities.canPublish, false);
  assert.equal((await call(t, supervisor, { method: 'POST', url: '/api/v1/prevention/legal-faqs', payload: faqBody(item.id) })).status, 403);
  // Another type's item is not a legal question.
  const lecture = await call(t, lawyer, { method: 'GET', url: `/api/v1/prevention/legal-faqs/items/00000000-0000-4000-8000-000000000000` });
  assert.equal(lecture.status, 404);
  assert.equal(await count(), n0);
});
