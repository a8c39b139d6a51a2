// 受理回执 with a QR code, and the public verification it opens: genuine or not, nothing personal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { act, buildUser, call, exitEntryUrgentData, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

let t: TestApp;
let ent: TestUser;
let other: TestUser;
let exitEntry: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  other = await buildUser(t, 'enterprise-admin');
  exitEntry = await buildUser(t, 'officer', { unitId: 'zb-exit-entry' });
});
after(() => t.close());

const urgent = exitEntryUrgentData();

test('an accepted item has a printable receipt whose QR code verifies it publicly; a tampered link does not', async () => {
  const item = (await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'exit-entry-urgent', data: urgent } })).json;
  const receipt = (u: TestUser | null) => call(t, u, { method: 'GET', url: `/api/v1/items/${item.id}/receipt` });
  assertProblem(await receipt(ent), 422, { code: 'receipt_not_available' });
  await act(t, exitEntry, item, 'accept');
  assertProblem(await receipt(null), 401);
  assertProblem(await receipt(other), 404);

  const r = await receipt(ent);
  assert.equal(r.status, 200, r.body);
  assert.match(String(r.headers['content-type']), /^text\/html/);
  assert.match(r.body, /受理回执/);
  assert.ok(r.body.includes(item.number));
  assert.match(r.body, /<img src="data:image\/png;base64,/);
  assert.ok(!r.body.includes(urgent.idNumber) && !r.body.includes(urgent.mobile), 'no personal data on the receipt');
  const link = /<small>(https?:\/\/[^<]+)<\/small>/.exec(r.body)![1].replace(/&amp;/g, '&');
  // The QR code opens the web app's verification page, which asks the public API with the same number and signature.
  assert.match(new URL(link).pathname, /^\/verify\/JQ\d+$/);
  const path = `/api/v1/public${new URL(link).pathname}${new URL(link).search}`;

  const ok = await call(t, null, { method: 'GET', url: path });
  assert.equal(ok.status, 200, ok.body);
  assert.equal(ok.json.genuine, true);
  assert.equal(ok.json.number, item.number);
  assert.equal(ok.json.status, 'accepted');
  assert.equal(ok.json.type, 'exit-entry-urgent');
  assert.ok(ok.json.acceptedAt.endsWith('+08:00'));
  assert.ok(!ok.body.includes(urgent.idNumber) && !ok.body.includes(urgent.name) && !ok.body.includes(urgent.mobile));

  const sig = new URL(link).searchParams.get('s')!;
  const tampered = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
  for (const url of [
    `/api/v1/public/verify/${item.number}?s=${tampered}`,
    `/api/v1/public/verify/${item.number}`,
    `/api/v1/public/verify/${item.number.slice(0, -1)}${item.number.endsWith('1') ? '2' : '1'}?s=${sig}`,
  ]) {
    const bad = await call(t, null, { method: 'GET', url });
    assert.equal(bad.status, 200);
    assert.equal(bad.json.genuine, false, url);
    assert.equal(bad.json.status, undefined);
  }
  assertProblem(await call(t, null, { method: 'GET', url: `/api/v1/public/verify/${'x'.repeat(41)}` }), 422, { paths: ['number'] });
});
