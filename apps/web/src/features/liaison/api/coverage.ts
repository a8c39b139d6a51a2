import { useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../../lib/api-client';
import type { Coverage } from './types';

/** 千警联千企: counts, by district, and the three lists (key enterprises without officer, not visited, idle officers). */
export function useCoverage(district: string | undefined, days: number) {
  return useQuery({ queryKey: ['liaison', 'coverage', district, days], queryFn: () => api<Coverage>('/liaison/coverage', { query: { district, days } }) });
}

export const coverageExportUrl = (district: string | undefined, days: number) => apiUrl('/liaison/coverage.xlsx', { district, days });
