import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
before(async () => {
  t = await makeTestApp();
});
after(() => t.close());

test('health answers ok once migrations ran', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok' });
});

test('OpenAPI 3.1 document lists the contract endpoints', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/api/v1/health', '/api/v1/calendar/days', '/api/v1/calendar/deadline', '/api/v1/validate', '/api/v1/auth/login', '/api/v1/items', '/api/v1/items/{id}/transitions']) {
    assert.ok(doc.paths[p], `missing ${p}`);
  }
  const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
  assert.ok([200, 302].includes(docs.statusCode));
});

test('unknown API path is a problem+json 404', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
  assert.equal(res.statusCode, 404);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  assert.equal(res.json().status, 404);
});
