import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { sweepDeadlines } from '../src/jobs/deadline-sweeper.ts';
import { appealData, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, EN } from './support-problem.ts';
import { readLedgerBook } from '../../../test-support/ledger-book.ts';

let t: TestApp;
let ent: TestUser;
let entStaff: TestUser;
let entOther: TestUser;
let econ: TestUser; // 经侦支队 officer
let econLeader: TestUser;
let econ2: TestUser;
let exitEntry: TestUser;
let branchOfficer: TestUser; // 张店分局
let supervisor: TestUser;
let partner: TestUser;
let admin: TestUser;

before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  entStaff = await buildUser(t, 'enterprise-staff', { enterpriseId: ent.enterpriseId! });
  entOther = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  econ = await buildUser(t, 'officer', { unitId: 'zb-econ' });
  econ2 = await buildUser(t, 'officer', { unitId: 'zb-econ' });
  econLeader = await buildUser(t, 'unit-leader', { unitId: 'zb-econ' });
  exitEntry = await buildUser(t, 'officer', { unitId: 'zb-exit-entry' });
  branchOfficer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  supervisor = await buildUser(t, 'supervisor');
  partner = await buildUser(t, 'partner');
  admin = await buildUser(t, 'admin');
});
after(() => t.close());

const count = async (q: ReturnType<typeof sql>) => Number((await t.ctx.database.rows<{ n: string }>(q))[0]!.n);
const SECRET = 'SECRET-7f3a';
const reportData = (over: Record<string, unknown> = {}) => ({
  category: 'contract-fraud',
  title: '某贸易公司以虚假合同骗取货款',
  amountInvolved: 1280000,
  occurredOn: '2026-01-05',
  place: '淄博市张店区华光路 88 号',
  content: '对方以签订钢材购销合同为名，收取预付款后失联，合同所列公司地址不存在。',
  suspects: '李某，自称销售经理',
  contactName: '王经理',
  contactPhone: '13912345678',
  ...over,
});
const report = (u: TestUser, over: Record<string, unknown> = {}) => call(t, u, { method: 'POST', url: '/api/v1/items', payload: { type: 'crime-report', data: reportData(over) } });
const act = async (u: TestUser, id: string, action: string, fields: Record<string, unknown> = {}) => {
  const cur = await call(t, u, { method: 'GET', url: `/api/v1/items/${id}` });
  return call(t, u, { method: 'POST', url: `/api/v1/items/${id}/transitions`, payload: { action, version: cur.json.version, ...fields } });
};
const caseOf = (u: TestUser, id: string) => call(t, u, { method: 'GET', url: `/api/v1/cases/${id}` });
const entCase = (u: TestUser, id: string) => call(t, u, { method: 'GET', url: `/api/v1/enterprise/cases/${id}` });

describe('crime report (M11–M13)', () => {
  test('the catalog shows the routing by category and the legal basis in the guide', async () => {
    const types = await call(t, null, { method: 'GET', url: '/api/v1/item-types' });
    const cr = types.json.find((x: { code: string }) => x.code === 'crime-report');
    assert.ok(cr);
    assert.match(cr.guide.basis.zh, /公安机关办理刑事案件程序规定/);
    assert.match(cr.guide.basis.zh, /改革完善受案立案制度的意见/);
    assert.ok(cr.guide.materials.some((m: { zh: string }) => m.zh.startsWith('合同诈骗') && m.zh.includes('经济犯罪侦查支队')));
    assert.equal(cr.form.properties.category.enum.length, 23);
  });

  test('bad input: every field named, nothing saved; overseas needs country and project; the date cannot be ahead', async () => {
    const before = await count(sql`select count(*) as n from items where type = 'crime-report'`);
    const bad = await report(ent, { category: 'overseas', title: '', amountInvolved: -1, occurredOn: '2999-01-01', contactPhone: '123' });
    assertProblem(bad, 422, { paths: ['data.title', 'data.amountInvolved', 'data.contactPhone', 'data.country', 'data.project', 'data.occurredOn'], locale: 'zh' });
    const en = await call(t, ent, { method: 'POST', url: '/api/v1/items', headers: EN, payload: { type: 'crime-report', data: reportData({ category: 'nope' }) } });
    assertProblem(en, 422, { paths: ['data.category'], locale: 'en' });
    assert.equal(await count(sql`select count(*) as n from items where type = 'crime-report'`), before);
  });

  test('routing by category: 经侦, 出入境, 食药环知, the district bureau', async () => {
    const units: Record<string, string> = {};
    for (const [category, extra] of [
      ['contract-fraud', {}],
      ['overseas', { country: '印度尼西亚', project: '青山园区镍铁项目' }],
      ['trade-secret', {}],
      ['forced-trade', {}],
      ['extortion', {}],
    ] as const) {
      const r = await report(ent, { category, ...extra });
      assert.equal(r.status, 201, r.body);
      units[category] = r.json.unitId;
    }
    assert.deepEqual(units, { 'contract-fraud': 'zb-econ', overseas: 'zb-exit-entry', 'trade-secret': 'zb-fde', 'forced-trade': 'zhangdian-branch', extortion: 'zb-criminal' });
  });

  test('only enterprises report; the reconsideration type is never filed through POST /items', async () => {
    assert.equal((await report(econ)).status, 403);
    assert.equal((await call(t, null, { method: 'POST', url: '/api/v1/items', payload: { type: 'crime-report', data: reportData() } })).status, 401);
    const r = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'crime-reconsideration', data: { caseNumber: 'X', reason: '理由理由理由理由理由' } } });
    assertProblem(r, 422, { paths: ['type'] });
  });
});

describe('受案, 立案 clocks and progress', () => {
  let id: string;
  test('受案 the same day; the decision due 3 days after; 7 with verification', async () => {
    const r = await report(ent);
    id = r.json.id;
    const acc = await act(econ, id, 'accept', { note: '已受案登记' });
    assert.equal(acc.status, 200, acc.body);
    const hours = (Date.parse(acc.json.dueAt) - Date.parse(acc.json.acceptedAt)) / 3_600_000;
    assert.ok(hours > 48 && hours <= 96, `3 calendar days, got ${hours} h`);
    const v = await report(ent);
    const accV = await act(econ, v.json.id, 'accept', { verification: true });
    const hoursV = (Date.parse(accV.json.dueAt) - Date.parse(accV.json.acceptedAt)) / 3_600_000;
    assert.ok(hoursV > 144 && hoursV <= 192, `7 calendar days, got ${hoursV} h`);
    const c = await entCase(ent, id);
    assert.equal(c.json.stage, 'registered');
    assert.equal(c.json.stageName.zh, '受案');
    assert.ok(c.json.decisionDueAt);
  });

  test('extension to 30 days at most, approved by the unit leader who is recorded', async () => {
    const tooLong = await act(econ, id, 'extend', { days: 28, note: '案情重大复杂' });
    assertProblem(tooLong, 422, { paths: ['days'] });
    const ok = await act(econ, id, 'extend', { days: 27, note: '案情重大复杂，需调取多地银行流水' });
    assert.equal(ok.status, 200, ok.body);
    assert.equal((await act(econ, id, 'approve-extension')).status, 403, 'an officer cannot approve');
    const ap = await act(econLeader, id, 'approve-extension');
    assert.equal(ap.status, 200, ap.body);
    const ev = ap.json.timeline.find((e: { action: string }) => e.action === 'approve-extension');
    assert.equal(ev.detail.approvedBy, econLeader.id);
    assert.equal(ev.actor.id, econLeader.id);
    const days = (Date.parse(ap.json.dueAt) - Date.parse(ap.json.acceptedAt)) / 86_400_000;
    assert.ok(days > 29 && days <= 31, `30 days, got ${days}`);
  });

  test('立案, then progress, recoveries, a dedicated team and supervision — none of the staff-only facts reach the enterprise', async () => {
    const filed = await act(econ, id, 'answer', { note: '经审查，有犯罪事实需要追究刑事责任，符合立案条件，决定立案侦查', decision: 'file' });
    assert.equal(filed.status, 200, filed.body);
    let c = await entCase(ent, id);
    assert.equal(c.json.stage, 'filed');
    assert.equal(c.json.unit.id, 'zb-econ');
    assert.match(c.json.workPhone, /^0533-/);

    const badRec = await call(t, econ, { method: 'POST', url: `/api/v1/cases/${id}/recoveries`, payload: { kind: 'x', amount: 0, on: '2999-01-01' } });
    assertProblem(badRec, 422, { paths: ['kind', 'amount', 'on'] });
    assert.equal(await count(sql`select count(*) as n from case_recoveries where item_id = ${id}`), 0);
    for (const [kind, amount] of [['stopped', 300000], ['recovered', 150000.5]] as const) {
      const r = await call(t, econ, { method: 'POST', url: `/api/v1/cases/${id}/recoveries`, payload: { kind, amount, on: '2026-01-10', note: `${SECRET} 冻结账户` } });
      assert.equal(r.status, 200, r.body);
    }
    const st = await call(t, econ, { method: 'POST', url: `/api/v1/cases/${id}/stage`, payload: { stage: 'investigating', note: `${SECRET} 已调取流水` } });
    assert.equal(st.status, 200, st.body);
    const badStage = await call(t, econ, { method: 'POST', url: `/api/v1/cases/${id}/stage`, payload: { stage: 'filed' } });
    assertProblem(badStage, 422, { paths: ['stage'] });
    assert.equal((await call(t, econ, { method: 'PUT', url: `/api/v1/cases/${id}/investigation-note`, payload: { note: `${SECRET} 嫌疑人李某已查明身份` } })).status, 200);

    const badTeam = await call(t, econLeader, { method: 'PUT', url: `/api/v1/cases/${id}/special`, payload: { tier: 'huge', leadId: ent.id, memberIds: [partner.id] } });
    assertProblem(badTeam, 422, { paths: ['tier', 'leadId', 'memberIds.0'] });
    assert.equal((await call(t, econ, { method: 'PUT', url: `/api/v1/cases/${id}/special`, payload: { tier: 'major', leadId: econ.id } })).status, 403, 'an officer cannot grade');
    const team = await call(t, econLeader, { method: 'PUT', url: `/api/v1/cases/${id}/special`, payload: { tier: 'major', leadId: econ.id, memberIds: [econ2.id, branchOfficer.id], note: SECRET } });
    assert.equal(team.status, 200, team.body);
    assert.equal(team.json.tier, 'major');
    const sup = await act(supervisor, id, 'supervise', { note: `${SECRET} 挂牌督办`, listed: true, dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString() });
    assert.equal(sup.status, 200, sup.body);

    // The team member from another unit sees the case; the list of graded cases shows it.
    assert.equal((await caseOf(branchOfficer, id)).status, 200);
    const graded = await call(t, supervisor, { method: 'GET', url: '/api/v1/cases?graded=true' });
    assert.ok(graded.json.cases.some((x: { id: string }) => x.id === id));

    c = await entCase(ent, id);
    assert.equal(c.json.stage, 'investigating');
    assert.deepEqual(c.json.recovered, { total: 450000.5, stopped: 300000, recovered: 150000.5 });
    assert.deepEqual(Object.keys(c.json.recoveries[0]).sort(), ['amount', 'id', 'kind', 'on']);
    for (const k of ['tier', 'team', 'investigationNote', 'supervision', 'enterpriseName', 'abilities']) assert.equal(k in c.json, false, k);
    const views = [
      c,
      await entCase(entStaff, id),
      await call(t, ent, { method: 'GET', url: '/api/v1/enterprise/cases' }),
      await call(t, ent, { method: 'GET', url: `/api/v1/items/${id}` }),
      await call(t, ent, { method: 'GET', url: '/api/v1/items?type=crime-report' }),
      await call(t, null, { method: 'GET', url: '/api/v1/item-types' }),
    ];
    for (const v of views) {
      assert.equal(v.status, 200, v.body);
      assert.ok(!v.body.includes(SECRET), `leak in ${v.body.slice(0, 300)}`);
      assert.ok(!v.body.includes(econ2.id), 'team member leaked');
    }
    const staffView = await caseOf(econ, id);
    assert.ok(staffView.body.includes(SECRET), 'the staff see their notes');
  });

  test('an enterprise never sees another one’s report; roles that must not use a route are refused', async () => {
    assert.equal((await entCase(entOther, id)).status, 404);
    assert.equal((await call(t, entOther, { method: 'GET', url: `/api/v1/items/${id}` })).status, 404);
    const list = await call(t, entOther, { method: 'GET', url: '/api/v1/enterprise/cases' });
    assert.equal(list.json.cases.length, 0);
    assert.equal((await call(t, entOther, { method: 'POST', url: `/api/v1/enterprise/cases/${id}/reconsideration`, payload: { reason: '理由理由理由理由理由理由' } })).status, 404);
    // staff routes
    for (const u of [ent, partner, admin]) {
      assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/cases' })).status, 403, u.role);
      assert.equal((await caseOf(u, id)).status, 403, u.role);
    }
    assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/cases' })).status, 401);
    assert.equal((await call(t, null, { method: 'GET', url: `/api/v1/enterprise/cases/${id}` })).status, 401);
    for (const u of [econ, supervisor, partner]) assert.equal((await entCase(u, id)).status, 403, u.role);
    // another unit's officer (not on the team) does not know the case exists
    assert.equal((await caseOf(exitEntry, id)).status, 404);
    assert.equal((await call(t, exitEntry, { method: 'POST', url: `/api/v1/cases/${id}/stage`, payload: { stage: 'prosecution' } })).status, 404);
    assert.equal((await call(t, supervisor, { method: 'POST', url: `/api/v1/cases/${id}/stage`, payload: { stage: 'prosecution' } })).status, 403);
    assert.equal((await call(t, ent, { method: 'POST', url: `/api/v1/cases/${id}/recoveries`, payload: { kind: 'stopped', amount: 1, on: '2026-01-01' } })).status, 403);
    const ids = (await call(t, exitEntry, { method: 'GET', url: '/api/v1/cases' })).json.cases.map((x: { id: string }) => x.id);
    assert.ok(!ids.includes(id));
  });

  test('移送审查起诉 then 结案 closes the item (a bare close is refused)', async () => {
    assertProblem(await act(econ, id, 'close'), 422, { code: 'case_closed_by_stage' });
    assertProblem(await act(ent, id, 'close'), 422, { code: 'case_closed_by_stage' });
    assert.equal((await call(t, econ, { method: 'POST', url: `/api/v1/cases/${id}/stage`, payload: { stage: 'prosecution' } })).status, 200);
    const done = await call(t, econ2, { method: 'POST', url: `/api/v1/cases/${id}/stage`, payload: { stage: 'concluded' } });
    assert.equal(done.status, 200, done.body);
    assert.equal(done.json.itemStatus, 'closed');
    const c = await entCase(ent, id);
    assert.equal(c.json.stage, 'concluded');
    assert.deepEqual(c.json.stages.map((s: { stage: string }) => s.stage), ['reported', 'registered', 'filed', 'investigating', 'prosecution', 'concluded']);
  });

  test('涉企案件通报: a concluded case proposes a bulletin without names; drafted once, published by the supervisor', async () => {
    const open = await report(ent);
    assertProblem(await call(t, econ, { method: 'GET', url: `/api/v1/cases/${open.json.id}/bulletin` }), 403, { code: 'case_not_concluded' });
    const got = await call(t, econ, { method: 'GET', url: `/api/v1/cases/${id}/bulletin` });
    assert.equal(got.status, 200, got.body);
    assert.equal(got.json.publication, null);
    const p = got.json.proposal as { title: string; summary: string; body: string };
    assert.match(p.title, /经济犯罪侦查支队侦破一起合同诈骗案/);
    const entName = (await t.ctx.database.rows<{ name: string }>(sql`select name from enterprises where id = ${ent.enterpriseId}`))[0]!.name;
    for (const text of Object.values(p)) {
      assert.ok(!text.includes(entName), 'the enterprise is not named');
      assert.ok(!text.includes(SECRET), 'no investigative note');
    }
    const pubs = () => count(sql`select count(*) as n from publications where kind = 'bulletin'`);
    const before = await pubs();
    const draft = (payload: Record<string, unknown>, u: TestUser = econ) => call(t, u, { method: 'POST', url: `/api/v1/cases/${id}/bulletin`, payload });
    assertProblem(await draft({}), 422, { paths: ['title', 'summary', 'body'] });
    assertProblem(await draft({ ...p, extra: 1 }), 422);
    assertProblem(await draft({ ...p, body: `${p.body}如有线索请联系 13912345678。` }), 422, { paths: ['body'] });
    for (const u of [ent, partner]) assert.equal((await draft(p, u)).status, 403, u.role);
    assert.equal((await draft(p, exitEntry)).status, 404, 'another unit sees no such case');
    assert.equal(await pubs(), before, 'nothing saved');

    const made = await draft(p);
    assert.equal(made.status, 201, made.body);
    assert.equal(made.json.kind, 'bulletin');
    assert.equal(made.json.status, 'draft');
    assertProblem(await draft(p), 409, { code: 'case_bulletin_exists' });
    assert.equal(await pubs(), before + 1);
    assert.equal((await call(t, econ, { method: 'GET', url: `/api/v1/cases/${id}/bulletin` })).json.publication.id, made.json.id);
    assert.equal(await count(sql`select count(*) as n from audit_log where action = 'case.bulletin' and subject = ${`item:${id}`}`), 1);
    const pub = await call(t, supervisor, { method: 'POST', url: `/api/v1/publications/${made.json.id}/publish` });
    assert.equal(pub.status, 200, pub.body);
    const shown = await call(t, null, { method: 'GET', url: `/api/v1/public/publications?kind=bulletin&q=${encodeURIComponent('合同诈骗')}` });
    assert.ok(JSON.stringify(shown.json).includes(made.json.id), 'in the public library');
  });
});

describe('不予立案 and 申请复议', () => {
  test('a refusal gives its reason; the enterprise asks for reconsideration once within 7 days; revoking it opens the case', async () => {
    const r = await report(ent, { category: 'misappropriation' });
    const id = r.json.id;
    await act(econ, id, 'accept');
    assertProblem(await act(econ, id, 'answer', { decision: 'not-file' }), 422, { paths: ['note'] });
    const no = await act(econ, id, 'answer', { decision: 'not-file', note: '经审查，属于买卖合同履行中的民事经济纠纷，没有犯罪事实，不予立案' });
    assert.equal(no.status, 200, no.body);
    const c = await entCase(ent, id);
    assert.equal(c.json.stage, 'not-filed');
    assert.match(c.json.decisionReason, /民事经济纠纷/);
    assert.equal(c.json.reconsideration.open, true);
    const notices = await call(t, ent, { method: 'GET', url: '/api/v1/notifications' });
    assert.ok(JSON.stringify(notices.json).includes('复议'), 'told of the right to reconsideration');

    assertProblem(await call(t, ent, { method: 'POST', url: `/api/v1/enterprise/cases/${id}/reconsideration`, payload: { reason: '短' } }), 422, { paths: ['reason'] });
    const rc = await call(t, entStaff, { method: 'POST', url: `/api/v1/enterprise/cases/${id}/reconsideration`, payload: { reason: '对方有明显的非法占有目的，收款后即转移资金并失联。' } });
    assert.equal(rc.status, 201, rc.body);
    assert.equal(rc.json.type, 'crime-reconsideration');
    assert.equal(rc.json.unitId, 'zb-econ');
    const days = (Date.parse(rc.json.dueAt) - Date.parse(rc.json.submittedAt)) / 86_400_000;
    assert.ok(days >= 30 && days <= 32, `30 days, got ${days}`);
    assertProblem(await call(t, ent, { method: 'POST', url: `/api/v1/enterprise/cases/${id}/reconsideration`, payload: { reason: '再次申请复议，理由同上。' } }), 422, { code: 'reconsideration_filed' });

    await act(econLeader, rc.json.id, 'accept');
    const rev = await act(econLeader, rc.json.id, 'answer', { decision: 'revoked', note: '经复议，撤销原不予立案决定，有犯罪事实需要追究刑事责任，予以立案' });
    assert.equal(rev.status, 200, rev.body);
    assert.equal((await entCase(ent, id)).json.stage, 'filed');
  });

  test('no reconsideration after 7 days, nor of a case that was opened', async () => {
    const r = await report(ent, { category: 'bid-rigging' });
    await act(econ, r.json.id, 'accept');
    await act(econ, r.json.id, 'answer', { decision: 'not-file', note: '经审查，没有犯罪事实，不予立案，可通过民事诉讼途径解决' });
    // The refusal was told 8 days ago (the session would not outlive moving the server's clock that far).
    await t.ctx.database.rows(sql`update case_files set decided_at = decided_at - interval '8 days' where item_id = ${r.json.id}`);
    assertProblem(await call(t, ent, { method: 'POST', url: `/api/v1/enterprise/cases/${r.json.id}/reconsideration`, payload: { reason: '对方有明显的非法占有目的。' } }), 422, { code: 'reconsideration_window_passed' });
    const o = await report(ent);
    await act(econ, o.json.id, 'accept');
    await act(econ, o.json.id, 'answer', { decision: 'file', note: '经审查，有犯罪事实需要追究刑事责任，决定立案侦查' });
    assertProblem(await call(t, ent, { method: 'POST', url: `/api/v1/enterprise/cases/${o.json.id}/reconsideration`, payload: { reason: '对方有明显的非法占有目的。' } }), 422, { code: 'case_not_refused' });
  });
});

describe('挂牌督办: the supervision deadline reminds and escalates (every item type)', () => {
  test('a supervised case after 立案 and a supervised appeal: 75 %, the deadline, then the supervisors, each once', async () => {
    const r = await report(ent);
    await act(econ, r.json.id, 'accept');
    await act(econ, r.json.id, 'answer', { decision: 'file', note: '经审查，有犯罪事实需要追究刑事责任，决定立案侦查' });
    const appeal = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData() } });
    const branchLeader = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
    const due = new Date(Date.now() + 4 * 3_600_000).toISOString();
    for (const id of [r.json.id, appeal.json.id]) {
      const sup = await act(supervisor, id, 'supervise', { note: '挂牌督办，限期办结', listed: true, dueAt: due });
      assert.equal(sup.status, 200, sup.body);
    }
    const kinds = async (id: string) =>
      (await t.ctx.database.rows<{ kind: string }>(sql`select kind from notifications where item_id = ${id} and kind like 'supervision_%' order by id`)).map((x) => x.kind);
    const who = async (id: string, kind: string) =>
      (await t.ctx.database.rows<{ user_id: string }>(sql`select user_id from notifications where item_id = ${id} and kind = ${kind}`)).map((x) => x.user_id);
    try {
      t.setNow(new Date(Date.now() + 3.5 * 3_600_000));
      await sweepDeadlines(t.ctx);
      assert.deepEqual([...new Set(await kinds(r.json.id))], ['supervision_due_near']);
      assert.ok((await who(r.json.id, 'supervision_due_near')).includes(econLeader.id), 'the unit leader is reminded');
      assert.ok((await who(appeal.json.id, 'supervision_due_near')).includes(branchLeader.id));
      t.setNow(new Date(Date.now() + 5 * 3_600_000));
      await sweepDeadlines(t.ctx);
      await sweepDeadlines(t.ctx);
      assert.equal((await kinds(r.json.id)).filter((k) => k === 'supervision_overdue').length, (await who(r.json.id, 'supervision_overdue')).length);
      assert.ok((await who(r.json.id, 'supervision_overdue')).includes(econLeader.id));
      t.setNow(new Date(Date.now() + 4 * 86_400_000));
      await sweepDeadlines(t.ctx);
      assert.ok((await who(r.json.id, 'supervision_overdue_escalated')).includes(supervisor.id));
      assert.ok((await who(appeal.json.id, 'supervision_overdue_escalated')).includes(supervisor.id));
      const before = (await kinds(r.json.id)).length;
      await sweepDeadlines(t.ctx);
      assert.equal((await kinds(r.json.id)).length, before, 'each stage once');
    } finally {
      t.setNow(undefined);
    }
  });
});

describe('linked incidents (M10)', () => {
  let shichang: TestUser;
  let renshe: TestUser;
  let id: string;
  const incident = (over: Record<string, unknown> = {}) => ({
    enterpriseUscc: '',
    category: 'labour-dispute',
    receivedAt: '2026-12-01 09:05',
    place: '张店区华光路 88 号厂区门口',
    dispatchedUnitId: 'zhangdian-station-chezhan',
    dispatchedAt: '2026-12-01 09:08',
    arrivedAt: '2026-12-01 09:20',
    summary: '数十名工人聚集讨要工资，堵塞厂区大门',
    ...over,
  });
  before(async () => {
    shichang = await buildUser(t, 'partner', { unitId: 'partner-shichang' });
    renshe = await buildUser(t, 'partner', { unitId: 'partner-renshe' });
  });

  test('bad input names every field and saves nothing; only police record incidents', async () => {
    const uscc = (await t.ctx.database.rows<{ uscc: string }>(sql`select uscc from enterprises where id = ${ent.enterpriseId}`))[0]!.uscc;
    const before = await count(sql`select count(*) as n from items where type = 'incident-linkage'`);
    const bad = await call(t, branchOfficer, { method: 'POST', url: '/api/v1/incidents', payload: { data: incident({ enterpriseUscc: '91370303MA3C00000X', receivedAt: 'yesterday', dispatchedUnitId: 'partner-shichang', arrivedAt: '2026-12-01 09:00', summary: '' }) } });
    assertProblem(bad, 422, { paths: ['data.enterpriseUscc', 'data.receivedAt', 'data.dispatchedUnitId', 'data.arrivedAt', 'data.summary'], locale: 'zh' });
    assert.equal(await count(sql`select count(*) as n from items where type = 'incident-linkage'`), before);
    for (const u of [ent, partner, supervisor, admin]) assert.equal((await call(t, u, { method: 'POST', url: '/api/v1/incidents', payload: { data: incident({ enterpriseUscc: uscc }) } })).status, 403, u.role);
    assertProblem(await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'incident-linkage', data: incident({ enterpriseUscc: uscc }) } }), 422, { paths: ['type'] });

    const ok = await call(t, branchOfficer, { method: 'POST', url: '/api/v1/incidents', payload: { data: incident({ enterpriseUscc: uscc }) } });
    assert.equal(ok.status, 201, ok.body);
    assert.equal(ok.json.status, 'accepted');
    assert.equal(ok.json.unitId, 'zhangdian-branch');
    assert.equal(ok.json.enterpriseId, ent.enterpriseId);
    id = ok.json.id;
  });

  test('two partner branches on hour clocks; a partner sees only its branch; closed only when both reported', async () => {
    for (const [unit, note] of [['partner-shichang', '请核查欠薪企业经营情况'], ['partner-renshe', '请依法处理欠薪问题']]) {
      const r = await act(branchOfficer, id, 'open-branch', { toUnitId: unit, note });
      assert.equal(r.status, 200, r.body);
    }
    const item = (await call(t, branchOfficer, { method: 'GET', url: `/api/v1/items/${id}` })).json;
    const b = item.branches.find((x: { unitId: string }) => x.unitId === 'partner-shichang');
    const h = (Date.parse(b.ackDueAt) - Date.parse(b.openedAt)) / 3_600_000;
    assert.ok(h > 1.9 && h <= 2.1, `acknowledge within 2 hours, got ${h}`);
    assert.ok(Date.parse(b.dueAt) > Date.parse(b.ackDueAt), 'report within a working day');

    const seen = await call(t, shichang, { method: 'GET', url: `/api/v1/items/${id}` });
    assert.deepEqual(seen.json.branches.map((x: { unitId: string }) => x.unitId), ['partner-shichang']);
    assert.ok(!seen.body.includes('请依法处理欠薪问题'), 'the other branch stays hidden');
    assert.equal(seen.json.abilities.canAcknowledgeBranch, true);
    assert.equal((await call(t, partner, { method: 'GET', url: `/api/v1/items/${id}` })).status, 404, 'a partner without a branch');

    const ack = await act(shichang, id, 'acknowledge-branch', { branchId: b.id });
    assert.equal(ack.status, 200, ack.body);
    assertProblem(await act(shichang, id, 'acknowledge-branch', { branchId: b.id }), 422, { code: 'branch_acknowledged' });
    assert.equal((await act(shichang, id, 'complete-branch', { branchId: b.id, note: '已约谈企业负责人' })).status, 200);
    assertProblem(await act(branchOfficer, id, 'answer', { note: '处置完毕' }), 422, { code: 'branches_open' });
    const rb = item.branches.find((x: { unitId: string }) => x.unitId === 'partner-renshe');
    assert.equal((await act(renshe, id, 'complete-branch', { branchId: rb.id, note: '已督促企业支付工资' })).status, 200);
    const done = await act(branchOfficer, id, 'answer', { note: '两个联动部门均已反馈处理结果，现场秩序恢复，处置完毕' });
    assert.equal(done.status, 200, done.body);

    const rt = await call(t, supervisor, { method: 'GET', url: '/api/v1/incidents/response-times' });
    assert.equal(rt.status, 200, rt.body);
    const station = rt.json.byDispatchedUnit.find((x: { unitId: string }) => x.unitId === 'zhangdian-station-chezhan');
    assert.equal(station.avgDispatchMinutes, 3);
    assert.equal(station.avgArrivalMinutes, 12);
    const sc = rt.json.byPartner.find((x: { unitId: string }) => x.unitId === 'partner-shichang');
    assert.equal(sc.branches, 1);
    assert.equal(sc.lateAcknowledgements, 0);
    assert.equal(typeof sc.avgAcknowledgeMinutes, 'number');
    for (const u of [ent, partner, branchOfficer]) assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/incidents/response-times' })).status, 403, u.role);
  });

  test('the arrival, unknown at 接警, is recorded later once by the owning unit; bad times are named, nothing saved', async () => {
    const uscc = (await t.ctx.database.rows<{ uscc: string }>(sql`select uscc from enterprises where id = ${ent.enterpriseId}`))[0]!.uscc;
    const { arrivedAt: _none, ...noArrival } = incident({ enterpriseUscc: uscc });
    const filed = await call(t, branchOfficer, { method: 'POST', url: '/api/v1/incidents', payload: { data: noArrival } });
    assert.equal(filed.status, 201, filed.body);
    const inc = filed.json.id as string;
    const arrival = (u: TestUser, payload: Record<string, unknown>) => call(t, u, { method: 'POST', url: `/api/v1/incidents/${inc}/arrival`, payload });
    const stored = async () => (await t.ctx.database.rows<{ a: string | null; v: number }>(sql`select data->>'arrivedAt' as a, version as v from items where id = ${inc}`))[0]!;
    const v0 = (await stored()).v;
    assertProblem(await arrival(branchOfficer, {}), 422, { paths: ['arrivedAt'] });
    assertProblem(await arrival(branchOfficer, { arrivedAt: 42 }), 422, { paths: ['arrivedAt'] });
    assertProblem(await arrival(branchOfficer, { arrivedAt: '明天上午' }), 422, { paths: ['arrivedAt'], code: 'validation_failed' });
    assertProblem(await arrival(branchOfficer, { arrivedAt: '2099-01-01 09:00' }), 422, { paths: ['arrivedAt'] });
    const early = await arrival(branchOfficer, { arrivedAt: '2026-12-01 09:00' });
    assertProblem(early, 422, { paths: ['arrivedAt'] });
    assert.equal(early.json.errors[0].code, 'arrival_before_dispatch');
    assert.deepEqual(await stored(), { a: null, v: v0 }, 'nothing saved');
    // who may not: another district's police see nothing; the enterprise, partners and supervisors may not record
    const zhoucun = await buildUser(t, 'officer', { unitId: 'zhoucun-branch' });
    assert.equal((await arrival(zhoucun, { arrivedAt: '2026-12-01 09:25' })).status, 404);
    for (const u of [ent, partner, supervisor, admin]) assert.equal((await arrival(u, { arrivedAt: '2026-12-01 09:25' })).status, 403, u.role);
    assert.equal((await call(t, null, { method: 'POST', url: `/api/v1/incidents/${inc}/arrival`, payload: { arrivedAt: '2026-12-01 09:25' } })).status, 401);

    const ok = await arrival(branchOfficer, { arrivedAt: '2026-12-01 09:25' });
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.json.data.arrivedAt, '2026-12-01 09:25');
    assert.equal((await stored()).v, v0 + 1);
    assert.ok(ok.json.timeline.some((e: { action: string }) => e.action === 'record-arrival'), 'on the timeline');
    assertProblem(await arrival(branchOfficer, { arrivedAt: '2026-12-01 09:30' }), 409, { code: 'arrival_recorded' });
    assert.equal(await count(sql`select count(*) as n from audit_log where action = 'incident.arrival' and subject = ${`item:${inc}`}`), 1);
    const rt = await call(t, supervisor, { method: 'GET', url: '/api/v1/incidents/response-times' });
    const station = rt.json.byDispatchedUnit.find((x: { unitId: string }) => x.unitId === 'zhangdian-station-chezhan');
    assert.equal(station.arrivalsRecorded, 2, 'the later arrival counts with the one recorded at 接警');
    assert.equal(station.avgArrivalMinutes, (12 + 17) / 2);
  });

  test('a department late to acknowledge its linkage branch is reminded, and the handler told, once', async () => {
    const uscc = (await t.ctx.database.rows<{ uscc: string }>(sql`select uscc from enterprises where id = ${ent.enterpriseId}`))[0]!.uscc;
    const filed = await call(t, branchOfficer, { method: 'POST', url: '/api/v1/incidents', payload: { data: incident({ enterpriseUscc: uscc }) } });
    const inc = filed.json.id as string;
    assert.equal((await act(branchOfficer, inc, 'open-branch', { toUnitId: 'partner-shichang', note: '请核查经营情况' })).status, 200);
    const notices = async (kind: string) =>
      (await t.ctx.database.rows<{ user_id: string }>(sql`select user_id from notifications where item_id = ${inc} and kind = ${kind}`)).map((x) => x.user_id);
    try {
      t.setNow(new Date(Date.now() + 60 * 60_000));
      await sweepDeadlines(t.ctx);
      assert.deepEqual(await notices('branch_ack_overdue'), [], 'within the 2 hours: nothing');
      t.setNow(new Date(Date.now() + 2.5 * 3_600_000));
      await sweepDeadlines(t.ctx);
      await sweepDeadlines(t.ctx);
      assert.deepEqual(await notices('branch_ack_overdue'), [shichang.id], 'the department, once');
      assert.equal((await notices('branch_late')).length >= 1, true, 'the handler is told');
      assert.equal(new Set(await notices('branch_late')).size, (await notices('branch_late')).length, 'once each');
      const [row] = await t.ctx.database.rows<{ branches: { reminded?: string[] }[] }>(sql`select branches from items where id = ${inc}`);
      assert.deepEqual(row!.branches[0]!.reminded, ['ack'], 'the branch remembers it');
    } finally {
      t.setNow(undefined);
    }
  });
});

describe('case statistics (M11–M13)', () => {
  test('by category and unit, 立案率, days to decision, overdue decisions and recoveries agree with direct counts', async () => {
    // one more decided late: registered, its deadline moved into the past, then refused
    const late = await report(ent, { category: 'illegal-business' });
    await act(econ, late.json.id, 'accept');
    await t.ctx.database.rows(sql`update items set due_at = now() - interval '1 hour', accepted_at = now() - interval '4 days' where id = ${late.json.id}`);
    await act(econ, late.json.id, 'answer', { decision: 'not-file', note: '经审查，没有犯罪事实，不予立案，可通过民事诉讼途径解决' });
    const s = await call(t, supervisor, { method: 'GET', url: '/api/v1/cases/statistics' });
    assert.equal(s.status, 200, s.body);
    const n = async (q: ReturnType<typeof sql>) => count(q);
    const reports = await n(sql`select count(*) as n from items where type = 'crime-report'`);
    const filed = await n(sql`select count(*) as n from case_files f join items i on i.id = f.item_id where i.type = 'crime-report' and f.decision = 'file'`);
    const decided = await n(sql`select count(*) as n from case_files f join items i on i.id = f.item_id where i.type = 'crime-report' and f.decision is not null`);
    const overdue = await n(sql`select count(*) as n from items i left join case_files f on f.item_id = i.id where i.type = 'crime-report' and ((f.decision is null and i.accepted_at is not null and i.status in ('accepted','in_progress','awaiting_supplement') and i.due_at < now()) or f.decided_at > i.due_at)`);
    const cents = Number((await t.ctx.database.rows<{ c: string | null }>(sql`select coalesce(sum(round(r.amount * 100)), 0) as c from case_recoveries r join items i on i.id = r.item_id where i.type = 'crime-report'`))[0]!.c);
    assert.equal(s.json.total.reports, reports);
    assert.equal(s.json.total.filed, filed);
    assert.equal(s.json.total.decided, decided);
    assert.equal(s.json.total.filingRate, Math.round((filed / decided) * 1000) / 1000);
    assert.ok(s.json.total.overdueDecisions >= 1);
    assert.equal(s.json.total.overdueDecisions, overdue);
    assert.equal(s.json.total.recovered, cents / 100);
    const econRow = s.json.byUnit.find((x: { unitId: string }) => x.unitId === 'zb-econ');
    assert.equal(econRow.reports, await n(sql`select count(*) as n from items where type = 'crime-report' and unit_id = 'zb-econ'`));
    const cf = s.json.byCategory.find((x: { category: string }) => x.category === 'contract-fraud');
    assert.equal(cf.reports, await n(sql`select count(*) as n from items where type = 'crime-report' and data->>'category' = 'contract-fraud'`));
    assert.ok(cf.avgDaysToDecision !== null);
    const leader = await call(t, econLeader, { method: 'GET', url: '/api/v1/cases/statistics' });
    assert.equal(leader.json.total.reports, econRow.reports, 'a unit leader sees its unit');
    for (const u of [ent, econ, partner, admin]) assert.equal((await call(t, u, { method: 'GET', url: '/api/v1/cases/statistics' })).status, 403, u.role);
  });

  test('a district head counts the cases of the stations below it, not another district’s; the xlsx carries the same figures', async () => {
    const r = await report(ent, { category: 'forced-trade' });
    assert.equal(r.json.unitId, 'zhangdian-branch');
    // a case handed down to a station of 张店分局
    await t.ctx.database.rows(sql`update items set unit_id = 'zhangdian-station-chezhan' where id = ${r.json.id}`);
    const zhangdian = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
    const zhoucun = await buildUser(t, 'unit-leader', { unitId: 'zhoucun-branch' });
    const head = await call(t, zhangdian, { method: 'GET', url: '/api/v1/cases/statistics' });
    assert.equal(head.status, 200, head.body);
    const station = head.json.byUnit.find((x: { unitId: string }) => x.unitId === 'zhangdian-station-chezhan');
    assert.equal(station?.reports, await count(sql`select count(*) as n from items where type = 'crime-report' and unit_id = 'zhangdian-station-chezhan'`));
    const other = await call(t, zhoucun, { method: 'GET', url: '/api/v1/cases/statistics' });
    assert.equal(other.json.byUnit.some((x: { unitId: string }) => x.unitId.startsWith('zhangdian')), false, '周村分局 sees none of 张店’s');

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/statistics.xlsx', headers: { cookie: supervisor.cookie } });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), /filename="jqt-case-statistics-\d{12}\.xlsx"/);
    const book = await readLedgerBook(res.rawPayload);
    const json = (await call(t, supervisor, { method: 'GET', url: '/api/v1/cases/statistics' })).json;
    assert.match(book.title, /^案件统计/);
    const total = book.rows.find((x) => x['统计维度'] === '合计')!;
    assert.equal(Number(total['报案数']), json.total.reports);
    assert.equal(Number(total['立案']), json.total.filed);
    assert.equal(Number(total['挽损金额（元）']), json.total.recovered);
    const cf = json.byCategory.find((x: { category: string }) => x.category === 'contract-fraud');
    const cfRow = book.rows.find((x) => x['统计维度'] === '按案件类别' && x['名称'] === cf.label.zh)!;
    assert.equal(Number(cfRow['报案数']), cf.reports);
    assert.equal(book.rows.filter((x) => x['统计维度'] === '按办案单位').length, json.byUnit.length);
    const en = await readLedgerBook((await t.app.inject({ method: 'GET', url: '/api/v1/cases/statistics.xlsx', headers: { cookie: supervisor.cookie, 'accept-language': 'en' } })).rawPayload);
    assert.ok(en.headers.includes('Opening rate'));
    const audited = await count(sql`select count(*) as n from audit_log where action = 'ledger.export' and subject = 'ledger:case-statistics'`);
    assert.equal(audited, 2);
    for (const u of [ent, econ, partner, admin]) assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/cases/statistics.xlsx', headers: { cookie: u.cookie } })).statusCode, 403, u.role);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/cases/statistics.xlsx' })).statusCode, 401);
  });
});
