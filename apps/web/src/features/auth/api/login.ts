import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { User } from '../../../types/api';
import { meKey } from './get-me';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

/** The form's sign-in: a staff account's right password without a code answers `{ totpRequired: true }`. */
export function login(input: LoginInput) {
  return api<{ user: User; passwordExpired: boolean } | { totpRequired: true }>('/auth/login', { method: 'POST', body: { ...input, stepwise: true } });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (r) => {
      if ('totpRequired' in r) return;
      qc.clear();
      qc.setQueryData(meKey, r.user);
    },
  });
}
