// Certificate and permit numbers (issue 5, outputs): issued in the deciding transaction, once, in sequence per kind
// and year; both foreign-talent documents only when both branches are done; none for a refusal or a denial, and no
// residence permit over a denied work permit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { makeIdCard } from '@jqt/domain';
import { act, buildUser, call, exitEntryUrgentData, foreignTalentData, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

let t: TestApp;
let ent: TestUser;
let applicant: TestUser;
let branchOfficer: TestUser;
let exitEntry: TestUser;
let kejiju: TestUser;
let station: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  applicant = await buildUser(t, 'applicant');
  branchOfficer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  exitEntry = await buildUser(t, 'officer', { unitId: 'zb-exit-entry' });
  kejiju = await buildUser(t, 'partner', { unitId: 'partner-kejiju' });
  station = await buildUser(t, 'officer', { unitId: 'zhangdian-station-chezhan' });
});
after(() => t.close());

const houseNumberData = (n: number) => ({
  projectName: `齐鲁新材料产业园${n}期`,
  district: 'zhangdian',
  location: '张店区华光路以东、新村路以北',
  buildings: 6,
  contactName: '李工',
  contactPhone: '13912345678',
});

async function submit(u: TestUser, type: string, data: Record<string, unknown>) {
  const r = await call(t, u, { method: 'POST', url: '/api/v1/items', payload: { type, data } });
  assert.equal(r.status, 201, r.body);
  return r.json;
}
async function step(u: TestUser, item: { id: string; version: number }, action: string, fields: Record<string, unknown> = {}) {
  const r = await act(t, u, item, action, fields);
  assert.equal(r.status, 200, `${action}: ${r.body}`);
  return r.json;
}
const numbersOf = (item: { outputs?: { certificates: { number: string }[] } }) => (item.outputs?.certificates ?? []).map((c) => c.number);

test('an approving answer issues one number per document, in sequence per kind; nothing issues it twice', async () => {
  t.setNow('2026-06-01T09:00:00+08:00');
  const a = await step(branchOfficer, await submit(ent, 'house-number', houseNumberData(1)), 'accept');
  const b = await step(branchOfficer, await submit(ent, 'house-number', houseNumberData(2)), 'accept');
  // Before the decision: a decision pending, no number.
  assert.deepEqual(a.outputs, { decision: null, certificates: [] });

  t.setNow('2026-06-02T10:00:00+08:00');
  const answeredA = await step(branchOfficer, a, 'answer', { note: '经审核，准予编号，门牌已编制完毕，请到派出所领取门牌。' });
  const answeredB = await step(branchOfficer, b, 'answer', { note: '经现场核实地址无误，准予编号，请到派出所领取门牌。', decision: 'approved' });
  assert.equal(answeredA.outputs.decision, 'approved');
  assert.deepEqual(numbersOf(answeredA), ['淄公门牌〔2026〕第000001号']);
  assert.deepEqual(numbersOf(answeredB), ['淄公门牌〔2026〕第000002号']);
  const [cert] = answeredA.outputs.certificates;
  assert.deepEqual(cert.name, { zh: '门牌证', en: 'House number certificate' });
  assert.equal(cert.kind, 'house-number');
  assert.equal(cert.unitId, 'zhangdian-branch');
  assert.equal(cert.issuedAt, '2026-06-02T10:00:00+08:00');
  // The holder sees the same numbers.
  assert.deepEqual(numbersOf((await call(t, ent, { method: 'GET', url: `/api/v1/items/${a.id}` })).json), ['淄公门牌〔2026〕第000001号']);

  // Rated badly, reopened, answered again: still the one number it had.
  const rated = await step(ent, answeredA, 'rate', { rating: 'very-dissatisfied', note: '编号与规划不符' });
  const reopened = await step(ent, rated, 'reopen', { note: '请重新核对' });
  const again = await step(branchOfficer, reopened, 'answer', { note: '已重新核对门牌地址，原编号不变，请继续使用原门牌。' });
  assert.deepEqual(numbersOf(again), ['淄公门牌〔2026〕第000001号']);
  const closed = await step(ent, again, 'close');
  assert.deepEqual(numbersOf(closed), ['淄公门牌〔2026〕第000001号']);

  // Another kind has its own sequence; a new year starts again at 1.
  const urgent = await step(exitEntry, await submit(applicant, 'exit-entry-urgent', exitEntryUrgentData({ departureDate: '2026-06-20' })), 'accept');
  assert.deepEqual(numbersOf(await step(exitEntry, urgent, 'answer', { note: '护照已按加急程序制证完毕，请本人持身份证到出入境窗口领取。' })), ['淄公出入境急〔2026〕第000001号']);
  t.setNow('2027-01-04T09:00:00+08:00');
  // (Sessions of half a year ago have expired: sign in again.)
  const [ent27, officer27] = [await buildUser(t, 'enterprise-admin', { district: 'zhangdian' }), await buildUser(t, 'officer', { unitId: 'zhangdian-branch' })];
  const next = await step(officer27, await submit(ent27, 'house-number', houseNumberData(3)), 'accept');
  assert.deepEqual(numbersOf(await step(officer27, next, 'answer', { note: '经现场核实地址无误，准予编号，请到派出所领取门牌。' })), ['淄公门牌〔2027〕第000001号']);
  t.setNow(undefined);
});

test('answers racing on two items get two consecutive numbers, never the same one', async () => {
  t.setNow('2026-07-01T09:00:00+08:00');
  const items = [];
  for (let i = 0; i < 4; i++) items.push(await step(branchOfficer, await submit(ent, 'house-number', houseNumberData(10 + i)), 'accept'));
  const answered = await Promise.all(items.map((it) => step(branchOfficer, it, 'answer', { note: '经现场核实地址无误，准予编号，请到派出所领取门牌。' })));
  const serials = answered.map((x) => Number(/第(\d{6})号/.exec(numbersOf(x)[0])![1])).sort((p, q) => p - q);
  assert.equal(new Set(serials).size, 4);
  assert.equal(serials[3] - serials[0], 3, `consecutive: ${serials}`);
  t.setNow(undefined);
});

test('foreign talent: the work permit number when the science bureau completes its branch, the residence permit on the answer', async () => {
  t.setNow('2026-09-28T09:00:00+08:00');
  const item = await step(exitEntry, await submit(applicant, 'foreign-talent-permits', foreignTalentData()), 'accept');
  assert.deepEqual(numbersOf(item), []);
  const branchId = item.branches[0].id;
  // The partner may not decide the item, nor the exit-entry officer the partner's branch.
  assertProblem(await act(t, kejiju, item, 'answer', { note: 'x' }), 403);

  t.setNow('2026-09-29T10:00:00+08:00');
  const branchDone = await step(kejiju, item, 'complete-branch', { branchId, note: '《外国人工作许可证》已制证' });
  assert.deepEqual(branchDone.outputs.certificates.map((c: { kind: string; number: string; unitId: string }) => [c.kind, c.number, c.unitId]), [
    ['foreign-work-permit', '淄科外许〔2026〕第000001号', 'partner-kejiju'],
  ]);
  // One branch done is not the item done: the applicant has one number, and the decision is still pending.
  assert.equal(branchDone.outputs.decision, null);

  t.setNow('2026-09-30T15:00:00+08:00');
  const answered = await step(exitEntry, branchDone, 'answer', { note: '两证均已办结，请到市政务服务中心联办窗口同时领取' });
  assert.deepEqual(answered.outputs.certificates.map((c: { kind: string; number: string }) => [c.kind, c.number]), [
    ['foreign-work-permit', '淄科外许〔2026〕第000001号'],
    ['foreign-residence-permit', '淄公出入境居〔2026〕第000001号'],
  ]);
  // The applicant sees both, in English too.
  const seen = (await call(t, applicant, { method: 'GET', url: `/api/v1/items/${item.id}`, headers: { 'accept-language': 'en' } })).json;
  assert.deepEqual(seen.outputs.certificates.map((c: { name: { en: string } }) => c.name.en), ["Foreigner's Work Permit", 'Residence permit for foreigners']);
  t.setNow(undefined);
});

test('a refused application and a denied one get no number; a denied work permit branch neither', async () => {
  t.setNow('2026-10-12T09:00:00+08:00');
  const refused = await step(branchOfficer, await submit(ent, 'house-number', houseNumberData(20)), 'refuse', { note: '不属于本单位编号范围' });
  assert.equal(refused.status, 'refused');
  assert.deepEqual(refused.outputs, { decision: null, certificates: [] });

  const accepted = await step(branchOfficer, await submit(ent, 'house-number', houseNumberData(21)), 'accept');
  const denied = await step(branchOfficer, accepted, 'answer', { note: '规划许可证载明地址与申请地址不符，依规定不予编号', decision: 'denied' });
  assert.equal(denied.status, 'answered');
  assert.deepEqual(denied.outputs, { decision: 'denied', certificates: [] });
  assert.equal(denied.timeline.at(-1).detail.decision, 'denied');

  const foreign = await step(exitEntry, await submit(applicant, 'foreign-talent-permits', foreignTalentData()), 'accept');
  const branch = await step(kejiju, foreign, 'complete-branch', { branchId: foreign.branches[0].id, note: '预审材料与原件不符', decision: 'denied' });
  assert.equal(branch.branches[0].decision, 'denied');
  // No residence permit without the work permit: approval, said or by default, is refused and nothing is saved.
  const approving = await call(t, exitEntry, {
    method: 'POST',
    url: `/api/v1/items/${branch.id}/transitions`,
    headers: { 'accept-language': 'en' },
    payload: { action: 'answer', version: branch.version, note: '居留许可已制证', decision: 'approved' },
  });
  assertProblem(approving, 422, { code: 'issuing_branch_denied' });
  assert.match(approving.json.title, /denied the Foreigner's Work Permit/);
  assertProblem(await act(t, exitEntry, branch, 'answer', { note: '居留许可已制证' }), 422, { code: 'issuing_branch_denied' });
  const unchanged = (await call(t, exitEntry, { method: 'GET', url: `/api/v1/items/${branch.id}` })).json;
  assert.deepEqual([unchanged.version, unchanged.status, unchanged.outputs.certificates], [branch.version, branch.status, []]);
  const answered = await step(exitEntry, branch, 'answer', { note: '工作许可未获科技局批准，依规定居留许可不予签发。', decision: 'denied' });
  assert.deepEqual(answered.outputs, { decision: 'denied', certificates: [] });
  t.setNow(undefined);
});

test('a batch marked produced gives every produced residence permit its number, in the batch order, in one go', async () => {
  t.setNow('2026-11-02T09:00:00+08:00');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '公民身份号码', '手机号码', '居住地址', '居住起始日期']);
  for (let i = 1; i <= 5; i++) ws.addRow([`员工${i}`, makeIdCard('370303', `1991-02-0${i}`, i), `1390000000${i}`, `淄博市张店区华光路 ${i} 号职工宿舍`, '2026-03-01']);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = `----jqt${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const up = await call(t, ent, { method: 'POST', url: '/api/v1/residence-permits/batches', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  assert.equal(up.status, 201, up.body);
  const batchId = up.json.batch.id;
  assert.equal((await call(t, station, { method: 'POST', url: `/api/v1/residence-permits/batches/${batchId}/accept-all`, payload: {} })).status, 200);
  t.setNow('2026-11-05T16:00:00+08:00');
  const produced = await call(t, station, { method: 'POST', url: `/api/v1/residence-permits/batches/${batchId}/mark-produced`, payload: {} });
  assert.equal(produced.status, 200, produced.body);

  const list = (await call(t, ent, { method: 'GET', url: '/api/v1/items?type=residence-permit&limit=100' })).json.items as { id: string; number: string; batchId: string }[];
  const ofBatch = list.filter((i) => i.batchId === batchId).sort((p, q) => p.number.localeCompare(q.number));
  assert.equal(ofBatch.length, 5);
  const numbers = [];
  for (const i of ofBatch) {
    const item = (await call(t, ent, { method: 'GET', url: `/api/v1/items/${i.id}` })).json;
    assert.equal(item.outputs.decision, 'approved');
    numbers.push(...numbersOf(item));
  }
  assert.deepEqual(numbers, [1, 2, 3, 4, 5].map((n) => `淄公居证〔2026〕第00000${n}号`));
  t.setNow(undefined);
});
