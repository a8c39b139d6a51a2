import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WarningAudience } from '@jqt/domain';
import { api } from '../../../lib/api-client';

export type WarningStatus = 'draft' | 'submitted' | 'published';
export type { WarningAudience };
export interface WarningCounts {
  delivered: number;
  acknowledged: number;
  escalated: number;
}
export interface Warning {
  id: string;
  title: string;
  body: string;
  riskKind: string;
  level: string;
  audience: WarningAudience;
  public: boolean;
  status: WarningStatus;
  unitId: string;
  createdAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  decisionNote: string | null;
  publicationId: string | null;
  counts: WarningCounts;
  abilities: { canSubmit: boolean; canApprove: boolean; canReturn: boolean };
}
export interface Delivery {
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  deliveredAt: string;
  dueAt: string;
  acknowledgedAt: string | null;
  escalatedAt: string | null;
  escalatedTo: string | null;
}
/** A partner department the warning went to, and who acknowledged it for the department. */
export interface DepartmentDelivery {
  unitId: string;
  nameZh: string;
  nameEn: string;
  deliveredAt: string;
  dueAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}
export type WarningDetail = Warning & { deliveries: Delivery[]; departments: DepartmentDelivery[] };
export interface EnterpriseWarning {
  id: string;
  title: string;
  body: string;
  riskKind: string;
  level: string;
  publishedAt: string;
  dueAt: string;
  acknowledgedAt: string | null;
  abilities: { canAcknowledge: boolean };
  /** Partner departments only: who acknowledged for the department. */
  acknowledgedBy?: string | null;
}
export interface DraftInput {
  title: string;
  body: string;
  riskKind: string;
  level: string;
  audience: WarningAudience;
  public: boolean;
}

const keys = { list: ['prevention', 'warnings'], one: (id: string) => ['prevention', 'warnings', id], mine: ['prevention', 'enterprise-warnings'], department: ['prevention', 'partner-warnings'] };

export function useWarnings() {
  return useQuery({ queryKey: keys.list, queryFn: async () => (await api<{ warnings: Warning[] }>('/prevention/warnings')).warnings });
}
export function useWarning(id: string | undefined) {
  return useQuery({ queryKey: keys.one(id ?? ''), queryFn: () => api<WarningDetail>(`/prevention/warnings/${encodeURIComponent(id!)}`), enabled: !!id });
}
export function useDraftWarning() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: DraftInput) => api<WarningDetail>('/prevention/warnings', { method: 'POST', body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.list }),
  });
}
export function useWarningAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: 'submit' | 'approve' | 'return'; note?: string }) => api<WarningDetail>(`/prevention/warnings/${encodeURIComponent(id)}/actions`, { method: 'POST', body: v }),
    onSuccess: (r) => {
      qc.setQueryData(keys.one(id), r);
      void qc.invalidateQueries({ queryKey: keys.list });
    },
  });
}
export function useEnterpriseWarnings() {
  return useQuery({ queryKey: keys.mine, queryFn: async () => (await api<{ warnings: EnterpriseWarning[] }>('/enterprise/warnings')).warnings });
}
export function useAcknowledgeWarning() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<EnterpriseWarning>(`/enterprise/warnings/${encodeURIComponent(id)}/acknowledgement`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.mine }),
  });
}
/** The warnings delivered to the signed-in partner's department; any of its people acknowledges for it, once. */
export function useDepartmentWarnings() {
  return useQuery({ queryKey: keys.department, queryFn: async () => (await api<{ warnings: EnterpriseWarning[] }>('/partner/warnings')).warnings });
}
export function useAcknowledgeForDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<EnterpriseWarning>(`/partner/warnings/${encodeURIComponent(id)}/acknowledgement`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.department }),
  });
}
/** Enterprise tags (the liaison office's list), for a warning's audience. */
export function useAudienceTags() {
  return useQuery({ queryKey: ['prevention', 'tags'], queryFn: async () => (await api<{ tags: { code: string; nameZh: string; nameEn: string }[] }>('/liaison/tags')).tags, staleTime: 10 * 60_000 });
}
export function useEnterpriseSearch(q: string) {
  return useQuery({
    queryKey: ['prevention', 'enterprise-search', q],
    queryFn: async () => (await api<{ enterprises: { id: string; name: string; district: string; uscc: string }[] }>('/prevention/enterprises', { query: { q } })).enterprises,
    enabled: q.trim().length >= 2,
  });
}
