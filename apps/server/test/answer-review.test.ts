import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { act, buildUser, call, makeTestApp, submitAppeal, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem, auditEntries } from './support-problem.ts';

/**
 * 审核 (issue 13 point 1): a unit's leaders choose the item types whose answers they review; an officer's answer
 * to such an item waits, unseen by the enterprise, while the clock runs; a leader of the unit or above it sends it
 * out or returns it with the reason.
 */
let t: TestApp;
const u: Record<string, TestUser> = {};
const STATION = 'zhangdian-station-chezhan';
const answer = '经核实，人才落户绿色通道可由贵司人事部门携博士学历证明到车站派出所户籍窗口办理，当场受理。';

const settings = (who: TestUser | null, unitId = STATION) => call(t, who, { method: 'GET', url: `/api/v1/units/${unitId}/answer-review` });
const save = (who: TestUser | null, itemTypes: unknown, unitId = STATION) => call(t, who, { method: 'PUT', url: `/api/v1/units/${unitId}/answer-review`, payload: { itemTypes } });
const get = (who: TestUser, id: string) => call(t, who, { method: 'GET', url: `/api/v1/items/${id}` });

/** An appeal of the enterprise taken by the station, accepted there. */
async function stationAppeal() {
  const a = await submitAppeal(t, u.ent);
  const tr = await act(t, u.officerZd, a, 'transfer', { toUnitId: STATION, note: '辖区派出所办理' });
  const at = await act(t, u.officer, tr.json, 'accept-transfer', {});
  const acc = await act(t, u.officer, at.json, 'accept', {});
  assert.equal(acc.status, 200, acc.body);
  return acc.json;
}

before(async () => {
  t = await makeTestApp();
  u.ent = await buildUser(t, 'enterprise-admin', { district: 'zhangdian' });
  u.officerZd = await buildUser(t, 'officer', { unitId: 'zhangdian-branch' });
  u.officer = await buildUser(t, 'officer', { unitId: STATION });
  u.leader = await buildUser(t, 'unit-leader', { unitId: STATION });
  u.head = await buildUser(t, 'unit-leader', { unitId: 'zhangdian-branch' });
  u.leaderZc = await buildUser(t, 'unit-leader', { unitId: 'zhoucun-branch' });
  u.officerOther = await buildUser(t, 'officer', { unitId: 'zhangdian-station-mashang' });
  u.supervisor = await buildUser(t, 'supervisor');
  u.admin = await buildUser(t, 'admin');
});
after(() => t.close());

test('the unit’s leaders (and those above) choose the reviewed types; bad types are 422 with nothing saved', async () => {
  assert.deepEqual((await settings(u.officer)).json, { unitId: STATION, itemTypes: [], abilities: { canEdit: false } });
  const bad = await save(u.leader, ['appeal', 'no-such-type', 'appeal']);
  assertProblem(bad, 422, { code: 'validation_failed', paths: ['itemTypes.1', 'itemTypes.2'] });
  assertProblem(await save(u.leader, 'appeal'), 422);
  assert.deepEqual((await settings(u.leader)).json.itemTypes, []);
  const ok = await save(u.head, ['appeal']);
  assert.equal(ok.status, 200, ok.body);
  assert.deepEqual(ok.json, { unitId: STATION, itemTypes: ['appeal'], abilities: { canEdit: true } });
  assert.ok((await auditEntries(t, u.admin)).some((e) => e.action === 'unit.answer-review' && e.subject === `unit:${STATION}`));
});

test('no one outside the unit’s line sets or reads its review', async () => {
  assertProblem(await settings(null), 401);
  assertProblem(await save(null, []), 401);
  assertProblem(await settings(u.ent), 403);
  assertProblem(await save(u.officer, []), 403);
  assertProblem(await save(u.supervisor, []), 403);
  assertProblem(await save(u.leaderZc, []), 404);
  assertProblem(await settings(u.officerOther), 404);
  assertProblem(await settings(u.leader, 'no-such-unit'), 404);
  assert.equal((await settings(u.supervisor)).status, 200);
  assert.deepEqual((await settings(u.leader)).json.itemTypes, ['appeal']);
});

test('an officer’s answer waits for review: the clock runs, the enterprise sees nothing of it, the leader is told', async () => {
  const item = await stationAppeal();
  assert.equal((await get(u.officer, item.id)).json.answerReview, true);
  const r = await act(t, u.officer, item, 'answer', { note: answer });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.status, 'accepted');
  assert.equal(r.json.answeredAt, null);
  assert.equal(r.json.dueAt, item.dueAt);
  assert.equal(r.json.pendingAnswer.note, answer);
  assert.equal(r.json.abilities.canAnswer, false);
  assert.equal(r.json.timeline.at(-1).action, 'answer-submitted');

  const seen = (await get(u.ent, item.id)).json;
  assert.equal(seen.status, 'accepted');
  assert.equal(seen.pendingAnswer, null);
  assert.equal(seen.answer, null);
  assert.ok(!seen.timeline.some((e: { action: string }) => e.action === 'answer-submitted'));
  assert.ok(!JSON.stringify(seen).includes('户籍窗口'));

  const notes = (await call(t, u.leader, { method: 'GET', url: '/api/v1/notifications' })).json;
  assert.ok(notes.notifications.some((n: { kind: string; itemId: string }) => n.kind === 'answer_review_requested' && n.itemId === item.id), JSON.stringify(notes));

  // Held: no second answer; the 张店 head (above the station) sees the review buttons, 周村's head not the item.
  assertProblem(await act(t, u.officer, r.json, 'answer', { note: answer }), 409, { code: 'answer_in_review' });
  const forHead = (await get(u.head, item.id)).json;
  assert.equal(forHead.abilities.canApproveAnswer, true);
  assertProblem(await act(t, u.leaderZc, r.json, 'approve-answer', {}), 404);
  assertProblem(await act(t, u.officer, r.json, 'approve-answer', {}), 403);
  assertProblem(await act(t, u.ent, r.json, 'approve-answer', {}), 403);

  // The head releases it: answered now, the enterprise told, the review on record.
  const ok = await act(t, u.head, r.json, 'approve-answer', { note: '同意答复' });
  assert.equal(ok.status, 200, ok.body);
  assert.equal(ok.json.status, 'answered');
  assert.equal(ok.json.answer, answer);
  assert.equal(ok.json.pendingAnswer, null);
  const released = ok.json.timeline.at(-1);
  assert.equal(released.action, 'answer');
  assert.equal(released.actor.id, u.head.id);
  assert.equal(released.detail.review.draftedBy, u.officer.id);
  const mine = (await get(u.ent, item.id)).json;
  assert.equal(mine.answer, answer);
  assert.equal(mine.abilities.canRate, true);
  const entNotes = (await call(t, u.ent, { method: 'GET', url: '/api/v1/notifications' })).json;
  assert.ok(entNotes.notifications.some((n: { kind: string; itemId: string }) => n.kind === 'item_answered' && n.itemId === item.id));
});

test('a returned answer needs the reason, goes back to the officer, and the next one is checked again', async () => {
  const item = await stationAppeal();
  const held = (await act(t, u.officer, item, 'answer', { note: answer })).json;
  const noReason = await act(t, u.leader, held, 'return-answer', {});
  assertProblem(noReason, 422, { paths: ['note'] });
  assert.ok((await get(u.leader, item.id)).json.pendingAnswer, 'nothing changed');
  const back = await act(t, u.leader, held, 'return-answer', { note: '请写明办理窗口的办公时间' });
  assert.equal(back.status, 200, back.body);
  assert.equal(back.json.pendingAnswer, null);
  assert.equal(back.json.abilities.canApproveAnswer, false);
  const seen = (await get(u.ent, item.id)).json;
  assert.ok(!seen.timeline.some((e: { action: string }) => e.action === 'return-answer'));
  // The answer checks hold for a held answer as for one that goes out: "好" is refused, nothing saved.
  assertProblem(await act(t, u.officer, (await get(u.officer, item.id)).json, 'answer', { note: '好' }), 422, { paths: ['note'] });
  assert.equal((await get(u.officer, item.id)).json.pendingAnswer, null);
  const again = await act(t, u.officer, (await get(u.officer, item.id)).json, 'answer', { note: `${answer}办公时间为工作日上午九时至下午五时。` });
  assert.equal(again.json.timeline.at(-1).action, 'answer-submitted');
});

test('a leader’s own answer and a unit without review go out at once', async () => {
  const item = await stationAppeal();
  const r = await act(t, u.leader, item, 'answer', { note: answer });
  assert.equal(r.json.status, 'answered');
  assert.equal((await save(u.leader, [])).status, 200);
  const other = await stationAppeal();
  assert.equal((await get(u.officer, other.id)).json.answerReview, false);
  assert.equal((await act(t, u.officer, other, 'answer', { note: answer })).json.status, 'answered');
});
