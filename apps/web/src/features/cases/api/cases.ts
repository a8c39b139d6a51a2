import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Localized } from '../../../types/api';

/** A case as the server presents it (the enterprise gets only the disclosed fields; staff get all). */
export interface CaseStageEntry {
  stage: string;
  name: Localized;
  at: string | null;
  note?: string | null;
}
export interface Recovery {
  id: string;
  kind: 'stopped' | 'recovered';
  amount: number;
  on: string;
  note?: string;
}
export interface CaseView {
  id: string;
  number: string;
  category: { code: string; measure: number; label: Localized } | null;
  stage: string;
  stageName: Localized;
  unit: { id: string; name: Localized } | null;
  workPhone: string | null;
  title: string | null;
  amountInvolved: number | null;
  reportedAt: string | null;
  registeredAt: string | null;
  decisionDueAt: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  stages: CaseStageEntry[];
  recoveries: Recovery[];
  recovered: { total: number; stopped: number; recovered: number };
  reconsideration: { allowedUntil: string | null; open: boolean; item: { id: string; number: string; status: string } | null } | null;
  // staff only
  enterpriseName?: string | null;
  tier?: 'major' | 'complex' | 'sensitive' | null;
  team?: { leadId: string; memberIds: string[] } | null;
  supervision?: { listed?: boolean; dueAt?: string | null } | null;
  investigationNote?: string | null;
  itemStatus?: string;
  nextStages?: { code: string; label: Localized }[];
  abilities?: Record<string, boolean>;
}

const keys = {
  mine: ['cases', 'enterprise'] as const,
  mineOne: (id: string) => ['cases', 'enterprise', id] as const,
  staff: (id: string) => ['cases', 'staff', id] as const,
};

export function useMyCases() {
  return useQuery({ queryKey: keys.mine, queryFn: async () => (await api<{ cases: CaseView[] }>('/enterprise/cases')).cases });
}

export function useMyCase(id: string | undefined) {
  return useQuery({ queryKey: keys.mineOne(id ?? ''), queryFn: () => api<CaseView>(`/enterprise/cases/${encodeURIComponent(id!)}`), enabled: !!id });
}

export function useFileReconsideration(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { reason: string }) => api<{ id: string; number: string }>(`/enterprise/cases/${encodeURIComponent(id)}/reconsideration`, { method: 'POST', body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.mine }),
  });
}

/** The staff view of a case; `enabled` false for items that are not crime reports. */
export function useStaffCase(id: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: keys.staff(id ?? ''), queryFn: () => api<CaseView>(`/cases/${encodeURIComponent(id!)}`), enabled: !!id && enabled });
}

function useCaseAction<T>(id: string, method: 'POST' | 'PUT', suffix: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => api<CaseView>(`/cases/${encodeURIComponent(id)}/${suffix}`, { method, body }),
    onSuccess: (data) => {
      qc.setQueryData(keys.staff(id), data);
      void qc.invalidateQueries({ queryKey: ['items'] });
    },
  });
}

export const useRecordStage = (id: string) => useCaseAction<{ stage: string; note?: string }>(id, 'POST', 'stage');
export const useRecordRecovery = (id: string) => useCaseAction<{ kind: string; amount: number; on: string; note?: string }>(id, 'POST', 'recoveries');
export const useDesignateSpecial = (id: string) => useCaseAction<{ tier: string; leadId: string; memberIds: string[]; note?: string }>(id, 'PUT', 'special');
export const useInvestigationNote = (id: string) => useCaseAction<{ note: string }>(id, 'PUT', 'investigation-note');

/** 案件列表的筛选: exactly the server's `GET /cases` query; the list and its 导出台账 both use `staffCaseQuery`. */
export interface StaffCaseFilters {
  category?: string;
  stage?: string;
  unitId?: string;
  graded?: 'true';
  listed?: 'true';
  from?: string;
  to?: string;
  q?: string;
}
export const staffCaseFilterKeys = ['category', 'stage', 'unitId', 'graded', 'listed', 'from', 'to', 'q'] as const;
export function staffCaseQuery(f: StaffCaseFilters): Record<string, string | undefined> {
  return Object.fromEntries(staffCaseFilterKeys.map((k) => [k, f[k] || undefined]));
}
/** The list page by page (newest report first, 50 a page); 加载更多 asks for the next. */
export function useStaffCases(f: StaffCaseFilters) {
  const query = staffCaseQuery(f);
  return useInfiniteQuery({
    queryKey: ['cases', 'staff-list', query],
    queryFn: ({ pageParam }) => api<{ cases: CaseView[]; nextCursor: string | null }>('/cases', { query: { ...query, cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (d) => d.pages.flatMap((p) => p.cases),
  });
}

export interface BulletinText {
  title: string;
  summary: string;
  body: string;
}
export interface CaseBulletin {
  proposal: BulletinText;
  publication: { id: string; title: string; status: string } | null;
}

/** 涉企案件通报: what a concluded case proposes, and its draft once made (only asked when the case allows it). */
export function useCaseBulletin(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['cases', 'bulletin', id], queryFn: () => api<CaseBulletin>(`/cases/${encodeURIComponent(id)}/bulletin`), enabled });
}

export function useDraftBulletin(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: BulletinText) => api<{ id: string }>(`/cases/${encodeURIComponent(id)}/bulletin`, { method: 'POST', body: text }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['cases', 'bulletin', id] });
      void qc.invalidateQueries({ queryKey: ['publications'] });
    },
  });
}
