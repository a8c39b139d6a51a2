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
  rectifying?: boolean;
  /** Submitted between these Beijing days (YYYY-MM-DD). */
  from?: string;
  to?: string;
  limit?: number;
}

/** The list's filters as its query string: one function for the list, its totals and its ledger. */
export function itemQuery(filters: Omit<ItemFilters, 'limit'>) {
  return { ...filters, overdue: filters.overdue ? true : undefined, rectifying: filters.rectifying ? true : undefined };
}

/** 导出台账 of a list: the same query without the paging. */
export function itemLedgerQuery(filters: ItemFilters) {
  const { limit: _limit, ...rest } = filters;
  return itemQuery(rest);
}

export function getItems(filters: ItemFilters, cursor?: string) {
  return api<{ items: Item[]; nextCursor: string | null }>('/items', {
    query: { ...itemQuery(filters), cursor, limit: filters.limit ?? 20 },
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
