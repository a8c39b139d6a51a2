/** The engine's statuses (SPEC §3), apart so the case-file declaration can name them without importing the item. */
export const itemStatuses = ['submitted', 'accepted', 'refused', 'in_progress', 'awaiting_supplement', 'answered', 'closed'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
/** Statuses in which a clock runs or is paused: the item is still the unit's work. */
export const openStatuses: readonly ItemStatus[] = ['submitted', 'accepted', 'in_progress', 'awaiting_supplement'];
