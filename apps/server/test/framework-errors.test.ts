import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { makeTestApp, type TestApp } from './helpers.ts';

/**
 * Issue 16, point 3: every error the HTTP framework raises itself leaves as problem+json with the platform's
 * fields, whether it comes through the router (inject) or straight from the HTTP parser (a real socket).
 */
let t: TestApp;
let port: number;

before(async () => {
  t = await makeTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
after(() => t.close());

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes bytes to the server on a fresh socket and reads the whole answer (the server closes or we stop at its length). */
function raw(bytes: string | Buffer): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      let body = rest.join('\r\n\r\n');
      if (headers['content-length']) body = Buffer.from(body).subarray(0, Number(headers['content-length'])).toString('utf8');
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    };
    socket.on('data', (d) => {
      chunks.push(d);
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /\r\ncontent-length: *(\d+)/i.exec(text);
      const end = text.indexOf('\r\n\r\n');
      if (m && end >= 0 && Buffer.byteLength(text.slice(end + 4)) >= Number(m[1])) {
        socket.destroy();
        finish();
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => (chunks.length ? finish() : reject(new Error('no answer'))));
    socket.setTimeout(5000, () => socket.destroy());
    socket.write(bytes);
  });
}

function assertShape(name: string, r: Raw, status: number | number[]) {
  const statuses = [status].flat();
  assert.ok(statuses.includes(r.status), `${name}: expected ${statuses.join('/')}, got ${r.status}: ${r.body}`);
  assert.match(r.headers['content-type'] ?? '', /^application\/problem\+json/, `${name}: content type ${r.headers['content-type']}`);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(r.body);
  } catch {
    assert.fail(`${name}: not JSON: ${r.body}`);
  }
  assert.equal(json.status, r.status, name);
  assert.match(String(json.type), /^urn:jqt:problem:[a-z_]+$/, name);
  assert.match(String(json.code), /^[a-z_]+$/, name);
  assert.equal(json.type, `urn:jqt:problem:${json.code}`, name);
  assert.equal(typeof json.title, 'string', name);
  assert.ok((json.title as string).length > 0 && json.title !== json.code, `${name}: title is the message, not the code`);
  assert.equal(typeof json.instance, 'string', name);
  for (const k of Object.keys(json)) assert.ok(['type', 'title', 'status', 'code', 'instance', 'errors', 'params'].includes(k), `${name}: unexpected field ${k}`);
}

const big = JSON.stringify({ username: 'x'.repeat(3 * 1024 * 1024), password: 'y' });

const injected: { name: string; status: number | number[]; req: InjectOptions }[] = [
  { name: 'unknown API route', status: 404, req: { method: 'GET', url: '/api/v1/no-such-thing' } },
  { name: 'method not allowed', status: [404, 405], req: { method: 'DELETE', url: '/api/v1/health' } },
  { name: 'PATCH on a GET route', status: [404, 405], req: { method: 'PATCH', url: '/api/v1/item-types' } },
  { name: 'malformed JSON', status: [400, 422], req: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' } },
  { name: 'empty JSON body', status: [400, 422], req: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '' } },
  { name: 'JSON prototype poisoning', status: [400, 422], req: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"x": 1}}' } },
  { name: 'unsupported content type', status: 415, req: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' } },
  { name: 'garbage content type', status: [400, 415], req: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': '; ; ;' }, payload: 'x' } },
  { name: 'body too large', status: 413, req: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: big } },
  { name: 'URL parameter too long', status: 414, req: { method: 'GET', url: `/api/v1/public/pass-codes/${'a'.repeat(500)}` } },
  { name: 'bad percent-encoding in the path', status: 400, req: { method: 'GET', url: '/api/v1/public/pass-codes/%E0%A4%A' } },
  { name: 'bad percent-encoding, English', status: 400, req: { method: 'GET', url: '/api/v1/items/%zz', headers: { 'accept-language': 'en' } } },
];

for (const c of injected) {
  test(`framework error through the router: ${c.name}`, async () => {
    const res = await t.app.inject(c.req);
    assertShape(c.name, { status: res.statusCode, headers: res.headers as Record<string, string>, body: res.body }, c.status);
  });
}

const sockets: { name: string; status: number | number[]; bytes: string }[] = [
  { name: 'header too large', status: 431, bytes: `GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n` },
  { name: 'garbage request line', status: 400, bytes: 'HELLO WORLD\r\n\r\n' },
  { name: 'invalid method', status: [400, 404, 405], bytes: 'FOO@ /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n' },
  { name: 'unknown but valid method', status: [404, 405], bytes: 'PROPFIND /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' },
  { name: 'bad percent-encoding over a socket', status: 400, bytes: 'GET /api/v1/public/pass-codes/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' },
  { name: 'URL parameter too long over a socket', status: 414, bytes: `GET /api/v1/public/pass-codes/${'b'.repeat(300)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n` },
  { name: 'invalid content length', status: 400, bytes: 'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}' },
  { name: 'bad header name', status: 400, bytes: 'GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n' },
  { name: 'malformed chunked body', status: [400, 422], bytes: 'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n' },
  { name: 'malformed JSON over a socket', status: [400, 422], bytes: 'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"a":' },
];

for (const c of sockets) {
  test(`framework error from the HTTP parser: ${c.name}`, async () => {
    assertShape(c.name, await raw(c.bytes), c.status);
  });
}
