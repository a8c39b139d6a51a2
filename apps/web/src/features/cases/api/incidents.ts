import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../../lib/api-client';
import type { Localized } from '../../../types/api';

export interface ResponseTimes {
  incidents: number;
  byDispatchedUnit: { unitId: string; unitName: Localized | null; incidents: number; avgDispatchMinutes: number | null; avgArrivalMinutes: number | null; arrivalsRecorded: number }[];
  byPartner: { unitId: string; unitName: Localized | null; branches: number; avgAcknowledgeMinutes: number | null; lateAcknowledgements: number; avgReportMinutes: number | null; open: number }[];
}

/** 接警登记 (M10): the incident's data as the declaration's form gives it. */
export function useRecordIncident() {
  return useMutation({
    mutationFn: (v: { data: Record<string, unknown>; key: string }) => api<{ id: string; number: string }>('/incidents', { method: 'POST', body: { data: v.data }, headers: { 'Idempotency-Key': v.key || newIdempotencyKey() } }),
  });
}

export function useResponseTimes() {
  return useQuery({ queryKey: ['incidents', 'response-times'], queryFn: () => api<ResponseTimes>('/incidents/response-times') });
}

export interface CaseStatsRow {
  reports: number;
  registered: number;
  decided: number;
  filed: number;
  notFiled: number;
  filingRate: number | null;
  avgDaysToDecision: number | null;
  overdueDecisions: number;
  recovered: number;
}
export interface CaseStatistics {
  total: CaseStatsRow;
  byCategory: (CaseStatsRow & { category: string; label: Localized | null })[];
  byUnit: (CaseStatsRow & { unitId: string; unitName: Localized | null })[];
}

export function useCaseStatistics() {
  return useQuery({ queryKey: ['cases', 'statistics'], queryFn: () => api<CaseStatistics>('/cases/statistics') });
}

/** 到达现场: the arrival time recorded once, when it was not known at 接警; the item page reloads with it. */
export function useRecordArrival(itemId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arrivedAt: string) => api<{ id: string }>(`/incidents/${encodeURIComponent(itemId)}/arrival`, { method: 'POST', body: { arrivedAt } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['items'] });
      void qc.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
}
