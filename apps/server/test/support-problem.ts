import assert from 'node:assert/strict';
import type { TestApp, TestUser } from './helpers.ts';
import { call } from './helpers.ts';

type Res = Awaited<ReturnType<typeof call>>;

const HAN = /[\u4e00-\u9fff]/;

/** Asserts an RFC 9457 problem+json answer; with `paths`, that exactly these fields are listed (order ignored). */
export function assertProblem(res: Res, status: number, opts: { code?: string; paths?: string[]; locale?: 'zh' | 'en' } = {}) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal(res.json.status, status);
  assert.equal(typeof res.json.type, 'string');
  assert.equal(typeof res.json.title, 'string');
  if (opts.code) assert.equal(res.json.code, opts.code);
  if (opts.paths) {
    assert.ok(Array.isArray(res.json.errors), `no errors[] in ${res.body}`);
    assert.deepEqual([...new Set(res.json.errors.map((e: { path: string }) => e.path))].sort(), [...opts.paths].sort(), res.body);
    for (const e of res.json.errors) {
      assert.equal(typeof e.code, 'string');
      assert.ok(e.message && e.message !== e.code, `field ${e.path} has no message: ${res.body}`);
      if (opts.locale === 'en') assert.doesNotMatch(e.message, HAN, `English expected: ${e.message}`);
      else if (opts.locale === 'zh') assert.match(e.message, HAN, `Chinese expected: ${e.message}`);
    }
  }
  return res.json as { code: string; errors?: { path: string; code: string; message: string }[] };
}

export const errorAt = (json: { errors?: { path: string; code: string; message: string }[] }, path: string) => {
  const e = json.errors?.find((x) => x.path === path);
  assert.ok(e, `no error at ${path}: ${JSON.stringify(json)}`);
  return e;
};

/** Every audit entry, oldest first. */
export async function auditEntries(t: TestApp, admin: TestUser): Promise<{ action: string; subject: string; detail: unknown }[]> {
  const out = [];
  let after = 0;
  for (;;) {
    const r = await call(t, admin, { method: 'GET', url: `/api/v1/admin/audit?after=${after}&limit=500` });
    assert.equal(r.status, 200, r.body);
    out.push(...r.json.entries);
    if (!r.json.entries.length || r.json.nextAfter === null) return out;
    after = r.json.nextAfter;
  }
}

export const EN = { 'accept-language': 'en' };
