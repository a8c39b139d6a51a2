import { useMutation, useQuery } from '@tanstack/react-query';
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
