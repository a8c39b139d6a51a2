/** The engine's statuses (SPEC §3), apart so the case-file declaration can name them without importing the item. */
export const itemStatuses = ['submitted', 'accepted', 'refused', 'in_progress', 'awaiting_supplement', 'answered', 'closed'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
/** Statuses in which a clock runs or is paused: the item is still the unit's work. */
export const openStatuses: readonly ItemStatus[] = ['submitted', 'accepted', 'in_progress', 'awaiting_supplement'];
/** Statuses whose clock runs: a supplement request pauses it (SPEC §4), so an item awaiting one is never overdue. */
export const clockRunningStatuses: readonly ItemStatus[] = ['submitted', 'accepted', 'in_progress'];

/**
 * 超期: the clock runs and its deadline has passed. The one definition behind the item's flag, the queue's filter
 * and the dashboard's 当前超期 (the repositories write it as SQL from `clockRunningStatuses`).
 */
export function isOverdue(item: { status: string; activeDueAt: Date | null }, now: Date): boolean {
  return (clockRunningStatuses as readonly string[]).includes(item.status) && item.activeDueAt !== null && item.activeDueAt.getTime() <= now.getTime();
}
