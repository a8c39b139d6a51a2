import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, type TestApp, type TestUser } from './helpers.ts';
import { makeDemoApp, type DemoApp } from './support-demo.ts';

let t: TestApp;
let demo: DemoApp['demo'];
let jiaojing: TestUser;
let cheguansuo: TestUser;
let ent1: TestUser;
let ent2: TestUser;
let seedMs = 0;

before(async () => {
  ({ t, demo, seedMs } = await makeDemoApp('2026-11-20T10:00:00+08:00')); // a Friday
  jiaojing = await demo('officer.jiaojing', 'officer');
  cheguansuo = await demo('officer.cheguansuo', 'officer');
  ent1 = await demo('ent.demo1', 'enterprise-admin');
  ent2 = await demo('ent.demo2', 'enterprise-admin');
});
after(() => t.close());

type Item = { id: string; type: string; status: string; outputs?: Record<string, any>; timeline?: { action: string; note: string | null }[] };
async function itemsOf(u: TestUser, type: string): Promise<Item[]> {
  const r = await call(t, u, { method: 'GET', url: `/api/v1/items?type=${type}&limit=100` });
  assert.equal(r.status, 200, r.body);
  return Promise.all(r.json.items.map(async (i: { id: string }) => (await call(t, u, { method: 'GET', url: `/api/v1/items/${i.id}` })).json));
}

test('the demo seeds pass codes in every state, and the checker honours them', async () => {
  console.log(`# demo seed (all of it) took ${seedMs} ms`);
  const codes = (await call(t, jiaojing, { method: 'GET', url: '/api/v1/traffic/pass-codes' })).json.passCodes as { kind: string; status: string; plate: string; itemId: string }[];
  const states = codes.map((c) => `${c.kind} ${c.status}`).sort();
  assert.deepEqual(states, ['short-term valid', 'temporary expired', 'temporary revoked', 'temporary valid']);
  const passes = [...(await itemsOf(ent1, 'truck-pass')), ...(await itemsOf(ent2, 'truck-pass'))];
  const underReview = passes.filter((i) => i.status === 'accepted' || i.status === 'submitted');
  assert.equal(underReview.length, 1, 'the long-term code under review');
  assert.deepEqual(underReview[0].outputs!.passCodes, []);
  const revoked = passes.find((i) => i.outputs!.passCodes.some((c: { status: string }) => c.status === 'revoked'))!;
  assert.deepEqual(revoked.timeline!.map((e) => e.action), ['submit', 'issue', 'revoke-pass-code']);

  const valid = codes.find((c) => c.kind === 'temporary' && c.status === 'valid')!;
  const plate = passes.flatMap((i) => i.outputs!.passCodes).find((c: { id: string; status: string; kind: string }) => c.kind === 'temporary' && c.status === 'valid').plate;
  assert.ok(valid && plate);
  const check = async (p: string, roadId: string, at: string, vehicle: Record<string, unknown>) =>
    (await call(t, null, { method: 'POST', url: '/api/v1/traffic/access-checks', payload: { vehicle: { plate: p, use: 'general', ...vehicle }, road: { roadId }, at } })).json;
  const truck = { newEnergy: false, totalMassKg: 18000, lengthMm: 9600, body: 'box' };
  assert.equal((await check(plate, 'zd-liuquan-rd', '2026-11-20T12:00:00+08:00', truck)).rule, 'pass-code');
  // An approved sanitation filing lets its NEV through at 05:30 on its route (SPEC §5 rule 3).
  const sanitation = { newEnergy: true, totalMassKg: 9000, lengthMm: 7500, body: 'other', use: 'sanitation' };
  assert.equal((await check('鲁CD12388', 'zd-renmin-rd', '2026-11-21T07:30:00+08:00', sanitation)).rule, 'nev-special-filing');
});

test('the demo seeds NEV filings, TIA screenings of both results with a booked survey, and a booked batch inspection', async () => {
  const filings = await itemsOf(ent1, 'nev-special-filing');
  const approved = filings.filter((i) => i.status === 'answered');
  assert.equal(approved.length, 2);
  assert.ok(approved.every((i) => i.outputs!.filings.length === 1 && i.outputs!.filings[0].status === 'approved'));
  assert.equal((await itemsOf(ent2, 'nev-special-filing')).filter((i) => i.status === 'submitted').length, 1);

  const tia = [...(await itemsOf(ent1, 'tia-screening')), ...(await itemsOf(ent2, 'tia-screening'))];
  assert.equal(tia.length, 3);
  assert.deepEqual([...new Set(tia.map((i) => i.outputs!.screening.result))].sort(), ['assessment-required', 'expert-survey']);
  assert.ok(tia.every((i) => i.outputs!.screening.thresholdsVersion === 1 && i.timeline!.some((e) => e.action === 'screen')));
  const surveyed = tia.filter((i) => i.outputs!.survey);
  assert.equal(surveyed.length, 1);
  assert.equal(surveyed[0].outputs!.screening.result, 'expert-survey');
  assert.ok(surveyed[0].outputs!.survey.date > '2026-11-20');
  const survey = (await call(t, ent2, { method: 'GET', url: '/api/v1/notifications' })).json.notifications.find((n: { kind: string }) => n.kind === 'survey_scheduled');
  assert.match(survey.message, /已安排专家现场踏勘/);

  const batches = await itemsOf(cheguansuo, 'batch-inspection');
  assert.equal(batches.length, 2);
  const booked = batches.filter((i) => i.outputs!.inspection);
  assert.equal(booked.length, 1);
  assert.equal(booked[0].outputs!.inspection.station.id, 'zhangdian-east');
  assert.ok(booked[0].outputs!.inspection.date > '2026-11-20');
  assert.equal(batches.filter((i) => i.status === 'accepted').length, 1);
});

test('the demo seeds six months of freight accidents and hazard inspections with one rectification overdue', async () => {
  const stats = await call(t, jiaojing, { method: 'GET', url: '/api/v1/traffic/accidents/stats?from=2026-05-20&to=2026-11-20' });
  assert.equal(stats.status, 200, stats.body);
  assert.equal(stats.json.count, 36);
  assert.ok(stats.json.simpleProcedureCount >= 20 && stats.json.simpleProcedureCount < 36, String(stats.json.simpleProcedureCount));
  assert.ok(stats.json.medianMinutes > 0);
  const months = await Promise.all(
    ['06', '07', '08', '09', '10', '11'].map(async (m) => (await call(t, jiaojing, { method: 'GET', url: `/api/v1/traffic/accidents/stats?from=2026-${m}-01&to=2026-${m}-28` })).json.count),
  );
  assert.ok(months.filter((n: number) => n > 0).length >= 5, `accidents spread over the months: ${months}`);

  const hz = (await call(t, jiaojing, { method: 'GET', url: '/api/v1/traffic/hazard-inspections' })).json.inspections as { status: string; overdue: boolean }[];
  assert.equal(hz.length, 5);
  assert.deepEqual(hz.map((h) => h.status).sort(), ['no-hazard', 'rectified', 'rectified', 'rectifying', 'rectifying']);
  assert.equal(hz.filter((h) => h.overdue).length, 1);
});
