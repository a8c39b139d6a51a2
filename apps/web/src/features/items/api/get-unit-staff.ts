import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../types/api';

/** Who an item can be assigned to: its unit's officers and leaders (the same query key as the admin's staff list). */
export interface AssignableStaff {
  id: string;
  displayName: string;
  role: Role;
  specialist: boolean;
}

export function useAssignableStaff(unitId: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['units', unitId, 'staff'],
    queryFn: async () => (await api<{ staff: AssignableStaff[] }>(`/units/${encodeURIComponent(unitId!)}/staff`)).staff,
    enabled: enabled && !!unitId,
    staleTime: 60_000,
  });
}
