import { and, asc, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { activeDeadline, clockRunningStatuses, nextEscalationAt, openStatuses, type ItemState, type WorkCalendar } from '@jqt/domain';
import { bulkInsert } from '../../db/bulk.ts';
import type { Queryable } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { attachments, enterprises, idempotencyKeys, itemEvents, items } from '../../db/schema.ts';
import type { VisibilityArm } from '../../policy/visibility-sql.ts';

export type ItemRow = typeof items.$inferSelect;
export type EventRow = typeof itemEvents.$inferSelect;

export function rowToState(r: ItemRow): ItemState {
  return {
    id: r.id,
    type: r.type,
    status: r.status as ItemState['status'],
    version: r.version,
    data: r.data as Record<string, unknown>,
    acceptInput: r.acceptInput as Record<string, unknown>,
    submitterId: r.submitterId,
    enterpriseId: r.enterpriseId,
    unitId: r.unitId,
    firstUnitId: r.firstUnitId,
    assigneeId: r.assigneeId,
    submittedAt: r.submittedAt,
    acceptedAt: r.acceptedAt,
    answeredAt: r.answeredAt,
    closedAt: r.closedAt,
    acceptDueAt: r.acceptDueAt,
    dueAt: r.dueAt,
    handleRule: r.handleRule as ItemState['handleRule'],
    provisional: r.provisional,
    pausedAt: r.pausedAt,
    pausedFrom: r.pausedFrom as ItemState['pausedFrom'],
    pauses: r.pauses as ItemState['pauses'],
    transferCount: r.transferCount,
    pendingTransfer: r.pendingTransfer as ItemState['pendingTransfer'],
    extension: r.extension as ItemState['extension'],
    pendingAnswer: (r.pendingAnswer ?? null) as ItemState['pendingAnswer'],
    supervision: r.supervision as ItemState['supervision'],
    rating: r.rating as ItemState['rating'],
    followUpRating: r.followUpRating as ItemState['followUpRating'],
    afterRating: r.afterRating as ItemState['afterRating'],
    reopenedAt: r.reopenedAt,
    branches: r.branches as ItemState['branches'],
    answer: r.answer,
    escalationStage: r.escalationStage,
  };
}

/** The columns derived from the state, kept for indexes: queues, visibility and the sweeper read them. */
function stateColumns(s: ItemState, cal: WorkCalendar) {
  return {
    status: s.status,
    version: s.version,
    data: s.data,
    acceptInput: s.acceptInput,
    unitId: s.unitId,
    assigneeId: s.assigneeId,
    acceptedAt: s.acceptedAt,
    answeredAt: s.answeredAt,
    closedAt: s.closedAt,
    acceptDueAt: s.acceptDueAt,
    dueAt: s.dueAt,
    activeDueAt: activeDeadline(s),
    handleRule: s.handleRule,
    provisional: s.provisional,
    pausedAt: s.pausedAt,
    pausedFrom: s.pausedFrom,
    pauses: s.pauses,
    transferCount: s.transferCount,
    pendingTransfer: s.pendingTransfer,
    pendingUnitId: s.pendingTransfer?.toUnitId ?? null,
    extension: s.extension,
    pendingAnswer: s.pendingAnswer,
    supervision: s.supervision,
    supervised: s.supervision !== null,
    listed: s.supervision?.listed ?? false,
    rating: s.rating,
    ratingLevel: s.rating ? (s.rating.voided ? 'voided' : s.rating.level) : null,
    followUpRating: s.followUpRating,
    afterRating: s.afterRating,
    rectificationDueAt: s.afterRating && !s.afterRating.rectification.doneAt ? new Date(s.afterRating.rectification.dueAt) : null,
    reopenedAt: s.reopenedAt,
    branches: s.branches,
    branchUnitIds: s.branches.map((b) => b.unitId),
    answer: s.answer,
    nextEscalationAt: nextEscalationAt(s, cal),
  };
}

/** The row of a new item: its fixed facts plus the columns derived from its state. */
function newItemRow(s: ItemState, number: string, cal: WorkCalendar, extra: { queryCodeHash?: string | null; batchId?: string | null; packageId?: string | null } = {}) {
  return {
    id: s.id,
    number,
    type: s.type,
    submitterId: s.submitterId,
    enterpriseId: s.enterpriseId,
    firstUnitId: s.firstUnitId,
    submittedAt: s.submittedAt,
    escalationStage: s.escalationStage,
    queryCodeHash: extra.queryCodeHash ?? null,
    updatedAt: s.submittedAt,
    batchId: extra.batchId ?? null,
    packageId: extra.packageId ?? null,
    ...stateColumns(s, cal),
  };
}

export async function insertItem(db: Queryable, s: ItemState, number: string, cal: WorkCalendar, queryCodeHash: string | null) {
  await db.insert(items).values(newItemRow(s, number, cal, { queryCodeHash }));
}

/**
 * Writes a transition's result. The escalation stage is written only when the transition reset it,
 * so a sweep that ran meanwhile is never undone.
 */
export async function updateItem(db: Queryable, before: ItemState, s: ItemState, cal: WorkCalendar, now: Date) {
  const cols = stateColumns(s, cal);
  const res = await db
    .update(items)
    .set({ ...cols, ...(s.escalationStage !== before.escalationStage ? { escalationStage: s.escalationStage } : {}), updatedAt: now })
    .where(and(eq(items.id, s.id), eq(items.version, before.version)))
    .returning({ id: items.id });
  return res.length === 1;
}

export async function nextItemNumber(db: Queryable, prefix: string): Promise<string> {
  const r = (await db.execute(sql`select nextval('item_number_seq') as n`)) as unknown as { rows: { n: string | number }[] };
  return `${prefix}${String(r.rows[0].n).padStart(6, '0')}`;
}

export async function findItem(db: Queryable, id: string, forUpdate = false) {
  const q = db.select().from(items).where(eq(items.id, id)).limit(1);
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function findItemByNumber(db: Queryable, number: string) {
  const [r] = await db.select().from(items).where(eq(items.number, number)).limit(1);
  return r;
}

export async function insertEvent(db: Queryable, e: typeof itemEvents.$inferInsert) {
  await db.insert(itemEvents).values(e);
}

export async function timelineOf(db: Queryable, itemId: string) {
  return db.select().from(itemEvents).where(eq(itemEvents.itemId, itemId)).orderBy(asc(itemEvents.id));
}

export async function findIdempotent(db: Queryable, actorKey: string, key: string) {
  const [r] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorKey, actorKey), eq(idempotencyKeys.key, key)))
    .limit(1);
  return r;
}

export async function insertIdempotent(db: Queryable, r: typeof idempotencyKeys.$inferInsert) {
  await db.insert(idempotencyKeys).values(r);
}

export interface ItemFilter {
  type?: string;
  status?: string;
  supervised?: boolean;
  listed?: boolean;
  overdue?: boolean;
  /** 整改件: a rectification after a bad rating is open. */
  rectifying?: boolean;
  unitId?: string;
  /** 查找: an item number, words of the title, an enterprise's name or its USCC. */
  q?: string;
  /** 打包办: the items opened together by one submission. */
  packageId?: string;
  /** Submitted within [from, to] (instants of the Beijing days' start and end). */
  submittedFrom?: Date;
  submittedTo?: Date;
}

/** The filter's conditions, apart from the status (the per-status counts vary only that); the cases list reuses them. */
export function filterConditions(f: ItemFilter, now: Date): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [];
  if (f.type) conds.push(eq(items.type, f.type));
  if (f.supervised !== undefined) conds.push(eq(items.supervised, f.supervised));
  if (f.listed !== undefined) conds.push(eq(items.listed, f.listed));
  if (f.unitId) conds.push(eq(items.unitId, f.unitId));
  if (f.packageId) conds.push(eq(items.packageId, f.packageId));
  if (f.rectifying) conds.push(isNotNull(items.rectificationDueAt));
  if (f.submittedFrom) conds.push(gte(items.submittedAt, f.submittedFrom));
  if (f.submittedTo) conds.push(lte(items.submittedAt, f.submittedTo));
  if (f.overdue) conds.push(and(inArray(items.status, clockRunningStatuses as string[]), isNotNull(items.activeDueAt), lte(items.activeDueAt, now)));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(sql`(${items.number} = ${f.q} or ${items.data}->>'title' ilike ${like} or ${items.data}->>'subject' ilike ${like}
      or ${items.enterpriseId} in (select ${enterprises.id} from ${enterprises} where ${enterprises.name} ilike ${like} or ${enterprises.uscc} = ${f.q.toUpperCase()}))`);
  }
  return conds;
}

/** How many visible items match the filter in each status (the queue's totals); one statement, arms OR-ed. */
export async function countItemsByStatus(db: Queryable, arms: VisibilityArm[] | undefined, f: ItemFilter, now: Date): Promise<Record<string, number>> {
  const visible = arms === undefined ? undefined : arms.length === 0 ? sql`false` : or(...arms.map((a) => a.where));
  const rows = await db
    .select({ status: items.status, n: sql<number>`count(*)::int` })
    .from(items)
    .where(and(visible, ...filterConditions(f, now)))
    .groupBy(items.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * One page of a queue, nearest deadline first; items with no running clock come last.
 * `arms` are the visibility the policy gives (undefined: everything). Each arm is read separately through its own index (an OR would make the planner walk the
 * city-wide deadline index for a small unit) and the pages are merged here.
 */
export async function listItems(db: Queryable, arms: VisibilityArm[] | undefined, f: ItemFilter, now: Date, cursor: { due: string | null; id: string } | null, limit: number) {
  const conds = filterConditions(f, now);
  if (f.status) conds.push(eq(items.status, f.status));
  if (cursor) {
    conds.push(
      cursor.due === null
        ? sql`(${items.activeDueAt} is null and ${items.id} > ${cursor.id})`
        : sql`((${items.activeDueAt} > ${cursor.due} or (${items.activeDueAt} = ${cursor.due} and ${items.id} > ${cursor.id})) or ${items.activeDueAt} is null)`,
    );
  }
  const order = [sql`${items.activeDueAt} asc nulls last`, asc(items.id)];
  const page = async (arm: VisibilityArm | undefined): Promise<ItemRow[]> => {
    const where = and(arm?.where, ...conds);
    if (!arm?.fenced) return db.select().from(items).where(where).orderBy(...order).limit(limit);
    // A materialized CTE is planned on its own, so neither the order nor the limit reaches the arm's plan: the
    // planner reads its few rows through the GIN index instead of walking the deadline index in the hope of them.
    const r = (await db.execute(sql`
      with matches as materialized (select ${items.id}, ${items.activeDueAt} from ${items} where ${where})
      select id from matches order by active_due_at asc nulls last, id limit ${limit}`)) as unknown as { rows: { id: string }[] };
    const ids = r.rows.map((x) => x.id);
    return ids.length ? (await db.select().from(items).where(inArray(items.id, ids))).sort(queueOrder) : [];
  };
  if (arms === undefined) return page(undefined);
  if (arms.length === 0) return page({ where: sql`false` });
  if (arms.length === 1) return page(arms[0]);
  const seen = new Set<string>();
  const merged: ItemRow[] = [];
  for (const rows of await Promise.all(arms.map(page))) {
    for (const r of rows) if (!seen.has(r.id) && seen.add(r.id)) merged.push(r);
  }
  return merged.sort(queueOrder).slice(0, limit);
}

/** The queue's order in memory, as in SQL: nearest deadline first, no running clock last, then id. */
function queueOrder(a: ItemRow, b: ItemRow): number {
  const due = (r: ItemRow) => r.activeDueAt?.getTime() ?? Infinity;
  return due(a) - due(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Many items' escalation stages in one statement (the sweeper's batch); a supervision given is written with its
 * ladder's stage, branches given with what each was reminded of.
 */
export async function setEscalations(db: Queryable, list: { id: string; stage: number; nextAt: Date | null; supervision?: unknown; branches?: unknown }[]) {
  if (!list.length) return;
  const json = (v: unknown) => (v ? JSON.stringify(v) : null);
  const values = sql.join(
    list.map((e) => sql`(${e.id}::uuid, ${e.stage}::int, ${e.nextAt ? e.nextAt.toISOString() : null}::timestamptz, ${json(e.supervision)}::jsonb, ${json(e.branches)}::jsonb)`),
    sql`, `,
  );
  await db.execute(sql`
    update items set escalation_stage = v.stage, next_escalation_at = v.next_at, supervision = coalesce(v.supervision, items.supervision), branches = coalesce(v.branches, items.branches)
    from (values ${values}) as v(id, stage, next_at, supervision, branches)
    where items.id = v.id`);
}

export async function openItems(db: Queryable, where: SQL | undefined) {
  return db
    .select()
    .from(items)
    .where(and(inArray(items.status, openStatuses as string[]), where))
    .for('update');
}

export { items };

/** Items inside `visible` (the policy's predicate) whose data lists this attachment. */
export async function visibleItemWithAttachment(db: Queryable, visible: SQL | undefined, attachmentId: string) {
  const [r] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(visible, sql`${items.data}->'attachments' ? ${attachmentId}`))
    .limit(1);
  return r;
}

/** Of these attachment ids, those uploaded by this user. */
export async function ownAttachments(db: Queryable, uploaderId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db.select({ id: attachments.id }).from(attachments).where(and(inArray(attachments.id, ids), eq(attachments.uploaderId, uploaderId)));
  return rows.map((r) => r.id);
}

/** Many new items in few statements (batch import, 打包办): chunks keep each statement under the parameter limit. */
export async function insertItems(
  db: Queryable,
  list: { state: ItemState; number: string; batchId?: string | null; packageId?: string | null }[],
  cal: WorkCalendar,
  chunk = 1000,
) {
  await bulkInsert(
    db,
    items,
    list.map(({ state, number, batchId, packageId }) => newItemRow(state, number, cal, { batchId, packageId })),
    chunk,
  );
}

export async function insertEvents(db: Queryable, rows: (typeof itemEvents.$inferInsert)[]) {
  await bulkInsert(db, itemEvents, rows);
}

/** `n` item numbers with one round trip. */
export async function nextItemNumbers(db: Queryable, prefix: string, n: number): Promise<string[]> {
  if (n === 0) return [];
  const r = (await db.execute(sql`select nextval('item_number_seq') as n from generate_series(1, ${n})`)) as unknown as { rows: { n: string | number }[] };
  return r.rows.map((x) => `${prefix}${String(x.n).padStart(6, '0')}`);
}
