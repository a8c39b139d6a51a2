import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Item } from '../../../types/api';

export interface PackageEntry {
  type: string;
  data: Record<string, unknown>;
}

/** 打包办: the related items opened by one submission; a bad field anywhere is a 422 naming it (`items.1.data.location`). */
export function useSubmitPackage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: PackageEntry[]) => api<{ packageId: string; items: Item[] }>('/packages', { method: 'POST', body: { items } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['items', 'list'] }),
  });
}

/** The items of one package, each with its own clock. */
export function usePackageItems(packageId: string | undefined) {
  return useQuery({
    queryKey: ['items', 'list', 'package', packageId ?? ''],
    queryFn: async () => (await api<{ items: Item[] }>('/items', { query: { packageId, limit: 20 } })).items,
    enabled: !!packageId,
  });
}
