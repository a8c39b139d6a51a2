import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The admin's sensitive-word list (issue 13): each save is a new version; answers record the version they passed. */
export interface SensitiveWordList {
  version: number;
  words: string[];
  savedAt: string | null;
}

export function useSensitiveWords() {
  return useQuery({ queryKey: ['text-checks', 'sensitive-words'], queryFn: () => api<SensitiveWordList>('/admin/sensitive-words') });
}

export function useSaveSensitiveWords() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (words: string[]) => api<SensitiveWordList>('/admin/sensitive-words', { method: 'PUT', body: { words } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['text-checks'] }),
  });
}
