import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiLanguage, apiUrl } from '../../../lib/api-client';

export type BatchStatus = 'submitted' | 'accepted' | 'produced' | 'delivered';
export interface RowError {
  field: string;
  code: string;
  message: string;
  params?: Record<string, unknown>;
}
export interface RejectedRow {
  row: number;
  errors: RowError[];
}
export interface Batch {
  id: string;
  number: string;
  status: BatchStatus;
  filename: string;
  rowCount: number;
  createdCount: number;
  rejectedCount: number;
  duplicateCount: number;
  itemsByStatus: Record<string, number>;
  createdAt: string;
  acceptedAt: string | null;
  producedAt: string | null;
  deliveredAt: string | null;
  delivery: { signerName: string | null; note: string | null; deliveredBy: string | null } | null;
  rejected?: RejectedRow[];
  rejectedRows?: number;
  abilities: { canAcceptAll: boolean; canMarkProduced: boolean; canDeliver: boolean };
}
export interface UploadResult {
  batch: Batch;
  rows: number;
  created: number;
  rejected: RejectedRow[];
}
export type BatchStep = 'accept-all' | 'mark-produced' | 'delivered';

/** The server's template of the batch (.xlsx), downloaded by a plain link. */
export const templateUrl = apiUrl('/residence-permits/template.xlsx');

const keys = { list: ['residence-batches'], one: (id: string) => ['residence-batches', id] };

export function useBatches() {
  return useQuery({ queryKey: keys.list, queryFn: async () => (await api<{ batches: Batch[] }>('/residence-permits/batches', { query: { limit: 50 } })).batches });
}
export function useBatch(id: string | undefined) {
  return useQuery({ queryKey: keys.one(id ?? ''), queryFn: () => api<Batch>(`/residence-permits/batches/${encodeURIComponent(id!)}`), enabled: !!id });
}

/** Multipart upload of the filled template (field "file"); a 422 carries the per-row report in `rows`. */
export async function uploadBatch(file: File): Promise<UploadResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(apiUrl('/residence-permits/batches'), { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': apiLanguage() === 'en' ? 'en' : 'zh-CN' } });
  } catch {
    throw new ApiError(0, { code: 'network_error', title: apiLanguage() === 'en' ? 'Network error, please retry' : '网络异常，请稍后重试' });
  }
  const parsed = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new ApiError(res.status, parsed);
  return parsed as unknown as UploadResult;
}
export function useUploadBatch() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: uploadBatch, onSuccess: () => qc.invalidateQueries({ queryKey: keys.list }) });
}

export function useBatchStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { step: BatchStep; signerName?: string; note?: string }) =>
      api<Batch>(`/residence-permits/batches/${encodeURIComponent(id)}/${v.step}`, {
        method: 'POST',
        body: v.step === 'delivered' ? { signerName: v.signerName, ...(v.note ? { note: v.note } : {}) } : v.note ? { note: v.note } : {},
      }),
    // read again rather than keep the answer: the GET speaks the UI language (row reasons), the step's answer may not
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.list }),
  });
}
