import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { itemQuery, type ItemFilters } from './get-items';

export interface ItemCounts {
  byStatus: Record<string, number>;
  total: number;
  overdue: number;
}

/** The queue's totals per status for the same filters as the list (the status and the paging apart). */
export function useItemCounts(filters: Omit<ItemFilters, 'status' | 'limit'>) {
  return useQuery({
    queryKey: ['items', 'counts', filters],
    queryFn: () => api<ItemCounts>('/items/counts', { query: itemQuery(filters) }),
  });
}
