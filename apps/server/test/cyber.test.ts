import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { sql } from 'drizzle-orm';
import { sweepDeadlines } from '../src/jobs/deadline-sweeper.ts';
import { buildEnterprise, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, auditEntries, EN } from './support-problem.ts';
import { assertValidXref, pdfLines, qrModules } from './support-pdf.ts';

let t: TestApp;
let officer: TestUser;
let leader: TestUser;
let cityLeader: TestUser;
let supervisor: TestUser;
let otherOfficer: TestUser;
let admin: TestUser;
let ent: TestUser;
let entStaff: TestUser;
let otherEnt: TestUser;

before(async () => {
  t = await makeTestApp();
  officer = await buildUser(t, 'officer', { unitId: 'zb-cyber' });
  leader = await buildUser(t, 'unit-leader', { unitId: 'zb-cyber' });
  cityLeader = await buildUser(t, 'unit-leader', { unitId: 'zb-city' });
  supervisor = await buildUser(t, 'supervisor');
  otherOfficer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  admin = await buildUser(t, 'admin');
  const e = await buildEnterprise(t.ctx);
  ent = await buildUser(t, 'enterprise-admin', { enterpriseId: e.id });
  entStaff = await buildUser(t, 'enterprise-staff', { enterpriseId: e.id });
  otherEnt = await buildUser(t, 'enterprise-admin');
});
after(() => t.close());

const MONDAY = '2026-06-01T09:00:00+08:00';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('%%EOF')]);
const plan = (over: Record<string, unknown> = {}) => ({ enterpriseId: ent.enterpriseId, projectName: '智慧园区平台', plannedDate: '2026-06-01', scope: '门户网站、客户信息数据库与园区视频专网', inspectors: ['王警官', '赵警官'], ...over });
const result = (over: Record<string, unknown> = {}) => ({
  inspectedOn: '2026-06-01',
  summary: '门户网站存在高危漏洞，数据库审计缺失',
  findings: [
    { severity: 'high', description: '门户网站后台使用弱口令，可被暴力破解' },
    { severity: 'medium', description: '客户信息数据库未开启访问审计日志' },
  ],
  ...over,
});
const count = async (table: string) => Number((await t.ctx.database.rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);
const post = (u: TestUser | null, url: string, payload: unknown, headers: Record<string, string> = {}) => call(t, u, { method: 'POST', url: `/api/v1${url}`, payload: payload as Record<string, unknown>, headers });
const get = (u: TestUser | null, url: string) => call(t, u, { method: 'GET', url: `/api/v1${url}` });

async function planned(over: Record<string, unknown> = {}) {
  const r = await post(officer, '/cyber/inspections', plan(over));
  assert.equal(r.status, 201, r.body);
  return r.json;
}
async function completed() {
  const i = await planned();
  const r = await post(officer, `/cyber/inspections/${i.id}/result`, result());
  assert.equal(r.status, 200, r.body);
  return r.json;
}
async function upload(user: TestUser, filename: string) {
  const boundary = '----jqtcyber';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const r = await call(t, user, { method: 'POST', url: '/api/v1/attachments', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  assert.equal(r.status, 201, r.body);
  return r.json.id as string;
}

test('every body lists every bad field at once (zh and en) and saves nothing', async () => {
  t.setNow(MONDAY);
  const cyberAudits = async () => Number((await t.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action like 'cyber-%'`))[0].n);
  const [i0, f0, a0] = [await count('cyber_inspections'), await count('cyber_findings'), await cyberAudits()];
  let r = await post(officer, '/cyber/inspections', { enterpriseId: 'nope', plannedDate: '2026-05-31', scope: '短', inspectors: [], extra: 1 }, EN);
  assertProblem(r, 422, { paths: ['enterpriseId', 'plannedDate', 'scope', 'inspectors', 'extra'], locale: 'en' });
  r = await post(officer, '/cyber/inspections', plan({ enterpriseId: '00000000-0000-4000-8000-000000000000', inspectors: ['王'] }));
  assertProblem(r, 422, { paths: ['enterpriseId', 'inspectors.0'], locale: 'zh' });
  const i = await planned();
  r = await post(officer, `/cyber/inspections/${i.id}/result`, { inspectedOn: '2026-06-09', findings: [{ severity: 'urgent', description: '' }, { description: '未开启日志' }] });
  assertProblem(r, 422, { paths: ['inspectedOn', 'summary', 'findings.0.severity', 'findings.0.description', 'findings.1.severity'], locale: 'zh' });
  assert.equal((await get(officer, `/cyber/inspections/${i.id}`)).json.status, 'planned');
  const done = await completed();
  const high = done.findings[0];
  r = await post(ent, `/enterprise/cyber/findings/${high.id}/answer`, { text: '已改', attachmentIds: ['x', '00000000-0000-4000-8000-000000000000'] }, EN);
  assertProblem(r, 422, { paths: ['text', 'attachmentIds.0', 'attachmentIds.1'], locale: 'en' });
  // another user's upload is not the enterprise's evidence
  const foreign = await upload(otherEnt, 'other.pdf');
  r = await post(ent, `/enterprise/cyber/findings/${high.id}/answer`, { text: '已修改全部后台口令并启用双因素认证', attachmentIds: [foreign] });
  assertProblem(r, 422, { paths: ['attachmentIds.0'] });
  r = await post(officer, `/cyber/findings/${high.id}/review`, { action: 'close' });
  assertProblem(r, 422, { paths: ['action', 'note'] });
  const after = (await get(officer, `/cyber/inspections/${done.id}`)).json;
  assert.equal(after.findings[0].status, 'open');
  assert.equal(await count('cyber_inspections'), i0 + 2);
  assert.equal(await count('cyber_findings'), f0 + 2);
  assert.equal(await cyberAudits(), a0 + 3, 'only the two plans and the one result were written and audited');
  t.setNow(undefined);
});

test('plan, record, notice PDF with a QR code that verifies; the enterprise answers with evidence; verify and reopen', async () => {
  t.setNow(MONDAY);
  const i = await planned();
  assert.equal(i.status, 'planned');
  assert.deepEqual(i.abilities, { canRecordResult: true, canDownloadNotice: false });
  assert.ok(JSON.stringify((await get(ent, '/notifications')).json).includes('2026-06-01'));
  assertProblem(await get(officer, `/cyber/inspections/${i.id}/notice.pdf`), 422, { code: 'cyber_notice_not_issued' });
  const r = await post(officer, `/cyber/inspections/${i.id}/result`, result());
  assert.equal(r.status, 200, r.body);
  const done = r.json;
  assert.match(done.noticeNumber, /^WAZG2026\d{6}$/);
  assert.equal(done.findings[0].dueAt, '2026-06-08T23:59:59+08:00', 'high: 5 working days');
  assert.equal(done.findings[1].dueAt, '2026-06-23T23:59:59+08:00', 'medium: 15 working days (06-19 a holiday)');
  assertProblem(await post(officer, `/cyber/inspections/${i.id}/result`, result()), 422, { code: 'cyber_inspection_not_planned' });

  // the notice: a valid PDF, its number, the findings, and a QR code of the printed link
  const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/cyber/inspections/${i.id}/notice.pdf`, headers: { cookie: ent.cookie } });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assertValidXref(pdf.rawPayload);
  const lines = pdfLines(pdf.rawPayload);
  assert.ok(lines.some((l) => l.includes(done.noticeNumber)));
  assert.ok(lines.some((l) => l.includes('门户网站后台使用弱口令')));
  const start = lines.findIndex((l) => l.startsWith('http'));
  let link = '';
  for (let k = start; k < lines.length && /^[\x21-\x7e]+$/.test(lines[k]); k++) link += lines[k];
  const expected = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules;
  const drawn = qrModules(pdf.rawPayload);
  assert.equal(drawn.length, expected.size, link);
  for (let y = 0; y < expected.size; y++) for (let x = 0; x < expected.size; x++) assert.equal(drawn[y][x], expected.get(y, x));
  const url = new URL(link);
  assert.equal(url.pathname, `/verify/${done.noticeNumber}`);
  let v = await get(null, `/public${url.pathname}?s=${url.searchParams.get('s')}`);
  assert.equal(v.json.genuine, true, v.body);
  assert.equal(v.json.kind, 'cyber-notice');
  assert.deepEqual(v.json.findings, { total: 2, closed: 0 });
  assert.ok(!v.body.includes('弱口令'), 'the public never reads the findings');
  assert.equal((await get(null, `/public${url.pathname}?s=forged`)).json.genuine, false);

  // the enterprise sees it, answers with evidence; the officer reads the evidence and verifies
  const mine = (await get(entStaff, '/enterprise/cyber/inspections')).json.inspections;
  assert.equal(mine.filter((x: { id: string }) => x.id === i.id).length, 1);
  const high = done.findings[0];
  const evidence = await upload(entStaff, '整改报告.pdf');
  let a = await post(entStaff, `/enterprise/cyber/findings/${high.id}/answer`, { text: '已修改全部后台口令并启用双因素认证', attachmentIds: [evidence] });
  assert.equal(a.status, 200, a.body);
  assert.equal(a.json.findings[0].status, 'answered');
  assert.equal(a.json.findings[0].attachments[0].filename, '整改报告.pdf');
  assertProblem(await post(ent, `/enterprise/cyber/findings/${high.id}/answer`, { text: '再次答复一下整改情况说明' }), 422, { code: 'cyber_finding_not_in_status' });
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${evidence}`, headers: { cookie: officer.cookie } })).statusCode, 200);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${evidence}`, headers: { cookie: otherEnt.cookie } })).statusCode, 404);
  const seen = (await get(officer, `/cyber/inspections/${i.id}`)).json.findings[0];
  assert.deepEqual(seen.abilities, { canAnswer: false, canVerify: true, canReopen: true });

  t.setNow('2026-06-03T10:00:00+08:00');
  let rv = await post(officer, `/cyber/findings/${high.id}/review`, { action: 'reopen', note: '双因素认证未覆盖运维账号' });
  assert.equal(rv.json.findings[0].status, 'reopened');
  assert.equal(rv.json.findings[0].dueAt, '2026-06-10T23:59:59+08:00', 'a new deadline of its severity from the reopening');
  a = await post(entStaff, `/enterprise/cyber/findings/${high.id}/answer`, { text: '运维账号也已启用双因素认证，见截图', attachmentIds: [evidence] });
  assert.equal(a.json.findings[0].status, 'answered');
  rv = await post(officer, `/cyber/findings/${high.id}/review`, { action: 'verify', note: '现场复核通过' });
  assert.equal(rv.json.findings[0].status, 'closed');
  assert.equal(rv.json.findings[0].verifyNote, '现场复核通过');
  v = await get(null, `/public${url.pathname}?s=${url.searchParams.get('s')}`);
  assert.deepEqual(v.json.findings, { total: 2, closed: 1 });

  const audit = (await auditEntries(t, admin)).filter((e) => e.subject === `cyber-inspection:${i.id}` || e.subject === `cyber-finding:${high.id}`).map((e) => e.action);
  assert.deepEqual(audit, ['cyber-inspection.plan', 'cyber-inspection.result', 'cyber-finding.answer', 'cyber-finding.reopen', 'cyber-finding.answer', 'cyber-finding.verify']);
  t.setNow(undefined);
});

test('an unanswered finding past its deadline escalates once to the unit leaders in the sweeper', async () => {
  t.setNow(MONDAY);
  const done = await completed();
  t.setNow('2026-06-08T20:00:00+08:00');
  await sweepDeadlines(t.ctx);
  assert.equal((await get(officer, `/cyber/inspections/${done.id}`)).json.findings[0].escalatedAt, null, 'not yet on the due day');
  t.setNow('2026-06-09T09:00:00+08:00');
  const swept = await sweepDeadlines(t.ctx);
  assert.ok(swept.cyberFindings >= 1);
  assert.equal((await sweepDeadlines(t.ctx)).cyberFindings, 0, 'once');
  const seen = (await get(officer, `/cyber/inspections/${done.id}`)).json;
  assert.equal(seen.findings[0].overdue, true);
  assert.ok(seen.findings[0].escalatedAt);
  assert.equal(seen.findings[1].escalatedAt, null, 'the medium finding is not due yet');
  const told = JSON.stringify((await get(leader, '/notifications')).json);
  assert.ok(told.includes('已超过整改期限') && told.includes(done.noticeNumber));
  t.setNow(undefined);
});

test('every route refuses who must not use it: 401 without a session, 403 for other roles, 404 for another enterprise', async () => {
  t.setNow(MONDAY);
  const done = await completed();
  const f = done.findings[0].id;
  const staffRoutes: [string, string, unknown?][] = [
    ['GET', '/cyber/inspections'],
    ['POST', '/cyber/inspections', plan()],
    ['GET', `/cyber/inspections/${done.id}`],
    ['POST', `/cyber/inspections/${done.id}/result`, result()],
    ['POST', `/cyber/findings/${f}/review`, { action: 'verify', note: '复核通过' }],
    ['GET', '/cyber/drills?year=2026'],
    ['PUT', `/cyber/drills/2026/enterprises/${ent.enterpriseId}`],
    ['DELETE', `/cyber/drills/2026/enterprises/${ent.enterpriseId}`],
  ];
  const entRoutes: [string, string, unknown?][] = [
    ['GET', '/enterprise/cyber/inspections'],
    ['GET', `/enterprise/cyber/inspections/${done.id}`],
    ['POST', `/enterprise/cyber/findings/${f}/answer`, { text: '已修改全部后台口令并启用双因素认证' }],
  ];
  const send = (u: TestUser | null, [method, url, payload]: [string, string, unknown?]) => call(t, u, { method: method as 'GET', url: `/api/v1${url}`, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
  for (const r of [...staffRoutes, ...entRoutes, ['GET', `/cyber/inspections/${done.id}/notice.pdf`] as [string, string]]) assert.equal((await send(null, r)).status, 401, r[1]);
  for (const r of staffRoutes) {
    for (const u of [ent, entStaff, admin]) assert.equal((await send(u, r)).status, 403, `${u.role} ${r[0]} ${r[1]}`);
    assert.equal((await send(otherOfficer, r)).status, 403, `other police ${r[0]} ${r[1]}`);
  }
  for (const r of staffRoutes.filter(([m]) => m !== 'GET')) for (const u of [supervisor, cityLeader]) assert.equal((await send(u, r)).status, 403, `${u.role} ${r[1]}`);
  for (const r of entRoutes) for (const u of [officer, supervisor, admin]) assert.equal((await send(u, r)).status, 403, `${u.role} ${r[1]}`);
  // another enterprise never learns it exists
  assert.equal((await send(otherEnt, entRoutes[1])).status, 404);
  assert.equal((await send(otherEnt, entRoutes[2])).status, 404);
  assert.equal((await send(otherEnt, ['GET', `/cyber/inspections/${done.id}/notice.pdf`])).status, 404);
  assert.ok(!(await send(otherEnt, entRoutes[0])).json.inspections.some((x: { id: string }) => x.id === done.id));
  assert.equal((await send(otherOfficer, ['GET', `/cyber/inspections/${done.id}/notice.pdf`])).status, 403);
  // readers read
  for (const u of [supervisor, cityLeader]) {
    const one = await send(u, staffRoutes[2]);
    assert.equal(one.status, 200);
    assert.deepEqual(one.json.findings[0].abilities, { canAnswer: false, canVerify: false, canReopen: false });
    assert.equal((await send(u, ['GET', `/cyber/inspections/${done.id}/notice.pdf`])).status, 200);
  }
  t.setNow(undefined);
});

test('the drill list marks and unmarks enterprises per year, audited once per change', async () => {
  let r = await call(t, officer, { method: 'PUT', url: `/api/v1/cyber/drills/2026/enterprises/${ent.enterpriseId}` });
  assert.equal(r.status, 200, r.body);
  r = await call(t, officer, { method: 'PUT', url: `/api/v1/cyber/drills/2026/enterprises/${ent.enterpriseId}` });
  assert.deepEqual(r.json.enterprises.map((e: { enterpriseId: string }) => e.enterpriseId), [ent.enterpriseId]);
  assert.equal((await get(supervisor, '/cyber/drills?year=2025')).json.enterprises.length, 0);
  assert.equal((await get(supervisor, '/cyber/drills?year=2026')).json.abilities.canMark, false);
  assertProblem(await call(t, officer, { method: 'PUT', url: '/api/v1/cyber/drills/2026/enterprises/00000000-0000-4000-8000-000000000000' }), 422, { paths: ['enterpriseId'] });
  r = await call(t, officer, { method: 'DELETE', url: `/api/v1/cyber/drills/2026/enterprises/${ent.enterpriseId}` });
  assert.equal(r.json.enterprises.length, 0);
  const marks = (await auditEntries(t, admin)).filter((e) => e.action.startsWith('cyber-drill.')).map((e) => e.action);
  assert.deepEqual(marks, ['cyber-drill.mark', 'cyber-drill.unmark']);
});
