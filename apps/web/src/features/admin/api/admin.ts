import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../types/api';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  enterpriseId: string | null;
  mobile: string | null;
  locked: boolean;
  disabled: boolean;
  /** A temporary password set by an administrator, not yet replaced. */
  mustChangePassword: boolean;
}

export function useAdminUsers() {
  return useInfiniteQuery({
    queryKey: ['admin', 'users'],
    queryFn: ({ pageParam }) => api<{ users: AdminUser[]; nextCursor: string | null }>('/admin/users', { query: { limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (l) => l.nextCursor ?? undefined,
  });
}

export interface CreateUserInput {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitId?: string;
  enterpriseId?: string;
  mobile?: string;
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api<unknown>('/admin/users', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useChangeRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; role: Role; unitId: string | null }) => api<unknown>(`/admin/users/${v.id}/role`, { method: 'PUT', body: { role: v.role, unitId: v.unitId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

/** An administrator's reset: a temporary password, shown once; the user changes it at the next sign-in. */
export function useResetUserPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ id: string; username: string; temporaryPassword: string }>(`/admin/users/${id}/password-reset`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export interface CalendarStatus {
  years: { year: number; notice: string; title: string; loadedAt: string }[];
  currentYearLoaded: boolean;
  nextYear: number;
  nextYearLoaded: boolean;
  warning: 'calendar_next_year_missing' | null;
}

export function useCalendarStatus(enabled = true) {
  return useQuery({ queryKey: ['admin', 'calendar-status'], queryFn: () => api<CalendarStatus>('/admin/calendar/status'), enabled, staleTime: 5 * 60_000 });
}

export interface CalendarYearInput {
  year: number;
  notice: string;
  title: string;
  days: { date: string; kind: 'holiday' | 'makeup-workday'; name: string }[];
}

export function useLoadCalendarYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CalendarYearInput) => api<unknown>('/admin/calendar/years', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'calendar-status'] }),
  });
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actorName: string | null;
  action: string;
  subject: string | null;
  detail: unknown;
  ip: string | null;
}

export function useAudit() {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit'],
    queryFn: ({ pageParam }) => api<{ entries: AuditEntry[]; nextAfter: string | number | null }>('/admin/audit', { query: { limit: 50, after: pageParam } }),
    initialPageParam: undefined as string | number | undefined,
    getNextPageParam: (l) => l.nextAfter ?? undefined,
  });
}

/** The chain checked against its anchored head (issue 16 point 7). */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt?: { id: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'tail_truncated' | 'anchor_mismatch' | 'anchor_signature_invalid' };
  head: { seq: number; hash: string } | null;
  anchor: { seq: number; at: string; signed: boolean; signatureValid: boolean | null } | null;
}

export function verifyAudit() {
  return api<AuditVerification>('/admin/audit/verify');
}
