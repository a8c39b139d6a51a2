import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

/** Issue 16, point 2: a truncated or malformed multipart upload is a 4xx problem, and leaves nothing behind. */
let t: TestApp;
let ent: TestUser;
let port: number;

before(async () => {
  t = await makeTestApp();
  ent = await buildUser(t, 'enterprise-admin');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
after(() => t.close());

const B = '----jqtboundary9';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 0x20), Buffer.from('%%EOF')]);
const head = (name = 'file', filename = 'a.pdf') => `--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
const whole = Buffer.concat([Buffer.from(head()), PDF, Buffer.from(`\r\n--${B}--\r\n`)]);

const count = async () => Number((await t.ctx.database.rows<{ n: string }>(sql`select count(*) as n from attachments`))[0]!.n);
/** Files the server keeps beside its data, if it keeps any: none may appear. */
const files = () => (existsSync(t.ctx.config.dataDir) ? readdirSync(t.ctx.config.dataDir, { recursive: true }).length : 0);

const bodies: { name: string; body: Buffer; type?: string }[] = [
  { name: 'cut off in the middle of the file', body: whole.subarray(0, Math.floor(whole.length / 2)) },
  { name: 'cut off right after the part headers', body: Buffer.from(head()) },
  { name: 'cut off inside the part headers', body: Buffer.from(head().slice(0, 30)) },
  { name: 'no closing boundary', body: Buffer.concat([Buffer.from(head()), PDF, Buffer.from('\r\n')]) },
  { name: 'garbage instead of a part', body: Buffer.from('this is not multipart at all') },
  { name: 'empty body', body: Buffer.alloc(0) },
  { name: 'part headers without a blank line', body: Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n--${B}--\r\n`) },
  { name: 'a field instead of a file', body: Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="x"\r\n\r\nvalue\r\n--${B}--\r\n`) },
  { name: 'no boundary in the content type', body: whole, type: 'multipart/form-data' },
  { name: 'a boundary that is not in the body', body: whole, type: 'multipart/form-data; boundary=other' },
];

for (const c of bodies) {
  test(`malformed upload through inject: ${c.name} → 4xx problem+json, nothing saved`, async () => {
    const rows = await count();
    const before = files();
    const r = await call(t, ent, { method: 'POST', url: '/api/v1/attachments', payload: c.body, headers: { 'content-type': c.type ?? `multipart/form-data; boundary=${B}` } });
    assert.ok(r.status >= 400 && r.status < 500, `${r.status} ${r.body}`);
    assertProblem(r, r.status);
    if (r.status === 422) assert.equal(r.json.errors?.[0]?.path, 'file', r.body);
    assert.equal(await count(), rows);
    assert.equal(files(), before);
  });
}

/** Over a real socket: announce the whole length, send half and close the connection (a client that dies mid-upload). */
test('an upload whose client goes away half-way saves nothing and does not break the server', async () => {
  const rows = await count();
  await new Promise<void>((resolve) => {
    const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/api/v1/attachments', headers: { cookie: ent.cookie, 'content-type': `multipart/form-data; boundary=${B}`, 'content-length': whole.length } });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.write(whole.subarray(0, 2000), () => setTimeout(() => req.destroy(), 100));
    req.on('close', () => setTimeout(resolve, 300));
  });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await count(), rows);
  const ok = await call(t, ent, { method: 'POST', url: '/api/v1/attachments', payload: whole, headers: { 'content-type': `multipart/form-data; boundary=${B}` } });
  assert.equal(ok.status, 201, ok.body);
  assert.equal(await count(), rows + 1);
});

test('the spreadsheet uploads (residence batches, liaison assignments) answer a cut-off body the same way', async () => {
  const office = await buildUser(t, 'supervisor');
  const cut = Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004`);
  for (const [user, url] of [[ent, '/api/v1/residence-permits/batches'], [office, '/api/v1/liaison/assignments/import']] as const) {
    const batches = Number((await t.ctx.database.rows<{ n: string }>(sql`select count(*) as n from residence_batches`))[0]!.n);
    const r = await call(t, user, { method: 'POST', url, payload: cut, headers: { 'content-type': `multipart/form-data; boundary=${B}` } });
    assert.equal(assertProblem(r, 422, { paths: ['file'] }).errors![0]!.code, 'attachment_incomplete', url);
    const garbage = await call(t, user, { method: 'POST', url, payload: 'garbage', headers: { 'content-type': `multipart/form-data; boundary=${B}` } });
    assertProblem(garbage, 422, { paths: ['file'] });
    assert.equal(Number((await t.ctx.database.rows<{ n: string }>(sql`select count(*) as n from residence_batches`))[0]!.n), batches);
  }
});
