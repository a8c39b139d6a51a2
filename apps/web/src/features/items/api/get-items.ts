import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Item } from '../../../types/api';

export interface ItemFilters {
  type?: string;
  status?: string;
  supervised?: boolean;
  listed?: boolean;
  overdue?: boolean;
  unitId?: string;
  /** 查找: number, title, company name or USCC. */
  q?: string;
  limit?: number;
}

export function getItems(filters: ItemFilters, cursor?: string) {
  return api<{ items: Item[]; nextCursor: string | null }>('/items', {
    query: { ...filters, overdue: filters.overdue ? true : undefined, cursor, limit: filters.limit ?? 20 },
  });
}

export function useItems(filters: ItemFilters) {
  return useInfiniteQuery({
    queryKey: ['items', 'list', filters],
    queryFn: ({ pageParam }) => getItems(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
