import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError, type ErrorKind } from '../errors.ts';
import { STATUTORY_SCHEDULES, WorkCalendar } from '../calendar/index.ts';
import { abilities, transition, type Actor, type ItemAction } from './actions.ts';
import { escalate, nextEscalationAt } from './escalation.ts';
import { formJsonSchema, validateForm } from './form.ts';
import { createItem, type ItemState } from './item.ts';
import { appeal } from './types/appeal.ts';
import { itemTypes } from './types/index.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const at = (s: string) => new Date(s);
const submitter: Actor = { id: 'u-ent', role: 'enterprise-admin', enterpriseId: 'e1' };
const officer: Actor = { id: 'u-off', role: 'officer', unitId: 'unit-a' };
const leader: Actor = { id: 'u-lead', role: 'unit-leader', unitId: 'unit-a' };
const stranger: Actor = { id: 'u-x', role: 'officer', unitId: 'unit-b' };
const supervisor: Actor = { id: 'u-sup', role: 'supervisor', unitId: 'liaison' };

const data = { category: 'policy', title: '咨询政策', content: '请问如何办理？', contactName: '王', contactPhone: '13912345678' };
function fresh(now = '2026-06-01T09:00:00+08:00'): ItemState {
  return createItem({ id: 'i1', type: appeal, data, submitterId: 'u-ent', enterpriseId: 'e1', unitId: 'unit-a', now: at(now), calendar: cal });
}
function step(item: ItemState, action: ItemAction, actor: Actor, input: Record<string, unknown> = {}, now = '2026-06-01T10:00:00+08:00') {
  return transition(item, action, input, { actor, now: at(now), calendar: cal, type: appeal, newId: () => 'b1' }).next;
}
function refusal(fn: () => unknown): { code: string; kind?: ErrorKind } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, kind: e.details.kind };
    throw e;
  }
  throw new Error('expected a DomainError');
}

test('every declared type has a valid form schema and an unconditional last clock', () => {
  for (const t of itemTypes) {
    const schema = formJsonSchema(t.form) as { properties: Record<string, unknown>; required: string[] };
    assert.ok(Object.keys(schema.properties).length > 0, t.code);
    for (const r of schema.required) assert.ok(schema.properties[r], `${t.code}.${r}`);
    assert.equal(t.clocks.handle[t.clocks.handle.length - 1].when, undefined, t.code);
  }
});

test('validateForm reports every bad field at once and normalizes values', () => {
  const r = validateForm(appeal.form, { category: 'x', title: ' ', contactPhone: '１３９', surplus: 1 });
  assert.deepEqual(r.errors.map((e) => e.path).sort(), ['data.category', 'data.contactName', 'data.contactPhone', 'data.content', 'data.surplus', 'data.title']);
  const ok = validateForm(appeal.form, { ...data, title: '  咨询政策  ' });
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.value.title, '咨询政策');
});

test('the lifecycle permits each action only to its roles, relations and statuses', () => {
  const item = fresh();
  const cases: [Actor, ItemAction, Record<string, unknown>, string, ErrorKind][] = [
    [submitter, 'accept', {}, 'forbidden', 'forbidden'],
    [stranger, 'accept', {}, 'forbidden', 'forbidden'],
    [supervisor, 'accept', {}, 'forbidden', 'forbidden'],
    [officer, 'answer', { note: 'x' }, 'action_not_allowed_in_status', 'invalid'],
    [officer, 'refuse', {}, 'validation_failed', 'invalid'],
    [officer, 'transfer', { toUnitId: 'unit-a', note: '同单位' }, 'transfer_same_unit', 'invalid'],
    [leader, 'approve-extension', {}, 'action_not_allowed_in_status', 'invalid'],
  ];
  for (const [actor, action, input, code, kind] of cases) {
    assert.deepEqual(refusal(() => step(item, action, actor, input)), { code, kind }, `${actor.role} ${action}`);
  }
});

test('accept starts the handling clock; a pause moves the deadline by the working days paused', () => {
  let item = fresh();
  assert.equal(item.acceptDueAt!.toISOString(), at('2026-06-02T23:59:59+08:00').toISOString());
  item = step(item, 'accept', officer, {}, '2026-06-02T09:00:00+08:00');
  assert.equal(item.dueAt!.toISOString(), at('2026-06-09T23:59:59+08:00').toISOString());
  item = step(item, 'request-supplement', officer, { note: '补材料' }, '2026-06-03T09:00:00+08:00');
  assert.equal(nextEscalationAt(item, cal), null, 'no reminders while paused');
  item = step(item, 'resume', submitter, {}, '2026-06-05T09:00:00+08:00'); // 06-04 and 06-05 paused
  assert.equal(item.dueAt!.toISOString(), at('2026-06-11T23:59:59+08:00').toISOString());
  assert.equal(item.pauses.length, 1);
  assert.equal(item.version, 4);
});

test('abilities agree with what transition allows', () => {
  const item = fresh();
  for (const actor of [submitter, officer, leader, stranger, supervisor]) {
    const can = abilities(item, actor);
    const inputs = { accept: {}, refuse: { note: '理由' }, transfer: { toUnitId: 'unit-c', note: '理由' } };
    for (const action of ['accept', 'refuse', 'transfer'] as const) {
      const key = `can${action[0].toUpperCase()}${action.slice(1)}`;
      let allowed = true;
      try {
        step(item, action, actor, inputs[action]);
      } catch {
        allowed = false;
      }
      assert.equal(can[key], allowed, `${actor.role} ${action}`);
    }
  }
});

test('escalation sends each missed stage once and then stops', () => {
  const item = step(fresh(), 'accept', officer, {}, '2026-06-01T09:00:00+08:00');
  const late = escalate(item, cal, at('2026-06-20T00:00:00+08:00'));
  assert.equal(late.stage, 3);
  assert.deepEqual(late.notices.map((n) => `${n.to}:${n.kind}`), ['handler:deadline_near', 'handler:overdue', 'unit-leader:overdue', 'supervisors:overdue_escalated']);
  assert.equal(late.nextAt, null);
  const again = escalate({ ...item, escalationStage: 3 }, cal, at('2026-06-21T00:00:00+08:00'));
  assert.deepEqual(again.notices, []);
});

test('a supervision deadline climbs its own ladder, also after the answer, and stops when the item is closed', () => {
  const accepted = step(fresh(), 'accept', officer, {}, '2026-06-01T09:00:00+08:00');
  const supervised = step(accepted, 'supervise', supervisor, { note: '挂牌督办', listed: true, dueAt: '2026-06-03T09:00:00+08:00' }, '2026-06-01T10:00:00+08:00');
  // Before the handling clock's first reminder, the supervision's 75 % point (2 June 21:00 or so) comes first.
  const next = nextEscalationAt(supervised, cal)!;
  assert.ok(next.getTime() < at('2026-06-03T09:00:00+08:00').getTime(), next.toISOString());
  const answered = { ...supervised, status: 'answered' as const, escalationStage: 3 };
  const r = escalate(answered, cal, at('2026-06-03T09:30:00+08:00'));
  assert.deepEqual(r.notices.map((n) => `${n.to}:${n.kind}`), ['handler:supervision_due_near', 'unit-leader:supervision_due_near', 'handler:supervision_overdue', 'unit-leader:supervision_overdue']);
  assert.equal(r.supervision?.stage, 2);
  assert.ok(r.nextAt, 'the supervisors are told a working day later');
  const once = escalate({ ...answered, supervision: r.supervision }, cal, at('2026-06-03T09:31:00+08:00'));
  assert.deepEqual(once.notices, []);
  assert.equal(nextEscalationAt({ ...answered, status: 'closed' }, cal), null);
});

test('a branch past its acknowledgement and report deadlines reminds its department and the handler, once each', () => {
  const accepted = step(fresh(), 'accept', officer, {}, '2026-06-01T09:00:00+08:00');
  const branch = { id: 'b1', unitId: 'partner-x', status: 'open' as const, note: '请协助', openedAt: '2026-06-01T10:00:00+08:00', doneAt: null, answer: null };
  const item: ItemState = { ...accepted, branches: [{ ...branch, ackDueAt: '2026-06-01T12:00:00+08:00', ackedAt: null, dueAt: '2026-06-02T10:00:00+08:00' }] };
  assert.equal(nextEscalationAt(item, cal)?.toISOString(), at('2026-06-01T12:00:00+08:00').toISOString(), 'the acknowledgement comes first');
  const ack = escalate(item, cal, at('2026-06-01T12:05:00+08:00'));
  assert.deepEqual(ack.notices.map((n) => `${n.to}:${n.kind}:${n.unitId ?? ''}`), ['branch-unit:branch_ack_overdue:partner-x', 'handler:branch_late:']);
  assert.deepEqual(ack.branches[0].reminded, ['ack']);
  assert.equal(ack.nextAt?.toISOString(), at('2026-06-02T10:00:00+08:00').toISOString(), 'then the report deadline');
  const again = escalate({ ...item, branches: ack.branches }, cal, at('2026-06-01T13:00:00+08:00'));
  assert.deepEqual(again.notices, [], 'once');
  assert.equal(again.branches, ack.branches, 'nothing changed, nothing to write');
  // acknowledged late, then past the report deadline: the report reminder only
  const acked = { ...item, branches: [{ ...ack.branches[0], ackedAt: '2026-06-01T13:00:00+08:00' }] };
  const report = escalate(acked, cal, at('2026-06-02T10:30:00+08:00'));
  assert.deepEqual(report.notices.map((n) => `${n.to}:${n.kind}`), ['branch-unit:branch_report_overdue', 'handler:branch_late']);
  assert.deepEqual(report.branches[0].reminded, ['ack', 'report']);
  // a done branch or a closed item reminds no one
  assert.deepEqual(escalate({ ...item, branches: [{ ...item.branches[0], status: 'done' as const, doneAt: '2026-06-01T11:00:00+08:00' }] }, cal, at('2026-06-03T00:00:00+08:00')).notices.filter((n) => n.kind.startsWith('branch')), []);
  assert.deepEqual(escalate({ ...item, status: 'closed' }, cal, at('2026-06-03T00:00:00+08:00')).notices, []);
});
