import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface AccidentInput {
  plate: string;
  occurredAt: string;
  releasedAt: string;
  simpleProcedure: boolean;
  vehicleDetained?: boolean;
  licenceDetained?: boolean;
  note?: string;
}
export interface Accident extends Required<AccidentInput> {
  id: string;
  minutesToRelease: number;
  unitId: string;
}
export interface AccidentStats {
  from: string;
  to: string;
  count: number;
  simpleProcedureCount: number;
  medianMinutes: number | null;
  averageMinutes: number | null;
  shareWithoutDetention: number | null;
}

/** 货车事故快处 (M7): record one accident handled quickly. */
export function useRecordAccident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: AccidentInput) => api<Accident>('/traffic/accidents', { method: 'POST', body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['traffic', 'accident-stats'] }),
  });
}
/** The period as the query string, for the statistics and the accidents' ledger alike. */
export const accidentPeriodQuery = (from: string, to: string) => ({ from, to });
/** Count, median and average minutes from accident to release over [from, to] (Beijing days). */
export function useAccidentStats(from: string, to: string) {
  return useQuery({ queryKey: ['traffic', 'accident-stats', from, to], queryFn: () => api<AccidentStats>('/traffic/accidents/stats', { query: accidentPeriodQuery(from, to) }), retry: false });
}
