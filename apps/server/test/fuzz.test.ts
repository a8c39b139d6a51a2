import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { prng } from '@jqt/domain';
import { buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';

/**
 * Issue 16: a few thousand malformed requests over every route of the OpenAPI document the app serves, as an
 * admin and anonymously: never a 5xx, and every 4xx is problem+json. Seeded, so a failure repeats; the failing
 * request is printed. FUZZ_SEED and FUZZ_ROUNDS change the run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 16);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 10);

let t: TestApp;
let admin: TestUser;
let enterprise: TestUser;

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema?: Schema }[];
  body?: Schema;
}
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  maxLength?: number;
  maximum?: number;
}

let operations: Operation[] = [];

before(async () => {
  t = await makeTestApp();
  admin = await buildUser(t, 'admin');
  enterprise = await buildUser(t, 'enterprise-admin');
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  // The live event stream never ends by design (its auth and bad input are tested in notifications.test.ts).
  operations = operations.filter((o) => o.path.startsWith('/api/') && !o.path.endsWith('/stream'));
});
after(() => t.close());

const rnd = prng(SEED);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;

/** Strings that have broken servers: control characters, NUL, lone surrogates, huge, odd Unicode, injections. */
const nasty = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '😀',
  '鲁C12345',
  '370303209901011185',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  "'; drop table items; --",
  '%00',
  '%zz',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u202e\u0301\ufeff',
  'x'.repeat(5000),
  '00000000-0000-0000-0000-000000000000',
  '3f1c2d4e-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
  '2026-02-30',
  '2026-01-05T09:00:00+08:00',
  '9999-12-31',
  '-0001-01-01',
];
const nastyJson: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53 + 1, -1e308, 1e308, [], {}, [null], { a: { b: { c: {} } } }, ...nasty];

function deep(n: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = rnd() < 0.5 ? [v] : { a: v };
  return v;
}

/** A value near what the schema wants, then broken in one random way. */
function valueFor(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 4) return pick(nastyJson);
  const r = rnd();
  if (r < 0.25) return pick(nastyJson);
  if (r < 0.28) return deep(20 + int(200));
  if (s.anyOf || s.oneOf) return valueFor(pick((s.anyOf ?? s.oneOf)!), depth + 1);
  if (s.enum) return rnd() < 0.7 ? pick(s.enum) : pick(nasty);
  const type = Array.isArray(s.type) ? pick(s.type) : s.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) if (rnd() < 0.8) o[k] = valueFor(v, depth + 1);
      if (rnd() < 0.2) o[pick(nasty).slice(0, 20) || 'extra'] = pick(nastyJson);
      if (rnd() < 0.05) o.__proto__ = { polluted: true };
      return o;
    }
    case 'array':
      return Array.from({ length: int(rnd() < 0.1 ? 300 : 4) }, () => valueFor(s.items, depth + 1));
    case 'integer':
    case 'number':
      return pick([0, 1, -1, 7, 2 ** 31, -(2 ** 31), 2 ** 53, 0.5, s.maximum ?? 100, (s.maximum ?? 100) + 1, pick(nasty)]);
    case 'boolean':
      return pick([true, false, 'true', 0, null]);
    case 'string':
      if (s.format === 'uuid') return pick(['3f1c2d4e-5a6b-4c7d-8e9f-a0b1c2d3e4f5', '00000000-0000-4000-8000-000000000000', pick(nasty)]);
      if (s.format === 'date') return pick(['2026-01-05', '2026-02-30', '1899-12-31', '9999-12-31', pick(nasty)]);
      return rnd() < 0.3 ? 'x'.repeat((s.maxLength ?? 100) + 1) : pick(nasty);
    default:
      return pick(nastyJson);
  }
}

/** Percent-encodes, writing a lone surrogate as the raw bytes of one (ED A0 80), as a hostile client would. */
const enc = (x: string) =>
  encodeURIComponent(x.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uffff')).replace(/%EF%BF%BF/g, '%ED%A0%80');
const asQuery = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** One malformed request for an operation. */
function requestFor(op: Operation): InjectOptions & { headers: Record<string, string> } {
  const url = op.path.replace(/\{(\w+)\}/g, () => enc(asQuery(rnd() < 0.3 ? valueFor({ type: 'string', format: 'uuid' }) : pick(nasty))).slice(0, rnd() < 0.1 ? 400 : 150) || 'x');
  const q = new URLSearchParams();
  for (const p of op.params.filter((x) => x.in === 'query')) {
    if (rnd() < 0.6) q.append(p.name, asQuery(valueFor(p.schema)));
    if (rnd() < 0.1) q.append(p.name, pick(nasty)); // the same key twice: an array where a string was expected
  }
  if (rnd() < 0.1) q.append(pick(nasty) || 'k', pick(nasty));
  let qs = q.toString();
  if (rnd() < 0.05) qs += pick(['&%zz=1', '&a[b]=1', '&__proto__[x]=1', '&=', '&&&', '&a=%00']);
  const headers: Record<string, string> = {};
  if (rnd() < 0.2) headers['idempotency-key'] = asQuery(pick(nasty)).replace(/[\r\n]/g, '').slice(0, 200) || 'k';
  if (rnd() < 0.1) headers['if-match'] = pick(['"1"', 'W/"x"', '*', '-1', 'abc']);
  if (rnd() < 0.3) headers['accept-language'] = pick(['en', 'zh-CN', 'xx', '*', 'en;q=abc']);
  const opts: InjectOptions & { headers: Record<string, string> } = { method: op.method as InjectOptions['method'], url: qs ? `${url}?${qs}` : url, headers };
  if (op.method !== 'GET' && op.method !== 'DELETE') {
    const r = rnd();
    if (r < 0.6) {
      opts.payload = JSON.stringify(valueFor(op.body ?? { type: 'object' }));
      headers['content-type'] = 'application/json';
    } else if (r < 0.7) {
      opts.payload = pick(['{', '{"a":', '[1,2', '"\\ud800"', '{"a":"\\u0000"}', 'nul', '']);
      headers['content-type'] = 'application/json';
    } else if (r < 0.8) {
      opts.payload = 'a=1&b=%00';
      headers['content-type'] = pick(['application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'foo/bar; charset=nope']);
    } else if (r < 0.9) {
      opts.payload = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-';
      headers['content-type'] = pick(['multipart/form-data; boundary=b', 'multipart/form-data']);
    }
  }
  return opts;
}

/** Label of a request in a failure message, short enough to read. */
const label = (o: InjectOptions) => `${o.method} ${String(o.url).slice(0, 200)} ${String(o.payload ?? '').slice(0, 300)}`;

test(`fuzz: ${ROUNDS} rounds of malformed requests over every route, admin and anonymous (seed ${SEED})`, { timeout: 240_000 }, async () => {
  assert.ok(operations.length > 50, `only ${operations.length} operations in the OpenAPI document`);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const op of operations) {
      for (const who of [admin, enterprise, null]) {
        // Signing out would end the session the rest of the run uses; it is fuzzed anonymously only.
        if (who && op.path === '/api/v1/auth/logout') continue;
        const req = requestFor(op);
        const started = Date.now();
        if (process.env.FUZZ_DEBUG) process.stderr.write(`> ${label(req).slice(0, 150)}\n`);
        const r = await call(t, who, req);
        if (process.env.FUZZ_DEBUG && Date.now() - started > 300) console.log('slow', Date.now() - started, label(req).slice(0, 200));
        sent++;
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        const problem = /^application\/problem\+json/.test(String(r.headers['content-type']));
        if (r.status >= 500) failures.push(`${r.status} as ${who?.role ?? 'anonymous'}: ${label(req)} → ${r.body.slice(0, 300)}`);
        else if (r.status >= 400 && (!problem || typeof r.json?.code !== 'string' || r.json?.status !== r.status)) {
          failures.push(`${r.status} not problem+json (${r.headers['content-type']}) as ${who?.role ?? 'anonymous'}: ${label(req)} → ${r.body.slice(0, 300)}`);
        }
        if (failures.length >= 20) break;
      }
    }
  }
  if (process.env.FUZZ_DEBUG) console.log(sent, Object.fromEntries([...statuses].sort()));
  assert.ok(sent >= 1000 || ROUNDS < 5, `only ${sent} requests`);
  // The admin's session lived through the run (the fuzz did not just test 401s).
  assert.equal((await call(t, admin, { method: 'GET', url: '/api/v1/auth/me' })).status, 200);
  assert.deepEqual(failures, []);
});
