import { and, desc, eq, getTableColumns, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { publications } from '../../db/schema.ts';

/** Everything but the generated search vector, which only searches read. */
const { searchVector: _searchVector, ...rowColumns } = getTableColumns(publications);
/** What a list shows: no body and no search tokens, the bulk of a row. */
const { body: _body, searchTokens: _searchTokens, ...listColumns } = rowColumns;

export type PublicationRow = Omit<typeof publications.$inferSelect, 'searchVector'>;
export type PublicationListRow = Omit<PublicationRow, 'body' | 'searchTokens'>;

export async function insertPublication(db: Queryable, p: typeof publications.$inferInsert) {
  await db.insert(publications).values(p);
}

export async function findPublication(db: Queryable, id: string) {
  const [r] = await db.select(rowColumns).from(publications).where(eq(publications.id, id)).limit(1);
  return r;
}

export async function publish(db: Queryable, id: string, by: string, at: Date) {
  const r = await db
    .update(publications)
    .set({ status: 'published', publishedBy: by, publishedAt: at })
    .where(and(eq(publications.id, id), inArray(publications.status, ['draft', 'unpublished'])))
    .returning({ id: publications.id });
  return r.length === 1;
}

/** 撤回: a published text leaves the public library; it keeps its first publication date. */
export async function unpublish(db: Queryable, id: string) {
  const r = await db
    .update(publications)
    .set({ status: 'unpublished' })
    .where(and(eq(publications.id, id), eq(publications.status, 'published')))
    .returning({ id: publications.id });
  return r.length === 1;
}

/** The staff's list: every status, newest first, optionally one unit's, one kind, one status, matching a tsquery. */
export async function listForStaff(db: Queryable, f: { unitId: string | null; kind?: string; status?: string; tsquery: string | null; limit: number }): Promise<PublicationListRow[]> {
  const conds: (SQL | undefined)[] = [];
  if (f.unitId) conds.push(eq(publications.unitId, f.unitId));
  if (f.kind) conds.push(eq(publications.kind, f.kind));
  if (f.status) conds.push(eq(publications.status, f.status));
  if (f.tsquery) conds.push(sql`${publications.searchVector} @@ to_tsquery('simple', ${f.tsquery})`);
  return db
    .select(listColumns)
    .from(publications)
    .where(and(...conds))
    .orderBy(desc(publications.createdAt), desc(publications.id))
    .limit(f.limit);
}

/** Published texts, newest first, optionally matching a tsquery; keyset-paged by (publishedAt, id). */
export async function listPublished(db: Queryable, f: { kind?: string; tsquery: string | null; before: { at: Date; id: string } | null; limit: number }): Promise<PublicationListRow[]> {
  const conds: (SQL | undefined)[] = [eq(publications.status, 'published')];
  if (f.kind) conds.push(eq(publications.kind, f.kind));
  if (f.tsquery) conds.push(sql`${publications.searchVector} @@ to_tsquery('simple', ${f.tsquery})`);
  if (f.before) {
    conds.push(or(lt(publications.publishedAt, f.before.at), and(eq(publications.publishedAt, f.before.at), lt(publications.id, f.before.id))));
  }
  return db
    .select(listColumns)
    .from(publications)
    .where(and(...conds))
    .orderBy(desc(publications.publishedAt), desc(publications.id))
    .limit(f.limit);
}

export async function listDrafts(db: Queryable, unitId: string | null, limit: number) {
  return db
    .select(rowColumns)
    .from(publications)
    .where(and(eq(publications.status, 'draft'), unitId ? eq(publications.unitId, unitId) : undefined))
    .orderBy(desc(publications.createdAt))
    .limit(limit);
}
