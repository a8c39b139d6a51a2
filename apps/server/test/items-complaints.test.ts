import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { act, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let ent: TestUser;
let inspector: TestUser;
let officer: TestUser;
let supervisor: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  inspector = await buildUser(t, 'officer', { unitId: 'zb-inspection' });
  officer = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  supervisor = await buildUser(t, 'supervisor');
});
after(() => t.close());

const complaint = { subject: '某派出所户籍窗口', content: '窗口工作人员态度生硬，未一次性告知材料。', contactName: '赵先生', contactPhone: '13812345678' };

test('a conduct complaint filed without an account is accepted the same day; major means 3 working days', async () => {
  t.setNow('2026-04-03T15:00:00+08:00'); // Friday before 清明 (04-04..06)
  const r = await call(t, null, { method: 'POST', url: '/api/v1/items', payload: { type: 'conduct-complaint', data: complaint } });
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.acceptDueAt, '2026-04-03T23:59:59+08:00');
  assert.match(r.json.queryCode, /^[0-9a-f]{12}$/);
  assert.equal(r.json.unitId, 'zb-inspection');
  assert.equal(r.json.data.contactPhone, '138****5678', 'the anonymous filer sees the number masked in the echo');
  const accepted = await act(t, inspector, r.json, 'accept', { major: true });
  assert.equal(accepted.status, 200, accepted.body);
  assert.equal(accepted.json.dueAt, '2026-04-09T23:59:59+08:00'); // 04-07, 04-08, 04-09
  assert.deepEqual(accepted.json.timeline[1].detail.accept, { major: true });

  const ordinary = await call(t, null, { method: 'POST', url: '/api/v1/items', payload: { type: 'conduct-complaint', data: complaint } });
  const acc2 = await act(t, inspector, ordinary.json, 'accept', {});
  assert.equal(acc2.json.dueAt, '2026-04-27T23:59:59+08:00'); // 15 working days after the holiday
  const badMajor = await call(t, null, { method: 'POST', url: '/api/v1/items', payload: { type: 'conduct-complaint', data: complaint } });
  const bad = await act(t, inspector, badMajor.json, 'accept', { major: 'yes' });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.errors[0].path, 'major');
  t.setNow(undefined);
});

test('anonymous filings are rate-limited per address', async () => {
  let limited = false;
  for (let i = 0; i < 40 && !limited; i++) {
    const r = await call(t, null, { method: 'POST', url: '/api/v1/items', payload: { type: 'conduct-complaint', data: { bad: true } }, remoteAddress: '10.9.8.7' } as never);
    if (r.status === 429) limited = true;
    else assert.equal(r.status, 422);
  }
  assert.ok(limited, 'expected 429 within 40 anonymous posts');
});

test('a public-order complaint verified on a Friday before a holiday is due by the calendarDays rule', async () => {
  t.setNow('2026-04-02T09:00:00+08:00');
  const r = await call(t, ent, {
    method: 'POST',
    url: '/api/v1/items',
    payload: { type: 'public-order-complaint', data: { problem: 'obstruction', location: '东门工地', content: '有人多次阻工强揽土方工程。', contactName: '钱经理', contactPhone: '13912345678' } },
  });
  assert.equal(r.status, 201, r.body);
  t.setNow('2026-04-03T16:00:00+08:00');
  const v = await act(t, officer, r.json, 'accept', { note: '经核查属实' });
  // 3 calendar days after 04-03 is 04-06, a holiday: the first working day after it.
  assert.equal(v.json.dueAt, '2026-04-07T23:59:59+08:00');
  t.setNow(undefined);
});

test('a petition cannot be transferred a third time without a supervisor; a returned transfer goes back', async () => {
  const p = await call(t, ent, {
    method: 'POST',
    url: '/api/v1/items',
    payload: { type: 'petition', data: { title: '反映案件办理进度', content: '报案三个月未见进展，请求督促。', contactName: '孙经理', contactPhone: '13912345678' } },
  });
  assert.equal(p.status, 201, p.body);
  assert.equal(p.json.firstUnitId, 'zhangdian-branch');
  const econ = await buildUser(t, 'officer', { unitId: 'zb-econ' });
  const legal = await buildUser(t, 'officer', { unitId: 'zb-legal' });

  // Returned: the first unit keeps it and stays its owner of record.
  let r = await act(t, officer, p.json, 'transfer', { toUnitId: 'zb-econ', note: '涉经济犯罪' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.unitId, 'zhangdian-branch');
  assert.equal((await call(t, econ, { method: 'GET', url: `/api/v1/items/${p.json.id}` })).json.abilities.canAcceptTransfer, true);
  r = await act(t, econ, r.json, 'return', { note: '不属本单位管辖' });
  assert.equal(r.json.unitId, 'zhangdian-branch');
  assert.equal(r.json.pendingTransfer, null);
  assert.equal(r.json.transferCount, 0);

  // Two accepted transfers …
  r = await act(t, officer, r.json, 'transfer', { toUnitId: 'zb-econ', note: '涉经济犯罪' });
  r = await act(t, econ, r.json, 'accept-transfer');
  assert.equal(r.json.unitId, 'zb-econ');
  assert.equal(r.json.firstUnitId, 'zhangdian-branch');
  r = await act(t, econ, r.json, 'transfer', { toUnitId: 'zb-legal', note: '需法律审查' });
  r = await act(t, legal, r.json, 'accept-transfer');
  assert.equal(r.json.transferCount, 2);
  // … and the third needs a supervisor.
  const third = await act(t, legal, r.json, 'transfer', { toUnitId: 'zhangdian-branch', note: '退回属地' });
  assert.equal(third.status, 403);
  assert.equal(third.json.code, 'third_transfer_needs_supervisor');
  const bySupervisor = await act(t, supervisor, r.json, 'transfer', { toUnitId: 'zhangdian-branch', note: '督办决定由属地办理' });
  assert.equal(bySupervisor.status, 200, bySupervisor.body);
  assert.equal(bySupervisor.json.pendingTransfer.toUnitId, 'zhangdian-branch');
});

test('joint branches: the item cannot be answered until every branch is done', async () => {
  const p = await call(t, ent, {
    method: 'POST',
    url: '/api/v1/items',
    payload: { type: 'appeal', data: { category: 'difficulty', title: '外籍工程师来淄手续', content: '需要科技局与出入境共同办理。', contactName: '李', contactPhone: '13912345678' } },
  });
  let r = await act(t, officer, p.json, 'accept');
  r = await act(t, officer, r.json, 'open-branch', { toUnitId: 'partner-kejiju', note: '请科技局核实工作许可' });
  assert.equal(r.status, 200, r.body);
  const branchId = r.json.branches[0].id;
  const blocked = await act(t, officer, r.json, 'answer', { note: '答复' });
  assert.equal(blocked.status, 422);
  assert.equal(blocked.json.code, 'branches_open');
  const partner = await buildUser(t, 'partner', { unitId: 'partner-kejiju' });
  const seen = await call(t, partner, { method: 'GET', url: `/api/v1/items/${p.json.id}` });
  assert.equal(seen.status, 200);
  assert.equal(seen.json.abilities.canCompleteBranch, true);
  assert.equal(seen.json.abilities.canAnswer, false);
  // The partner's queue finds the item through its branch, with the branch's deadline.
  const queue = await call(t, partner, { method: 'GET', url: '/api/v1/items?limit=20' });
  assert.equal(queue.status, 200, queue.body);
  const listed = queue.json.items.find((i: { id: string }) => i.id === p.json.id);
  assert.ok(listed, 'the branch item is in the partner queue');
  assert.equal(listed.dueAt, seen.json.dueAt);
  const done = await act(t, partner, seen.json, 'complete-branch', { branchId, note: '工作许可已核实' });
  assert.equal(done.status, 200, done.body);
  const answered = await act(t, officer, done.json, 'answer', { note: '经科技局与出入境共同办理，外籍工程师来淄手续已全部办结。' });
  assert.equal(answered.json.status, 'answered');
  const otherPartner = await buildUser(t, 'partner', { unitId: 'partner-renshe' });
  assert.equal((await call(t, otherPartner, { method: 'GET', url: `/api/v1/items/${p.json.id}` })).status, 404);
});

test('extension: asked once by the handler, approved by the leader, the submitter told the new deadline', async () => {
  t.setNow('2026-06-01T09:00:00+08:00');
  const leader = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
  const p = await call(t, ent, {
    method: 'POST',
    url: '/api/v1/items',
    payload: { type: 'appeal', data: { category: 'policy', title: '延期测试', content: '需要多部门协调的诉求。', contactName: '李', contactPhone: '13912345678' } },
  });
  let r = await act(t, officer, p.json, 'accept');
  assert.equal(r.json.dueAt, '2026-06-08T23:59:59+08:00');
  const tooMany = await act(t, officer, r.json, 'extend', { days: 6, note: '协调' });
  assert.equal(tooMany.status, 422);
  r = await act(t, officer, r.json, 'extend', { days: 2, note: '需协调住建部门' });
  assert.equal(r.status, 200, r.body);
  assert.equal((await act(t, officer, r.json, 'approve-extension')).status, 403);
  r = await act(t, leader, r.json, 'approve-extension');
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.dueAt, '2026-06-10T23:59:59+08:00');
  const twice = await act(t, officer, r.json, 'extend', { days: 1, note: '再延' });
  assert.equal(twice.json.code, 'extension_used');
  const notes = await call(t, ent, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(notes.json.notifications.some((n: { kind: string }) => n.kind === 'deadline_extended'));
  t.setNow(undefined);
});

test('12389 status lookup: the number and query code show the status and step dates, nothing personal; a wrong code or number is the same 404; bad input 422', async () => {
  t.setNow(undefined);
  const filed = await call(t, null, { method: 'POST', url: '/api/v1/items', payload: { type: 'conduct-complaint', data: complaint }, remoteAddress: '10.7.7.1' } as never);
  assert.equal(filed.status, 201, filed.body);
  const status = (body: unknown) => call(t, null, { method: 'POST', url: '/api/v1/public/items/status', payload: body as never, remoteAddress: '10.7.7.2' } as never);
  const ok = await status({ number: filed.json.number, queryCode: filed.json.queryCode.toUpperCase() });
  assert.equal(ok.status, 200, ok.body);
  assert.equal(ok.json.status, 'submitted');
  assert.deepEqual(ok.json.steps.map((s: { action: string }) => s.action), ['submit']);
  assert.equal(ok.json.type, 'conduct-complaint');
  assert.ok(ok.json.typeName.zh && ok.json.typeName.en);
  assert.ok(ok.json.dueAt, 'the deadline the unit is held to');
  for (const secret of [complaint.contactName, complaint.contactPhone, complaint.content, 'contactPhone', 'unitId', 'assignee']) assert.ok(!ok.body.includes(secret), `the answer holds no ${secret}`);
  await act(t, inspector, filed.json, 'accept', { major: false });
  assert.deepEqual((await status({ number: filed.json.number, queryCode: filed.json.queryCode })).json.steps.map((s: { action: string }) => s.action), ['submit', 'accept']);

  const wrongCode = await status({ number: filed.json.number, queryCode: '000000000000' });
  const wrongNumber = await status({ number: 'JQ20990101999999', queryCode: filed.json.queryCode });
  for (const r of [wrongCode, wrongNumber]) {
    assert.equal(r.status, 404);
    assert.equal(r.json.code, 'query_code_mismatch');
  }
  assert.equal(wrongCode.body, wrongNumber.body, 'the same answer for a wrong number and a wrong code');
  const bad = await status({ number: '', queryCode: 7, extra: true });
  assert.equal(bad.status, 422);
  assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
});
