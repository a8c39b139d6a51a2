import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { sweepDeadlines } from '../src/jobs/deadline-sweeper.ts';
import { buildEnterprise, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, errorAt } from './support-problem.ts';

// 矛盾纠纷排查 (M15, issue 15 point 1): police record disputes screened at an enterprise with a risk and the next
// follow-up day; the sweeper reminds the enterprise's liaison officer on that day; the list is scoped as the registry.
let t: TestApp;
const u: Record<string, TestUser> = {};
let zhangdianEnt: { id: string };
let zhoucunEnt: { id: string };

const MONDAY = '2026-06-01T09:00:00+08:00';
const good = (over: Record<string, unknown> = {}) => ({ enterpriseId: zhangdianEnt.id, kind: 'labour', summary: '部分车间工人反映三个月工资未足额发放，拟集体到厂区讨薪。', risk: 'high', nextFollowUpOn: '2026-06-03', ...over });
const count = async () => Number((await t.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from disputes`))[0]!.n);

before(async () => {
  t = await makeTestApp();
  zhangdianEnt = await buildEnterprise(t.ctx, { district: 'zhangdian' });
  zhoucunEnt = await buildEnterprise(t.ctx, { district: 'zhoucun' });
  u.liaison = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  u.station = await buildUser(t, 'officer', { unitId: 'zhangdian-station-chezhan' });
  u.zhoucun = await buildUser(t, 'officer', { unitId: 'zhoucun-branch' });
  u.outsider = await buildUser(t, 'officer', { unitId: 'zb-cyber' });
  u.supervisor = await buildUser(t, 'supervisor');
  u.admin = await buildUser(t, 'admin');
  u.ent = await buildUser(t, 'enterprise-admin', { enterpriseId: zhangdianEnt.id });
  u.partner = await buildUser(t, 'partner', { unitId: 'partner-renshe' });
  const as = await call(t, u.supervisor, { method: 'POST', url: '/api/v1/liaison/assignments', payload: { enterpriseId: zhangdianEnt.id, officerId: u.liaison.id, reason: '首次指定' } });
  assert.ok(as.status < 300, as.body);
  // Sessions were opened at today's time; the clock then goes back to a June week (an earlier clock keeps them valid).
  t.setNow(MONDAY);
});
after(() => t.close());

test('the liaison officer records a dispute; bad values get 422 with every field, nothing saved', async () => {
  const bad = await call(t, u.liaison, { method: 'POST', url: '/api/v1/prevention/disputes', payload: { enterpriseId: 'x', kind: 'war', summary: '短', risk: 'extreme', nextFollowUpOn: '2026-06-01', extra: 1 } });
  assertProblem(bad, 422, { paths: ['enterpriseId', 'kind', 'summary', 'risk', 'nextFollowUpOn', 'extra'] });
  assert.equal(errorAt(bad.json, 'nextFollowUpOn')?.code, 'appointment_not_future');
  for (const [over, path, code] of [
    [{ nextFollowUpOn: '2026-13-01' }, 'nextFollowUpOn', 'invalid_date'],
    [{ nextFollowUpOn: '2027-01-01' }, 'nextFollowUpOn', 'follow_up_too_far'],
    [{ nextFollowUpOn: undefined }, 'nextFollowUpOn', 'required'],
    [{ summary: 42 }, 'summary', 'invalid_type'],
    [{ summary: '很'.repeat(2001) }, 'summary', 'too_long'],
    [{ enterpriseId: '00000000-0000-4000-8000-000000000000' }, 'enterpriseId', 'enterprise_unknown'],
  ] as const) {
    const r = await call(t, u.liaison, { method: 'POST', url: '/api/v1/prevention/disputes', payload: good(over) });
    assertProblem(r, 422);
    assert.equal(errorAt(r.json, path)?.code, code, JSON.stringify(over));
  }
  assert.equal(await count(), 0);

  const r = await call(t, u.liaison, { method: 'POST', url: '/api/v1/prevention/disputes', payload: good() });
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.kind, 'labour');
  assert.equal(r.json.risk, 'high');
  assert.equal(r.json.followUpState, 'scheduled');
  assert.equal(r.json.recordedBy, u.liaison.username);
  assert.deepEqual(r.json.followUps, []);
});

test('who may record and read: police who may open the file; not another district, enterprises or departments', async () => {
  // A station officer of the district may (district staff read the registry); 周村 and a city detachment may not.
  const station = await call(t, u.station, { method: 'POST', url: '/api/v1/prevention/disputes', payload: good({ kind: 'land', risk: 'medium', summary: '厂区东侧地块征收补偿未谈妥，村民多次阻拦施工车辆进出。' }) });
  assert.equal(station.status, 201, station.body);
  for (const who of [u.zhoucun, u.outsider]) assertProblem(await call(t, who, { method: 'POST', url: '/api/v1/prevention/disputes', payload: good() }), 403, { code: 'not_your_enterprise' });
  for (const who of [u.ent, u.partner, u.admin, u.supervisor]) {
    assert.equal((await call(t, who, { method: 'POST', url: '/api/v1/prevention/disputes', payload: good() })).status, 403);
    assert.equal((await call(t, who, { method: 'POST', url: `/api/v1/prevention/disputes/${station.json.id}/follow-ups`, payload: { note: '再次走访了解情况', risk: 'low', nextFollowUpOn: '2026-06-10' } })).status, 403);
  }
  for (const who of [u.ent, u.partner, u.admin]) {
    assert.equal((await call(t, who, { method: 'GET', url: '/api/v1/prevention/disputes' })).status, 403);
    assert.equal((await call(t, who, { method: 'GET', url: '/api/v1/prevention/disputes/export.xlsx' })).status, 403);
  }
  // The 周村 officer sees none of 张店's, and gets 404 for its enterprise's list and follow-ups.
  assert.deepEqual((await call(t, u.zhoucun, { method: 'GET', url: '/api/v1/prevention/disputes' })).json.disputes, []);
  assert.equal((await call(t, u.zhoucun, { method: 'GET', url: `/api/v1/prevention/disputes?enterpriseId=${zhangdianEnt.id}` })).status, 404);
  assert.equal((await call(t, u.zhoucun, { method: 'POST', url: `/api/v1/prevention/disputes/${station.json.id}/follow-ups`, payload: { note: '再次走访了解情况', risk: 'low', nextFollowUpOn: '2026-06-10' } })).status, 404);
  // The city office reads every district's.
  const all = (await call(t, u.supervisor, { method: 'GET', url: '/api/v1/prevention/disputes' })).json.disputes;
  assert.equal(all.length, 2);
  // The liaison officer's own list (mine) and the enterprise's file list.
  assert.equal((await call(t, u.liaison, { method: 'GET', url: '/api/v1/prevention/disputes?mine=true' })).json.disputes.length, 2);
  assert.equal((await call(t, u.station, { method: 'GET', url: '/api/v1/prevention/disputes?mine=true' })).json.disputes.length, 0);
  assert.equal((await call(t, u.station, { method: 'GET', url: `/api/v1/prevention/disputes?enterpriseId=${zhangdianEnt.id}&risk=medium` })).json.disputes.length, 1);
  assertProblem(await call(t, u.liaison, { method: 'GET', url: '/api/v1/prevention/disputes?state=later' }), 422);
  assertProblem(await call(t, u.liaison, { method: 'GET', url: '/api/v1/prevention/disputes?limit=0' }), 422);
  void zhoucunEnt;
});

test('on the follow-up day the liaison officer is reminded once; a follow-up sets the next day; resolved takes no more', async () => {
  const [d] = (await call(t, u.liaison, { method: 'GET', url: '/api/v1/prevention/disputes?risk=high' })).json.disputes;
  t.setNow('2026-06-02T20:00:00+08:00');
  assert.equal((await sweepDeadlines(t.ctx)).disputeReminders, 0);
  t.setNow('2026-06-03T08:00:00+08:00');
  // Both disputes are due today; the enterprise's liaison officer is told of both (the station officer recorded one).
  assert.equal((await sweepDeadlines(t.ctx)).disputeReminders, 2);
  assert.equal((await sweepDeadlines(t.ctx)).disputeReminders, 0, 'once per day set');
  const list = (await call(t, u.liaison, { method: 'GET', url: '/api/v1/notifications' })).json.notifications as { kind: string; message: string }[];
  assert.equal(list.filter((n) => n.kind === 'dispute_follow_up_due').length, 2);
  assert.match(list.find((n) => n.kind === 'dispute_follow_up_due')!.message, /矛盾纠纷排查今天（2026-06-03）到跟进日期/);
  assert.equal((await call(t, u.liaison, { method: 'GET', url: '/api/v1/prevention/disputes?state=due' })).json.disputes.length, 2);

  const url = `/api/v1/prevention/disputes/${d.id}/follow-ups`;
  const bad = await call(t, u.liaison, { method: 'POST', url, payload: { note: '好', risk: 'none', resolved: 'yes' } });
  assertProblem(bad, 422, { paths: ['note', 'risk', 'resolved', 'nextFollowUpOn'] });
  assertProblem(await call(t, u.liaison, { method: 'POST', url, payload: { note: '企业已补发工资，工人情绪稳定', risk: 'low', resolved: true, nextFollowUpOn: '2026-06-10' } }), 422, { paths: ['nextFollowUpOn'] });
  const first = await call(t, u.liaison, { method: 'POST', url, payload: { note: '企业承诺本周五前补发一个月工资，已约谈双方', risk: 'medium', nextFollowUpOn: '2026-06-05' } });
  assert.equal(first.status, 201, first.body);
  assert.equal(first.json.risk, 'medium');
  assert.equal(first.json.nextFollowUpOn, '2026-06-05');
  assert.equal(first.json.followUps.length, 1);
  t.setNow('2026-06-05T09:00:00+08:00');
  assert.equal((await sweepDeadlines(t.ctx)).disputeReminders, 1, 'the new day reminds again; the other dispute was already reminded for its day');
  const done = await call(t, u.station, { method: 'POST', url, payload: { note: '工资已全部补发，工人已复工，纠纷化解', risk: 'low', resolved: true } });
  assert.equal(done.status, 201, done.body);
  assert.equal(done.json.resolved, true);
  assert.equal(done.json.followUpState, 'resolved');
  assert.deepEqual(done.json.followUps.map((f: { seq: number }) => f.seq), [1, 2]);
  assertProblem(await call(t, u.liaison, { method: 'POST', url, payload: { note: '再次回访确认情况', risk: 'low', nextFollowUpOn: '2026-06-20' } }), 409, { code: 'dispute_resolved' });
  assert.equal((await call(t, u.liaison, { method: 'GET', url: '/api/v1/prevention/disputes?state=resolved' })).json.disputes.length, 1);
  t.setNow(MONDAY);
});

test('the disputes ledger has the list\'s rows for the same filter, and is audited', async () => {
  t.setNow('2026-06-05T10:00:00+08:00');
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/prevention/disputes/export.xlsx?state=open', headers: { cookie: u.liaison.cookie } });
  assert.equal(res.statusCode, 200, res.body);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.worksheets[0]!;
  assert.match(String(ws.getRow(1).getCell(1).value), /^矛盾纠纷排查台账/);
  assert.match(String(ws.getRow(1).getCell(1).value), /状态=未化解/);
  const listed = (await call(t, u.liaison, { method: 'GET', url: '/api/v1/prevention/disputes?state=open' })).json.disputes;
  assert.equal(ws.rowCount - 2, listed.length);
  assert.equal(ws.getRow(3).getCell(3).value, '征地拆迁');
  const audit = await t.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'ledger.export' and subject = 'ledger:disputes'`);
  assert.equal(Number(audit[0]!.n), 1);
  t.setNow(MONDAY);
});

test('the dashboard\'s prevention counts follow the leader\'s scope; others are refused', async () => {
  t.setNow(undefined); // sessions opened at today's time
  const zhangdianHead = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
  const zhoucunHead = await buildUser(t, 'unit-leader', { unitId: 'zhoucun-branch' });
  t.setNow('2026-06-06T10:00:00+08:00');
  const url = '/api/v1/stats/prevention?from=2026-06-01&to=2026-06-06';
  const city = await call(t, u.supervisor, { method: 'GET', url });
  assert.equal(city.status, 200, city.body);
  // One dispute open (the 车站派出所's land dispute, due 06-03 and not followed up: overdue), one resolved.
  assert.deepEqual(city.json.disputes, { open: 1, high: 0, overdue: 1 });
  assert.deepEqual(Object.keys(city.json).sort(), ['cyber', 'disputes', 'from', 'openLectures', 'to', 'warnings']);
  assert.deepEqual((await call(t, zhangdianHead, { method: 'GET', url })).json.disputes, { open: 1, high: 0, overdue: 1 }, 'the station is below the 分局');
  assert.deepEqual((await call(t, zhoucunHead, { method: 'GET', url })).json.disputes, { open: 0, high: 0, overdue: 0 });
  for (const who of [u.liaison, u.ent, u.partner]) assert.equal((await call(t, who, { method: 'GET', url })).status, 403);
  assertProblem(await call(t, u.supervisor, { method: 'GET', url: '/api/v1/stats/prevention?from=2026-06-06&to=2026-06-01' }), 422);
  assertProblem(await call(t, u.supervisor, { method: 'GET', url: '/api/v1/stats/prevention?from=june&to=2026-06-01' }), 422);
  t.setNow(MONDAY);
});
