import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type PassCodeStatus = 'valid' | 'expired' | 'revoked' | 'not-yet-valid';

/** GET /public/pass-codes/:code?s= — a roadside officer's scan: genuine or not, and the code's facts (plate masked). */
export type PassCodeVerification =
  | { genuine: false; code: string }
  | {
      genuine: true;
      code: string;
      /** Masked: 鲁C***45 */
      plate: string;
      kind: 'temporary' | 'short-term' | 'long-term' | string;
      validFrom: string;
      /** Exclusive: the first instant the code no longer covers. */
      validTo: string;
      status: PassCodeStatus;
      roadClasses: string[];
      roadIds: string[];
    };

export function getPassCodeVerification(code: string, signature: string | null) {
  return api<PassCodeVerification>(`/public/pass-codes/${encodeURIComponent(code)}`, { query: { s: signature } });
}

export function usePassCodeVerification(code: string, signature: string | null) {
  return useQuery({
    queryKey: ['verification', 'pass-code', code, signature],
    queryFn: () => getPassCodeVerification(code, signature),
    staleTime: 0,
    retry: 1,
  });
}
