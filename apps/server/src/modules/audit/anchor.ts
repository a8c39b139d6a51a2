/**
 * The chain's head, anchored (issue 16 point 7). The hash chain shows an edited or removed row in the middle; only
 * a record of the head kept apart from the rows shows that the newest rows were removed. Anchors are append-only
 * rows owned by another database role, each signed with an Ed25519 key the database never holds, and logged, so an
 * operator can also check the chain against a head kept off the database (`npm run audit:verify -- --head`).
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { chainHead, insertAnchor, latestAnchor, type AnchorRow } from './repository.ts';

export interface Head {
  seq: number;
  hash: string;
}

const message = (a: { seq: number; hash: string; at: Date }) => Buffer.from(`jqt-audit-head\n${a.seq}\n${a.hash}\n${a.at.toISOString()}`);

export function signHead(key: KeyObject, a: { seq: number; hash: string; at: Date }): string {
  return sign(null, message(a), key).toString('base64');
}

/** Whether the anchor's signature is the signing key's; null when the anchor is unsigned or no key is configured. */
export function anchorSignatureValid(key: KeyObject | null, a: AnchorRow): boolean | null {
  if (!key || !a.signature) return null;
  try {
    return verify(null, message(a), createPublicKey(key), Buffer.from(a.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The public half, for those who check exported heads without the private key. */
export const publicKeyPem = (key: KeyObject | null) => (key ? createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString() : null);

/**
 * Anchors the current head if the chain grew past the last anchor. A head behind the last anchor is never anchored:
 * that would be the very truncation the anchor is there to show. Returns the anchor written, if any.
 */
export async function anchorHead(db: Queryable, key: KeyObject | null, now: Date): Promise<AnchorRow | null> {
  const [head, last] = await Promise.all([chainHead(db), latestAnchor(db)]);
  if (!head || (last && last.seq >= head.seq)) return null;
  const anchor: AnchorRow = { seq: head.seq, hash: head.hash, at: now, signature: null };
  anchor.signature = key ? signHead(key, anchor) : null;
  await insertAnchor(db, anchor);
  return anchor;
}

/** `seq:hash` as an operator copies it from the log or an export. */
export function parseHead(s: string): Head | null {
  const m = /^(\d{1,18}):([0-9a-f]{64})$/.exec(s.trim());
  return m ? { seq: Number(m[1]), hash: m[2] } : null;
}
