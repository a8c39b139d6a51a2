import { createHash } from 'node:crypto';

/** JSON with keys sorted at every level: jsonb reorders keys, the hash must not care. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export interface AuditFields {
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  ip: string | null;
}

export const GENESIS = '0'.repeat(64);

/** Each row's hash covers its fields and the previous row's hash: changing any row breaks every link after it. */
export function chainHash(prevHash: string, f: AuditFields): string {
  const body = canonicalJson([f.at.toISOString(), f.actorId, f.actorName, f.action, f.subject, f.detail, f.ip]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
