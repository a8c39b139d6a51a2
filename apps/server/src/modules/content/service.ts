import { decodeCursor, isInstantKey, pageOf } from '../../lib/cursor.ts';
import { randomUUID } from 'node:crypto';
import { DomainError, formatShanghai, personalDataIn, type FieldError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { maySee, publicationAbilities, seesAll, type PublicationStatus } from './policy.ts';
import * as repo from './repository.ts';
import { searchQuery, searchTokens } from './search-tokens.ts';

export const publicationKinds = ['policy', 'bulletin', 'warning', 'faq'] as const;
export type PublicationKind = (typeof publicationKinds)[number];

/** Bulletins are public: a text carrying a phone or ID number is refused rather than published (PIPL). */
export interface Draft {
  kind: PublicationKind;
  title: string;
  summary: string;
  body: string;
  district?: string | null;
}

export async function createDraft(ctx: AppContext, actor: UserActor, d: Draft, ip: string) {
  const id = await ctx.database.db.transaction((tx) => insertDraft(tx, actor, d, ip, ctx.now()));
  return present((await repo.findPublication(ctx.database.db, id))!);
}

/** A draft written in the caller's transaction (a case's bulletin is drafted with the case's record of it). */
export async function insertDraft(tx: Queryable, actor: UserActor, d: Draft, ip: string, now: Date): Promise<string> {
  const errors: FieldError[] = [];
  for (const field of ['title', 'summary', 'body'] as const) {
    if (personalDataIn(d[field]).length) errors.push({ path: field, code: 'personal_data_in_text' });
  }
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const id = randomUUID();
  await repo.insertPublication(tx, {
    id,
    kind: d.kind,
    title: d.title,
    summary: d.summary,
    body: d.body,
    district: d.district ?? null,
    status: 'draft',
    authorId: actor.id,
    unitId: actor.unitId,
    createdAt: now,
    searchTokens: searchTokens(`${d.title} ${d.summary} ${d.body}`).join(' '),
  });
  await recordAudit(tx, { actor, action: 'publication.draft', subject: `publication:${id}`, detail: { kind: d.kind }, ip, at: now });
  return id;
}

export async function publishDraft(ctx: AppContext, actor: UserActor, id: string, ip: string) {
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const p = await repo.findPublication(tx, id);
    if (!p || !maySee(actor, p)) throw new DomainError('not_found', { kind: 'not-found' });
    if (!(await repo.publish(tx, id, actor.id, now))) throw new DomainError('already_published', { kind: 'invalid' });
    await recordAudit(tx, { actor, action: 'publication.publish', subject: `publication:${id}`, ip, at: now });
  });
  return present((await repo.findPublication(ctx.database.db, id))!, true, actor);
}

/** 撤回 (supervisor): a published text leaves the public library, with the reason in the audit log. */
export async function unpublish(ctx: AppContext, actor: UserActor, id: string, reason: string, ip: string) {
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const p = await repo.findPublication(tx, id);
    if (!p || !maySee(actor, p)) throw new DomainError('not_found', { kind: 'not-found' });
    if (!(await repo.unpublish(tx, id))) throw new DomainError('publication_not_published', { kind: 'invalid' });
    await recordAudit(tx, { actor, action: 'publication.unpublish', subject: `publication:${id}`, detail: { reason }, ip, at: now });
  });
  return present((await repo.findPublication(ctx.database.db, id))!, true, actor);
}

/** The staff's 信息发布 list: every status, searchable in Chinese like the public library; scoped as the drafts are. */
export async function listForStaff(ctx: AppContext, actor: UserActor, q: { kind?: PublicationKind; status?: PublicationStatus; q?: string; limit: number }) {
  const tsquery = q.q ? searchQuery(q.q) : null;
  if (q.q && !tsquery) return { publications: [] };
  const rows = await repo.listForStaff(ctx.database.db, { unitId: seesAll(actor) ? null : actor.unitId, kind: q.kind, status: q.status, tsquery, limit: q.limit });
  return { publications: rows.map((r) => present(r, false, actor)) };
}

/** One text as the staff see it (any status), with what the viewer may do with it. */
export async function getForStaff(ctx: AppContext, actor: UserActor, id: string) {
  const p = await repo.findPublication(ctx.database.db, id);
  if (!p || !maySee(actor, p)) throw new DomainError('not_found', { kind: 'not-found' });
  return present(p, true, actor);
}

export async function searchPublished(ctx: AppContext, q: { kind?: PublicationKind; q?: string; cursor?: string; limit: number }) {
  const at = decodeCursor(q.cursor, isInstantKey);
  const before = at ? { at: new Date(at.key!), id: at.id } : null;
  const tsquery = q.q ? searchQuery(q.q) : null;
  if (q.q && !tsquery) return { publications: [], nextCursor: null };
  const rows = await repo.listPublished(ctx.database.db, { kind: q.kind, tsquery, before, limit: q.limit + 1 });
  const { page, nextCursor } = pageOf(rows, q.limit, (r) => r.publishedAt!.toISOString());
  return { publications: page.map((r) => present(r, false)), nextCursor };
}

export async function getPublished(ctx: AppContext, id: string) {
  const p = await repo.findPublication(ctx.database.db, id);
  if (!p || p.status !== 'published') throw new DomainError('not_found', { kind: 'not-found' });
  return present(p);
}

export async function drafts(ctx: AppContext, actor: UserActor) {
  const rows = await repo.listDrafts(ctx.database.db, seesAll(actor) ? null : actor.unitId, 100);
  return { publications: rows.map((r) => present(r, true, actor)) };
}

function present(p: repo.PublicationRow | repo.PublicationListRow, withBody = true, actor?: UserActor) {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    summary: p.summary,
    ...(withBody && 'body' in p ? { body: p.body } : {}),
    district: p.district,
    status: p.status,
    unitId: p.unitId,
    publishedAt: p.publishedAt ? formatShanghai(p.publishedAt) : null,
    createdAt: formatShanghai(p.createdAt),
    ...(actor ? { abilities: publicationAbilities(actor, p) } : {}),
  };
}
