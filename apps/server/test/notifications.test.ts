import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { act, buildUser, call, makeTestApp, submitAppeal, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let ent: TestUser;
let officer: TestUser;
let base: string;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  officer = await buildUser(t, 'officer');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
after(() => t.close());

test('a notice arrives live on the event stream when the item is acted on', async () => {
  const item = await submitAppeal(t, ent);
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/notifications/stream`, { headers: { cookie: ent.cookie }, signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  const got = (async () => {
    while (!received.includes('event: notice')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
  })();
  await new Promise((r) => setTimeout(r, 100));
  await act(t, officer, item, 'accept');
  await Promise.race([got, new Promise((_, reject) => setTimeout(() => reject(new Error(`no notice; got ${received}`)), 5000))]);
  controller.abort();
  assert.ok(received.includes('event: notice'));
  const list = await call(t, ent, { method: 'GET', url: '/api/v1/notifications' });
  const n = list.json.notifications.find((x: { kind: string }) => x.kind === 'item_accepted');
  assert.ok(n);
  assert.match(n.message, new RegExp(item.number));
  const en = await call(t, ent, { method: 'GET', url: '/api/v1/notifications', headers: { 'accept-language': 'en' } });
  assert.match(en.json.notifications[0].message, /^[ -~]+$/);
  const read = await call(t, ent, { method: 'POST', url: `/api/v1/notifications/${n.id}/read` });
  assert.equal(read.status, 204);
  // Nobody marks another user's notices read.
  assert.equal((await call(t, officer, { method: 'POST', url: `/api/v1/notifications/${n.id}/read` })).status, 404);
  assert.equal((await call(t, null, { method: 'GET', url: '/api/v1/notifications' })).status, 401);
  assert.equal((await call(t, ent, { method: 'GET', url: '/api/v1/notifications?limit=1000' })).status, 422);
});

test('mark all read: every unread notice of the user at once, nobody else\'s; anonymous callers are refused', async () => {
  const other = await buildUser(t, 'enterprise-admin');
  await act(t, officer, await submitAppeal(t, ent), 'accept');
  await act(t, officer, await submitAppeal(t, other), 'accept');
  const unread = (u: TestUser) => call(t, u, { method: 'GET', url: '/api/v1/notifications' }).then((r) => r.json.unread as number);
  const otherBefore = await unread(other);
  assert.ok((await unread(ent)) > 0 && otherBefore > 0);
  const r = await call(t, ent, { method: 'POST', url: '/api/v1/notifications/read-all' });
  assert.equal(r.status, 200);
  assert.ok(r.json.marked > 0);
  assert.equal(await unread(ent), 0);
  assert.equal(await unread(other), otherBefore, 'another user\'s notices stay unread');
  assert.deepEqual((await call(t, ent, { method: 'POST', url: '/api/v1/notifications/read-all' })).json, { marked: 0 });
  assert.equal((await call(t, null, { method: 'POST', url: '/api/v1/notifications/read-all' })).status, 401);
});
