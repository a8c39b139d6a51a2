import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Item } from '../../../types/api';
import { itemKey } from './get-item';

export type TransitionAction =
  | 'accept' | 'refuse' | 'assign' | 'request-supplement' | 'resume' | 'transfer' | 'accept-transfer' | 'return'
  | 'open-branch' | 'complete-branch' | 'answer' | 'close' | 'rate' | 'reopen' | 'supervise' | 'extend'
  | 'approve-extension' | 'refuse-extension' | 'approve-answer' | 'return-answer' | 'acknowledge-branch';

export interface TransitionInput {
  action: TransitionAction;
  version: number;
  [field: string]: unknown;
}

export function transitionItem(id: string, input: TransitionInput) {
  return api<Item>(`/items/${id}/transitions`, { method: 'POST', body: input });
}

export function useTransitionItem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => transitionItem(id, input),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: itemKey(id) });
      await qc.invalidateQueries({ queryKey: ['items', 'list'] });
      await qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
