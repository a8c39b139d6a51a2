import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, ApiError, api, apiLanguage, apiUrl } from '../../../lib/api-client';
import type { Assignment } from './types';

export function useAssignments(subject: { enterpriseId?: string; projectId?: string } | null) {
  return useQuery({
    queryKey: ['liaison', 'assignments', subject],
    queryFn: async () => (await api<{ assignments: Assignment[] }>('/liaison/assignments', { query: { enterpriseId: subject?.enterpriseId, projectId: subject?.projectId } })).assignments,
    enabled: !!subject && !!(subject.enterpriseId || subject.projectId),
  });
}

export interface AssignInput {
  enterpriseId?: string;
  projectId?: string;
  officerId?: string;
  deputyId?: string;
  reason?: string;
}

/** 一企一警: names the subject's officer (and deputy); the active assignment ends, its history stays. */
export function useCreateAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: AssignInput) => api<Assignment>('/liaison/assignments', { method: 'POST', body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison'] }),
  });
}

export function useEndAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) => api<Assignment>(`/liaison/assignments/${encodeURIComponent(v.id)}/end`, { method: 'POST', body: { reason: v.reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison'] }),
  });
}

export const assignmentTemplateUrl = () => apiUrl('/liaison/assignments/template.xlsx');

export interface ImportResult {
  rows: number;
  created: number;
  unchanged: number;
}

/** Uploads the filled-in template (multipart `file`); any bad row is a 422 with `rows.N.field` errors and nothing saved. */
export async function importAssignments(file: File): Promise<ImportResult> {
  const body = new FormData();
  body.append('file', file);
  const res = await fetch(`${API_BASE}/liaison/assignments/import`, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': apiLanguage() === 'en' ? 'en' : 'zh-CN' },
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { title: text.slice(0, 200) };
  }
  if (!res.ok) throw new ApiError(res.status, parsed);
  return parsed as unknown as ImportResult;
}

export function useImportAssignments() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: importAssignments, onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison'] }) });
}
