import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { LiaisonEnterprise } from './types';

/** The office marks an enterprise key (重点企业) and sets its tags and industry. */
export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; key: boolean; tags: string[]; industry: string | null }) =>
      api<LiaisonEnterprise>(`/liaison/enterprises/${encodeURIComponent(v.id)}/profile`, { method: 'PUT', body: { key: v.key, tags: v.tags, industry: v.industry } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison'] }),
  });
}
