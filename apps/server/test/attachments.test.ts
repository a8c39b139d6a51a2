import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appealData, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';

let t: TestApp;
let ent: TestUser;
let officer: TestUser;
before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  officer = await buildUser(t, 'officer');
});
after(() => t.close());

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('%%EOF')]);

function multipart(filename: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = '----jqtboundary7';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(user: TestUser | null, filename: string, content: Buffer, type?: string) {
  const m = multipart(filename, content, type);
  return call(t, user, { method: 'POST', url: '/api/v1/attachments', payload: m.payload, headers: m.headers });
}

test('an uploaded PDF can be attached to an item and read by its handler', async () => {
  const up = await upload(ent, '营业执照.pdf', PDF);
  assert.equal(up.status, 201, up.body);
  assert.equal(up.json.mime, 'application/pdf');
  const item = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData({ attachments: [up.json.id] }) } });
  assert.equal(item.status, 201, item.body);
  const got = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${up.json.id}`, headers: { cookie: officer.cookie } });
  assert.equal(got.statusCode, 200);
  assert.deepEqual(got.rawPayload, PDF);
  const stranger = await buildUser(t, 'enterprise-admin');
  assert.equal((await call(t, stranger, { method: 'GET', url: `/api/v1/attachments/${up.json.id}` })).status, 404);
});

test('uploads are refused by type, size and emptiness; others’ files cannot be attached', async () => {
  const exe = await upload(ent, 'invoice.pdf', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf');
  assert.equal(exe.status, 422);
  assert.equal(exe.json.errors[0].code, 'attachment_type');
  const big = await upload(ent, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]));
  assert.equal(big.status, 422, big.body);
  assert.equal(big.json.errors[0].code, 'attachment_too_large');
  const empty = await upload(ent, 'empty.pdf', Buffer.alloc(0));
  assert.equal(empty.status, 422);
  assert.equal((await upload(null, 'a.pdf', PDF)).status, 401);
  const theirs = await upload(officer, 'x.pdf', PDF);
  const r = await call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'appeal', data: appealData({ attachments: [theirs.json.id] }) } });
  assert.equal(r.status, 422);
  assert.equal(r.json.errors[0].path, 'data.attachments.0');
});
