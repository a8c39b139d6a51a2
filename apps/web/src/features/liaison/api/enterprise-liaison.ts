import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../../lib/api-client';
import type { Booking, MyLiaison, Slot, Visit } from './types';

/** The enterprise's side: its liaison officer, visits to confirm, asking the officer, booking a service centre. */
export function useMyLiaison() {
  return useQuery({ queryKey: ['liaison', 'enterprise', 'officer'], queryFn: () => api<MyLiaison>('/enterprise/liaison') });
}

export interface AskInput {
  title: string;
  content: string;
  contactName: string;
  contactPhone: string;
}

export function useAskOfficer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: AskInput) => api<{ id: string; number: string }>('/enterprise/liaison/ask', { method: 'POST', body: v, headers: { 'Idempotency-Key': newIdempotencyKey() } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['items', 'list'] }),
  });
}

export function useEnterpriseVisits() {
  return useQuery({ queryKey: ['liaison', 'enterprise', 'visits'], queryFn: async () => (await api<{ visits: Visit[] }>('/enterprise/visits')).visits });
}

export function useConfirmVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; verdict: 'confirmed' | 'disputed'; note?: string }) =>
      api<Visit>(`/enterprise/visits/${encodeURIComponent(v.id)}/confirmation`, { method: 'POST', body: { verdict: v.verdict, note: v.note } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison', 'enterprise', 'visits'] }),
  });
}

export function useMyBookings(enabled = true) {
  return useQuery({ queryKey: ['liaison', 'enterprise', 'bookings'], queryFn: async () => (await api<{ bookings: Booking[] }>('/enterprise/service-centre-bookings')).bookings, enabled });
}

export function useBookCentre() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { centreId: string; date: string; slot: Slot; purpose: string }) =>
      api<Booking>(`/enterprise/service-centres/${encodeURIComponent(v.centreId)}/bookings`, { method: 'POST', body: { date: v.date, slot: v.slot, purpose: v.purpose } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison', 'enterprise', 'bookings'] }),
  });
}
