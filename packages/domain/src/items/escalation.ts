import { escalationPoints, type WorkCalendar } from '../calendar/index.ts';
import type { Notice } from './actions.ts';
import type { Branch, BranchReminder, ItemState } from './item.ts';

/**
 * The escalation ladder (SPEC §3): stage 1 reminds the handler at 75 % of the time, stage 2 marks the item overdue
 * and tells the unit leader at the deadline, stage 3 tells the supervisors one working day later.
 */
export const escalationStages = [
  { stage: 1, notices: [{ to: 'handler', kind: 'deadline_near' }] },
  { stage: 2, notices: [{ to: 'handler', kind: 'overdue' }, { to: 'unit-leader', kind: 'overdue' }] },
  { stage: 3, notices: [{ to: 'supervisors', kind: 'overdue_escalated' }] },
] as const satisfies readonly { stage: number; notices: readonly Notice[] }[];

/** The running clock of an item, or null when none runs (paused, answered, closed). */
function runningClock(item: ItemState): { start: Date; due: Date } | null {
  if (item.status === 'submitted' && item.acceptDueAt) return { start: item.submittedAt, due: item.acceptDueAt };
  if ((item.status === 'accepted' || item.status === 'in_progress') && item.dueAt) {
    return { start: item.reopenedAt ?? item.acceptedAt ?? item.submittedAt, due: item.dueAt };
  }
  return null;
}

/**
 * The supervision deadline's ladder (督办, SPEC §3): it runs beside the handling clock until the item is closed or
 * refused (a case is still worked after its 立案 answer), and tells the handler and the unit leader at 75 % and at the
 * deadline, the supervisors one working day after.
 */
export const supervisionStages = [
  { stage: 1, notices: [{ to: 'handler', kind: 'supervision_due_near' }, { to: 'unit-leader', kind: 'supervision_due_near' }] },
  { stage: 2, notices: [{ to: 'handler', kind: 'supervision_overdue' }, { to: 'unit-leader', kind: 'supervision_overdue' }] },
  { stage: 3, notices: [{ to: 'supervisors', kind: 'supervision_overdue_escalated' }] },
] as const satisfies readonly { stage: number; notices: readonly Notice[] }[];

function supervisionClock(item: ItemState): { start: Date; due: Date } | null {
  const s = item.supervision;
  if (!s?.dueAt || item.status === 'closed' || item.status === 'refused') return null;
  return { start: new Date(s.at), due: new Date(s.dueAt) };
}

function ladderTimes(cal: WorkCalendar, clock: { start: Date; due: Date }): Date[] {
  const p = escalationPoints(cal, clock.start, clock.due);
  return [p.remindAt, p.overdueAt, p.supervisorAt];
}

/**
 * A branch's own clocks (联办 / 联动): past its acknowledgement or report deadline, the department is reminded and the
 * handler told, once each, while the item is open. Every type with branches, not only the incidents.
 */
export const branchReminders: Record<BranchReminder, readonly Notice[]> = {
  ack: [{ to: 'branch-unit', kind: 'branch_ack_overdue' }, { to: 'handler', kind: 'branch_late' }],
  report: [{ to: 'branch-unit', kind: 'branch_report_overdue' }, { to: 'handler', kind: 'branch_late' }],
};

/** The reminders still to come of one open branch, with their times. */
function branchDue(item: ItemState, b: Branch): { reminder: BranchReminder; at: Date }[] {
  if (b.status !== 'open' || item.status === 'closed' || item.status === 'refused') return [];
  const out: { reminder: BranchReminder; at: Date }[] = [];
  const done = b.reminded ?? [];
  if (b.ackDueAt && !b.ackedAt && !done.includes('ack')) out.push({ reminder: 'ack', at: new Date(b.ackDueAt) });
  if (b.dueAt && !b.doneAt && !done.includes('report')) out.push({ reminder: 'report', at: new Date(b.dueAt) });
  return out;
}

const earliest = (...ds: (Date | null)[]) => ds.reduce<Date | null>((a, d) => (d && (!a || d.getTime() < a.getTime()) ? d : a), null);

/** When the next stage of either ladder (handling clock, supervision deadline) is due, or null when nothing more will be sent. */
export function nextEscalationAt(item: ItemState, cal: WorkCalendar): Date | null {
  const clock = runningClock(item);
  const main = clock && item.escalationStage < 3 ? ladderTimes(cal, clock)[item.escalationStage] : null;
  const sup = supervisionClock(item);
  const supStage = item.supervision?.stage ?? 0;
  const branches = item.branches.flatMap((b) => branchDue(item, b).map((d) => d.at));
  return earliest(main, sup && supStage < 3 ? ladderTimes(cal, sup)[supStage] : null, ...branches);
}

/**
 * What the sweeper does with one claimed item at `now`: every stage whose time has come (a late sweep sends
 * the stages it missed once each), and when to look again.
 */
export function escalate(
  item: ItemState,
  cal: WorkCalendar,
  now: Date,
): { stage: number; notices: Notice[]; nextAt: Date | null; supervision: ItemState['supervision']; branches: ItemState['branches'] } {
  const notices: Notice[] = [];
  let stage = item.escalationStage;
  let mainNext: Date | null = null;
  const clock = runningClock(item);
  if (clock) {
    const times = ladderTimes(cal, clock);
    while (stage < 3 && times[stage].getTime() <= now.getTime()) {
      notices.push(...escalationStages[stage].notices);
      stage += 1;
    }
    mainNext = stage < 3 ? times[stage] : null;
  }
  // The supervisor's own deadline climbs its own ladder.
  let supervision = item.supervision;
  let supNext: Date | null = null;
  const sup = supervisionClock(item);
  if (sup && supervision) {
    const times = ladderTimes(cal, sup);
    let s = supervision.stage ?? 0;
    const from = s;
    while (s < 3 && times[s].getTime() <= now.getTime()) {
      notices.push(...supervisionStages[s].notices);
      s += 1;
    }
    if (s !== from) supervision = { ...supervision, stage: s };
    supNext = s < 3 ? times[s] : null;
  }
  // Each branch's own deadlines, once each; the branch remembers what it was reminded of.
  let branches = item.branches;
  const branchNext: Date[] = [];
  for (const [i, b] of item.branches.entries()) {
    const due = branchDue(item, b);
    const passed = due.filter((d) => d.at.getTime() <= now.getTime());
    branchNext.push(...due.filter((d) => d.at.getTime() > now.getTime()).map((d) => d.at));
    if (!passed.length) continue;
    for (const d of passed) {
      for (const n of branchReminders[d.reminder]) {
        const notice = n.to === 'branch-unit' ? { ...n, unitId: b.unitId } : n;
        // the handler hears once a sweep, however many branches are late
        if (!notices.some((x) => x.to === notice.to && x.kind === notice.kind && x.unitId === notice.unitId)) notices.push(notice);
      }
    }
    if (branches === item.branches) branches = [...item.branches];
    branches[i] = { ...b, reminded: [...(b.reminded ?? []), ...passed.map((d) => d.reminder)] };
  }
  return { stage, notices, nextAt: earliest(mainNext, supNext, ...branchNext), supervision, branches };
}
