import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../../lib/api-client';
import type { Item } from '../../../types/api';

export interface CreateItemInput {
  type: string;
  data: Record<string, unknown>;
}

/** Each call is one submit attempt with its own Idempotency-Key. */
export function createItem(input: CreateItemInput, key = newIdempotencyKey()) {
  return api<Item>('/items', { method: 'POST', body: input, headers: { 'Idempotency-Key': key } });
}

export function useCreateItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: CreateItemInput & { key: string }) => createItem({ type: v.type, data: v.data }, v.key),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['items', 'list'] }),
  });
}
