import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Unit } from '../../../types/api';

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: ['units'],
    queryFn: async () => (await api<{ units: Unit[] }>('/units')).units,
    staleTime: 30 * 60_000,
    enabled,
  });
}

export function unitName(units: Unit[] | undefined, id: string | null | undefined, lang: string): string {
  if (!id) return '—';
  const u = units?.find((x) => x.id === id);
  if (!u) return '—';
  return lang === 'en' ? u.nameEn || u.nameZh : u.nameZh;
}
