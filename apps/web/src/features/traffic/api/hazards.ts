import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface HazardInput {
  project: string;
  location: string;
  inspectedOn: string;
  findings: string;
  hazardCount: number;
  rectificationDueOn?: string | null;
}
export interface HazardInspection extends HazardInput {
  id: string;
  rectifiedAt: string | null;
  rectificationNote: string | null;
  status: 'no-hazard' | 'rectifying' | 'rectified';
  overdue: boolean;
  unitId: string;
}

const key = ['traffic', 'hazard-inspections'];
/** The list's filter as the query string, for the list and its ledger alike. */
export const hazardQuery = (openOnly: boolean) => ({ open: openOnly ? 'true' : undefined });

/** 隐患排查 (M9): the inspections, open rectifications first. */
export function useHazardInspections(openOnly: boolean) {
  return useQuery({
    queryKey: [...key, openOnly],
    queryFn: async () => (await api<{ inspections: HazardInspection[] }>('/traffic/hazard-inspections', { query: hazardQuery(openOnly) })).inspections,
    retry: false,
  });
}
export function useRecordHazardInspection() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: HazardInput) => api<HazardInspection>('/traffic/hazard-inspections', { method: 'POST', body: v }), onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}
export function useRecordRectification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; note: string }) => api<HazardInspection>(`/traffic/hazard-inspections/${encodeURIComponent(v.id)}/rectification`, { method: 'POST', body: { note: v.note } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
