import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Localized } from '../../../types/api';

export const TIA_KEYS = ['buildingAreaM2', 'parkingSpaces', 'peakHourTrips'] as const;
export type TiaKey = (typeof TIA_KEYS)[number];
export type TiaThresholds = Record<TiaKey, number>;

export interface TiaThresholdVersion {
  version: number;
  effectiveFrom: string;
  thresholds: TiaThresholds;
  note: string;
  author: { id: string; name: string | null } | null;
  createdAt: string;
  inForce: boolean;
}

export interface TiaBound {
  min: number;
  max: number;
  integer: boolean;
  label: Localized;
}

export function useTiaThresholdVersions() {
  return useQuery({
    queryKey: ['traffic', 'tia-thresholds'],
    queryFn: () => api<{ versions: TiaThresholdVersion[]; bounds: Record<TiaKey, TiaBound> }>('/traffic/tia-thresholds'),
  });
}

export interface CurrentTiaThresholds {
  version: number;
  effectiveFrom: string;
  thresholds: TiaThresholds;
  labels: Record<TiaKey, Localized>;
  next: { version: number; effectiveFrom: string; thresholds: TiaThresholds } | null;
}

/** Public: the thresholds in force now (and the next version, if published). */
export function useCurrentTiaThresholds(enabled = true) {
  return useQuery({ queryKey: ['traffic', 'tia-thresholds', 'current'], queryFn: () => api<CurrentTiaThresholds>('/traffic/tia-thresholds/current'), enabled, staleTime: 5 * 60_000 });
}

export interface TiaThresholdInput {
  effectiveFrom?: string;
  thresholds: TiaThresholds;
  note?: string;
}

export function usePublishTiaThresholds() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TiaThresholdInput) => api<TiaThresholdVersion>('/traffic/tia-thresholds', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['traffic', 'tia-thresholds'] }),
  });
}
