import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { sweepDeadlines } from '../src/jobs/deadline-sweeper.ts';
import { buildEnterprise, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, EN, errorAt } from './support-problem.ts';

let t: TestApp;
let officer: TestUser;
let leader: TestUser;
let otherOfficer: TestUser;
let supervisor: TestUser;
let liaisonOfficer: TestUser;
/** Three enterprises with the tag, one without; the third has a liaison officer. */
let e1: TestUser;
let e2: TestUser;
let e3: TestUser;
let e4: TestUser;
let e1staff: TestUser;
const TAG = 'prev-chemicals';

before(async () => {
  t = await makeTestApp();
  await t.ctx.database.rows(sql`insert into enterprise_tags (code, name_zh, name_en) values (${TAG}, '危化品企业', 'Hazardous chemicals')`);
  officer = await buildUser(t, 'officer', { unitId: 'zb-econ' });
  leader = await buildUser(t, 'unit-leader', { unitId: 'zb-econ' });
  otherOfficer = await buildUser(t, 'officer', { unitId: 'zb-cyber' });
  supervisor = await buildUser(t, 'supervisor');
  liaisonOfficer = await buildUser(t, 'officer', { unitId: 'zichuan-branch' });
  const ents = [];
  for (let i = 0; i < 4; i++) ents.push(await buildEnterprise(t.ctx, { district: 'zichuan' }));
  for (const e of ents.slice(0, 3)) await t.ctx.database.rows(sql`update enterprises set tags = array[${TAG}]::text[] where id = ${e.id}`);
  await t.ctx.database.rows(sql`update enterprises set liaison_officer_id = ${liaisonOfficer.id} where id = ${ents[2].id}`);
  [e1, e2, e3, e4] = await Promise.all(ents.map((e) => buildUser(t, 'enterprise-admin', { enterpriseId: e.id })));
  e1staff = await buildUser(t, 'enterprise-staff', { enterpriseId: ents[0].id });
});
after(() => t.close());

const MONDAY = '2026-06-01T09:00:00+08:00';
const draft = (over: Record<string, unknown> = {}) => ({
  title: '警惕“冒充客户”骗取化工原料',
  body: '近期有不法分子冒充长期客户，以紧急采购为由骗取企业发货后失联，请核实订单和收货方身份。',
  riskKind: 'loophole',
  level: 'serious',
  audience: { tags: [TAG] },
  ...over,
});
const create = async (over: Record<string, unknown> = {}, by = officer) => {
  const r = await call(t, by, { method: 'POST', url: '/api/v1/prevention/warnings', payload: draft(over) });
  assert.equal(r.status, 201, r.body);
  return r.json;
};
const act = (user: TestUser, id: string, action: string, note?: string) => call(t, user, { method: 'POST', url: `/api/v1/prevention/warnings/${id}/actions`, payload: { action, ...(note ? { note } : {}) } });
const warningCount = async () => Number((await t.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from risk_warnings`))[0].n);

test('a draft lists every bad field at once and saves nothing; an empty audience is refused', async () => {
  const n0 = await warningCount();
  const bad = await call(t, officer, {
    method: 'POST',
    url: '/api/v1/prevention/warnings',
    headers: EN,
    payload: { title: '短', riskKind: 'weather', audience: { districts: ['atlantis'], tags: ['nope'], enterpriseIds: ['00000000-0000-4000-8000-000000000000'] }, extra: 1 },
  });
  assertProblem(bad, 422, { paths: ['title', 'body', 'riskKind', 'level', 'audience.districts.0', 'audience.tags.0', 'audience.enterpriseIds.0', 'extra'], locale: 'en' });
  const empty = await call(t, officer, { method: 'POST', url: '/api/v1/prevention/warnings', payload: draft({ audience: {} }) });
  assert.equal(errorAt(assertProblem(empty, 422, { paths: ['audience'] }), 'audience').code, 'audience_empty');
  const pii = await call(t, officer, { method: 'POST', url: '/api/v1/prevention/warnings', payload: draft({ public: true, body: '如有疑问请联系 13912345678 王警官，核实订单和收货方身份。' }) });
  assertProblem(pii, 422, { paths: ['body'] });
  assert.equal(await warningCount(), n0);
});

test('routes refuse roles that must not use them', async () => {
  const w = await create();
  for (const u of [e1, e1staff]) {
    assert.equal((await call(t, u, { method: 'POST', url: '/api/v1/prevention/warnings', payload: draft() })).status, 403);
    assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/prevention/warnings' })).status, 403);
    assert.equal((await call(t, u, { method: 'GET', url: `/api/v1/prevention/warnings/${w.id}` })).status, 403);
  }
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/prevention/warnings' })).status, 401);
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/enterprise/warnings' })).status, 401);
  assert.equal((await call(t, officer, { method: 'GET', url: '/api/v1/enterprise/warnings' })).status, 403);
  assert.equal((await call(t, supervisor, { method: 'POST', url: '/api/v1/prevention/warnings', payload: draft() })).status, 403);
  assert.equal((await act(supervisor, w.id, 'submit')).status, 403);
  // another unit does not know it exists
  assert.equal((await call(t, otherOfficer, { method: 'GET', url: `/api/v1/prevention/warnings/${w.id}` })).status, 404);
  assert.equal((await act(otherOfficer, w.id, 'submit')).status, 404);
  assert.ok(!(await call(t, otherOfficer, { method: 'GET', url: '/api/v1/prevention/warnings' })).json.warnings.some((x: { id: string }) => x.id === w.id));
  assert.equal((await call(t, supervisor, { method: 'GET', url: `/api/v1/prevention/warnings/${w.id}` })).status, 200);
});

test('approval by a leader (not the author) delivers to the tagged enterprises; two acknowledge, the third escalates to its liaison officer', async () => {
  t.setNow(MONDAY);
  const w = await create();
  assert.deepEqual(w.abilities, { canSubmit: true, canApprove: false, canReturn: false });
  assertProblem(await act(officer, w.id, 'approve'), 403);
  let r = await act(officer, w.id, 'submit');
  assert.equal(r.json.status, 'submitted');
  assertProblem(await act(officer, w.id, 'submit'), 422, { code: 'warning_not_in_status' });
  assertProblem(await act(officer, w.id, 'approve'), 403);
  const leaderNotes = await call(t, leader, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(JSON.stringify(leaderNotes.json).includes('待您审核'));
  r = await act(leader, w.id, 'approve');
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.status, 'published');
  assert.deepEqual(r.json.counts, { delivered: 3, acknowledged: 0, escalated: 0 });
  assert.equal(r.json.deliveries[0].dueAt, '2026-06-04T23:59:59+08:00');

  // Each enterprise sees it (and a notification); the fourth never does.
  for (const u of [e1, e1staff, e2, e3]) {
    const mine = (await call(t, u, { method: 'GET', url: '/api/v1/enterprise/warnings' })).json.warnings;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].id, w.id);
  }
  assert.ok(JSON.stringify((await call(t, e1staff, { method: 'GET', url: '/api/v1/notifications' })).json).includes('风险预警（较重）'));
  assert.equal((await call(t, e4, { method: 'GET', url: '/api/v1/enterprise/warnings' })).json.warnings.length, 0);
  assert.equal((await call(t, e4, { method: 'POST', url: `/api/v1/enterprise/warnings/${w.id}/acknowledgement` })).status, 404);

  t.setNow('2026-06-02T10:00:00+08:00');
  let ack = await call(t, e1staff, { method: 'POST', url: `/api/v1/enterprise/warnings/${w.id}/acknowledgement` });
  assert.equal(ack.status, 200, ack.body);
  assert.ok(ack.json.acknowledgedAt);
  ack = await call(t, e1, { method: 'POST', url: `/api/v1/enterprise/warnings/${w.id}/acknowledgement` });
  assert.equal(ack.json.acknowledgedAt, '2026-06-02T10:00:00+08:00', 'the first acknowledgement counts');
  await call(t, e2, { method: 'POST', url: `/api/v1/enterprise/warnings/${w.id}/acknowledgement` });

  // On the due day nothing escalates; the next working morning the third goes to its liaison officer, once.
  t.setNow('2026-06-04T20:00:00+08:00');
  await sweepDeadlines(t.ctx);
  assert.equal((await call(t, officer, { method: 'GET', url: `/api/v1/prevention/warnings/${w.id}` })).json.counts.escalated, 0);
  t.setNow('2026-06-05T09:00:00+08:00');
  const swept = await sweepDeadlines(t.ctx);
  assert.equal(swept.warnings, 1);
  assert.equal((await sweepDeadlines(t.ctx)).warnings, 0);
  const seen = (await call(t, officer, { method: 'GET', url: `/api/v1/prevention/warnings/${w.id}` })).json;
  assert.deepEqual(seen.counts, { delivered: 3, acknowledged: 2, escalated: 1 });
  const third = seen.deliveries.find((d: { escalatedAt: string | null }) => d.escalatedAt);
  assert.equal(third.escalatedTo, liaisonOfficer.username);
  const told = (await call(t, liaisonOfficer, { method: 'GET', url: '/api/v1/notifications' })).json;
  assert.equal(JSON.stringify(told).split('未阅知风险预警').length - 1, 1, 'told once');
  const list = (await call(t, officer, { method: 'GET', url: '/api/v1/prevention/warnings' })).json.warnings.find((x: { id: string }) => x.id === w.id);
  assert.deepEqual(list.counts, { delivered: 3, acknowledged: 2, escalated: 1 });
  t.setNow(undefined);
});

test('a leader returns a draft with a note (required) and may not approve their own; a public warning reaches the portal', async () => {
  const mine = await create({ title: '防范非法集资宣传', riskKind: 'illegal-fundraising', level: 'general', audience: { districts: ['zichuan'] } }, leader);
  await act(leader, mine.id, 'submit');
  assertProblem(await act(leader, mine.id, 'approve'), 403, { code: 'warning_own_approval' });
  const w = await create({ public: true, title: '警惕高息理财骗局', riskKind: 'illegal-fundraising', level: 'severe', audience: { enterpriseIds: [e4.enterpriseId] } });
  await act(officer, w.id, 'submit');
  assertProblem(await act(leader, w.id, 'return'), 422, { paths: ['note'] });
  let r = await act(leader, w.id, 'return', '请补充典型案例');
  assert.equal(r.json.status, 'draft');
  assert.equal(r.json.decisionNote, '请补充典型案例');
  assert.ok(JSON.stringify((await call(t, officer, { method: 'GET', url: '/api/v1/notifications' })).json).includes('请补充典型案例'));
  await act(officer, w.id, 'submit');
  r = await act(leader, w.id, 'approve');
  assert.equal(r.json.counts.delivered, 1);
  const portal = await call(t, null, { method: 'GET', url: `/api/v1/public/publications?kind=warning&q=${encodeURIComponent('高息理财')}` });
  assert.ok(portal.json.publications.some((p: { id: string }) => p.id === r.json.publicationId));
  assert.equal((await call(t, e4, { method: 'GET', url: '/api/v1/enterprise/warnings' })).json.warnings.length, 1);
});

test('an audience by industry reaches the enterprises of that 门类; a partner department gets it, one of its people acknowledges for it', async () => {
  const ents = [];
  for (let i = 0; i < 3; i++) ents.push(await buildEnterprise(t.ctx, { district: 'linzi' }));
  await t.ctx.database.rows(sql`update enterprises set industry = 'T' where id in (${ents[0].id}, ${ents[1].id})`);
  await t.ctx.database.rows(sql`update enterprises set industry = 'S' where id = ${ents[2].id}`);
  const [t1, t2, s1] = await Promise.all(ents.map((e) => buildUser(t, 'enterprise-admin', { enterpriseId: e.id })));
  const shichang1 = await buildUser(t, 'partner', { unitId: 'partner-shichang' });
  const shichang2 = await buildUser(t, 'partner', { unitId: 'partner-shichang' });
  const renshe = await buildUser(t, 'partner', { unitId: 'partner-renshe' });
  t.setNow(MONDAY);

  const w = await create({ title: '国际组织驻地安全提示', audience: { industries: ['T'], partnerUnitIds: ['partner-shichang'] } });
  assert.deepEqual(w.audience, { districts: [], tags: [], enterpriseIds: [], industries: ['T'], partnerUnitIds: ['partner-shichang'] });
  // before publication the department sees nothing
  assert.equal((await call(t, shichang1, { method: 'GET', url: '/api/v1/partner/warnings' })).json.warnings.length, 0);
  await act(officer, w.id, 'submit');
  const r = await act(leader, w.id, 'approve');
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(r.json.counts, { delivered: 3, acknowledged: 0, escalated: 0 }, 'two enterprises and one department');
  assert.deepEqual(r.json.deliveries.map((d: { enterpriseId: string }) => d.enterpriseId).sort(), [ents[0].id, ents[1].id].sort());
  assert.deepEqual(r.json.departments.map((d: { unitId: string; acknowledgedAt: string | null }) => [d.unitId, d.acknowledgedAt]), [['partner-shichang', null]]);
  assert.equal((await call(t, s1, { method: 'GET', url: '/api/v1/enterprise/warnings' })).json.warnings.length, 0, 'another industry is not reached');
  for (const u of [t1, t2]) assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/enterprise/warnings' })).json.warnings[0].id, w.id);

  // every user of the department is told and sees it; another department neither
  for (const u of [shichang1, shichang2]) {
    assert.ok(JSON.stringify((await call(t, u, { method: 'GET', url: '/api/v1/notifications' })).json).includes('请贵部门阅知'));
    const mine = (await call(t, u, { method: 'GET', url: '/api/v1/partner/warnings' })).json.warnings;
    assert.deepEqual(mine.map((x: { id: string; abilities: unknown }) => [x.id, x.abilities]), [[w.id, { canAcknowledge: true }]]);
  }
  assert.equal((await call(t, renshe, { method: 'GET', url: '/api/v1/partner/warnings' })).json.warnings.length, 0);
  assert.equal((await call(t, renshe, { method: 'POST', url: `/api/v1/partner/warnings/${w.id}/acknowledgement` })).status, 404);
  // the department's people read the sender's side no more than before
  assert.equal((await call(t, shichang1, { method: 'GET', url: `/api/v1/prevention/warnings/${w.id}` })).status, 403);
  // enterprises and police may not use the department's routes; an enterprise of the audience may not acknowledge for it
  for (const u of [t1, officer, supervisor]) {
    assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/partner/warnings' })).status, 403);
    assert.equal((await call(t, u, { method: 'POST', url: `/api/v1/partner/warnings/${w.id}/acknowledgement` })).status, 403);
  }
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/partner/warnings' })).status, 401);
  assert.equal((await call(t, shichang1, { method: 'POST', url: `/api/v1/enterprise/warnings/${w.id}/acknowledgement` })).status, 403);

  t.setNow('2026-06-02T11:00:00+08:00');
  const ack = await call(t, shichang2, { method: 'POST', url: `/api/v1/partner/warnings/${w.id}/acknowledgement` });
  assert.equal(ack.status, 200, ack.body);
  assert.equal(ack.json.acknowledgedAt, '2026-06-02T11:00:00+08:00');
  t.setNow('2026-06-02T12:00:00+08:00');
  const again = await call(t, shichang1, { method: 'POST', url: `/api/v1/partner/warnings/${w.id}/acknowledgement` });
  assert.equal(again.json.acknowledgedAt, '2026-06-02T11:00:00+08:00', 'once for the department');
  assert.equal(again.json.acknowledgedBy, shichang2.username);
  assert.deepEqual(again.json.abilities, { canAcknowledge: false });
  await call(t, t1, { method: 'POST', url: `/api/v1/enterprise/warnings/${w.id}/acknowledgement` });
  const seen = (await call(t, officer, { method: 'GET', url: `/api/v1/prevention/warnings/${w.id}` })).json;
  assert.deepEqual(seen.counts, { delivered: 3, acknowledged: 2, escalated: 0 });
  assert.equal(seen.departments[0].acknowledgedBy, shichang2.username);

  // After three working days: the silent enterprise escalates, a department never does.
  t.setNow('2026-06-05T09:00:00+08:00');
  await sweepDeadlines(t.ctx);
  const later = (await call(t, officer, { method: 'GET', url: `/api/v1/prevention/warnings/${w.id}` })).json;
  assert.deepEqual(later.counts, { delivered: 3, acknowledged: 2, escalated: 1 });
  t.setNow(undefined);
});

test('unknown industries and units that are not partner departments: 422 on their positions, nothing saved', async () => {
  const n0 = await warningCount();
  const bad = await call(t, officer, {
    method: 'POST',
    url: '/api/v1/prevention/warnings',
    headers: EN,
    payload: draft({ audience: { industries: ['C', 'Z', 3], partnerUnitIds: ['partner-shichang', 'zb-econ', 'nowhere'] } }),
  });
  const p = assertProblem(bad, 422, { paths: ['audience.industries.1', 'audience.industries.2', 'audience.partnerUnitIds.1', 'audience.partnerUnitIds.2'], locale: 'en' });
  assert.equal(errorAt(p, 'audience.industries.1').code, 'industry_unknown');
  assert.equal(errorAt(p, 'audience.partnerUnitIds.1').code, 'partner_unit_unknown');
  const wrongType = await call(t, officer, { method: 'POST', url: '/api/v1/prevention/warnings', payload: draft({ audience: { industries: 'C' } }) });
  assertProblem(wrongType, 422, { paths: ['audience.industries'] });
  assert.equal(await warningCount(), n0);
});
