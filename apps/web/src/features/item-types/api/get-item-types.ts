import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemType } from '../../../types/api';

export function useItemTypes() {
  return useQuery({ queryKey: ['item-types'], queryFn: () => api<ItemType[]>('/item-types'), staleTime: 10 * 60_000 });
}

export function useItemType(code: string | undefined) {
  const q = useItemTypes();
  return { ...q, itemType: q.data?.find((t) => t.code === code) };
}
