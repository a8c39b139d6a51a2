// The application types of M3–M6 through the contract endpoints: catalog, routing, clocks and joint branches.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeIdCard } from '@jqt/domain';
import { act, buildUser, call, exitEntryUrgentData, foreignTalentData, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

let t: TestApp;
let applicant: TestUser;
let ent: TestUser;
let entLinzi: TestUser;
let exitEntry: TestUser;
let hukou: TestUser;
let kejiju: TestUser;
let renshe: TestUser;
let traffic: TestUser;
before(async () => {
  t = await makeTestApp();
  applicant = await buildUser(t, 'applicant');
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  entLinzi = await buildUser(t, 'enterprise-staff', { district: 'linzi' });
  exitEntry = await buildUser(t, 'officer', { unitId: 'zb-exit-entry' });
  hukou = await buildUser(t, 'officer', { unitId: 'zb-hukou' });
  kejiju = await buildUser(t, 'partner', { unitId: 'partner-kejiju' });
  renshe = await buildUser(t, 'partner', { unitId: 'partner-renshe' });
  traffic = await buildUser(t, 'officer', { unitId: 'zb-traffic' });
});
after(() => t.close());

const submit = (u: TestUser, type: string, data: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(t, u, { method: 'POST', url: '/api/v1/items', payload: { type, data }, headers });
const get = (u: TestUser, id: string) => call(t, u, { method: 'GET', url: `/api/v1/items/${id}` });


test('the catalog carries the seven application types with five-level rating, clocks with their basis, forms and guides', async () => {
  const r = await call(t, null, { method: 'GET', url: '/api/v1/item-types' });
  assert.equal(r.status, 200);
  const byCode = new Map(r.json.map((x: { code: string }) => [x.code, x]));
  for (const code of ['talent-hukou', 'foreign-talent-permits', 'residence-permit', 'exit-entry-urgent', 'house-number', 'oversize-transport', 'road-works']) {
    const x = byCode.get(code) as any;
    assert.ok(x, code);
    assert.equal(x.ratingScale, 'five-level');
    assert.ok(x.guide.materials.length && x.guide.steps.length && x.guide.basis.zh, code);
    assert.equal(x.form.type, 'object');
  }
  const oversize = byCode.get('oversize-transport') as any;
  assert.deepEqual(oversize.deadlines.handle.map((h: any) => [h.when, h.rule, h.basis]), [
    [{ source: 'data', field: 'route', equals: 'out-of-province' }, { kind: 'workdays', n: 3 }, 'seed'],
    [null, { kind: 'sameday' }, 'seed'],
  ]);
  const talent = byCode.get('talent-hukou') as any;
  assert.deepEqual(talent.form.properties.channel.enum, ['local-graduate', 'online-student', 'high-level']);
  assert.equal((byCode.get('foreign-talent-permits') as any).form.properties.passportNumber['x-label-en'], 'Passport number');

  // What approval issues and where a decision is said, for the browser to render from the declaration.
  const foreign = byCode.get('foreign-talent-permits') as any;
  assert.deepEqual(foreign.certificates, [
    { kind: 'foreign-work-permit', names: { zh: '外国人工作许可证', en: "Foreigner's Work Permit" }, prefix: '淄科外许', issuedOn: { branchUnitId: 'partner-kejiju' } },
    { kind: 'foreign-residence-permit', names: { zh: '外国人居留许可', en: 'Residence permit for foreigners' }, prefix: '淄公出入境居', issuedOn: 'answer' },
  ]);
  const decision = foreign.answerDecisionForm.properties.decision;
  assert.deepEqual([decision.enum, decision['x-enum-labels'].denied.en, foreign.answerDecisionForm.required], [['approved', 'denied'], 'Denied', []]);
  assert.deepEqual(foreign.branchDecisionForm, { unitIds: ['partner-kejiju'], form: foreign.answerDecisionForm });
  assert.equal(talent.certificates[0].kind, 'hukou-move-in');
  assert.ok(talent.answerDecisionForm.properties.decision);
  assert.equal(talent.branchDecisionForm, null, 'the HR bureau’s branch issues nothing');
  for (const code of ['appeal', 'truck-pass']) {
    const x = byCode.get(code) as any;
    assert.deepEqual([x.certificates, x.answerDecisionForm, x.branchDecisionForm], [[], null, null], code);
  }
});

test('foreign talent: one application, the science bureau branch opened on acceptance with the same 5-working-day deadline, done only when both are', async () => {
  // Monday 2026-09-28; National Day 10-01..10-07; 10-10 is a make-up Saturday.
  t.setNow('2026-09-28T09:00:00+08:00');
  const bad = await submit(applicant, 'foreign-talent-permits', foreignTalentData({ passportNumber: '', dateOfBirth: '1988-02-30', contactPhone: '123' }), { 'accept-language': 'en' });
  assertProblem(bad, 422, { code: 'validation_failed', paths: ['data.passportNumber', 'data.dateOfBirth', 'data.contactPhone'], locale: 'en' });

  const created = await submit(applicant, 'foreign-talent-permits', foreignTalentData());
  assert.equal(created.status, 201, created.body);
  const item = created.json;
  assert.equal(item.unitId, 'zb-exit-entry');
  // Nobody else's window sees it; the science bureau sees it only once its branch is open.
  assert.equal((await get(hukou, item.id)).status, 404);
  assert.equal((await get(kejiju, item.id)).status, 404);

  t.setNow('2026-09-28T10:00:00+08:00');
  let r = await act(t, exitEntry, item, 'accept');
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.dueAt, '2026-10-10T23:59:59+08:00');
  assert.equal(r.json.branches.length, 1);
  const [branch] = r.json.branches;
  assert.equal(branch.unitId, 'partner-kejiju');
  assert.equal(branch.status, 'open');
  assert.equal(branch.dueAt, r.json.dueAt);
  assert.match(branch.id, /^[0-9a-f-]{36}$/);
  assert.equal(r.json.timeline.find((e: any) => e.action === 'accept').detail.branches[0].unitId, 'partner-kejiju');

  // The residence permit alone does not finish the item.
  t.setNow('2026-09-30T10:00:00+08:00');
  const early = await act(t, exitEntry, r.json, 'answer', { note: '居留许可已制证' });
  assertProblem(early, 422, { code: 'branches_open' });
  // Only the science bureau completes its branch.
  assert.equal((await act(t, renshe, r.json, 'complete-branch', { branchId: branch.id, note: 'x' })).status, 404);
  const kj = await get(kejiju, item.id);
  assert.equal(kj.json.abilities.canCompleteBranch, true);
  r = await act(t, kejiju, kj.json, 'complete-branch', { branchId: branch.id, note: '《外国人工作许可证》已制证' });
  assert.equal(r.status, 200, r.body);
  r = await get(exitEntry, item.id);
  assert.equal(r.json.abilities.canAnswer, true);
  r = await act(t, exitEntry, r.json, 'answer', { note: '两证均已办结，请到市政务服务中心公安联办窗口同时领取。' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.status, 'answered');

  // The applicant is told to collect both documents together at the joint window, in their language.
  const notes = await call(t, applicant, { method: 'GET', url: '/api/v1/notifications', headers: { 'accept-language': 'en' } });
  const pickup = notes.json.notifications.find((n: any) => n.kind === 'joint_window_pickup');
  assert.ok(pickup, notes.body);
  // The exit-entry handler heard that every branch was done.
  const officerNotes = await call(t, exitEntry, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(officerNotes.json.notifications.some((n: any) => n.kind === 'branches_all_done'));
  // Rated on the five-level scale.
  assertProblem(await act(t, applicant, r.json, 'rate', { rating: 'great' }), 422, { paths: ['rating'] });
  const rated = await act(t, applicant, r.json, 'rate', { rating: 'very-satisfied' });
  assert.equal(rated.status, 200, rated.body);
  t.setNow(undefined);
});

test('talent household registration: routed to the hukou window, the HR bureau confirms the talent record in its branch', async () => {
  const data = { channel: 'local-graduate', name: '赵同学', idNumber: makeIdCard('370105', '2002-03-04', 21), mobile: '13812345678', institution: '山东理工大学', targetAddress: '淄博市张店区共青团西路 88 号集体户' };
  const created = await submit(ent, 'talent-hukou', data);
  assert.equal(created.status, 201, created.body);
  assert.equal(created.json.unitId, 'zb-hukou');
  // The ID number is masked for the list, full for the submitter.
  assert.equal(created.json.data.idNumber, data.idNumber);
  const r = await act(t, hukou, created.json, 'accept');
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(r.json.branches.map((b: any) => b.unitId), ['partner-renshe']);
  const seen = await get(renshe, created.json.id);
  assert.equal(seen.status, 200);
  assert.notEqual(seen.json.data.idNumber, data.idNumber, 'a partner sees the ID number masked');
  const done = await act(t, renshe, seen.json, 'complete-branch', { branchId: r.json.branches[0].id, note: '人才信息核验一致' });
  assert.equal(done.status, 200, done.body);
  // Officers are not applicants.
  assert.equal((await submit(hukou, 'talent-hukou', data)).status, 403);
});

test('residence permit: routed to the first police station of the enterprise district; bad dates and ID numbers are 422, nothing saved', async () => {
  t.setNow('2026-06-10T09:00:00+08:00');
  const data = { name: '孙师傅', idNumber: makeIdCard('370321', '1985-07-08', 45), mobile: '15912345678', address: '淄博市临淄区桓公路 10 号宿舍', residenceSince: '2026-01-01' };
  const ok = await submit(entLinzi, 'residence-permit', data);
  assert.equal(ok.status, 201, ok.body);
  assert.equal(ok.json.unitId, 'linzi-station-wenmiao');
  // 15 calendar days from acceptance (law), shown from submission.
  assert.equal(ok.json.dueAt, '2026-06-25T23:59:59+08:00');
  const before = await call(t, entLinzi, { method: 'GET', url: '/api/v1/items?type=residence-permit' });
  const bad = await submit(entLinzi, 'residence-permit', { ...data, idNumber: '370321198507080000', residenceSince: '2026-07-01', residenceUntil: '2026-06-01', mobile: '' });
  assertProblem(bad, 422, { paths: ['data.idNumber', 'data.mobile', 'data.residenceSince', 'data.residenceUntil'], locale: 'zh' });
  const afterList = await call(t, entLinzi, { method: 'GET', url: '/api/v1/items?type=residence-permit' });
  assert.equal(afterList.json.items.length, before.json.items.length);
  t.setNow(undefined);
});

const oversize = (route: string) => ({
  route,
  plate: '鲁C12345',
  cargo: '大型变压器',
  lengthM: 22,
  widthM: 3.6,
  heightM: 4.3,
  totalMassT: 150,
  origin: '淄博市张店区',
  destination: route === 'in-province' ? '济南市章丘区' : '天津市滨海新区',
  fromDate: '2026-10-12',
  toDate: '2026-10-20',
  contactName: '李调度',
  contactPhone: '13912345678',
});

test('oversize transport: in-province accepted at 16:00 is due that day; out-of-province 3 working days later, across National Day', async () => {
  t.setNow('2026-09-30T09:00:00+08:00');
  const inProv = (await submit(ent, 'oversize-transport', oversize('in-province'))).json;
  const outProv = (await submit(ent, 'oversize-transport', oversize('out-of-province'))).json;
  assert.equal(inProv.unitId, 'zb-traffic');
  assert.equal(inProv.acceptDueAt, '2026-09-30T23:59:59+08:00');
  t.setNow('2026-09-30T16:00:00+08:00');
  const a = await act(t, traffic, inProv, 'accept');
  assert.equal(a.json.dueAt, '2026-09-30T23:59:59+08:00');
  const b = await act(t, traffic, outProv, 'accept');
  assert.equal(b.json.dueAt, '2026-10-10T23:59:59+08:00');
  // Accepted during the holiday, "the same day" is the first working day after it.
  t.setNow('2026-10-03T10:00:00+08:00');
  const late = (await submit(ent, 'oversize-transport', oversize('in-province'))).json;
  const c = await act(t, traffic, late, 'accept');
  assert.equal(c.json.dueAt, '2026-10-08T23:59:59+08:00');
  // The end of travel cannot precede its start; a bad plate is named.
  const bad = await submit(ent, 'oversize-transport', { ...oversize('in-province'), toDate: '2026-10-01', plate: '鲁CI2345' });
  assertProblem(bad, 422, { paths: ['data.toDate', 'data.plate'] });
  t.setNow(undefined);
});

test('house numbers go to the district bureau, road works to the district brigade, urgent exit-entry to exit-entry', async () => {
  const house = await submit(ent, 'house-number', { projectName: '齐盛湖畔住宅小区', district: 'zichuan', location: '淄川区松龄路以东', buildings: 12, contactName: '周工', contactPhone: '13912345678' });
  assert.equal(house.status, 201, house.body);
  assert.equal(house.json.unitId, 'zichuan-branch');
  const works = await submit(ent, 'road-works', {
    workKind: 'pipeline-crossing',
    projectName: '齐盛湖畔配套燃气管线',
    district: 'zichuan',
    location: '松龄路与般阳路交叉口',
    startDate: '2026-11-02',
    endDate: '2026-11-20',
    trafficPlan: '半幅施工，设置警示标志和导向牌',
    contactName: '周工',
    contactPhone: '13912345678',
  });
  assert.equal(works.status, 201, works.body);
  assert.equal(works.json.unitId, 'zichuan-traffic');
  const urgent = await submit(ent, 'exit-entry-urgent', exitEntryUrgentData());
  assert.equal(urgent.status, 201, urgent.body);
  assert.equal(urgent.json.unitId, 'zb-exit-entry');
  // An applicant without an enterprise cannot file enterprise-only approvals.
  assert.equal((await submit(applicant, 'house-number', {})).status, 403);
});
