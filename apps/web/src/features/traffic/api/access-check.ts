import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface Road {
  id: string;
  name: string;
  class: string;
  inRestrictedZone: boolean;
  nightCorridor: boolean;
  district?: string | null;
}

export interface AccessCheckInput {
  vehicle: { plate: string; newEnergy: boolean; totalMassKg: number; lengthMm: number; body: 'box' | 'other'; use: 'general' | 'sanitation' | 'muck' | 'concrete' };
  road: { roadId?: string; inRestrictedZone: boolean; class: string; nightCorridor: boolean };
  /** ISO 8601 with +08:00 */
  at: string;
}

export interface AccessCheckResult {
  allowed: boolean;
  rule: string;
  vehicleClass: 'light' | 'medium' | 'heavy' | string;
  treatedAs?: string;
  reason: string;
  advice?: string;
  ruleSetVersion?: number;
}

export function useRoads() {
  return useQuery({
    queryKey: ['traffic', 'roads'],
    queryFn: async () => {
      const r = await api<Road[] | { roads: Road[] }>('/traffic/roads');
      return Array.isArray(r) ? r : r.roads;
    },
    staleTime: 10 * 60_000,
  });
}

export function useAccessCheck() {
  return useMutation({ mutationFn: (input: AccessCheckInput) => api<AccessCheckResult>('/traffic/access-checks', { method: 'POST', body: input }) });
}
