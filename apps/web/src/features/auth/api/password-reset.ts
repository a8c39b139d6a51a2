import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meKey } from './get-me';

/** 忘记密码: the same 202 whether or not the account exists. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (username: string) => api<{ accepted: true }>('/auth/password-reset', { method: 'POST', body: { username } }) });
}

/** The reset link's token and the new password; answers the account's username. */
export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: (v: { token: string; newPassword: string }) => api<{ username: string }>('/auth/password-reset/confirm', { method: 'POST', body: v }) });
}

/** Change one's own password (a temporary or expired one, after sign-in). */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => api<{ passwordChangedAt: string }>('/auth/password', { method: 'PUT', body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}
