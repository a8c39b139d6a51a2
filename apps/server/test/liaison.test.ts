import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { addDays, shanghaiDate } from '@jqt/domain';
import { appealData, buildEnterprise, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, EN } from './support-problem.ts';

let t: TestApp;
let supervisor: TestUser;
let deskZhangdian: TestUser; // 张店分局's leader: the district's liaison desk
let deskZhoucun: TestUser;
let officer: TestUser; // a 张店 station officer, the liaison officer
let officer2: TestUser;
let outsider: TestUser; // a 周村 officer
let partner: TestUser;
let ent: TestUser;
let entOther: TestUser;

before(async () => {
  t = await makeTestApp();
  supervisor = await buildUser(t, 'supervisor');
  deskZhangdian = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
  deskZhoucun = await buildUser(t, 'unit-leader', { unitId: 'zhoucun-branch' });
  officer = await buildUser(t, 'officer', { unitId: 'zhangdian-station-chezhan' });
  officer2 = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  outsider = await buildUser(t, 'officer', { unitId: 'zhoucun-branch' });
  partner = await buildUser(t, 'partner');
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  entOther = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
});
after(() => t.close());

const count = async (q: ReturnType<typeof sql>) => Number((await t.ctx.database.rows<{ n: string }>(q))[0]!.n);
const assign = (u: TestUser, body: Record<string, unknown>) => call(t, u, { method: 'POST', url: '/api/v1/liaison/assignments', payload: body });
const today = () => shanghaiDate(new Date());
const visitBody = (over: Record<string, unknown> = {}) => ({
  enterpriseId: ent.enterpriseId,
  date: today(),
  way: 'on-site',
  met: '王经理（办公室主任）',
  summary: '走访了解生产经营情况',
  pledge: true,
  problems: [] as unknown[],
  ...over,
});

describe('key enterprises and tags', () => {
  test('the office marks an enterprise key with tags; unknown tags are refused with nothing saved', async () => {
    const tags = await call(t, officer, { method: 'GET', url: '/api/v1/liaison/tags' });
    assert.deepEqual(tags.json.tags.map((x: { code: string }) => x.code).slice(0, 5), ['time-honored', 'good-quality-shandong', 'high-tech', 'above-scale', 'major-project']);

    const bad = await call(t, supervisor, { method: 'PUT', url: `/api/v1/liaison/enterprises/${ent.enterpriseId}/profile`, payload: { key: true, tags: ['high-tech', 'no-such-tag'] } });
    assertProblem(bad, 422, { paths: ['tags.1'], locale: 'zh' });
    assert.equal(await count(sql`select count(*) as n from enterprises where id = ${ent.enterpriseId} and key`), 0, 'nothing half-saved');

    const ok = await call(t, deskZhangdian, { method: 'PUT', url: `/api/v1/liaison/enterprises/${ent.enterpriseId}/profile`, payload: { key: true, tags: ['high-tech', 'time-honored'] } });
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.json.key, true);
    assert.deepEqual(ok.json.tags, ['high-tech', 'time-honored']);
    assert.equal(ok.json.industry, null, 'omitted: kept (none yet)');
  });

  test('the office sets the enterprise’s industry on its profile; an unknown 门类 is a 422 with nothing saved', async () => {
    const url = `/api/v1/liaison/enterprises/${ent.enterpriseId}/profile`;
    const bad = await call(t, deskZhangdian, { method: 'PUT', url, payload: { key: true, tags: ['nope'], industry: 'Z' } });
    assertProblem(bad, 422, { paths: ['tags.0', 'industry'], locale: 'zh' });
    assert.equal(await count(sql`select count(*) as n from enterprises where id = ${ent.enterpriseId} and industry is not null`), 0, 'nothing half-saved');
    const ok = await call(t, deskZhangdian, { method: 'PUT', url, payload: { key: true, tags: ['high-tech'], industry: 'I' } });
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.json.industry, 'I');
    const kept = await call(t, deskZhangdian, { method: 'PUT', url, payload: { key: true, tags: ['high-tech'] } });
    assert.equal(kept.json.industry, 'I', 'omitted: kept');
    const cleared = await call(t, deskZhangdian, { method: 'PUT', url, payload: { key: true, tags: ['high-tech', 'time-honored'], industry: null } });
    assert.equal(cleared.json.industry, null);
  });

  test('another district’s desk, officers, partners and enterprises cannot change the registry', async () => {
    const url = `/api/v1/liaison/enterprises/${ent.enterpriseId}/profile`;
    const payload = { key: false, tags: [] };
    assertProblem(await call(t, deskZhoucun, { method: 'PUT', url, payload }), 403, { code: 'outside_your_district' });
    assertProblem(await call(t, officer, { method: 'PUT', url, payload }), 403);
    assertProblem(await call(t, partner, { method: 'PUT', url, payload }), 403);
    assertProblem(await call(t, ent, { method: 'PUT', url, payload }), 403);
    assertProblem(await call(t, null, { method: 'PUT', url, payload }), 401);
    assertProblem(await call(t, officer, { method: 'POST', url: '/api/v1/liaison/tags', payload: { code: 'x-y', nameZh: '试', nameEn: 'T' } }), 403);
  });

  test('a supervisor adds and renames a tag; a bad code or a taken one is a 422', async () => {
    const created = await call(t, supervisor, { method: 'POST', url: '/api/v1/liaison/tags', payload: { code: 'specialised', nameZh: '专精特新', nameEn: 'Specialised SME' } });
    assert.equal(created.status, 201, created.body);
    assertProblem(await call(t, supervisor, { method: 'POST', url: '/api/v1/liaison/tags', payload: { code: 'specialised', nameZh: '重复', nameEn: 'Dup' } }), 422, { paths: ['code'] });
    assertProblem(await call(t, supervisor, { method: 'POST', url: '/api/v1/liaison/tags', payload: { code: 'Bad Code', nameZh: '坏', nameEn: 'Bad' } }), 422, { paths: ['code'] });
    const renamed = await call(t, supervisor, { method: 'PATCH', url: '/api/v1/liaison/tags/specialised', payload: { nameZh: '专精特新企业' } });
    assert.equal(renamed.json.nameZh, '专精特新企业');
  });
});

describe('assignment (一企一警)', () => {
  test('bad input names each bad field and saves nothing', async () => {
    const r = await assign(supervisor, { enterpriseId: '00000000-0000-4000-8000-000000000000', officerId: partner.id, deputyId: partner.id, reason: '首次指定' });
    assertProblem(r, 422, { paths: ['enterpriseId', 'officerId', 'deputyId'], locale: 'zh' });
    const en = await call(t, supervisor, { method: 'POST', url: '/api/v1/liaison/assignments', payload: { enterpriseId: ent.enterpriseId, officerId: supervisor.id, reason: 'x' }, headers: EN });
    assertProblem(en, 422, { paths: ['officerId'], locale: 'en' });
    assertProblem(await assign(supervisor, { enterpriseId: ent.enterpriseId, officerId: officer.id }), 422, { paths: ['reason'] });
    assertProblem(await assign(supervisor, { enterpriseId: ent.enterpriseId, officerId: officer.id, deputyId: officer.id, reason: 'x' }), 422, { paths: ['deputyId'] });
    assert.equal(await count(sql`select count(*) as n from liaison_assignments where enterprise_id = ${ent.enterpriseId}`), 0);
  });

  test('the office names an officer; naming the same one again is refused; a change keeps the history', async () => {
    const first = await assign(deskZhangdian, { enterpriseId: ent.enterpriseId, officerId: officer2.id, reason: '首次指定' });
    assert.equal(first.status, 201, first.body);
    assertProblem(await assign(supervisor, { enterpriseId: ent.enterpriseId, officerId: officer2.id, reason: '重复' }), 422, { paths: ['officerId'] });
    assertProblem(await assign(deskZhoucun, { enterpriseId: ent.enterpriseId, officerId: outsider.id, reason: '越区' }), 403);
    const second = await assign(supervisor, { enterpriseId: ent.enterpriseId, officerId: officer.id, deputyId: officer2.id, reason: '工作调整' });
    assert.equal(second.status, 201, second.body);
    const history = await call(t, deskZhangdian, { method: 'GET', url: `/api/v1/liaison/assignments?enterpriseId=${ent.enterpriseId}` });
    assert.equal(history.json.assignments.length, 2);
    const [now, was] = history.json.assignments;
    assert.equal(now.officer.id, officer.id);
    assert.equal(now.deputy.id, officer2.id);
    assert.equal(now.toAt, null);
    assert.equal(was.officer.id, officer2.id);
    assert.ok(was.toAt, 'the first assignment ended');
    assert.equal(was.endReason, '工作调整');
    // The officer's own list holds it; a 周村 officer does not see it.
    const mine = await call(t, officer, { method: 'GET', url: '/api/v1/liaison/enterprises?mine=true' });
    assert.deepEqual(mine.json.enterprises.map((e: { id: string }) => e.id), [ent.enterpriseId]);
    const far = await call(t, outsider, { method: 'GET', url: '/api/v1/liaison/enterprises' });
    assert.ok(!far.json.enterprises.some((e: { id: string }) => e.id === ent.enterpriseId));
    assertProblem(await call(t, outsider, { method: 'GET', url: `/api/v1/liaison/assignments?enterpriseId=${ent.enterpriseId}` }), 404);
  });
});

describe('the enterprise and its officer', () => {
  test('the enterprise sees its officer with the unit’s duty phone, never the officer’s own number', async () => {
    const r = await call(t, ent, { method: 'GET', url: '/api/v1/enterprise/liaison' });
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.officer.displayName, officer.username);
    assert.equal(r.json.officer.unitName.zh, '车站派出所');
    assert.match(r.json.officer.workPhone, /^0533-\d{7}$/);
    assert.doesNotMatch(r.body, /13800000000/, 'the officer’s mobile stays private');
    assert.equal(r.json.deputy.displayName, officer2.username);
    assertProblem(await call(t, officer, { method: 'GET', url: '/api/v1/enterprise/liaison' }), 403);
  });

  test('"ask my liaison officer" files an appeal routed to the officer’s unit and assigned to the officer', async () => {
    const bad = await call(t, ent, { method: 'POST', url: '/api/v1/enterprise/liaison/ask', payload: { title: '', content: '停车位不足', contactName: '王', contactPhone: '123' } });
    assertProblem(bad, 422, { paths: ['data.title', 'data.contactPhone'] });
    const { category: _c, ...data } = appealData({ title: '厂区门口停车难' });
    const r = await call(t, ent, { method: 'POST', url: '/api/v1/enterprise/liaison/ask', payload: data });
    assert.equal(r.status, 201, r.body);
    assert.equal(r.json.type, 'appeal');
    assert.equal(r.json.unitId, 'zhangdian-station-chezhan');
    assert.ok(r.json.dueAt || r.json.acceptDueAt, 'on the appeal’s clocks');
    const row = (await t.ctx.database.rows<{ assignee_id: string }>(sql`select assignee_id from items where id = ${r.json.id}`))[0]!;
    assert.equal(row.assignee_id, officer.id);
    const seen = await call(t, officer, { method: 'GET', url: `/api/v1/items/${r.json.id}` });
    assert.equal(seen.status, 200, 'the officer’s unit sees it');
    // An enterprise without an officer is told to file an ordinary appeal.
    assertProblem(await call(t, entOther, { method: 'POST', url: '/api/v1/enterprise/liaison/ask', payload: data }), 422, { code: 'no_liaison_officer' });
  });
});

describe('visits (一企一策)', () => {
  test('only the enterprise’s liaison officers may log a visit', async () => {
    assertProblem(await call(t, outsider, { method: 'POST', url: '/api/v1/liaison/visits', payload: visitBody() }), 403, { code: 'not_your_enterprise' });
    assertProblem(await call(t, supervisor, { method: 'POST', url: '/api/v1/liaison/visits', payload: visitBody() }), 403);
    assertProblem(await call(t, ent, { method: 'POST', url: '/api/v1/liaison/visits', payload: visitBody() }), 403);
  });

  test('a bad record reports every field, including the item’s own form, and saves nothing', async () => {
    const items = await count(sql`select count(*) as n from items where enterprise_id = ${ent.enterpriseId}`);
    const r = await call(t, officer, {
      method: 'POST',
      url: '/api/v1/liaison/visits',
      payload: visitBody({
        date: addDays(today(), 1),
        pledge: false,
        met: '',
        problems: [
          { text: '证照办理慢', outcome: 'solved' },
          { text: '夜间有人滋扰', outcome: 'item', item: { type: 'appeal', data: { category: 'other', title: '', content: '夜间常有人在厂区门口滋扰员工', contactName: '王', contactPhone: '13912345678' } } },
          { text: '签证', outcome: 'item', item: { type: 'exit-entry-urgent', data: {} } },
          { text: '投诉民警', outcome: 'item', item: { type: 'conduct-complaint', data: {} } },
        ],
      }),
    });
    assertProblem(r, 422, { paths: ['date', 'pledge', 'met', 'problems.0.resolution', 'problems.1.item.data.title', 'problems.2.item.type', 'problems.3.item.type'], locale: 'zh' });
    assert.equal(await count(sql`select count(*) as n from liaison_visits where enterprise_id = ${ent.enterpriseId}`), 0);
    assert.equal(await count(sql`select count(*) as n from items where enterprise_id = ${ent.enterpriseId}`), items, 'no item filed');
  });

  let visitId = '';
  let itemId = '';
  test('a visit with a problem solved on the spot and one turned into an appeal tracked on its clock', async () => {
    const r = await call(t, officer, {
      method: 'POST',
      url: '/api/v1/liaison/visits',
      payload: visitBody({
        problems: [
          { text: '员工上下班车辆停放无序', outcome: 'solved', resolution: '当场联系交警大队施划临时停车位' },
          { text: '希望了解外籍技术人员来淄工作手续', outcome: 'item', item: { type: 'appeal', data: appealData({ title: '外籍技术人员来淄工作手续咨询' }) } },
          { text: '厂区周边夜间照明不足', outcome: 'open' },
        ],
      }),
    });
    assert.equal(r.status, 201, r.body);
    visitId = r.json.id;
    const [solved, item, open] = r.json.problems;
    assert.equal(solved.outcome, 'solved');
    assert.equal(item.outcome, 'item');
    assert.match(item.itemNumber, /^JQ\d{8}/);
    assert.equal(item.itemStatus, 'submitted');
    assert.equal(open.outcome, 'open');
    itemId = item.itemId;
    // The enterprise owns the item as if it had filed it; it is routed by the appeal's own rule.
    const seen = await call(t, ent, { method: 'GET', url: `/api/v1/items/${itemId}` });
    assert.equal(seen.status, 200, seen.body);
    assert.equal(seen.json.unitId, 'zhangdian-branch');
    assert.ok(seen.json.timeline.some((e: { action: string; detail?: { via?: string } }) => e.action === 'submit'));
    assertProblem(await call(t, entOther, { method: 'GET', url: `/api/v1/items/${itemId}` }), 404);
    const e = await call(t, supervisor, { method: 'GET', url: `/api/v1/liaison/enterprises?q=${encodeURIComponent(ent.enterpriseId!)}` });
    assert.equal(e.status, 200);
    // The open problem later becomes solved.
    const later = await call(t, officer, { method: 'POST', url: `/api/v1/liaison/visits/${visitId}/problems/${open.id}`, payload: { outcome: 'solved', resolution: '已协调供电公司加装路灯' } });
    assert.equal(later.status, 200, later.body);
    assert.equal(later.json.problems[2].outcome, 'solved');
    assertProblem(await call(t, officer, { method: 'POST', url: `/api/v1/liaison/visits/${visitId}/problems/${open.id}`, payload: { outcome: 'solved', resolution: '再次' } }), 422, { code: 'problem_not_open' });
    assertProblem(await call(t, officer2, { method: 'POST', url: `/api/v1/liaison/visits/${visitId}/problems/${open.id}`, payload: { outcome: 'solved', resolution: 'x' } }), 404);
  });

  test('the enterprise sees its visits and confirms or disputes each within 7 days; no other enterprise can', async () => {
    const list = await call(t, ent, { method: 'GET', url: '/api/v1/enterprise/visits' });
    assert.equal(list.json.visits.length, 1);
    assert.equal(list.json.visits[0].officer.displayName, officer.username);
    assert.equal((await call(t, entOther, { method: 'GET', url: '/api/v1/enterprise/visits' })).json.visits.length, 0);
    assertProblem(await call(t, entOther, { method: 'POST', url: `/api/v1/enterprise/visits/${visitId}/confirmation`, payload: { verdict: 'confirmed' } }), 404);
    assertProblem(await call(t, ent, { method: 'POST', url: `/api/v1/enterprise/visits/${visitId}/confirmation`, payload: { verdict: 'disputed' } }), 422, { paths: ['note'] });
    assertProblem(await call(t, ent, { method: 'POST', url: `/api/v1/enterprise/visits/${visitId}/confirmation`, payload: { verdict: 'maybe' } }), 422, { paths: ['verdict'] });
    const ok = await call(t, ent, { method: 'POST', url: `/api/v1/enterprise/visits/${visitId}/confirmation`, payload: { verdict: 'confirmed' } });
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.json.confirmation.verdict, 'confirmed');
    assertProblem(await call(t, ent, { method: 'POST', url: `/api/v1/enterprise/visits/${visitId}/confirmation`, payload: { verdict: 'disputed', note: '改主意' } }), 422, { code: 'confirmation_given' });
  });

  test('after 7 days the record can no longer be confirmed', async () => {
    const r = await call(t, officer, { method: 'POST', url: '/api/v1/liaison/visits', payload: visitBody({ way: 'phone' }) });
    assert.equal(r.status, 201, r.body);
    const due = new Date(r.json.confirmDueAt);
    assert.ok(due.getTime() - Date.now() > 6 * 86_400_000 && due.getTime() - Date.now() < 8 * 86_400_000, r.json.confirmDueAt);
    // Moving the server's clock 8 days would also end the enterprise's session: the record is logged 8 days ago instead.
    await t.ctx.database.rows(sql`update liaison_visits set created_at = created_at - interval '8 days', confirm_due_at = confirm_due_at - interval '8 days' where id = ${r.json.id}`);
    assertProblem(await call(t, ent, { method: 'POST', url: `/api/v1/enterprise/visits/${r.json.id}/confirmation`, payload: { verdict: 'confirmed' } }), 422, { code: 'confirmation_window_closed' });
  });

  test('the one-enterprise file shows the officer history, visits and items to district staff, and to nobody else', async () => {
    const file = await call(t, deskZhangdian, { method: 'GET', url: `/api/v1/liaison/enterprises/${ent.enterpriseId}/file` });
    assert.equal(file.status, 200, file.body);
    assert.equal(file.json.enterprise.key, true);
    assert.equal(file.json.assignments.length, 2);
    assert.equal(file.json.visits.length, 2);
    assert.ok(file.json.items.some((i: { id: string }) => i.id === itemId));
    assert.equal((await call(t, officer, { method: 'GET', url: `/api/v1/liaison/enterprises/${ent.enterpriseId}/file` })).status, 200, 'its liaison officer');
    assertProblem(await call(t, outsider, { method: 'GET', url: `/api/v1/liaison/enterprises/${ent.enterpriseId}/file` }), 404);
    assertProblem(await call(t, partner, { method: 'GET', url: `/api/v1/liaison/enterprises/${ent.enterpriseId}/file` }), 403);
    assertProblem(await call(t, ent, { method: 'GET', url: `/api/v1/liaison/enterprises/${ent.enterpriseId}/file` }), 403);
    const views = await count(sql`select count(*) as n from audit_pending where action = 'enterprise-file.view' and subject = ${'enterprise:' + ent.enterpriseId}`);
    const chained = await count(sql`select count(*) as n from audit_log where action = 'enterprise-file.view' and subject = ${'enterprise:' + ent.enterpriseId}`);
    assert.equal(views + chained, 2, 'each opening is audited');
  });
});

describe('coverage (千警联千企)', () => {
  test('the counts agree with direct counts, per district and city-wide', async () => {
    // A key enterprise in 张店 that nobody liaises with and nobody visited.
    const lonely = await buildEnterprise(t.ctx, { district: 'zhangdian' });
    await call(t, supervisor, { method: 'PUT', url: `/api/v1/liaison/enterprises/${lonely.id}/profile`, payload: { key: true, tags: [] } });
    const r = await call(t, deskZhangdian, { method: 'GET', url: '/api/v1/liaison/coverage' });
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.district, 'zhangdian');
    const c = r.json.counts;
    const d = 'zhangdian';
    const month = today().slice(0, 7) + '-01';
    assert.equal(c.keyEnterprises, await count(sql`select count(*) as n from enterprises where key and district = ${d}`));
    assert.equal(c.keyWithoutOfficer, await count(sql`select count(*) as n from enterprises e where key and district = ${d} and not exists (select 1 from liaison_assignments a where a.enterprise_id = e.id and a.to_at is null)`));
    assert.equal(c.notVisited, await count(sql`select count(*) as n from enterprises e where key and district = ${d} and not exists (select 1 from liaison_visits v where v.enterprise_id = e.id and v.visited_on >= ${addDays(today(), -30)}::date)`));
    assert.equal(c.visitsThisMonth, await count(sql`select count(*) as n from liaison_visits where district = ${d} and visited_on >= ${month}::date`));
    assert.equal(c.problemsRaised, 3);
    assert.equal(c.problemsSolved, 2);
    assert.equal(c.problemsTurnedIntoItems, 1);
    assert.equal(c.problemsOpen, 0);
    assert.ok(r.json.unassigned.some((e: { id: string }) => e.id === lonely.id));
    assert.ok(r.json.notVisited.some((e: { id: string }) => e.id === lonely.id));
    assert.ok(!r.json.idleOfficers.some((o: { id: string }) => o.id === officer.id), 'an officer with an enterprise is not idle');
    assert.ok(r.json.idleOfficers.length <= c.officersIdle);
    assertProblem(await call(t, deskZhangdian, { method: 'GET', url: '/api/v1/liaison/coverage?district=zhoucun' }), 403);
    const city = await call(t, supervisor, { method: 'GET', url: '/api/v1/liaison/coverage?days=7' });
    assert.equal(city.json.district, null);
    assert.equal(city.json.byDistrict.length, 8);
    assert.equal(city.json.counts.keyEnterprises, await count(sql`select count(*) as n from enterprises where key`));
    assertProblem(await call(t, officer, { method: 'GET', url: '/api/v1/liaison/coverage' }), 403);
    assertProblem(await call(t, supervisor, { method: 'GET', url: '/api/v1/liaison/coverage?days=0' }), 422, { paths: ['days'] });
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/liaison/coverage.xlsx', headers: { cookie: supervisor.cookie } });
    assert.equal(x.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['汇总', '按区县', '未明确联络民警', '未走访企业', '未联系企业民警']);
    assert.equal(wb.getWorksheet('汇总')!.getRow(2).getCell(2).value, city.json.counts.keyEnterprises);
  });
});

async function sheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['统一社会信用代码', '联络民警账号', '副联络员账号', '指定原因']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function multipart(bytes: Buffer) {
  const boundary = `----jqt${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (u: TestUser, bytes: Buffer) => call(t, u, { method: 'POST', url: '/api/v1/liaison/assignments/import', ...multipart(bytes) });

describe('bulk assignment from a spreadsheet', () => {
  test('any bad row names its cell and nothing is saved; a good sheet assigns; the same sheet again changes nothing', async () => {
    const a = await buildEnterprise(t.ctx, { district: 'zhangdian' });
    const b = await buildEnterprise(t.ctx, { district: 'zhangdian' });
    const far = await buildEnterprise(t.ctx, { district: 'zhoucun' });
    const bad = await upload(deskZhangdian, await sheet([
      [a.uscc, officer.username, '', '批量指定'],
      ['91370303MA3C0000XX', officer.username, '', '批量指定'],
      [b.uscc, partner.username, '', '批量指定'],
      [far.uscc, officer.username, '', '批量指定'],
      [a.uscc, officer2.username, '', '重复'],
      [b.uscc, 'nobody.here', officer.username, ''],
    ]));
    assertProblem(bad, 422, { paths: ['rows.3.uscc', 'rows.4.officerUsername', 'rows.5.uscc', 'rows.6.uscc', 'rows.7.uscc', 'rows.7.officerUsername', 'rows.7.reason'] });
    assert.equal(await count(sql`select count(*) as n from liaison_assignments where enterprise_id in (${a.id}, ${b.id}, ${far.id})`), 0, 'nothing half-saved');

    const good = await sheet([
      [a.uscc, officer.username, officer2.username, '批量指定'],
      [b.uscc.toLowerCase(), officer2.username, '', '批量指定'],
    ]);
    const first = await upload(deskZhangdian, good);
    assert.equal(first.status, 200, first.body);
    assert.deepEqual(first.json, { rows: 2, created: 2, unchanged: 0 });
    const again = await upload(supervisor, good);
    assert.deepEqual(again.json, { rows: 2, created: 0, unchanged: 2 });
    assert.equal(await count(sql`select count(*) as n from liaison_assignments where enterprise_id in (${a.id}, ${b.id})`), 2);
    assertProblem(await upload(officer, good), 403);
    assertProblem(await call(t, deskZhangdian, { method: 'POST', url: '/api/v1/liaison/assignments/import', ...multipart(Buffer.from('not a spreadsheet')) }), 422, { paths: ['file'] });
    const tpl = await t.app.inject({ method: 'GET', url: '/api/v1/liaison/assignments/template.xlsx', headers: { cookie: supervisor.cookie } });
    assert.equal(tpl.statusCode, 200);
  });
});

describe('major projects', () => {
  test('the office registers a project and names its officer; bad fields are all reported', async () => {
    assertProblem(await call(t, supervisor, { method: 'POST', url: '/api/v1/liaison/projects', payload: { name: '', enterpriseId: 'x', district: 'mars', address: '淄博', stage: 'dreaming', startOn: '2026-13-01' } }), 422, {
      paths: ['name', 'enterpriseId', 'district', 'stage', 'startOn'],
    });
    assertProblem(await call(t, supervisor, { method: 'POST', url: '/api/v1/liaison/projects', payload: { name: '新材料产业园', enterpriseId: ent.enterpriseId, district: 'zhangdian', address: '张店区', stage: 'construction', startOn: '2026-05-01', endOn: '2026-01-01' } }), 422, { paths: ['endOn'] });
    const p = await call(t, deskZhangdian, { method: 'POST', url: '/api/v1/liaison/projects', payload: { name: '新材料产业园二期', enterpriseId: ent.enterpriseId, district: 'zhangdian', address: '张店区新材料产业园', stage: 'construction', startOn: '2026-05-01' } });
    assert.equal(p.status, 201, p.body);
    assertProblem(await call(t, deskZhoucun, { method: 'PATCH', url: `/api/v1/liaison/projects/${p.json.id}`, payload: { stage: 'operating' } }), 403);
    const a = await assign(supervisor, { projectId: p.json.id, officerId: officer2.id, reason: '重大项目专人联络' });
    assert.equal(a.status, 201, a.body);
    const list = await call(t, officer2, { method: 'GET', url: '/api/v1/liaison/projects' });
    const mine = list.json.projects.find((x: { id: string }) => x.id === p.json.id);
    assert.equal(mine.officer.id, officer2.id);
    const patched = await call(t, supervisor, { method: 'PATCH', url: `/api/v1/liaison/projects/${p.json.id}`, payload: { stage: 'operating' } });
    assert.equal(patched.json.stage, 'operating');
  });
});

describe('驻企服务中心', () => {
  test('the office registers a centre, the public sees it, an enterprise books it, and its officer logs a visit there', async () => {
    const body = { name: '新材料产业园驻企服务中心', park: '淄博新材料产业园', district: 'zhangdian', address: '张店区华光路 1 号', hours: '工作日 9:00-17:00', phone: '0533-2186999', services: ['户籍业务咨询', '出入境业务咨询'], staffIds: [officer2.id] };
    assertProblem(await call(t, supervisor, { method: 'POST', url: '/api/v1/liaison/service-centres', payload: { ...body, staffIds: [partner.id], district: 'mars' } }), 422, { paths: ['district', 'staffIds.0'] });
    assertProblem(await call(t, officer, { method: 'POST', url: '/api/v1/liaison/service-centres', payload: body }), 403);
    const c = await call(t, deskZhangdian, { method: 'POST', url: '/api/v1/liaison/service-centres', payload: body });
    assert.equal(c.status, 201, c.body);
    const pub = await call(t, null, { method: 'GET', url: '/api/v1/public/service-centres?district=zhangdian' });
    const shown = pub.json.centres.find((x: { id: string }) => x.id === c.json.id);
    assert.deepEqual(shown.staff.map((s: { id: string }) => s.id), [officer2.id]);
    assertProblem(await call(t, entOther, { method: 'POST', url: `/api/v1/enterprise/service-centres/${c.json.id}/bookings`, payload: { date: today(), slot: 'am', purpose: '咨询' } }), 422, { paths: ['date'] });
    const b = await call(t, entOther, { method: 'POST', url: `/api/v1/enterprise/service-centres/${c.json.id}/bookings`, payload: { date: addDays(today(), 3), slot: 'pm', purpose: '外籍员工居留许可咨询' } });
    assert.equal(b.status, 201, b.body);
    assert.equal((await call(t, officer2, { method: 'GET', url: `/api/v1/liaison/service-centres/${c.json.id}/bookings` })).json.bookings.length, 1);
    assertProblem(await call(t, outsider, { method: 'GET', url: `/api/v1/liaison/service-centres/${c.json.id}/bookings` }), 403);
    assert.equal((await call(t, ent, { method: 'GET', url: '/api/v1/enterprise/service-centre-bookings' })).json.bookings.length, 0);
    // The centre's officer logs a walk-in of an enterprise it does not liaise with; way service-centre needs the centre.
    assertProblem(await call(t, officer2, { method: 'POST', url: '/api/v1/liaison/visits', payload: visitBody({ enterpriseId: entOther.enterpriseId, way: 'service-centre' }) }), 403);
    const v = await call(t, officer2, { method: 'POST', url: '/api/v1/liaison/visits', payload: visitBody({ enterpriseId: entOther.enterpriseId, way: 'service-centre', centreId: c.json.id }) });
    assert.equal(v.status, 201, v.body);
    assert.equal(v.json.centreName, body.name);
  });
});
