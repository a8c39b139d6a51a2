import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { LiaisonEnterprise } from './types';

export interface EnterpriseFilters {
  district?: string;
  tag?: string;
  key?: boolean;
  unassigned?: boolean;
  mine?: boolean;
  q?: string;
  limit?: number;
}

/** The list's filters as the query string, for the list and its ledger (`/liaison/enterprises/export.xlsx`) alike. */
export const enterpriseQuery = (f: EnterpriseFilters) => ({ district: f.district, tag: f.tag, key: f.key, unassigned: f.unassigned ? true : undefined, mine: f.mine ? true : undefined, q: f.q });

export function getLiaisonEnterprises(f: EnterpriseFilters, cursor?: string) {
  return api<{ enterprises: LiaisonEnterprise[]; nextCursor: string | null }>('/liaison/enterprises', { query: { ...enterpriseQuery(f), limit: f.limit ?? 50, cursor } });
}

export function useLiaisonEnterprises(filters: EnterpriseFilters) {
  return useInfiniteQuery({
    queryKey: ['liaison', 'enterprises', filters],
    queryFn: ({ pageParam }) => getLiaisonEnterprises(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
