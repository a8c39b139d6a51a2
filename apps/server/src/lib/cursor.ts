import { DomainError } from '@jqt/domain';

/**
 * Keyset paging, one codec for every list: a cursor is the last row's sort key and id, opaque to clients
 * (base64url JSON). A key is a string or null (an item without a deadline sorts last).
 */
export interface CursorKey {
  key: string | null;
  id: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isInstantKey = (k: string | null) => k !== null && !Number.isNaN(Date.parse(k));

export function encodeCursor(key: string | null, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** The cursor a client sent back, or null without one; anything we did not write is a 422 on `cursor`. */
export function decodeCursor(cursor: string | undefined, validKey: (k: string | null) => boolean): CursorKey | null {
  if (cursor === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [key, id] = parsed as unknown[];
      if ((key === null || typeof key === 'string') && typeof id === 'string' && uuid.test(id) && validKey(key)) return { key, id };
    }
  } catch {
    /* not ours: answered below */
  }
  throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'cursor', code: 'cursor_invalid' }] });
}

/** Rows fetched with `limit + 1`: the page to answer and the cursor of its last row when more follow. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, keyOf: (row: T) => string | null): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last), last.id) : null };
}
