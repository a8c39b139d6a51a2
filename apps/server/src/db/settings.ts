import { eq, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { settings } from './schema.ts';

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
