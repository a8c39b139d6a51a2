import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { makeIdCard } from '@jqt/domain';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, EN } from './support-problem.ts';

// 台账 of three more staff lists (issue 13 point 4): traffic pass codes, residence-permit batches (and one batch's
// rejected rows), the liaison assignment history. Each exports the rows its list gives, with the list's filters,
// access and validation; each export is audited.
let t: TestApp;
const u: Record<string, TestUser> = {};

before(async () => {
  t = await makeTestApp();
  t.setNow('2026-06-03T10:00:00+08:00');
  u.traffic = await buildUser(t, 'officer', { unitId: 'zb-traffic' });
  u.zhangdian = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  u.station = await buildUser(t, 'officer', { unitId: 'zhangdian-station-chezhan' });
  u.mashang = await buildUser(t, 'officer', { unitId: 'zhangdian-station-mashang' });
  u.zhoucun = await buildUser(t, 'officer', { unitId: 'zhoucun-branch' });
  u.desk = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
  u.supervisor = await buildUser(t, 'supervisor');
  u.partner = await buildUser(t, 'partner');
  u.ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  u.ent2 = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });

  // two temporary pass codes (issued at once) for two plates
  for (const [who, plate] of [[u.ent, '鲁C12345'], [u.ent2, '鲁C54321']] as const) {
    const r = await call(t, who, {
      method: 'POST',
      url: '/api/v1/items',
      payload: {
        type: 'truck-pass',
        data: { kind: 'temporary', plate, newEnergy: false, totalMassKg: 10000, lengthMm: 7000, body: 'other', validFrom: '2026-06-03', validTo: '2026-06-05', roadClasses: 'ordinary', roadIds: 'zd-liuquan-rd', reason: '配送', contactName: '李调度', contactPhone: '13912345678' },
      },
    });
    assert.equal(r.status, 201, r.body);
  }

  // a residence-permit batch with one bad row, routed to 车站派出所
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '公民身份号码', '手机号码', '居住地址', '居住起始日期']);
  ws.addRow(['员工1', makeIdCard('370303', '1990-01-02', 1), '13910000001', '淄博市张店区华光路 1 号职工宿舍', '2026-03-01']);
  ws.addRow(['员工2', '370303199001020000', '13910000002', '淄博市张店区华光路 2 号职工宿舍', '2026-03-01']);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = `----jqt${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const b = await call(t, u.ent, { method: 'POST', url: '/api/v1/residence-permits/batches', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  assert.equal(b.status, 201, b.body);

  // two liaison assignments of one enterprise: the first ended by the second
  const key = await call(t, u.supervisor, { method: 'PUT', url: `/api/v1/liaison/enterprises/${u.ent.enterpriseId}/profile`, payload: { key: true, tags: [] } });
  assert.equal(key.status, 200, key.body);
  for (const [officer, reason] of [[u.zhangdian, '首次指定'], [u.station, '=工作调整']] as const) {
    const a = await call(t, u.desk, { method: 'POST', url: '/api/v1/liaison/assignments', payload: { enterpriseId: u.ent.enterpriseId, officerId: officer.id, reason } });
    assert.equal(a.status, 201, a.body);
  }
});
after(() => t.close());

async function sheet(who: TestUser, url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, ...headers } });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="jqt-[a-z-]+-\d{12}\.xlsx"$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.worksheets[0];
  const values = (i: number) => Array.from((ws.getRow(i).values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)));
  const head = values(2);
  const rows: Record<string, string>[] = [];
  for (let i = 3; i <= ws.rowCount; i++) rows.push(Object.fromEntries(values(i).map((v, k) => [head[k], v])));
  return { title: values(1)[0], headers: head, rows };
}
const json = async (who: TestUser, url: string) => {
  const r = await call(t, who, { method: 'GET', url });
  assert.equal(r.status, 200, r.body);
  return r.json;
};

test('pass codes: the traffic police list as xlsx, the same plate filter and order; others refused; a bad filter is a 422', async () => {
  for (const q of ['', '?plate=鲁C12345', '?plate=鲁c54321']) {
    const list = (await json(u.traffic, `/api/v1/traffic/pass-codes${q ? `?plate=${encodeURIComponent(q.slice(7))}` : ''}`)).passCodes as { code: string; plate: string; status: string }[];
    const book = await sheet(u.traffic, `/api/v1/traffic/pass-codes/export.xlsx${q ? `?plate=${encodeURIComponent(q.slice(7))}` : ''}`);
    assert.deepEqual(book.rows.map((r) => r['通行码']), list.map((c) => c.code), q);
    assert.deepEqual(book.rows.map((r) => r['号牌号码']), list.map((c) => c.plate), q);
    assert.ok(book.rows.every((r) => r['状态'] === '有效' && r['通行码类型'] === '临时' && r['有效期至'] === '2026-06-06 00:00'), q);
    assert.equal(book.rows.length, q ? 1 : 2, q);
  }
  const en = await sheet(u.traffic, '/api/v1/traffic/pass-codes/export.xlsx?plate=%E9%B2%81C12345', EN);
  assert.match(en.title, /^Truck pass codes ledger \| Filters: Plate=鲁C12345 \|/);
  assert.equal(en.rows[0].Kind, 'Temporary');

  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/traffic/pass-codes/export.xlsx' })).status, 401);
  // enterprises read their own codes in the list, but a ledger is a staff record; a non-traffic officer sees no list
  assertProblem(await call(t, u.ent, { method: 'GET', url: '/api/v1/traffic/pass-codes/export.xlsx' }), 403);
  assertProblem(await call(t, u.zhangdian, { method: 'GET', url: '/api/v1/traffic/pass-codes/export.xlsx' }), 403);
  assertProblem(await call(t, u.supervisor, { method: 'GET', url: '/api/v1/traffic/pass-codes/export.xlsx' }), 403);
  assertProblem(await call(t, u.traffic, { method: 'GET', url: `/api/v1/traffic/pass-codes/export.xlsx?plate=${'鲁'.repeat(21)}&limit=5` }), 422, { code: 'validation_failed', paths: ['plate', 'limit'] });
});

test('residence-permit batches: the staff list as xlsx in its scope; one batch’s rejected rows as xlsx; refusals', async () => {
  for (const who of [u.station, u.desk, u.supervisor]) {
    const list = (await json(who, '/api/v1/residence-permits/batches?limit=100')).batches as { number: string; rowCount: number; rejectedCount: number }[];
    const book = await sheet(who, '/api/v1/residence-permits/batches/export.xlsx');
    assert.deepEqual(book.rows.map((r) => r['批次号']), list.map((b) => b.number), who.username);
    assert.equal(book.rows.length, 1, who.username);
    assert.equal(book.rows[0]['总行数'], '2');
    assert.equal(book.rows[0]['退回行数'], '1');
    assert.equal(book.rows[0]['状态'], '待受理');
    assert.equal(book.rows[0]['承办单位'], '车站派出所');
  }
  // another station's officer: the list is empty, and so is the book
  assert.deepEqual((await json(u.mashang, '/api/v1/residence-permits/batches')).batches, []);
  assert.deepEqual((await sheet(u.mashang, '/api/v1/residence-permits/batches/export.xlsx')).rows, []);
  assertProblem(await call(t, u.ent, { method: 'GET', url: '/api/v1/residence-permits/batches/export.xlsx' }), 403);
  assertProblem(await call(t, u.partner, { method: 'GET', url: '/api/v1/residence-permits/batches/export.xlsx' }), 403);
  assertProblem(await call(t, u.station, { method: 'GET', url: '/api/v1/residence-permits/batches/export.xlsx?limit=5&status=x' }), 422, { code: 'validation_failed', paths: ['limit', 'status'] });

  // the row report: the batch's readers (its enterprise too); another station or enterprise gets 404
  const [batch] = (await json(u.station, '/api/v1/residence-permits/batches')).batches as { id: string; number: string }[];
  const detail = await json(u.station, `/api/v1/residence-permits/batches/${batch.id}`);
  for (const who of [u.station, u.ent]) {
    const report = await sheet(who, `/api/v1/residence-permits/batches/${batch.id}/report.xlsx`);
    assert.match(report.title, new RegExp(`^居住证批次退回行报告｜筛选：批次=${batch.number}｜`));
    const expected = (detail.rejected as { row: number; errors: { message: string }[] }[]).flatMap((r) => r.errors.map((e) => [String(r.row), e.message]));
    assert.deepEqual(report.rows.map((r) => [r['行号'], r['问题']]), expected);
    assert.equal(report.rows[0]['栏目'], '公民身份号码');
  }
  assertProblem(await call(t, u.mashang, { method: 'GET', url: `/api/v1/residence-permits/batches/${batch.id}/report.xlsx` }), 404);
  assertProblem(await call(t, u.ent2, { method: 'GET', url: `/api/v1/residence-permits/batches/${batch.id}/report.xlsx` }), 404);
  assertProblem(await call(t, u.partner, { method: 'GET', url: `/api/v1/residence-permits/batches/${batch.id}/report.xlsx` }), 403);
  assertProblem(await call(t, u.station, { method: 'GET', url: '/api/v1/residence-permits/batches/not-a-uuid/report.xlsx' }), 422, { paths: ['id'] });
});

test('liaison assignments: the history of an enterprise as xlsx, its order and scope; a 周村 officer 404; bad filters 422', async () => {
  const q = `?enterpriseId=${u.ent.enterpriseId}`;
  const list = (await json(u.desk, `/api/v1/liaison/assignments${q}`)).assignments as { officer: { displayName: string }; fromAt: string; toAt: string | null; reason: string; endReason: string | null }[];
  const book = await sheet(u.desk, `/api/v1/liaison/assignments/export.xlsx${q}`);
  assert.equal(list.length, 2);
  assert.deepEqual(book.rows.map((r) => r['联络民警'].split('（')[0]), list.map((a) => a.officer.displayName));
  assert.deepEqual(book.rows.map((r) => r['起始时间']), list.map((a) => a.fromAt.slice(0, 16).replace('T', ' ')));
  assert.deepEqual(book.rows.map((r) => r['结束时间']), list.map((a) => (a.toAt ? a.toAt.slice(0, 16).replace('T', ' ') : '')));
  assert.deepEqual(book.rows.map((r) => r['指定原因']), ["'=工作调整", '首次指定'], 'a formula-looking cell is text');
  assert.equal(book.rows[1]['结束原因'], "'=工作调整");
  assert.match(book.title, /^联络民警变更台账｜筛选：企业=.+｜/);
  assert.doesNotMatch(book.title, new RegExp(u.ent.enterpriseId!), 'the title names the enterprise, not its id');

  assert.equal((await call(t, null, { method: 'GET', url: `/api/v1/liaison/assignments/export.xlsx${q}` })).status, 401);
  assertProblem(await call(t, u.ent, { method: 'GET', url: `/api/v1/liaison/assignments/export.xlsx${q}` }), 403);
  assertProblem(await call(t, u.zhoucun, { method: 'GET', url: `/api/v1/liaison/assignments/export.xlsx${q}` }), 404);
  assertProblem(await call(t, u.desk, { method: 'GET', url: '/api/v1/liaison/assignments/export.xlsx?enterpriseId=nope&sort=x' }), 422, { code: 'validation_failed', paths: ['enterpriseId', 'sort'] });
  assertProblem(await call(t, u.desk, { method: 'GET', url: '/api/v1/liaison/assignments/export.xlsx' }), 422, { paths: ['enterpriseId'] });
});

test('each export is audited under its own subject with its filters and row count', async () => {
  const rows = await t.ctx.database.rows<{ subject: string; n: string }>(sql`select subject, count(*) as n from audit_log where action = 'ledger.export' group by subject order by subject`);
  assert.deepEqual(rows.map((r) => r.subject), ['ledger:liaison-assignments', 'ledger:pass-codes', 'ledger:residence-batch-report', 'ledger:residence-batches']);
  const [last] = await t.ctx.database.rows<{ detail: { filters: Record<string, unknown>; rows: number } }>(sql`select detail from audit_log where action = 'ledger.export' and subject = 'ledger:pass-codes' order by id desc limit 1`);
  assert.deepEqual(last.detail.filters, { plate: '鲁C12345' });
  assert.equal(last.detail.rows, 1);
});
