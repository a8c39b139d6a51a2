import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /me/notification-preferences`: the user's off-site channels; 站内 notices are always on and not listed. */
export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  emailAddress: string | null;
  /** The verified phone (SMS notices go there), null until one is verified. */
  phone: string | null;
  phoneVerifiedAt: string | null;
  /** A number a code was sent to and not yet confirmed (the code is valid 10 minutes). */
  pendingPhone: string | null;
  /** Which channels the platform has configured (SMTP, SMS provider). */
  available: { email: boolean; sms: boolean };
}

export interface PreferencesInput {
  email: boolean;
  sms: boolean;
  emailAddress: string | null;
}

const key = ['notification-preferences'] as const;

export function useNotificationPreferences() {
  return useQuery({ queryKey: key, queryFn: () => api<NotificationPreferences>('/me/notification-preferences') });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesInput) => api<NotificationPreferences>('/me/notification-preferences', { method: 'PUT', body }),
    onSuccess: (p) => qc.setQueryData(key, p),
  });
}

/** Sends a 6-digit code by SMS to the number (202); the server refuses when no SMS provider is configured. */
export function useRequestPhoneCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (phone: string) => api<{ phone: string; expiresInSeconds: number }>('/me/phone-verification', { method: 'POST', body: { phone } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useConfirmPhoneCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<NotificationPreferences>('/me/phone-verification/confirm', { method: 'POST', body: { code } }),
    onSuccess: (p) => qc.setQueryData(key, p),
  });
}
