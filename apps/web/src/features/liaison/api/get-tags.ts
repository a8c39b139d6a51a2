import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { LiaisonTag } from './types';

export function useLiaisonTags(enabled = true) {
  return useQuery({ queryKey: ['liaison', 'tags'], queryFn: async () => (await api<{ tags: LiaisonTag[] }>('/liaison/tags')).tags, staleTime: 10 * 60_000, enabled });
}

/** A tag's name in the UI language (its code when the tag is unknown). */
export function tagName(tags: LiaisonTag[] | undefined, code: string, lang: string): string {
  const tag = tags?.find((x) => x.code === code);
  if (!tag) return code;
  return lang === 'en' ? tag.nameEn || tag.nameZh : tag.nameZh;
}

/** 警企联络办 adds a tag (code: lowercase letters, digits and hyphens; the server decides). */
export function useCreateTag() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: LiaisonTag) => api<LiaisonTag>('/liaison/tags', { method: 'POST', body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison', 'tags'] }),
  });
}

/** Renames a tag (its code stays: enterprises keep it). */
export function useRenameTag() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: LiaisonTag) => api<LiaisonTag>(`/liaison/tags/${encodeURIComponent(v.code)}`, { method: 'PATCH', body: { nameZh: v.nameZh, nameEn: v.nameEn } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison', 'tags'] }),
  });
}
