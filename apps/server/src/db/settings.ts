import { asc, eq, like, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { settings } from './schema.ts';

export type SettingRow = typeof settings.$inferSelect;

/** The shared key-value store for small configuration that several instances must agree on. */
export async function getSetting(db: Queryable, key: string): Promise<string | undefined> {
  return (await db.select().from(settings).where(eq(settings.key, key)).limit(1))[0]?.value;
}

/** Writes or replaces a value. */
export async function putSetting(db: Queryable, key: string, value: string, at: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, createdAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, createdAt: sql`excluded.created_at` } });
}

/**
 * A value kept once (a generated signing key): returns the stored value, or stores `value` (a string, or a maker
 * called only when the key is missing) and returns what is then stored — the first writer wins across instances.
 */
export async function ensureSetting(db: Queryable, key: string, value: string | (() => string)): Promise<string> {
  const found = await getSetting(db, key);
  if (found !== undefined) return found;
  await db
    .insert(settings)
    .values({ key, value: typeof value === 'function' ? value() : value })
    .onConflictDoNothing();
  return (await getSetting(db, key))!;
}

/** Settings whose key starts with `prefix` (a versioned value kept as one row per version), by key. */
export async function settingsWithPrefix(db: Queryable, prefix: string): Promise<SettingRow[]> {
  return db.select().from(settings).where(like(settings.key, `${prefix}%`)).orderBy(asc(settings.key));
}

/** Inserts a new setting; false when the key exists (the existing value is never overwritten). */
export async function insertSetting(db: Queryable, key: string, value: string, createdAt: Date): Promise<boolean> {
  const res = await db.insert(settings).values({ key, value, createdAt }).onConflictDoNothing().returning({ key: settings.key });
  return res.length === 1;
}
