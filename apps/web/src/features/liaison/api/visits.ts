import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { NewVisit, Visit } from './types';

/** The contacts list's query: one function for the list and its ledger. */
export const visitQuery = (filters: { enterpriseId?: string; mine?: boolean }) => ({ enterpriseId: filters.enterpriseId, mine: filters.mine ? true : undefined });

export function useVisits(filters: { enterpriseId?: string; mine?: boolean }) {
  return useQuery({
    queryKey: ['liaison', 'visits', filters],
    queryFn: async () => (await api<{ visits: Visit[] }>('/liaison/visits', { query: visitQuery(filters) })).visits,
  });
}

/** 一企一策: one visit with its problems (each solved, turned into an item, or left open). */
export function useCreateVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: NewVisit) => api<Visit>('/liaison/visits', { method: 'POST', body: v }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['liaison'] });
      await qc.invalidateQueries({ queryKey: ['items', 'list'] });
    },
  });
}

export type ProblemUpdate = { outcome: 'solved'; resolution: string } | { outcome: 'item'; item: { type: string; data: Record<string, unknown> } };

/** An open problem solved later, or turned into an item. */
export function useUpdateProblem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { visitId: string; problemId: string; update: ProblemUpdate }) =>
      api<Visit>(`/liaison/visits/${encodeURIComponent(v.visitId)}/problems/${encodeURIComponent(v.problemId)}`, { method: 'POST', body: v.update }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['liaison'] });
      await qc.invalidateQueries({ queryKey: ['items', 'list'] });
    },
  });
}
