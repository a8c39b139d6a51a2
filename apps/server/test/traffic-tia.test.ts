import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq, like } from 'drizzle-orm';
import { items, settings } from '../src/db/schema.ts';
import { act, buildUser, call, makeTestApp, type TestApp, type TestUser } from './helpers.ts';
import { assertProblem } from './support-problem.ts';

let t: TestApp;
let admin: TestUser;
let ent: TestUser;
let jiaojing: TestUser;
let officer: TestUser;
before(async () => {
  t = await makeTestApp();
  admin = await buildUser(t, 'admin');
  ent = await buildUser(t, 'enterprise-admin');
  jiaojing = await buildUser(t, 'officer', { unitId: 'zb-traffic' });
  officer = await buildUser(t, 'officer');
});
after(() => t.close());

const URL = '/api/v1/traffic/tia-thresholds';
const project = (over: Record<string, unknown> = {}) => ({
  projectName: '张店区某物流园',
  location: '张店区华光路',
  projectKind: 'industrial',
  buildingAreaM2: 15_000,
  parkingSpaces: 100,
  peakHourTrips: 200,
  contactName: '孙工',
  contactPhone: '13612345678',
  ...over,
});
const submit = (data: Record<string, unknown>) => call(t, ent, { method: 'POST', url: '/api/v1/items', payload: { type: 'tia-screening', data } });
const get = (u: TestUser, id: string) => call(t, u, { method: 'GET', url: `/api/v1/items/${id}` });
const versionRows = async () => Number((await t.ctx.database.db.select({ n: count() }).from(settings).where(like(settings.key, 'tia-thresholds:%')))[0].n);
const itemCount = async () => Number((await t.ctx.database.db.select({ n: count() }).from(items).where(eq(items.type, 'tia-screening')))[0].n);

// Items made in one test and acted on in the next.
const made: Record<string, { id: string; version: number }> = {};

test('thresholds: only an admin lists and publishes; the public reads the version in force; bad values are 422 with every field and save nothing', async () => {
  t.setNow('2026-06-01T09:00:00+08:00');
  assertProblem(await call(t, null, { method: 'GET', url: URL }), 401, { code: 'unauthenticated' });
  assertProblem(await call(t, null, { method: 'POST', url: URL, payload: { thresholds: { buildingAreaM2: 1000, parkingSpaces: 10, peakHourTrips: 10 } } }), 401);
  for (const u of [officer, jiaojing, ent]) {
    assertProblem(await call(t, u, { method: 'GET', url: URL }), 403, { code: 'forbidden' });
    assertProblem(await call(t, u, { method: 'POST', url: URL, payload: { thresholds: { buildingAreaM2: 1000, parkingSpaces: 10, peakHourTrips: 10 } } }), 403, { code: 'forbidden' });
  }

  const list = await call(t, admin, { method: 'GET', url: URL });
  assert.equal(list.status, 200, list.body);
  assert.deepEqual(list.json.versions.map((v: { version: number; inForce: boolean }) => [v.version, v.inForce]), [[1, true]]);
  assert.deepEqual(list.json.versions[0].thresholds, { buildingAreaM2: 20000, parkingSpaces: 150, peakHourTrips: 300 });
  assert.equal(list.json.versions[0].effectiveFrom, '2023-06-16T00:00:00+08:00');
  assert.deepEqual(list.json.bounds.parkingSpaces, { min: 1, max: 10000, integer: true, label: { zh: '停车泊位（个）', en: 'Parking spaces' } });

  const before = await versionRows();
  let r = await call(t, admin, {
    method: 'POST',
    url: URL,
    payload: { effectiveFrom: '2026-05-31T23:59:59+08:00', thresholds: { buildingAreaM2: 0, parkingSpaces: 1.5, peakHourTrips: 2_000_000, cars: 3 }, note: '试' },
  });
  const problem = assertProblem(r, 422, {
    code: 'validation_failed',
    paths: ['effectiveFrom', 'thresholds.buildingAreaM2', 'thresholds.parkingSpaces', 'thresholds.peakHourTrips', 'thresholds.cars'],
    locale: 'zh',
  });
  assert.deepEqual(problem.errors!.map((e) => `${e.path} ${e.code}`).sort(), [
    'effectiveFrom tia_thresholds_effective_past',
    'thresholds.buildingAreaM2 too_small',
    'thresholds.cars unknown_field',
    'thresholds.parkingSpaces tia_threshold_not_integer',
    'thresholds.peakHourTrips too_large',
  ]);
  r = await call(t, admin, { method: 'POST', url: URL, payload: { effectiveFrom: 'next monday', thresholds: { buildingAreaM2: -1, parkingSpaces: '150' } }, headers: { 'accept-language': 'en' } });
  assert.deepEqual(
    assertProblem(r, 422, { paths: ['effectiveFrom', 'thresholds.buildingAreaM2', 'thresholds.parkingSpaces', 'thresholds.peakHourTrips'], locale: 'en' }).errors!.map((e) => `${e.path} ${e.code}`).sort(),
    ['effectiveFrom invalid_datetime', 'thresholds.buildingAreaM2 too_small', 'thresholds.parkingSpaces invalid_type', 'thresholds.peakHourTrips required'],
  );
  assertProblem(await call(t, admin, { method: 'POST', url: URL, payload: {} }), 422, { paths: ['thresholds'] });
  assert.equal(await versionRows(), before, 'nothing saved');
  assert.equal((await call(t, admin, { method: 'GET', url: URL })).json.versions.length, 1);

  const pub = await call(t, null, { method: 'GET', url: `${URL}/current` });
  assert.equal(pub.status, 200, pub.body);
  assert.deepEqual(pub.json, {
    version: 1,
    effectiveFrom: '2023-06-16T00:00:00+08:00',
    thresholds: { buildingAreaM2: 20000, parkingSpaces: 150, peakHourTrips: 300 },
    labels: { buildingAreaM2: { zh: '总建筑面积（平方米）', en: 'Floor area (m²)' }, parkingSpaces: { zh: '停车泊位（个）', en: 'Parking spaces' }, peakHourTrips: { zh: '高峰小时出行量（人次）', en: 'Peak-hour trips' } },
    next: null,
  });
  t.setNow(undefined);
});

test('versions: an item is screened by the version in force when submitted, keeps that result, and names the version', async () => {
  t.setNow('2026-06-01T10:00:00+08:00');
  let r = await submit(project());
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.status, 'submitted');
  assert.deepEqual(r.json.outputs.screening, { result: 'expert-survey', met: [], thresholds: { buildingAreaM2: 20000, parkingSpaces: 150, peakHourTrips: 300 }, thresholdsVersion: 1 });
  assert.deepEqual(r.json.timeline.map((e: { action: string }) => e.action), ['submit', 'screen']);
  assert.match(r.json.timeline[1].note, /专家现场踏勘（阈值版本 1）/);
  assert.equal(r.json.timeline[1].detail.screening.thresholdsVersion, 1);
  made.survey = r.json;
  // Still the handler's new work: the traffic police are told.
  const notes = await call(t, jiaojing, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(notes.json.notifications.some((n: { kind: string; itemId: string }) => n.kind === 'new_item' && n.itemId === r.json.id), notes.body);

  const pub = await call(t, admin, {
    method: 'POST',
    url: URL,
    payload: { effectiveFrom: '2026-06-10T00:00:00+08:00', thresholds: { buildingAreaM2: 10000, parkingSpaces: 150, peakHourTrips: 300 }, note: '按新修订的实施办法下调面积阈值' },
  });
  assert.equal(pub.status, 201, pub.body);
  assert.equal(pub.json.version, 2);
  assert.equal(pub.json.inForce, false);
  assert.equal(pub.json.effectiveFrom, '2026-06-10T00:00:00+08:00');
  assert.deepEqual(pub.json.author, { id: admin.id, name: admin.username });
  let cur = (await call(t, null, { method: 'GET', url: `${URL}/current` })).json;
  assert.equal(cur.version, 1);
  assert.deepEqual(cur.next, { version: 2, effectiveFrom: '2026-06-10T00:00:00+08:00', thresholds: { buildingAreaM2: 10000, parkingSpaces: 150, peakHourTrips: 300 } });

  t.setNow('2026-06-09T23:59:59+08:00');
  r = await submit(project());
  assert.equal(r.json.outputs.screening.result, 'expert-survey');
  assert.equal(r.json.outputs.screening.thresholdsVersion, 1);

  t.setNow('2026-06-10T00:00:00+08:00');
  r = await submit(project());
  assert.equal(r.status, 201, r.body);
  assert.deepEqual(r.json.outputs.screening, { result: 'assessment-required', met: ['buildingAreaM2'], thresholds: { buildingAreaM2: 10000, parkingSpaces: 150, peakHourTrips: 300 }, thresholdsVersion: 2 });
  assert.match(r.json.timeline[1].note, /须开展交通影响评价（达到阈值：总建筑面积（平方米）；阈值版本 2）/);
  made.assessment = r.json;

  // The first item keeps the result of the version that decided it.
  const old = await get(ent, made.survey.id);
  assert.equal(old.json.outputs.screening.result, 'expert-survey');
  assert.equal(old.json.outputs.screening.thresholdsVersion, 1);

  // Omitted effectiveFrom: in force at once. Every version stays listed, newest first.
  t.setNow('2026-06-20T09:00:00+08:00');
  const v3 = await call(t, admin, { method: 'POST', url: URL, payload: { thresholds: { buildingAreaM2: 12000.5, parkingSpaces: 120, peakHourTrips: 250 } } });
  assert.equal(v3.status, 201, v3.body);
  assert.equal(v3.json.effectiveFrom, '2026-06-20T09:00:00+08:00');
  assert.equal(v3.json.inForce, true);
  const list = await call(t, admin, { method: 'GET', url: URL });
  assert.deepEqual(list.json.versions.map((v: { version: number; inForce: boolean }) => [v.version, v.inForce]), [[3, true], [2, false], [1, false]]);
  assert.equal(list.json.versions[1].note, '按新修订的实施办法下调面积阈值');
  cur = (await call(t, null, { method: 'GET', url: `${URL}/current` })).json;
  assert.equal(cur.version, 3);
  assert.equal(cur.next, null);
  assert.equal((await get(ent, made.assessment.id)).json.outputs.screening.thresholdsVersion, 2);

  // Audited as every admin change.
  const audit = await call(t, admin, { method: 'GET', url: '/api/v1/admin/audit?limit=500' });
  const entries = audit.json.entries.filter((e: { action: string }) => e.action === 'traffic.tia-thresholds.create');
  assert.deepEqual(entries.map((e: { subject: string }) => e.subject), ['tia-thresholds:2', 'tia-thresholds:3']);
  t.setNow(undefined);
});

test('an expert-survey item is answered with a survey on a future working day; holidays and past days are 422 and change nothing', async () => {
  // 2026-09-29 is a Tuesday; 10-01…10-07 is the National Day holiday, 10-10 a make-up working Saturday.
  t.setNow('2026-09-29T09:00:00+08:00');
  let s = await act(t, jiaojing, made.survey, 'accept');
  assert.equal(s.status, 200, s.body);
  const accepted = s.json;
  const answer = (fields: Record<string, unknown>) => act(t, jiaojing, accepted, 'answer', { note: '经初筛未达到交通影响评价启动阈值，组织专家现场踏勘。', ...fields });

  assert.deepEqual(
    assertProblem(await answer({}), 422, { paths: ['surveyDate', 'surveyTime', 'surveyPlace'] }).errors!.map((e) => e.code),
    ['required', 'required', 'required'],
  );
  let bad = assertProblem(await answer({ surveyDate: '2026-10-01', surveyTime: '09:00', surveyPlace: '项目现场东门' }), 422, { paths: ['surveyDate'], locale: 'zh' });
  assert.equal(bad.errors![0].code, 'appointment_not_workday');
  assert.match(bad.errors![0].message, /2026-10-01 不是工作日/);
  bad = assertProblem(await answer({ surveyDate: '2026-09-29', surveyTime: '25:00', surveyPlace: '项目现场东门' }), 422, { paths: ['surveyDate', 'surveyTime'] });
  assert.deepEqual(bad.errors!.map((e) => e.code).sort(), ['appointment_not_future', 'not_in_options']);
  assertProblem(await answer({ surveyDate: '2026-09-28', surveyTime: '09:00', surveyPlace: '项目现场东门' }), 422, { paths: ['surveyDate'] });
  assertProblem(await answer({ surveyDate: '2026-10-11', surveyTime: '09:00', surveyPlace: '项目现场东门' }), 422, { paths: ['surveyDate'] });
  let now = await get(jiaojing, accepted.id);
  assert.equal(now.json.status, 'accepted');
  assert.equal(now.json.version, accepted.version, 'nothing saved');
  assert.equal(now.json.outputs.survey, null);

  s = await answer({ surveyDate: '2026-10-10', surveyTime: '09:30', surveyPlace: '项目现场东门' });
  assert.equal(s.status, 200, s.body);
  assert.equal(s.json.status, 'answered');
  assert.deepEqual(s.json.outputs.survey, { date: '2026-10-10', time: '09:30', place: '项目现场东门' });
  const ev = s.json.timeline.find((e: { action: string }) => e.action === 'answer');
  assert.deepEqual(ev.detail.answer, { surveyDate: '2026-10-10', surveyTime: '09:30', surveyPlace: '项目现场东门' });
  now = await get(ent, accepted.id);
  assert.deepEqual(now.json.outputs.survey, { date: '2026-10-10', time: '09:30', place: '项目现场东门' });

  const zh = await call(t, ent, { method: 'GET', url: '/api/v1/notifications' });
  const n = zh.json.notifications.find((x: { kind: string; itemId: string }) => x.kind === 'survey_scheduled' && x.itemId === accepted.id);
  assert.ok(n, zh.body);
  assert.equal(n.message, `您的事项 ${accepted.number} 已安排专家现场踏勘：2026-10-10 09:30，集合地点：项目现场东门`);
  const en = await call(t, ent, { method: 'GET', url: '/api/v1/notifications', headers: { 'accept-language': 'en' } });
  assert.match(en.json.notifications.find((x: { kind: string }) => x.kind === 'survey_scheduled').message, /scheduled: 2026-10-10 09:30, meeting at 项目现场东门/);
  t.setNow(undefined);
});

test('an item that needs an assessment is answered without a survey; survey fields for it are refused', async () => {
  t.setNow('2026-09-29T09:00:00+08:00');
  const s = await act(t, jiaojing, made.assessment, 'accept');
  assert.equal(s.status, 200, s.body);
  const bad = assertProblem(await act(t, jiaojing, s.json, 'answer', { note: '须开展交通影响评价', surveyDate: '2026-10-09' }), 422, { paths: ['surveyDate'] });
  assert.equal(bad.errors![0].code, 'survey_not_applicable');
  const ok = await act(t, jiaojing, s.json, 'answer', { note: '项目达到启动阈值，请委托有资质的单位开展交通影响评价。' });
  assert.equal(ok.status, 200, ok.body);
  assert.equal(ok.json.outputs.survey, null);
  const notes = await call(t, ent, { method: 'GET', url: '/api/v1/notifications' });
  assert.ok(notes.json.notifications.some((x: { kind: string; itemId: string }) => x.kind === 'item_answered' && x.itemId === s.json.id));
  t.setNow(undefined);
});

test('the catalog publishes the answer forms; bad figures still save nothing', async () => {
  const types = (await call(t, null, { method: 'GET', url: '/api/v1/item-types' })).json;
  const tia = types.find((x: { code: string }) => x.code === 'tia-screening');
  assert.deepEqual(Object.keys(tia.answerForm.properties), ['surveyDate', 'surveyTime', 'surveyPlace']);
  assert.equal(tia.answerForm.properties.surveyDate.format, 'date');
  assert.ok(tia.answerForm.properties.surveyTime.enum.includes('09:30'));
  assert.equal(types.find((x: { code: string }) => x.code === 'appeal').answerForm, null);
  const before = await itemCount();
  const r = await submit(project({ buildingAreaM2: -5, parkingSpaces: 1.5, screening: { result: 'expert-survey' } }));
  assertProblem(r, 422, { paths: ['data.buildingAreaM2', 'data.parkingSpaces', 'data.screening'] });
  assert.equal(await itemCount(), before);
});
