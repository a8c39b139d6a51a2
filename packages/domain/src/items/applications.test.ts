// The application types of M3–M6: declarations, clocks that follow the data, and joint branches opened on acceptance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { STATUTORY_SCHEDULES, WorkCalendar, formatShanghai } from '../calendar/index.ts';
import { transition, type Actor, type ItemAction } from './actions.ts';
import { validateItemData, type ItemTypeDeclaration } from './item-type.ts';
import { createItem, type ItemState } from './item.ts';
import { recomputeClock } from './clock.ts';
import { itemType } from './types/index.ts';
import { makeIdCard } from '../validation/index.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const applicationTypes = ['talent-hukou', 'foreign-talent-permits', 'residence-permit', 'exit-entry-urgent', 'house-number', 'oversize-transport', 'road-works'];
const decl = (code: string) => itemType(code)!;

const applicant: Actor = { id: 'u-app', role: 'applicant' };
const officer: Actor = { id: 'u-off', role: 'officer', unitId: 'zb-exit-entry' };
const kejiju: Actor = { id: 'u-kj', role: 'partner', unitId: 'partner-kejiju' };
const renshe: Actor = { id: 'u-rs', role: 'partner', unitId: 'partner-renshe' };

function fresh(type: ItemTypeDeclaration, data: Record<string, unknown>, unitId: string, now: string): ItemState {
  return createItem({ id: 'i1', type, data, submitterId: 'u-app', enterpriseId: null, unitId, now: new Date(now), calendar: cal });
}
let ids = 0;
function step(type: ItemTypeDeclaration, item: ItemState, action: ItemAction, actor: Actor, input: Record<string, unknown>, now: string) {
  return transition(item, action, input, { actor, now: new Date(now), calendar: cal, type, newId: () => `b${++ids}` });
}
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

test('the seven application types are declared with the five-level scale, a guide and the catalog clocks', () => {
  const expected: Record<string, [unknown, unknown[]]> = {
    'talent-hukou': [{ kind: 'workdays', n: 1 }, [{ kind: 'workdays', n: 5 }]],
    'foreign-talent-permits': [{ kind: 'workdays', n: 1 }, [{ kind: 'workdays', n: 5 }]],
    'residence-permit': [{ kind: 'workdays', n: 1 }, [{ kind: 'calendarDays', n: 15 }]],
    'exit-entry-urgent': [{ kind: 'sameday' }, [{ kind: 'workdays', n: 3 }]],
    'house-number': [{ kind: 'workdays', n: 1 }, [{ kind: 'workdays', n: 5 }]],
    'oversize-transport': [{ kind: 'sameday' }, [{ kind: 'workdays', n: 3 }, { kind: 'sameday' }]],
    'road-works': [{ kind: 'workdays', n: 1 }, [{ kind: 'workdays', n: 3 }]],
  };
  for (const code of applicationTypes) {
    const t = decl(code);
    assert.ok(t, code);
    assert.equal(t.ratingScale, 'five-level', code);
    assert.deepEqual(t.clocks.accept.rule, expected[code][0], code);
    assert.deepEqual(t.clocks.handle.map((h) => h.rule), expected[code][1], code);
    assert.ok(t.guide.materials.length >= 2 && t.guide.steps.length >= 3 && t.guide.basis.zh && t.guide.handledBy.en, code);
    assert.ok([3, 4, 5, 6].includes(t.measure), code);
  }
  // The seed's promises are marked as such.
  assert.equal(decl('house-number').clocks.handle[0].basis, 'seed');
  assert.equal(decl('road-works').clocks.handle[0].basis, 'seed');
  assert.equal(decl('foreign-talent-permits').clocks.handle[0].basis, 'seed');
  assert.equal(decl('residence-permit').clocks.handle[0].basis, 'law');
  assert.ok(decl('oversize-transport').clocks.handle.every((h) => h.basis === 'seed'));
  // Every talent channel's own materials are in the guide.
  const guide = decl('talent-hukou').guide.materials.map((m) => m.zh).join('\n');
  for (const channel of ['绿色通道', '网办通道', '专享通道']) assert.match(guide, new RegExp(`【${channel}】`));
});

test('routing: residence permits to the station of the district, road works to the district brigade, permits to the city units', () => {
  assert.deepEqual(decl('residence-permit').route({ data: {}, enterpriseDistrict: 'linzi' }), { unitType: 'station', district: 'linzi' });
  assert.deepEqual(decl('residence-permit').route({ data: { district: 'boshan' } }), { unitType: 'station', district: 'boshan' });
  assert.deepEqual(decl('road-works').route({ data: { district: 'zichuan' }, enterpriseDistrict: 'zhangdian' }), { unitType: 'traffic-brigade', district: 'zichuan' });
  assert.deepEqual(decl('foreign-talent-permits').route({ data: {} }), { unitType: 'exit-entry' });
  assert.deepEqual(decl('talent-hukou').route({ data: {} }), { unitType: 'hukou' });
  assert.deepEqual(decl('oversize-transport').route({ data: {} }), { unitType: 'traffic-police' });
});

const oversize = (route: string) => ({
  route,
  plate: '鲁C12345',
  cargo: '变压器',
  lengthM: 20,
  widthM: 3.5,
  heightM: 4.2,
  totalMassT: 120,
  origin: '淄博市张店区',
  destination: route === 'in-province' ? '济南市' : '天津市',
  fromDate: '2026-10-12',
  toDate: '2026-10-20',
  contactName: '李师傅',
  contactPhone: '13912345678',
});

test('oversize transport: the handling clock follows the route — same day in-province, 3 working days out of province, across a holiday', () => {
  const t = decl('oversize-transport');
  const cases: [string, string, string][] = [
    // Accepted at 16:00 on a working day (Wednesday before National Day 2026).
    ['in-province', '2026-09-30T16:00:00+08:00', '2026-09-30T23:59:59+08:00'],
    // 10-01..10-07 holiday; 10-08, 10-09 and the make-up Saturday 10-10 are the 3 working days.
    ['out-of-province', '2026-09-30T16:00:00+08:00', '2026-10-10T23:59:59+08:00'],
    // Accepted during the holiday: same day means the next working day.
    ['in-province', '2026-10-03T16:00:00+08:00', '2026-10-08T23:59:59+08:00'],
    ['out-of-province', '2026-10-03T16:00:00+08:00', '2026-10-10T23:59:59+08:00'],
  ];
  for (const [route, acceptedAt, due] of cases) {
    const item = fresh(t, oversize(route), 'zb-traffic', '2026-09-30T09:00:00+08:00');
    const r = step(t, item, 'accept', { id: 'o', role: 'officer', unitId: 'zb-traffic' }, {}, acceptedAt);
    assert.equal(formatShanghai(r.next.dueAt!), due, `${route} accepted ${acceptedAt}`);
  }
  // The acceptance clock is the same day too.
  assert.equal(formatShanghai(fresh(t, oversize('in-province'), 'zb-traffic', '2026-09-30T16:00:00+08:00').acceptDueAt!), '2026-09-30T23:59:59+08:00');
});

const foreignData = {
  fullName: 'Anna Schmidt',
  passportNumber: 'C01X00T47',
  nationality: 'Germany',
  dateOfBirth: '1988-04-02',
  employer: '淄博某新材料有限公司',
  position: 'Chief engineer',
  workPermitPreapproval: 'WP2026-000123',
  contactPhone: '13912345678',
};

test('foreign talent permits: accepting opens the science bureau branch with the same 5-working-day deadline; done only when both are', () => {
  const t = decl('foreign-talent-permits');
  assert.deepEqual(validateItemData(t, foreignData, '2026-09-28').errors, []);
  const item = fresh(t, foreignData, 'zb-exit-entry', '2026-09-28T09:00:00+08:00');
  const accepted = step(t, item, 'accept', officer, {}, '2026-09-28T10:00:00+08:00');
  const next = accepted.next;
  assert.equal(next.status, 'accepted');
  // Mon 09-28 + 5 working days: 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday).
  assert.equal(formatShanghai(next.dueAt!), '2026-10-10T23:59:59+08:00');
  assert.equal(next.branches.length, 1);
  const [branch] = next.branches;
  assert.equal(branch.unitId, 'partner-kejiju');
  assert.match(branch.id, /^b\d+$/);
  assert.equal(branch.status, 'open');
  assert.equal(branch.dueAt, next.dueAt!.toISOString());
  assert.ok(accepted.notices.some((n) => n.to === 'branch-unit' && n.unitId === 'partner-kejiju' && n.kind === 'branch_opened'));
  assert.deepEqual(accepted.event.detail.branches, [{ id: branch.id, unitId: 'partner-kejiju' }]);

  // The residence permit alone does not finish it: the work permit branch is still open.
  assert.equal(refusal(() => step(t, next, 'answer', officer, { note: '居留许可已制证' }, '2026-09-30T10:00:00+08:00')), 'branches_open');
  // Another partner cannot complete it; the science bureau can.
  assert.equal(refusal(() => step(t, next, 'complete-branch', renshe, { branchId: branch.id, note: 'x' }, '2026-09-30T10:00:00+08:00')), 'forbidden');
  const done = step(t, next, 'complete-branch', kejiju, { branchId: branch.id, note: '工作许可证已制证' }, '2026-09-30T11:00:00+08:00');
  assert.equal(done.next.branches[0].status, 'done');
  assert.deepEqual(done.notices, [{ to: 'handler', kind: 'branches_all_done' }]);
  const answered = step(t, done.next, 'answer', officer, { note: '两证均已办结，请到联办窗口领取' }, '2026-09-30T15:00:00+08:00');
  assert.equal(answered.next.status, 'answered');
  // The applicant is told to collect both documents at the joint window.
  assert.deepEqual(answered.notices, [{ to: 'submitter', kind: 'joint_window_pickup' }]);
  // And may rate it on the five-level scale.
  const rated = step(t, answered.next, 'rate', applicant, { rating: 'very-satisfied' }, '2026-09-30T16:00:00+08:00');
  assert.equal(rated.next.rating?.level, 'very-satisfied');
  assert.equal(refusal(() => step(t, answered.next, 'rate', applicant, { rating: 'great' }, '2026-09-30T16:00:00+08:00')), 'validation_failed');
});

test('talent household registration: the HR bureau confirms the talent record in a branch opened on acceptance', () => {
  const t = decl('talent-hukou');
  const data = { channel: 'high-level', name: '张博士', idNumber: makeIdCard('370303', '1990-05-06', 12), mobile: '13912345678', institution: '山东理工大学', targetAddress: '淄博市张店区人民西路 1 号' };
  assert.deepEqual(validateItemData(t, data, '2026-06-01').errors, []);
  assert.deepEqual(validateItemData(t, { ...data, channel: 'vip' }, '2026-06-01').errors.map((e) => e.path), ['data.channel']);
  const item = fresh(t, data, 'zb-hukou', '2026-06-01T09:00:00+08:00');
  const officer = { id: 'h', role: 'officer', unitId: 'zb-hukou' } as const;
  const r = transition(item, 'accept', {}, { actor: officer, now: new Date('2026-06-01T10:00:00+08:00'), calendar: cal, type: t, newId: () => `b${++ids}`, specialistId: 'specialist-wang' });
  assert.deepEqual(r.next.branches.map((b) => [b.unitId, b.status, b.dueAt]), [['partner-renshe', 'open', r.next.dueAt!.toISOString()]]);
  assert.equal(formatShanghai(r.next.dueAt!), '2026-06-08T23:59:59+08:00');
  // The window's specialist handles it from acceptance on, and is told so; without one the accepting officer does.
  assert.equal(r.next.assigneeId, 'specialist-wang');
  assert.equal(r.next.status, 'in_progress');
  assert.ok(r.notices.some((n) => n.to === 'handler' && n.kind === 'item_assigned'));
  assert.equal(step(t, item, 'accept', officer, {}, '2026-06-01T10:00:00+08:00').next.assigneeId, 'h');

  // A pause for the applicant's supplement moves the shared deadline, and the HR branch's with it.
  const paused = step(t, r.next, 'request-supplement', { id: 'specialist-wang', role: 'officer', unitId: 'zb-hukou' }, { note: '请补充学历证明' }, '2026-06-02T10:00:00+08:00');
  const resumed = step(t, paused.next, 'resume', { id: 'u-app', role: 'applicant' }, { note: '已补充' }, '2026-06-04T10:00:00+08:00');
  assert.notEqual(resumed.next.dueAt!.getTime(), r.next.dueAt!.getTime());
  assert.deepEqual(resumed.next.branches.map((b) => b.dueAt), [resumed.next.dueAt!.toISOString()]);
});

test('residence permit: cross-field date rules run after the form and name their field', () => {
  const t = decl('residence-permit');
  const ok = { name: '刘一', idNumber: makeIdCard('370303', '1995-01-01', 3), mobile: '13912345678', address: '淄博市张店区华光路 100 号', residenceSince: '2026-03-01' };
  assert.deepEqual(validateItemData(t, ok, '2026-06-01').errors, []);
  const bad = validateItemData(t, { ...ok, residenceSince: '2026-07-01', residenceUntil: '2026-06-15' }, '2026-06-01');
  assert.deepEqual(bad.errors.map((e) => [e.path, e.code]), [['data.residenceSince', 'date_in_future'], ['data.residenceUntil', 'end_before_start']]);
  // A field that failed its own check is not reported again; prefixes follow the caller.
  const r = validateItemData(t, { ...ok, residenceSince: '2026-13-01' }, '2026-06-01', 'rows.4');
  assert.deepEqual(r.errors.map((e) => [e.path, e.code]), [['rows.4.residenceSince', 'invalid_date']]);
});

test('recomputing a clock (a calendar change) moves the branches that share the owner’s deadline, not one of their own', () => {
  const t = decl('talent-hukou');
  const data = { channel: 'high-level', name: '孙博士', idNumber: makeIdCard('370303', '1991-05-06', 14), mobile: '13912345678', institution: '山东理工大学', targetAddress: '淄博市张店区人民西路 3 号' };
  const accepted = step(t, fresh(t, data, 'zb-hukou', '2026-06-01T09:00:00+08:00'), 'accept', { id: 'h', role: 'officer', unitId: 'zb-hukou' }, {}, '2026-06-01T10:00:00+08:00').next;
  const own = { ...accepted.branches[0], id: 'own', dueAt: '2026-06-20T15:59:59.000Z' };
  // A finished pause the old computation had not counted stands in for a changed calendar.
  const item = { ...accepted, branches: [...accepted.branches, own], pauses: [{ from: '2026-06-02T02:00:00.000Z', to: '2026-06-04T02:00:00.000Z' }] };
  const clock = recomputeClock(item, t, cal);
  assert.ok(clock.dueAt!.getTime() > accepted.dueAt!.getTime());
  assert.deepEqual(clock.branches.map((b) => b.dueAt), [clock.dueAt!.toISOString(), own.dueAt]);
});
