import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './schema-columns.ts';

/** In-site notices (the outbox of other channels is schema-outbox.ts). */

export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull(),
    itemId: uuid('item_id'),
    kind: text('kind').notNull(),
    params: jsonb('params').notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), index('notifications_item_idx').on(t.itemId, t.kind)],
);
