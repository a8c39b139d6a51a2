import { computeDeadline, resumeDeadline, type WorkCalendar } from '../calendar/index.ts';
import { followOwnerDeadline } from './actions.ts';
import type { ItemTypeDeclaration } from './item-type.ts';
import type { ItemState } from './item.ts';

/**
 * The item's deadlines recomputed from scratch on the given calendar: the acceptance clock from submission,
 * the handling clock from acceptance (or reopening), each finished pause replayed, an approved extension added.
 * Used when a year's schedule is loaded or a day amended (SPEC §4).
 */
export function recomputeClock(item: ItemState, type: ItemTypeDeclaration, cal: WorkCalendar): Pick<ItemState, 'acceptDueAt' | 'dueAt' | 'provisional' | 'branches'> {
  const accept = computeDeadline(cal, type.clocks.accept.rule, item.submittedAt);
  const start = item.reopenedAt ?? item.acceptedAt ?? item.submittedAt;
  let handle = computeDeadline(cal, item.handleRule, start);
  let provisional = accept.provisional || handle.provisional;
  for (const p of item.pauses) {
    if (new Date(p.from) < start) continue;
    handle = resumeDeadline(cal, item.handleRule, handle.due, new Date(p.from), new Date(p.to));
    provisional ||= handle.provisional;
  }
  if (item.extension?.status === 'approved') {
    handle = computeDeadline(cal, { kind: type.extensionRule ?? 'workdays', n: item.extension.days }, handle.due);
    provisional ||= handle.provisional;
  }
  // Branches sharing the owner's deadline move with it.
  const branches = item.dueAt ? followOwnerDeadline(item.branches, item.dueAt, handle.due) : item.branches;
  return { acceptDueAt: accept.due, dueAt: handle.due, provisional: item.status === 'submitted' ? accept.provisional || handle.provisional : provisional, branches };
}
