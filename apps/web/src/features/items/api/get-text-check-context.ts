import { useQuery } from '@tanstack/react-query';
import type { SensitiveWordList } from '@jqt/domain';
import { api } from '../../../lib/api-client';

/** What the answer checks need besides the text: the sensitive-word list in force and the officer's unit's duty phone. */
export interface TextCheckContext {
  sensitiveWords: SensitiveWordList & { savedAt: string | null };
  unitPhone: string | null;
}

export function useTextCheckContext(enabled: boolean) {
  return useQuery({
    queryKey: ['text-checks', 'context'],
    queryFn: () => api<TextCheckContext>('/text-checks/context'),
    enabled,
    staleTime: 60_000,
  });
}
