import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Publication, PublicationKind } from './get-publications';

export type PublicationStatus = 'draft' | 'published' | 'unpublished';
export type StaffPublication = Publication & { status: PublicationStatus; abilities: { canPublish: boolean; canUnpublish: boolean } };
export interface DraftPublication {
  kind: PublicationKind;
  title: string;
  summary: string;
  body: string;
}

const keys = { list: (f: object) => ['publications', 'staff', f], one: (id: string) => ['publications', 'staff', 'one', id] };

/** 信息发布管理: the unit's texts (supervisors: all) in any status, searched in Chinese by the server. */
/** The staff list's query: one function for the list and its ledger. */
export const staffPublicationQuery = (f: { q: string; status?: PublicationStatus }) => ({ q: f.q.trim() || undefined, status: f.status });

export function useStaffPublications(f: { q: string; status?: PublicationStatus }) {
  return useQuery({
    queryKey: keys.list(f),
    queryFn: async () => (await api<{ publications: StaffPublication[] }>('/publications', { query: staffPublicationQuery(f) })).publications,
  });
}
export function useStaffPublication(id: string | undefined) {
  return useQuery({ queryKey: keys.one(id ?? ''), queryFn: () => api<StaffPublication>(`/publications/${encodeURIComponent(id!)}`), enabled: !!id });
}
export function useDraftPublication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: DraftPublication) => api<StaffPublication>('/publications', { method: 'POST', body: d }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['publications'] }),
  });
}
export function usePublicationAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: 'publish' } | { action: 'unpublish'; reason: string }) =>
      api<StaffPublication>(`/publications/${encodeURIComponent(id)}/${v.action}`, { method: 'POST', ...(v.action === 'unpublish' ? { body: { reason: v.reason } } : {}) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['publications'] }),
  });
}
