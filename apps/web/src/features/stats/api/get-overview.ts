import { useQuery } from '@tanstack/react-query';
import { api, apiUrl, isApiError } from '../../../lib/api-client';
import type { StatsOverview } from '../../../types/api';

/** null when the statistics endpoint is not there yet (404): the dashboard degrades to lists. */
export function useStatsOverview(from: string, to: string) {
  return useQuery({
    queryKey: ['stats', 'overview', from, to],
    queryFn: async () => {
      try {
        return await api<StatsOverview>('/stats/overview', { query: { from, to } });
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    retry: false,
  });
}

export const exportUrl = (from: string, to: string) => apiUrl('/stats/export.xlsx', { from, to });

/** 平安服务: warnings, network security inspections, open lectures and disputes in the dashboard's scope (GET /stats/prevention). */
export interface PreventionStats {
  from: string;
  to: string;
  warnings: { published: number; delivered: number; acknowledged: number; escalated: number };
  cyber: { inspected: number; openFindings: number; overdueFindings: number };
  openLectures: { lectures: number; attendees: number };
  disputes: { open: number; high: number; overdue: number };
}

export function usePreventionStats(from: string, to: string) {
  return useQuery({ queryKey: ['stats', 'prevention', from, to], queryFn: () => api<PreventionStats>('/stats/prevention', { query: { from, to } }), retry: false });
}
