import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { attachments } from '../../db/schema.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

export async function insertAttachment(db: Queryable, row: typeof attachments.$inferInsert): Promise<void> {
  await db.insert(attachments).values(row);
}

export async function findAttachment(db: Queryable, id: string): Promise<AttachmentRow | undefined> {
  const [a] = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return a;
}
