import type { KeyObject } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { RequestActor } from '../accounts/actor.ts';
import { chainHash, GENESIS, type AuditFields } from './chain.ts';
import { appendAudit, auditPage, claimPending, deletePending, insertPending, latestAnchor } from './repository.ts';
import { anchorHead, anchorSignatureValid, publicKeyPem, type Head } from './anchor.ts';

export type BrokenReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'tail_truncated' | 'anchor_mismatch' | 'anchor_signature_invalid';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose link is broken, and why; for a truncated tail, the anchored row that is gone. */
  brokenAt?: { id: number; reason: BrokenReason };
  /** The chain's newest row as found. */
  head: Head | null;
  /** The newest anchor the chain was checked against, and whether its signature is the configured key's. */
  anchor: { seq: number; at: string; signed: boolean; signatureValid: boolean | null } | null;
}

/**
 * Walks the chain in id order and reports the first broken link; then checks that the chain still reaches, with
 * the same hash, the newest anchor and the head an operator kept elsewhere (`expectedHead`), so removed newest rows
 * are found too.
 */
export async function verifyAuditChain(db: Queryable, opts: { key?: KeyObject | null; expectedHead?: Head } = {}): Promise<VerifyResult> {
  const anchorRow = await latestAnchor(db);
  const anchor = anchorRow ? { seq: anchorRow.seq, at: anchorRow.at.toISOString(), signed: !!anchorRow.signature, signatureValid: anchorSignatureValid(opts.key ?? null, anchorRow) } : null;
  const checkpoints = [...(anchorRow ? [anchorRow] : []), ...(opts.expectedHead ? [opts.expectedHead] : [])];
  const seen = new Map<number, string>();
  let prev = GENESIS;
  let afterId = 0;
  let checked = 0;
  let head: Head | null = null;
  const broken = (id: number, reason: BrokenReason): VerifyResult => ({ ok: false, checked, brokenAt: { id, reason }, head, anchor });
  for (;;) {
    const rows = await auditPage(db, afterId, 1000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prev) return broken(r.id, 'prev_hash_mismatch');
      const expected = chainHash(prev, { at: r.at, actorId: r.actorId, actorName: r.actorName, action: r.action, subject: r.subject, detail: r.detail as Record<string, unknown>, ip: r.ip });
      if (expected !== r.hash) return broken(r.id, 'hash_mismatch');
      if (checkpoints.some((c) => c.seq === r.id)) seen.set(r.id, r.hash);
      prev = r.hash;
      checked += 1;
      afterId = r.id;
      head = { seq: r.id, hash: r.hash };
    }
  }
  for (const c of checkpoints) {
    if (!head || head.seq < c.seq) return broken(c.seq, 'tail_truncated');
    if (seen.get(c.seq) !== c.hash) return broken(c.seq, 'anchor_mismatch');
  }
  if (anchor?.signatureValid === false) return broken(anchor.seq, 'anchor_signature_invalid');
  return { ok: true, checked, head, anchor };
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

/**
 * `GET /admin/audit/verify` and `npm run audit:verify`: chains what is waiting, checks the whole chain against its
 * anchors and, if it is intact, anchors the head it verified.
 */
export async function verifyAndAnchor(db: Db, key: KeyObject | null, now: Date, expectedHead?: Head): Promise<VerifyResult> {
  await chainPendingAudit(db);
  const r = await verifyAuditChain(db, { key, expectedHead });
  if (r.ok) await anchorHead(db, key, now);
  return r;
}

export const verifyAuditLog = (ctx: AppContext) => verifyAndAnchor(ctx.database.db, ctx.config.auditSigningKey, ctx.now());

/** `GET /admin/audit/head`: the newest anchor with its signature and the key to check it by, to keep off the database. */
export async function auditHead(ctx: AppContext) {
  const a = await latestAnchor(ctx.database.db);
  return { anchor: a ? { seq: a.seq, hash: a.hash, at: a.at.toISOString(), signature: a.signature } : null, publicKey: publicKeyPem(ctx.config.auditSigningKey) };
}
