import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { User } from '../../../types/api';
import { meKey } from './get-me';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

export function login(input: LoginInput) {
  return api<{ user: User }>('/auth/login', { method: 'POST', body: input });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (r) => {
      qc.clear();
      qc.setQueryData(meKey, r.user);
    },
  });
}
