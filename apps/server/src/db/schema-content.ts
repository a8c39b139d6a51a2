import { sql } from 'drizzle-orm';
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts, tsvector } from './schema-columns.ts';

/** Published texts (信息发布). */

/** Published texts: policies (惠企政策), case bulletins (涉企案件通报), risk warnings; searchable in Chinese. */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    district: text('district'),
    status: text('status').notNull(),
    authorId: uuid('author_id'),
    unitId: text('unit_id'),
    publishedBy: uuid('published_by'),
    publishedAt: ts('published_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Chinese words segmented by the application (PGlite has no zhparser), space-joined for to_tsvector('simple'). */
    searchTokens: text('search_tokens').notNull().default(''),
    /** Stored so a search never recomputes a row's vector (bench W6: the planner's Seq Scan did). */
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple', search_tokens)`),
  },
  (t) => [
    index('publications_published_idx').on(t.kind, t.publishedAt),
    index('publications_search_vector_idx').using('gin', t.searchVector),
    // The public feed walks the newest texts and stops after a page, even for a common search word.
    index('publications_feed_idx').on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`status = 'published'`),
  ],
);
