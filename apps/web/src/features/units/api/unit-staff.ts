import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../types/api';

/** One handling staff member of a unit (officer or unit leader), and whether the unit named them a 服务专员. */
export interface StaffMember {
  id: string;
  displayName: string;
  role: Role;
  specialist: boolean;
}

export const unitStaffKey = (unitId: string | null | undefined) => ['units', unitId, 'staff'] as const;

/** A unit's handling staff (own unit for staff; any for supervisors and admins). */
export function useUnitStaff(unitId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: unitStaffKey(unitId),
    queryFn: async () => (await api<{ staff: StaffMember[] }>(`/units/${encodeURIComponent(unitId!)}/staff`)).staff,
    enabled: enabled && !!unitId,
    staleTime: 60_000,
  });
}

/** Admin: name the unit's service specialists (the whole list replaces the old one). */
export function useSetSpecialists(unitId: string | null | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (userIds: string[]) => (await api<{ staff: StaffMember[] }>(`/admin/units/${encodeURIComponent(unitId!)}/specialists`, { method: 'PUT', body: { userIds } })).staff,
    onSuccess: (staff) => qc.setQueryData(unitStaffKey(unitId), staff),
  });
}
