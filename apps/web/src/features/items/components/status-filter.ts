import type { ItemStatus } from '../../../types/api';

export const STATUSES: ItemStatus[] = ['submitted', 'accepted', 'in_progress', 'awaiting_supplement', 'answered', 'closed', 'refused'];
