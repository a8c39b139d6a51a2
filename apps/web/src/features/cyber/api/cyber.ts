import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type FindingStatus = 'open' | 'answered' | 'reopened' | 'closed';
export interface Finding {
  id: string;
  seq: number;
  severity: 'high' | 'medium' | 'low';
  description: string;
  dueAt: string;
  status: FindingStatus;
  overdue: boolean;
  answerText: string | null;
  attachments: { id: string; filename: string }[];
  answeredAt: string | null;
  verifyNote: string | null;
  reviewedAt: string | null;
  closedAt: string | null;
  escalatedAt: string | null;
  abilities: { canAnswer: boolean; canVerify: boolean; canReopen: boolean };
}
export interface Inspection {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  projectName: string | null;
  plannedDate: string;
  scope: string;
  inspectors: string[];
  status: 'planned' | 'completed';
  inspectedOn: string | null;
  summary: string | null;
  noticeNumber: string | null;
  noticeIssuedAt: string | null;
  counts: { total: number; waiting: number; answered: number; closed: number; overdue: number };
  findings: Finding[];
  abilities: { canRecordResult: boolean; canDownloadNotice: boolean };
}
export interface PlanInput {
  enterpriseId: string;
  projectName?: string;
  plannedDate: string;
  scope: string;
  inspectors: string[];
}
export interface ResultInput {
  inspectedOn: string;
  summary: string;
  findings: { severity: string; description: string }[];
}
export interface DrillList {
  year: number;
  enterprises: { enterpriseId: string; name: string; district: string; uscc: string; markedAt: string }[];
  abilities: { canMark: boolean };
}

/** Staff read `/cyber/…`, the enterprise `/enterprise/cyber/…`: the server scopes both. */
export type Side = 'unit' | 'enterprise';
const base = (side: Side) => (side === 'unit' ? '/cyber/inspections' : '/enterprise/cyber/inspections');
const keys = { all: ['cyber'] as const, list: (side: Side) => ['cyber', side, 'list'], one: (side: Side, id: string) => ['cyber', side, id], drills: (year: number) => ['cyber', 'drills', year] };

export function useInspections(side: Side) {
  return useQuery({ queryKey: keys.list(side), queryFn: () => api<{ inspections: Inspection[]; abilities: { canPlan: boolean } }>(base(side)) });
}
export function useInspection(side: Side, id: string | undefined) {
  return useQuery({ queryKey: keys.one(side, id ?? ''), queryFn: () => api<Inspection>(`${base(side)}/${encodeURIComponent(id!)}`), enabled: !!id });
}

function useWrite<V>(fn: (v: V) => Promise<Inspection>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}
export const usePlanInspection = () => useWrite((v: PlanInput) => api<Inspection>('/cyber/inspections', { method: 'POST', body: v }));
export const useRecordResult = (id: string) => useWrite((v: ResultInput) => api<Inspection>(`/cyber/inspections/${encodeURIComponent(id)}/result`, { method: 'POST', body: v }));
export const useAnswerFinding = () => useWrite((v: { findingId: string; text: string; attachmentIds: string[] }) => api<Inspection>(`/enterprise/cyber/findings/${encodeURIComponent(v.findingId)}/answer`, { method: 'POST', body: { text: v.text, attachmentIds: v.attachmentIds } }));
export const useReviewFinding = () => useWrite((v: { findingId: string; action: 'verify' | 'reopen'; note: string }) => api<Inspection>(`/cyber/findings/${encodeURIComponent(v.findingId)}/review`, { method: 'POST', body: { action: v.action, note: v.note } }));

/** The drill list's year as the query string, for the list and its ledger alike. */
export const drillQuery = (year: number) => ({ year: String(year) });
export function useDrills(year: number) {
  return useQuery({ queryKey: keys.drills(year), queryFn: () => api<DrillList>('/cyber/drills', { query: drillQuery(year) }) });
}
export function useSetDrill(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { enterpriseId: string; taking: boolean }) => api<DrillList>(`/cyber/drills/${year}/enterprises/${encodeURIComponent(v.enterpriseId)}`, { method: v.taking ? 'PUT' : 'DELETE' }),
    onSuccess: (d) => qc.setQueryData(keys.drills(year), d),
  });
}

/** The enterprises to choose from: the same search the risk warnings use (`GET /prevention/enterprises`). */
export function useEnterpriseSearch(q: string) {
  return useQuery({
    queryKey: ['cyber', 'enterprise-search', q],
    queryFn: async () => (await api<{ enterprises: { id: string; name: string; district: string; uscc: string }[] }>('/prevention/enterprises', { query: { q } })).enterprises,
    enabled: q.trim().length >= 2,
  });
}

export const noticeUrl = (id: string) => `/api/v1/cyber/inspections/${encodeURIComponent(id)}/notice.pdf`;
export const attachmentUrl = (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}`;
