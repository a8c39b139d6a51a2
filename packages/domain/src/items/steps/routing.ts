import { computeDeadline } from '../../calendar/index.ts';
import { decidesOnBranch, decisionOf } from '../certificates.ts';
import type { ItemAction } from '../transition-types.ts';
import { fail, type Step } from './step.ts';

/** Routing: transfers between units and branches (联办/联动) opened, acknowledged and completed. */

const transfer: Step = (s) => {
  const { item, v, noteText, iso, next, notices, detail, ctx } = s;
  const toUnitId = String(v.toUnitId);
  if (toUnitId === item.unitId) fail('transfer_same_unit');
  if (item.pendingTransfer) fail('transfer_pending');
  // An item cannot bounce: from the third transfer on, only a supervisor may move it.
  if (item.transferCount >= 2 && ctx.actor.role !== 'supervisor') fail('third_transfer_needs_supervisor', 'forbidden');
  next.pendingTransfer = { fromUnitId: item.unitId, toUnitId, note: noteText ?? '', at: iso };
  detail.toUnitId = toUnitId;
  notices.push({ to: 'receiving-unit', kind: 'transfer_requested', unitId: toUnitId });
};

const acceptTransfer: Step = (s) => {
  const { item, next, notices, detail } = s;
  const t = item.pendingTransfer!;
  Object.assign(next, { unitId: t.toUnitId, pendingTransfer: null, transferCount: item.transferCount + 1, assigneeId: null });
  detail.fromUnitId = t.fromUnitId;
  detail.toUnitId = t.toUnitId;
  notices.push({ to: 'handler', kind: 'transfer_accepted', unitId: t.fromUnitId });
};

const returnTransfer: Step = (s) => {
  const { item, next, notices, detail } = s;
  // A returned transfer goes back to the unit that sent it, which stays responsible.
  const t = item.pendingTransfer!;
  next.pendingTransfer = null;
  detail.toUnitId = t.fromUnitId;
  notices.push({ to: 'handler', kind: 'transfer_returned', unitId: t.fromUnitId });
};

const openBranch: Step = (s) => {
  const { item, v, noteText, now, iso, next, notices, detail, cal, ctx } = s;
  const unitId = String(v.toUnitId);
  if (unitId === item.unitId) fail('branch_same_unit');
  if (item.branches.some((b) => b.unitId === unitId && b.status === 'open')) fail('branch_exists');
  const id = ctx.newId ? ctx.newId() : `${item.id}-${item.branches.length + 1}`;
  const clocks = ctx.type.branchClocks;
  // 联动: each branch runs its own short clocks from its opening; otherwise it shares the owner's deadline.
  const dueAt = clocks ? computeDeadline(cal, clocks.report, now).due.toISOString() : (item.dueAt?.toISOString() ?? null);
  const ack = clocks ? { ackDueAt: computeDeadline(cal, clocks.acknowledge, now).due.toISOString(), ackedAt: null } : {};
  next.branches.push({ id, unitId, status: 'open', note: noteText ?? '', openedAt: iso, doneAt: null, answer: null, dueAt, ...ack });
  if (item.status === 'accepted') next.status = 'in_progress';
  detail.branchId = id;
  detail.unitId = unitId;
  notices.push({ to: 'branch-unit', kind: 'branch_opened', unitId });
};

const completeBranch: Step = (s) => {
  const { v, noteText, iso, next, notices, detail, ctx } = s;
  const branch = next.branches.find((b) => b.id === v.branchId && b.status === 'open' && b.unitId === ctx.actor.unitId);
  if (!branch) fail('branch_not_found');
  Object.assign(branch, { status: 'done', doneAt: iso, answer: noteText });
  if (ctx.type.branchClocks && !branch.ackedAt) branch.ackedAt = iso;
  if (decidesOnBranch(ctx.type)) branch.decision = detail.decision = decisionOf(v);
  detail.branchId = branch.id;
  notices.push({ to: 'handler', kind: next.branches.every((b) => b.status === 'done') ? 'branches_all_done' : 'branch_done' });
};

const acknowledgeBranch: Step = (s) => {
  const { v, iso, next, notices, detail, ctx } = s;
  const branch = next.branches.find((b) => b.id === v.branchId && b.status === 'open' && b.unitId === ctx.actor.unitId);
  if (!branch) fail('branch_not_found');
  if (branch.ackedAt) fail('branch_acknowledged');
  branch.ackedAt = iso;
  detail.branchId = branch.id;
  notices.push({ to: 'handler', kind: 'branch_acknowledged' });
};


export const routingSteps = {
  transfer,
  'accept-transfer': acceptTransfer,
  return: returnTransfer,
  'open-branch': openBranch,
  'complete-branch': completeBranch,
  'acknowledge-branch': acknowledgeBranch,
} satisfies Partial<Record<ItemAction, Step>>;
