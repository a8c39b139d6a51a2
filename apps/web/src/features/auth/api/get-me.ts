import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { User } from '../../../types/api';

export const meKey = ['auth', 'me'] as const;

/** Who is signed in, or null: `/auth/session` answers 200 either way, so a visitor's console stays clean. */
export async function getMe(): Promise<User | null> {
  return (await api<{ user: User | null }>('/auth/session')).user;
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: getMe, staleTime: 60_000, retry: false });
}
