import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Booking, CentreInput, ServiceCentre } from './types';

/** 驻企服务中心: the public directory. */
export function useServiceCentres(district?: string) {
  return useQuery({
    queryKey: ['liaison', 'centres', district ?? null],
    queryFn: async () => (await api<{ centres: ServiceCentre[] }>('/public/service-centres', { query: { district } })).centres,
    staleTime: 60_000,
  });
}

export function useSaveCentre() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; input: CentreInput }) =>
      v.id ? api<ServiceCentre>(`/liaison/service-centres/${encodeURIComponent(v.id)}`, { method: 'PATCH', body: v.input }) : api<ServiceCentre>('/liaison/service-centres', { method: 'POST', body: v.input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison', 'centres'] }),
  });
}

export function useCentreBookings(centreId: string | null) {
  return useQuery({
    queryKey: ['liaison', 'centre-bookings', centreId],
    queryFn: async () => (await api<{ bookings: Booking[] }>(`/liaison/service-centres/${encodeURIComponent(centreId!)}/bookings`)).bookings,
    enabled: !!centreId,
  });
}
