import { useQuery } from '@tanstack/react-query';
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
