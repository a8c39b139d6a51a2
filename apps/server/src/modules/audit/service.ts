import type { Queryable } from '../../db/client.ts';
import { chainHash, GENESIS } from './chain.ts';
import { auditPage } from './repository.ts';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose link is broken, and why. */
  brokenAt?: { id: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' };
}

/** Walks the chain in id order and reports the first broken link. */
export async function verifyAuditChain(db: Queryable): Promise<VerifyResult> {
  let prev = GENESIS;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await auditPage(db, afterId, 1000);
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, checked, brokenAt: { id: r.id, reason: 'prev_hash_mismatch' } };
      const expected = chainHash(prev, {
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        subject: r.subject,
        detail: r.detail as Record<string, unknown>,
        ip: r.ip,
      });
      if (expected !== r.hash) return { ok: false, checked, brokenAt: { id: r.id, reason: 'hash_mismatch' } };
      prev = r.hash;
      checked += 1;
      afterId = r.id;
    }
  }
}

import type { RequestActor } from '../accounts/actor.ts';
import { appendAudit } from './repository.ts';

/** Records who did what to which subject; called inside the transaction that did it. */
export async function recordAudit(
  tx: Queryable,
  e: { actor: RequestActor | null; action: string; subject: string; detail?: Record<string, unknown>; ip?: string | null; at: Date },
): Promise<void> {
  await appendAudit(tx, {
    at: e.at,
    actorId: e.actor?.id ?? null,
    actorName: e.actor && e.actor.id ? e.actor.username : 'public',
    action: e.action,
    subject: e.subject,
    detail: e.detail ?? {},
    ip: e.ip ?? null,
  });
}
