import { escalationPoints, type WorkCalendar } from '../calendar/index.ts';
import type { Notice } from './actions.ts';
import type { ItemState } from './item.ts';

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

/** When the next stage after the item's current one is due, or null when nothing more will be sent. */
export function nextEscalationAt(item: ItemState, cal: WorkCalendar): Date | null {
  const clock = runningClock(item);
  if (!clock || item.escalationStage >= 3) return null;
  const points = escalationPoints(cal, clock.start, clock.due);
  return [points.remindAt, points.overdueAt, points.supervisorAt][item.escalationStage];
}

/**
 * What the sweeper does with one claimed item at `now`: every stage whose time has come (a late sweep sends
 * the stages it missed once each), and when to look again.
 */
export function escalate(item: ItemState, cal: WorkCalendar, now: Date): { stage: number; notices: Notice[]; nextAt: Date | null } {
  const clock = runningClock(item);
  if (!clock) return { stage: item.escalationStage, notices: [], nextAt: null };
  const points = escalationPoints(cal, clock.start, clock.due);
  const times = [points.remindAt, points.overdueAt, points.supervisorAt];
  let stage = item.escalationStage;
  const notices: Notice[] = [];
  while (stage < 3 && times[stage].getTime() <= now.getTime()) {
    notices.push(...escalationStages[stage].notices);
    stage += 1;
  }
  return { stage, notices, nextAt: stage < 3 ? times[stage] : null };
}
