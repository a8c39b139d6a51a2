import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemDetail } from '../../../types/api';

export const itemKey = (id: string) => ['items', 'detail', id] as const;

export function useItem(id: string | undefined) {
  return useQuery({ queryKey: itemKey(id ?? ''), queryFn: () => api<ItemDetail>(`/items/${id}`), enabled: !!id });
}
