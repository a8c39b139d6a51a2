import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemStatus, Localized } from '../../../types/api';

/** A certificate (permit) number issued for the item, if the server discloses it. */
export interface DisclosedCertificate {
  kind: string;
  number: string;
  name?: Localized | null;
  issuedAt?: string | null;
  /** The issuing unit (the partner bureau for a branch's document). */
  unit?: Localized | null;
}

/**
 * GET /public/verify/:number?s= — whether a receipt or decision is genuine, and only what its holder may disclose
 * (never a name, an ID number or a phone).
 */
export type ReceiptVerification =
  | { genuine: false; number: string }
  | CyberNoticeVerification
  | {
      genuine: true;
      kind?: undefined;
      number: string;
      type: string;
      typeName: Localized;
      status: ItemStatus;
      unit: Localized | null;
      submittedAt: string | null;
      acceptedAt: string | null;
      dueAt: string | null;
      answeredAt: string | null;
      closedAt: string | null;
      /** Answered (or closed after an answer); `decision` only for types that issue documents. */
      decided?: boolean;
      decision?: 'approved' | 'denied' | null;
      certificates?: DisclosedCertificate[];
    };

/** A 网络安全整改通知书 (M16): who issued it to whom, when, and how far it is rectified — never the findings. */
export interface CyberNoticeVerification {
  genuine: true;
  kind: 'cyber-notice';
  number: string;
  typeName: Localized;
  unit: Localized | null;
  enterpriseName: string | null;
  inspectedOn: string | null;
  issuedAt: string;
  findings: { total: number; closed: number };
  rectified: boolean;
}

export function getReceiptVerification(number: string, signature: string | null) {
  return api<ReceiptVerification>(`/public/verify/${encodeURIComponent(number)}`, { query: { s: signature } });
}

export function useReceiptVerification(number: string, signature: string | null) {
  return useQuery({
    queryKey: ['verification', 'receipt', number, signature],
    queryFn: () => getReceiptVerification(number, signature),
    staleTime: 0,
    retry: 1,
  });
}
