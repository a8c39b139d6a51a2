import { computeDeadline, formatShanghai, parseIsoInstant } from '../../calendar/index.ts';
import { DomainError } from '../../errors.ts';
import type { ItemAction } from '../transition-types.ts';
import { fail, type Step } from './step.ts';

/** Clocks: supervision (督办, 挂牌) with its own deadline, and extensions requested and decided. */

const supervise: Step = (s) => {
  const { v, noteText, now, iso, next, notices, detail, ctx } = s;
  let dueAt: string | null = null;
  if (v.dueAt !== undefined) {
    const d = parseIsoInstant(v.dueAt);
    if (!d) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'dueAt', code: 'invalid_datetime' }] });
    if (d.getTime() <= now.getTime()) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'dueAt', code: 'due_in_past' }] });
    dueAt = d.toISOString();
  }
  next.supervision = { listed: v.listed === true, dueAt, note: noteText ?? '', at: iso, reason: ctx.actor.role === 'unit-leader' ? 'leader' : 'supervisor' };
  detail.listed = next.supervision.listed;
  if (dueAt) detail.dueAt = formatShanghai(new Date(dueAt));
  notices.push({ to: 'handler', kind: 'item_supervised' }, { to: 'unit-leader', kind: 'item_supervised' });
};

const extend: Step = (s) => {
  const { item, v, noteText, now, iso, next, notices, detail, cal, ctx } = s;
  if (item.extension) fail('extension_used');
  if (ctx.type.extensionCap) {
    // 立案审查: an extension may not carry the deadline past the cap counted from acceptance.
    const cap = computeDeadline(cal, ctx.type.extensionCap, item.acceptedAt ?? now).due;
    const wanted = computeDeadline(cal, { kind: ctx.type.extensionRule ?? 'workdays', n: Number(v.days) }, item.dueAt ?? now).due;
    if (wanted.getTime() > cap.getTime()) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'days', code: 'extension_beyond_cap', params: { until: formatShanghai(cap) } }] });
  }
  next.extension = { days: Number(v.days), note: noteText ?? '', status: 'pending', requestedAt: iso };
  detail.days = v.days;
  notices.push({ to: 'unit-leader', kind: 'extension_requested' });
};

const decideExtension: Step = (s) => {
  const { item, now, next, notices, detail, cal, ctx, action } = s;
  if (item.extension?.status !== 'pending') fail('no_pending_extension');
  const approved = action === 'approve-extension';
  next.extension = { ...item.extension, status: approved ? 'approved' : 'refused' };
  if (approved) {
    // 行政许可法 art. 42: the new deadline and its reason are told to the submitter.
    const due = computeDeadline(cal, { kind: ctx.type.extensionRule ?? 'workdays', n: item.extension.days }, item.dueAt ?? now);
    Object.assign(next, { dueAt: due.due, provisional: item.provisional || due.provisional, escalationStage: 0 });
    detail.dueAt = formatShanghai(due.due);
    detail.reason = item.extension.note;
    // The approving leader is on record (立案审查 extended to 30 days needs a county-level leader's approval).
    detail.approvedBy = ctx.actor.id;
    notices.push({ to: 'submitter', kind: 'deadline_extended' });
  }
  notices.push({ to: 'handler', kind: approved ? 'extension_approved' : 'extension_refused' });
};


export const clockSteps = {
  supervise,
  extend,
  'approve-extension': decideExtension,
  'refuse-extension': decideExtension,
} satisfies Partial<Record<ItemAction, Step>>;
