import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client';
import type { User } from '../../../types/api';

export const meKey = ['auth', 'me'] as const;

export async function getMe(): Promise<User | null> {
  try {
    const r = await api<{ user: User }>('/auth/me');
    return r.user;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: getMe, staleTime: 60_000, retry: false });
}
