import type { AppContext } from '../../context.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { RequestActor } from '../accounts/actor.ts';
import { chainHash, GENESIS, type AuditFields } from './chain.ts';
import { appendAudit, auditPage, claimPending, deletePending, insertPending } from './repository.ts';

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


type AuditEntry = { actor: RequestActor | null; action: string; subject: string; detail?: Record<string, unknown>; ip?: string | null; at: Date };

const fieldsOf = (e: AuditEntry): AuditFields => ({
  at: e.at,
  actorId: e.actor?.id ?? null,
  actorName: e.actor && e.actor.id ? e.actor.username : 'public',
  action: e.action,
  subject: e.subject,
  detail: e.detail ?? {},
  ip: e.ip ?? null,
});

/** Records who did what to which subject; called inside the transaction that did it. */
export async function recordAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  await appendAudit(tx, fieldsOf(e));
}

/** Records an act that changed nothing else (a failed login, an export): in a transaction of its own. */
export async function recordAuditAlone(db: Db, e: AuditEntry): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, fieldsOf(e)));
}

/**
 * Records a frequent read (staff viewing personal data) durably but outside the chain's lock;
 * `chainPendingAudit` appends it to the chain within seconds.
 */
export async function recordAuditLater(db: Queryable, e: AuditEntry): Promise<void> {
  await insertPending(db, fieldsOf(e));
}

/** Moves waiting records into the chain, oldest first, a thousand per transaction. Returns how many. */
export async function chainPendingAudit(db: Db): Promise<number> {
  let moved = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await claimPending(tx, 1000);
      await appendAudit(tx, ...rows.map(({ id: _id, ...f }) => ({ ...f, detail: f.detail as Record<string, unknown> })));
      await deletePending(tx, rows.map((r) => r.id));
      return rows.length;
    });
    moved += n;
    if (n < 1000) return moved;
  }
}

/** `GET /admin/audit`: one page of the log after an id, as of now (waiting records are chained first, not at the chainer's next run). */
export async function auditLog(ctx: AppContext, afterId: number, limit: number) {
  await chainPendingAudit(ctx.database.db);
  return auditPage(ctx.database.db, afterId, limit);
}

/** `GET /admin/audit/verify`: chains what is waiting, then checks the whole chain. */
export async function verifyAuditLog(ctx: AppContext): Promise<VerifyResult> {
  await chainPendingAudit(ctx.database.db);
  return verifyAuditChain(ctx.database.db);
}
