import { computeDeadline, formatShanghai, resumeDeadline } from '../../calendar/index.ts';
import { handlingClock } from '../item-type.ts';
import type { ItemAction } from '../transition-types.ts';
import type { Step } from './step.ts';

/** Intake: acceptance (its clock, 联办 partners, the specialist), refusal, assignment, supplement and resumption. */

const accept: Step = (s) => {
  const { item, v, now, iso, next, notices, detail, cal, ctx, assignTo } = s;
  const acceptInput = Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'note'));
  const clock = handlingClock(ctx.type, item.data, acceptInput);
  const due = computeDeadline(cal, clock.rule, now);
  Object.assign(next, { status: 'accepted', acceptedAt: now, acceptInput, handleRule: clock.rule, dueAt: due.due, provisional: due.provisional, escalationStage: 0 });
  detail.dueAt = formatShanghai(due.due);
  if (Object.keys(acceptInput).length) detail.accept = acceptInput;
  notices.push({ to: 'submitter', kind: 'item_accepted' });
  // 联办 declared by the type: every partner starts at once, against the same deadline as the owner.
  for (const [i, b] of (ctx.type.branchesOnAccept ?? []).entries()) {
    if (b.unitId === item.unitId || next.branches.some((x) => x.unitId === b.unitId && x.status === 'open')) continue;
    const id = ctx.newId ? ctx.newId() : `${item.id}-${item.branches.length + i + 1}`;
    next.branches.push({ id, unitId: b.unitId, status: 'open', note: b.note.zh, openedAt: iso, doneAt: null, answer: null, dueAt: due.due.toISOString() });
    notices.push({ to: 'branch-unit', kind: 'branch_opened', unitId: b.unitId });
  }
  if (next.branches.length > item.branches.length) detail.branches = next.branches.slice(item.branches.length).map((b) => ({ id: b.id, unitId: b.unitId }));
  // 专员: the window's specialist handles it from acceptance on (the accepting officer where none is designated).
  if (ctx.type.specialistOnAccept) assignTo(ctx.specialistId ?? ctx.actor.id);
};

const refuse: Step = (s) => {
  const { now, next, notices } = s;
  Object.assign(next, { status: 'refused', closedAt: now });
  notices.push({ to: 'submitter', kind: 'item_refused' });
};

const assign: Step = (s) => {
  const { v, assignTo } = s;
  assignTo(String(v.assigneeId));
};

const requestSupplement: Step = (s) => {
  const { item, now, next, notices } = s;
  Object.assign(next, { status: 'awaiting_supplement', pausedAt: now, pausedFrom: item.status });
  notices.push({ to: 'submitter', kind: 'supplement_requested' });
};

const resume: Step = (s) => {
  const { item, now, iso, next, notices, detail, cal } = s;
  const moved = resumeDeadline(cal, item.handleRule, item.dueAt ?? now, item.pausedAt ?? now, now);
  Object.assign(next, {
    status: 'in_progress',
    pausedAt: null,
    pausedFrom: null,
    pauses: [...item.pauses, { from: (item.pausedAt ?? now).toISOString(), to: iso }],
    dueAt: moved.due,
    provisional: item.provisional || moved.provisional,
  });
  detail.dueAt = formatShanghai(moved.due);
  notices.push({ to: 'handler', kind: 'supplement_received' });
};


export const intakeSteps = {
  accept,
  refuse,
  assign,
  'request-supplement': requestSupplement,
  resume,
} satisfies Partial<Record<ItemAction, Step>>;
