import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type DisputeState = 'scheduled' | 'due' | 'overdue' | 'resolved';
export interface DisputeFollowUp {
  seq: number;
  note: string;
  risk: string;
  resolved: boolean;
  nextFollowUpOn: string | null;
  officer: string | null;
  at: string;
}
/** 矛盾纠纷排查: one dispute screened at an enterprise, with its follow-ups (GET /prevention/disputes). */
export interface Dispute {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  kind: string;
  summary: string;
  risk: string;
  resolved: boolean;
  nextFollowUpOn: string | null;
  followUpState: DisputeState;
  recordedBy: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  followUps: DisputeFollowUp[];
}
export interface DisputeFilters {
  enterpriseId?: string;
  mine?: boolean;
  risk?: string;
  state?: 'open' | 'due' | 'resolved';
}
export interface NewDispute {
  enterpriseId: string;
  kind: string;
  summary: string;
  risk: string;
  nextFollowUpOn: string;
}
export interface NewFollowUp {
  note: string;
  risk: string;
  resolved: boolean;
  nextFollowUpOn?: string;
}

/** The list's query: one function for the list and its ledger. */
export const disputeQuery = (f: DisputeFilters) => ({ enterpriseId: f.enterpriseId, mine: f.mine ? true : undefined, risk: f.risk, state: f.state });

export function useDisputes(filters: DisputeFilters) {
  return useQuery({
    queryKey: ['disputes', filters],
    queryFn: async () => (await api<{ disputes: Dispute[] }>('/prevention/disputes', { query: disputeQuery(filters) })).disputes,
  });
}

export function useRecordDispute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: NewDispute) => api<Dispute>('/prevention/disputes', { method: 'POST', body: d }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['disputes'] }),
  });
}

export function useFollowUpDispute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; followUp: NewFollowUp }) => api<Dispute>(`/prevention/disputes/${encodeURIComponent(v.id)}/follow-ups`, { method: 'POST', body: v.followUp }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['disputes'] }),
  });
}
