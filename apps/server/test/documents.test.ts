// PDF 受理回执 and 决定书 with a verification QR code: a well-formed file, the facts and numbers in it, no personal
// data, the QR code's link verifying as genuine (a tampered one not), and who may print them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { act, appealData, buildUser, call, exitEntryUrgentData, foreignTalentData, makeTestApp, submitAppeal, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';
import { assertValidXref, pdfLines, qrModules, utf16Hex } from './support-pdf.ts';
import { textWidth, wrapText } from '../src/lib/pdf.ts';

let t: TestApp;
let ent: TestUser;
let colleague: TestUser;
let other: TestUser;
let exitEntry: TestUser;
let kejiju: TestUser;
let renshe: TestUser;
let traffic: TestUser;
let supervisor: TestUser;
let zhangdian: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  colleague = await buildUser(t, 'enterprise-staff', { enterpriseId: ent.enterpriseId! });
  other = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  exitEntry = await buildUser(t, 'officer', { unitId: 'zb-exit-entry' });
  kejiju = await buildUser(t, 'partner', { unitId: 'partner-kejiju' });
  renshe = await buildUser(t, 'partner', { unitId: 'partner-renshe' });
  traffic = await buildUser(t, 'officer', { unitId: 'zb-traffic' });
  supervisor = await buildUser(t, 'supervisor');
  zhangdian = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
});
after(() => t.close());

const foreignData = foreignTalentData();
const oversizeData = {
  route: 'out-of-province',
  plate: '鲁C12345',
  cargo: '变压器（不可解体）',
  lengthM: 22,
  widthM: 3.8,
  heightM: 4.5,
  totalMassT: 96,
  origin: '淄博市张店区',
  destination: '河北省唐山市',
  fromDate: '2026-12-01',
  toDate: '2026-12-05',
  contactName: '赵调度',
  contactPhone: '13812345678',
};

const pdf = (u: TestUser | null, id: string, which: 'receipt' | 'decision') =>
  t.app.inject({ method: 'GET', url: `/api/v1/items/${id}/${which}.pdf`, headers: u ? { cookie: u.cookie } : {} });
async function step(u: TestUser, item: { id: string; version: number }, action: string, fields: Record<string, unknown> = {}) {
  const r = await act(t, u, item, action, fields);
  assert.equal(r.status, 200, `${action}: ${r.body}`);
  return r.json;
}
/** The link printed under the QR code (wrapped over lines), checked to be exactly what the QR code encodes. */
function qrLink(file: Buffer): URL {
  const lines = pdfLines(file);
  const start = lines.findIndex((l) => l.startsWith('http'));
  let link = '';
  for (let i = start; i < lines.length && /^[\x21-\x7e]+$/.test(lines[i]); i++) link += lines[i];
  const drawn = qrModules(file);
  const expected = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules;
  assert.equal(drawn.length, expected.size);
  for (let r = 0; r < expected.size; r++) for (let c = 0; c < expected.size; c++) assert.equal(drawn[r][c], expected.get(r, c), `module ${r},${c}`);
  return new URL(link);
}
/** The web page's link asked of the public API, as the web page does. */
const verify = (link: URL, signature = link.searchParams.get('s')!) =>
  call(t, null, { method: 'GET', url: `/api/v1/public${link.pathname}?s=${encodeURIComponent(signature)}` });

test('the PDF receipt: a valid PDF 1.7 with the receipt’s facts, a QR code of its printed link, no personal data', async () => {
  // (Fixed times lie before the real clock, so the sessions signed in at real time are still valid.)
  t.setNow('2026-06-01T09:00:00+08:00');
  const created = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'oversize-transport', data: oversizeData } });
  assert.equal(created.status, 201, created.body);
  const item = created.json;
  assertProblem(await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}/receipt.pdf` }), 422, { code: 'receipt_not_available' });
  await step(traffic, item, 'accept');

  const r = await pdf(ent, item.id, 'receipt');
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.headers['content-type'], 'application/pdf');
  assert.equal(r.headers['content-disposition'], `inline; filename="receipt-${item.number}.pdf"`);
  const file = r.rawPayload;
  assert.equal(file.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(assertValidXref(file) >= 8);
  const raw = file.toString('latin1');
  // Chinese in STSong-Light through UniGB-UCS2-H, as hex UTF-16BE; Latin runs in Times-Roman.
  assert.match(raw, /\/BaseFont \/STSong-Light \/Encoding \/UniGB-UCS2-H/);
  assert.match(raw, /\/Ordering \(GB1\)/);
  assert.match(raw, /\/W \[1 \[207 270 342/);
  assert.ok(raw.includes(`<${utf16Hex('受理回执')}>`), 'the title as UTF-16BE hex');
  assert.ok(raw.includes(`<${utf16Hex('大件运输许可')}> Tj`), 'the item type as UTF-16BE hex');
  assert.ok(raw.includes(`<${Buffer.from(item.number).toString('hex').toUpperCase()}> Tj`), 'the item number');
  const lines = pdfLines(file);
  assert.ok(lines.includes(item.number), lines.join('\n'));
  assert.ok(lines.some((l) => l.includes('大件运输许可 Oversize transport permit')));
  assert.match(lines.join(''), /道路交通安全法》第四十八条；省外运输\s*3\s*个工作日内完成审核/, 'the clock of the route given, with its basis');
  assert.ok(lines.includes('2026-06-04 23:59'), 'due 3 working days after acceptance');
  for (const secret of [oversizeData.contactPhone, oversizeData.contactName, oversizeData.plate]) assert.ok(!lines.some((l) => l.includes(secret)), secret);

  const link = qrLink(file);
  assert.equal(link.pathname, `/verify/${item.number}`, 'the QR code opens the web verification page');
  const ok = await verify(link);
  assert.equal(ok.json.genuine, true);
  assert.equal(ok.json.status, 'accepted');
  assert.equal(ok.json.decided, false);

  // The staff of the owning unit and the supervisor print it too; the HTML receipt still works.
  for (const u of [colleague, traffic, supervisor]) assert.equal((await pdf(u, item.id, 'receipt')).statusCode, 200);
  assert.equal((await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}/receipt` })).status, 200);
  t.setNow(undefined);
});

test('the decision PDF: 422 before the answer, then the decision, both documents’ numbers, and a QR code that verifies', async () => {
  t.setNow('2026-09-28T09:00:00+08:00');
  const created = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'foreign-talent-permits', data: foreignData } });
  let item = created.json;
  assertProblem(await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}/decision.pdf` }), 422, { code: 'decision_not_available' });
  item = await step(exitEntry, item, 'accept');
  assertProblem(await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}/decision.pdf` }), 422, { code: 'decision_not_available' });
  item = await step(kejiju, item, 'complete-branch', { branchId: item.branches[0].id, note: '工作许可证已制证' });
  // One branch done is no decision yet.
  assertProblem(await call(t, ent, { method: 'GET', url: `/api/v1/items/${item.id}/decision.pdf`, headers: { 'accept-language': 'en' } }), 422, { code: 'decision_not_available' });
  t.setNow('2026-09-30T15:00:00+08:00');
  item = await step(exitEntry, item, 'answer', { note: '两证均已办结，请到市政务服务中心公安“联办窗口”同时领取。Please collect both documents at the joint window.' });

  const r = await pdf(ent, item.id, 'decision');
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.headers['content-type'], 'application/pdf');
  assert.equal(r.headers['content-disposition'], `inline; filename="decision-${item.number}.pdf"`);
  const file = r.rawPayload;
  assertValidXref(file);
  const lines = pdfLines(file);
  assert.ok(lines.includes('准予许可决定书'));
  assert.ok(lines.includes(item.number));
  assert.ok(lines.includes('准予许可 Approved'));
  const numbers = item.outputs.certificates.map((c: { number: string }) => c.number);
  assert.deepEqual(numbers, ['淄科外许〔2026〕第000001号', '淄公出入境居〔2026〕第000001号']);
  for (const n of numbers) assert.ok(lines.some((l) => l.includes(n)), `${n} printed`);
  assert.ok(lines.some((l) => l.includes('2026-10-10 23:59')), 'the shared 5-working-day deadline');
  for (const secret of [foreignData.fullName, foreignData.passportNumber, foreignData.contactPhone]) assert.ok(!lines.some((l) => l.includes(secret)), secret);

  // The scanned link is genuine and shows the decision and the numbers, nothing personal.
  const link = qrLink(file);
  const ok = await verify(link);
  assert.equal(ok.status, 200);
  assert.equal(ok.json.genuine, true);
  assert.equal(ok.json.decided, true);
  assert.equal(ok.json.decision, 'approved');
  assert.deepEqual(ok.json.certificates.map((c: { number: string }) => c.number), numbers);
  for (const secret of [foreignData.fullName, foreignData.passportNumber, foreignData.contactPhone, foreignData.dateOfBirth]) assert.ok(!ok.body.includes(secret), secret);
  // A tampered signature, or a genuine signature on another number, is not genuine and shows nothing.
  const sig = link.searchParams.get('s')!;
  for (const bad of [await verify(link, sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A')), await verify(link, ''), await verify(new URL(link.href.replace(/\d\?/, (d) => `${(Number(d[0]) + 1) % 10}?`)), sig)]) {
    assert.equal(bad.status, 200);
    assert.deepEqual(Object.keys(bad.json).sort(), ['genuine', 'number']);
    assert.equal(bad.json.genuine, false);
  }
  t.setNow(undefined);
});

test('a denied application has a 不予许可决定书 without numbers; an appeal’s answer is a 办结通知书; a refusal has none', async () => {
  t.setNow('2026-10-12T09:00:00+08:00');
  const house = await call(t, ent, {
    method: 'POST',
    url: '/api/v1/items',
    payload: { type: 'house-number', data: { projectName: '华光路商住楼', district: 'zhangdian', location: '华光路以东', buildings: 2, contactName: '李工', contactPhone: '13912345678' } },
  });
  let item = await step(zhangdian, house.json, 'accept');
  item = await step(zhangdian, item, 'answer', { note: '规划许可证载明地址与申请地址不符，依规定不予编号', decision: 'denied' });
  const denied = (await pdf(ent, item.id, 'decision')).rawPayload;
  assertValidXref(denied);
  const lines = pdfLines(denied);
  assert.ok(lines.includes('不予许可决定书'));
  assert.ok(lines.includes('不予许可 Denied'));
  assert.ok(!lines.some((l) => l.includes('淄公门牌')));
  const v = await verify(qrLink(denied));
  assert.deepEqual([v.json.genuine, v.json.decision, v.json.certificates], [true, 'denied', []]);

  const appeal = await step(zhangdian, await submitAppeal(t, ent), 'accept');
  const answered = await step(zhangdian, appeal, 'answer', { note: '经核查，贵公司新引进的三名博士符合人才落户绿色通道条件，请携带学历学位证明到户籍窗口办理。' });
  const noticeFile = await pdf(ent, answered.id, 'decision');
  assert.equal(noticeFile.headers['content-disposition'], `inline; filename="notice-of-conclusion-${answered.number}.pdf"`);
  const notice = pdfLines(noticeFile.rawPayload);
  assert.ok(notice.includes('办结通知书'));
  assert.ok(notice.includes('扫码核验本通知书真伪'), 'the notice calls itself a notice, not a decision');
  assert.ok(!notice.some((l) => l.startsWith('准予许可') || l.startsWith('不予许可')));
  assert.ok(!notice.some((l) => l.includes(appealData().contactPhone)));

  const refused = await step(zhangdian, await submitAppeal(t, ent), 'refuse', { note: '不属于公安机关职责' });
  assertProblem(await call(t, ent, { method: 'GET', url: `/api/v1/items/${refused.id}/decision.pdf` }), 422, { code: 'decision_not_available' });
  t.setNow(undefined);
});

test('who may print: 401 without a session, 404 for another enterprise and for units the item is not theirs', async () => {
  t.setNow('2026-06-08T09:00:00+08:00');
  const item = await step(exitEntry, (await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'exit-entry-urgent', data: exitEntryUrgentData({ departureDate: '2026-06-20' }) } })).json, 'accept');
  const answered = await step(exitEntry, item, 'answer', { note: '护照已按加急程序制证完毕，请本人持身份证到出入境窗口领取。' });
  for (const which of ['receipt', 'decision'] as const) {
    const anonymous = await pdf(null, answered.id, which);
    assert.equal(anonymous.statusCode, 401);
    assert.match(String(anonymous.headers['content-type']), /^application\/problem\+json/);
    for (const u of [other, zhangdian, kejiju, renshe]) {
      const r = await pdf(u, answered.id, which);
      assert.equal(r.statusCode, 404, `${u.role} ${u.unitId ?? u.enterpriseId}: ${r.body}`);
    }
    for (const u of [ent, colleague, exitEntry, supervisor]) assert.equal((await pdf(u, answered.id, which)).statusCode, 200, `${which} for ${u.role}`);
    // A malformed id is a 422 with the field named.
    assertProblem(await call(t, ent, { method: 'GET', url: `/api/v1/items/not-a-uuid/${which}.pdf` }), 422, { paths: ['id'] });
  }
  t.setNow(undefined);
});

test('text wraps within its width: Chinese anywhere, Latin at spaces, an over-long token where it must', () => {
  const width = 200;
  const text = `答复意见：${'准予许可。'.repeat(12)} Both documents are ready at the joint window. https://example.org/${'a'.repeat(120)} end`;
  const lines = wrapText(text, 10.5, width);
  assert.ok(lines.length > 5);
  for (const l of lines) assert.ok(textWidth(l, 10.5) <= width + 0.01, `${l} is ${textWidth(l, 10.5)} wide`);
  assert.equal(lines.join('').replace(/\s/g, ''), text.replace(/\s/g, ''), 'nothing lost');
  assert.ok(lines.some((l) => l.endsWith('joint') || l.includes('joint window.')), 'Latin words stay whole');
  // Latin is measured proportionally (Times-Roman), Chinese at a full em.
  assert.equal(textWidth('中文', 10), 20);
  assert.ok(textWidth('ill', 10) < textWidth('WWW', 10));
});
