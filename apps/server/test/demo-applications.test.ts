// Demo data of the green channel (M3–M6): made by the real services, in every meaningful status, with certificates
// where decided, ratings, batches and a package — and quick enough for a first `npm start`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, type TestApp, type TestUser } from './helpers.ts';
import { makeDemoApp, type DemoApp } from './support-demo.ts';

let t: TestApp;
let demo: DemoApp['demo'];
let supervisor: TestUser;
let ent1: TestUser;
let seedMs = 0;

before(async () => {
  ({ t, demo, seedMs } = await makeDemoApp('2026-11-18T15:00:00+08:00')); // a Wednesday
  supervisor = await demo('supervisor', 'supervisor');
  ent1 = await demo('ent.demo1', 'enterprise-admin');
});
after(() => t.close());

type Cert = { kind: string; number: string };
type Item = {
  id: string;
  type: string;
  status: string;
  data: Record<string, unknown>;
  batchId: string | null;
  packageId: string | null;
  rating: { level: string } | null;
  branches: { status: string; decision?: string }[];
  outputs?: { decision: string | null; certificates: Cert[] };
};
async function all(u: TestUser, type: string): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | null = null;
  do {
    const r = await call(t, u, { method: 'GET', url: `/api/v1/items?type=${type}&limit=100${cursor ? `&cursor=${cursor}` : ''}` });
    assert.equal(r.status, 200, r.body);
    for (const i of r.json.items) out.push((await call(t, u, { method: 'GET', url: `/api/v1/items/${i.id}` })).json);
    cursor = r.json.nextCursor;
  } while (cursor);
  return out;
}
const statuses = (items: Item[]) => [...new Set(items.map((i) => i.status))].sort();

test('every application type has demo items in its meaningful statuses, made through the services', async () => {
  const talent = await all(supervisor, 'talent-hukou');
  assert.deepEqual([...new Set(talent.map((i) => i.data.channel))].sort(), ['high-level', 'local-graduate', 'online-student']);
  // Accepted ones go straight to the window's talent specialist (in progress).
  assert.deepEqual(statuses(talent), ['awaiting_supplement', 'closed', 'in_progress', 'refused', 'submitted']);

  const foreign = await all(supervisor, 'foreign-talent-permits');
  const kinds = (i: Item) => (i.outputs?.certificates ?? []).map((c) => c.kind).sort();
  assert.ok(foreign.some((i) => i.status === 'closed' && kinds(i).join() === 'foreign-residence-permit,foreign-work-permit'), 'one fully issued');
  assert.ok(foreign.some((i) => i.status === 'accepted' && kinds(i).join() === 'foreign-work-permit'), 'work permit done, residence permit pending');
  assert.ok(foreign.some((i) => i.branches.some((b) => b.status === 'open')), 'both branches open');
  assert.ok(foreign.some((i) => i.outputs?.decision === 'denied' && i.branches[0].decision === 'denied' && !kinds(i).length), 'one denied');
  assert.ok(foreign.some((i) => i.status === 'submitted'));

  const residence = await all(supervisor, 'residence-permit');
  const batched = residence.filter((i) => i.batchId);
  assert.ok(batched.filter((i) => i.status === 'closed').length >= 10, 'a delivered batch');
  assert.ok(batched.filter((i) => i.status === 'submitted').length >= 3, 'a batch waiting for acceptance');
  assert.ok(batched.filter((i) => i.status === 'closed').every((i) => i.outputs?.certificates.length === 1));
  const batches = (await call(t, supervisor, { method: 'GET', url: '/api/v1/residence-permits/batches' })).json.batches;
  assert.deepEqual(batches.map((b: { status: string }) => b.status).sort(), ['delivered', 'submitted']);
  assert.ok(batches.every((b: { rejectedRows: number }) => b.rejectedRows >= 1), 'rejected rows reported for correction');
  assert.ok(residence.some((i) => !i.batchId && i.status === 'closed'));

  const house = await all(supervisor, 'house-number');
  assert.ok(house.some((i) => i.outputs?.decision === 'denied'));
  assert.ok(house.some((i) => i.status === 'in_progress' || i.status === 'accepted'));
  const oversize = await all(supervisor, 'oversize-transport');
  assert.deepEqual([...new Set(oversize.map((i) => i.data.route))].sort(), ['in-province', 'out-of-province']);
  assert.ok(oversize.some((i) => i.rating?.level === 'dissatisfied'), 'a bad rating followed up');
  const works = await all(supervisor, 'road-works');
  assert.ok(works.length >= 3);
  const urgent = await all(supervisor, 'exit-entry-urgent');
  assert.deepEqual(statuses(urgent), ['accepted', 'closed', 'submitted']);

  // 打包办: the house numbers and road works of one project, one package.
  const packaged = [...house, ...works].filter((i) => i.packageId);
  assert.equal(packaged.length, 2);
  assert.equal(packaged[0].packageId, packaged[1].packageId);

  // Ratings on the five-level scale.
  const rated = [...talent, ...foreign, ...residence, ...house, ...oversize, ...works, ...urgent].filter((i) => i.rating);
  assert.ok(rated.length >= 5);
  assert.ok(rated.some((i) => i.rating!.level === 'very-satisfied'));
});

test('decided items carry their certificates, numbered without gaps per kind; enterprises see only their own', async () => {
  const byKind = new Map<string, string[]>();
  for (const type of ['talent-hukou', 'foreign-talent-permits', 'residence-permit', 'house-number', 'oversize-transport', 'road-works', 'exit-entry-urgent']) {
    for (const i of await all(supervisor, type)) {
      for (const c of i.outputs?.certificates ?? []) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.number]);
      if (i.outputs?.decision === 'approved' && i.status !== 'answered') assert.ok(i.outputs.certificates.length, `${type} ${i.status} approved with a number`);
    }
  }
  assert.deepEqual([...byKind.keys()].sort(), [
    'exit-entry-urgent', 'foreign-residence-permit', 'foreign-work-permit', 'house-number', 'hukou-move-in', 'oversize-transport-pass', 'residence-permit', 'road-works-permit',
  ]);
  for (const [kind, numbers] of byKind) {
    const serials = numbers.map((n) => Number(/〔2026〕第(\d{6})号$/.exec(n)![1])).sort((a, b) => a - b);
    assert.deepEqual(serials, serials.map((_, k) => k + 1), kind);
  }
  const own = await all(ent1, 'foreign-talent-permits');
  assert.ok(own.length >= 3 && own.every((i) => i.status));
  assert.ok((await all(await demo('ent.demo2', 'enterprise-admin'), 'foreign-talent-permits')).every((i) => !own.some((o) => o.id === i.id)));
});

test('the demo accounts added for these windows sign in; seeding stays quick', async () => {
  for (const [u, role] of [
    ['officer.huji', 'officer'],
    ['partner.renshe', 'partner'],
    ['officer.paichusuo', 'officer'],
    ['officer.jiaojing.zhangdian', 'officer'],
    ['applicant.demo', 'applicant'],
  ] as const) {
    const me = await call(t, await demo(u, role), { method: 'GET', url: '/api/v1/auth/me' });
    assert.equal(me.status, 200, `${u}: ${me.body}`);
  }
  assert.ok(seedMs < 60_000, `whole demo seeded in ${seedMs} ms`);
});
