import { decodeCursor, isInstantKey, pageOf } from '../../lib/cursor.ts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, gte, lte, or, sql } from 'drizzle-orm';
import {
  createItem as newItemState,
  DomainError,
  itemType,
  recomputeClock,
  relationsOf,
  shanghaiDate,
  transition,
  validateForm,
  validateItemData,
  type ItemAction,
  type ItemState,
  type Notice,
  type Submitter,
  type WorkCalendar,
  type DistrictCode,
  type FieldError,
  type Form,
  type ItemTypeDeclaration,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { isUser, type RequestActor, type UserActor } from '../accounts/actor.ts';
import { enterpriseNames, findEnterprise, findUnit, findUnitByRoute, findUser } from '../accounts/repository.ts';
import { pickSpecialist } from '../accounts/specialists.ts';
import { canonicalJson } from '../audit/chain.ts';
import { recordAudit, recordAuditLater } from '../audit/service.ts';
import { calendarOf } from '../calendar/work-calendar.ts';
import { deliverNotices } from './notices.ts';
import { present } from './present.ts';
import { checkTransitionText } from '../text-checks/service.ts';
import { answerReviewTypes } from '../text-checks/answer-review.ts';
import { canSee, seesPersonalData, visibleArms, visibleTo } from './policy.ts';
import * as repo from './repository.ts';
import { items } from './repository.ts';

export const NOTIFY_CHANNEL = 'jqt_notifications';

function submitterKind(actor: RequestActor): Submitter | null {
  if (actor.role === 'public') return 'public';
  if (actor.role === 'enterprise-admin' || actor.role === 'enterprise-staff') return 'enterprise';
  if (actor.role === 'applicant') return 'applicant';
  return null;
}

const systemActor = { id: null, name: 'system', role: 'system' };

type EventInput = { action: string; fromStatus: string | null; toStatus: string; note: string | null; detail: Record<string, unknown> };

/**
 * What an item type produces besides its own row (a pass code, a filing, a screening result), registered by the
 * module that owns it. The after-hooks run inside the transaction that created or changed the item, so a failure
 * undoes the whole change; `afterSubmit` may decide an instant item at once by returning its next state and event
 * (or record what it derived, e.g. a screening, by returning a next state still `submitted`).
 */
export interface ItemOutputs {
  afterSubmit?: (tx: Queryable, e: { ctx: AppContext; item: ItemState; number: string; actor: RequestActor; now: Date }) => Promise<{ next: ItemState; event: EventInput } | void>;
  afterTransition?: (tx: Queryable, e: { ctx: AppContext; before: ItemState; item: ItemState; number: string; action: ItemAction; fields: Record<string, unknown>; actor: UserActor; now: Date }) => Promise<void>;
  /** Read-only facts shown with the item as `outputs`. */
  describe?: (ctx: AppContext, item: ItemState) => Promise<Record<string, unknown> | undefined>;
}
let itemOutputs = new Map<string, ItemOutputs>();
/** Set once from the list in registries.ts. */
export function useItemOutputs(byType: ReadonlyMap<string, ItemOutputs>): void {
  itemOutputs = new Map(byType);
}

export interface SubmitInput {
  type: string;
  data: unknown;
  idempotencyKey?: string;
  ip: string;
  /** Where it goes instead of the type's routing: an appeal asked of the enterprise's liaison officer. */
  placement?: { unitId: string; assigneeId?: string | null; via: string };
}

/** An item submitted, routed, clocked and recorded in one transaction; a retried key returns the first item. */
export async function submitItem(ctx: AppContext, actor: RequestActor, input: SubmitInput) {
  const type = itemType(input.type);
  if (!type) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'type', code: 'item_type_unknown' }] });
  // A type linked to a parent record (申请复议 of a refused case) is filed only through its module's route.
  if (type.filedVia && !input.placement) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'type', code: 'item_type_filed_elsewhere' }] });
  const kind = submitterKind(actor);
  if (!kind || !type.submitters.includes(kind)) {
    if (kind === 'public') throw new DomainError('unauthenticated', { kind: 'unauthenticated' });
    throw new DomainError('submitter_not_allowed', { kind: 'forbidden' });
  }
  const calendar = await calendarOf(ctx);
  const form = validateItemData(type, input.data, shanghaiDate(ctx.now()), 'data', calendar);
  if (form.errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors: form.errors });

  const db = ctx.database.db;
  await checkAttachments(ctx, actor, type.form, form.value);
  const actorKey = isUser(actor) ? `user:${actor.id}` : `ip:${input.ip}`;
  const requestHash = createHash('sha256').update(canonicalJson({ type: type.code, data: form.value })).digest('hex');
  if (input.idempotencyKey) {
    const prior = await repo.findIdempotent(db, actorKey, input.idempotencyKey);
    if (prior) return replay(ctx, actor, prior, requestHash);
  }

  const enterprise = isUser(actor) && actor.enterpriseId ? await findEnterprise(db, actor.enterpriseId) : undefined;
  const unit = input.placement ? { id: input.placement.unitId } : await routedUnit(db, type, form.value, enterprise?.district);
  // Someone without an account follows the item with its number and this code.
  const queryCode = kind === 'public' ? randomBytes(6).toString('hex') : null;
  let notified: string[] = [];
  const id = randomUUID();
  try {
    const number = await db.transaction(async (tx) => {
      const filed = await fileItem(tx, ctx, calendar, actor, {
        id,
        type,
        data: form.value,
        submitterId: isUser(actor) ? actor.id : null,
        enterpriseId: isUser(actor) ? actor.enterpriseId : null,
        unitId: unit.id,
        assigneeId: input.placement?.assigneeId ?? null,
        via: input.placement?.via,
        queryCodeHash: queryCode ? createHash('sha256').update(queryCode).digest('hex') : null,
        ip: input.ip,
      });
      if (input.idempotencyKey) await repo.insertIdempotent(tx, { actorKey, key: input.idempotencyKey, requestHash, itemId: id, createdAt: ctx.now() });
      notified = filed.notified;
      return filed.number;
    });
    await wake(ctx, notified);
    const created = await getItem(ctx, actor, id, { bypassVisibility: true });
    return { item: { ...created, ...(queryCode ? { queryCode } : {}) }, number, replayed: false };
  } catch (e) {
    // Two retries racing: the loser finds the winner's key and answers with the same item.
    if (input.idempotencyKey && String((e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505') {
      const prior = await repo.findIdempotent(db, actorKey, input.idempotencyKey);
      if (prior) return replay(ctx, actor, prior, requestHash);
    }
    throw e;
  }
}

/** The unit an item type's routing names for this data and district (503 when the city has no such unit). */
async function routedUnit(db: Queryable, type: ItemTypeDeclaration, data: Record<string, unknown>, district: string | undefined) {
  const target = type.route({ data, enterpriseDistrict: district as DistrictCode | undefined });
  const unit = await findUnitByRoute(db, target.unitType, target.district ?? null);
  if (!unit) throw new DomainError('no_unit_for_route', { kind: 'unavailable', params: target as unknown as Record<string, unknown> });
  return unit;
}

interface FilingInput {
  id: string;
  type: ItemTypeDeclaration;
  /** Already validated by the type's form. */
  data: Record<string, unknown>;
  submitterId: string | null;
  enterpriseId: string | null;
  unitId: string;
  assigneeId: string | null;
  /** How it came in when not by its submitter's own form: `liaison` (asked of the liaison officer), `visit` (raised in a visit). */
  via?: string;
  queryCodeHash: string | null;
  ip: string;
}

/** An item inserted, clocked, decided by its instant hook if any, audited and announced, in the caller's transaction. */
async function fileItem(tx: Queryable, ctx: AppContext, calendar: WorkCalendar, actor: RequestActor, f: FilingInput): Promise<{ state: ItemState; number: string; notified: string[] }> {
  const now = ctx.now();
  const state = { ...newItemState({ id: f.id, type: f.type, data: f.data, submitterId: f.submitterId, enterpriseId: f.enterpriseId, unitId: f.unitId, now, calendar }), assigneeId: f.assigneeId };
  const number = await repo.nextItemNumber(tx, `JQ${shanghaiDate(now).replace(/-/g, '')}`);
  await repo.insertItem(tx, state, number, calendar, f.queryCodeHash);
  const detail = { unitId: f.unitId, ...(f.via ? { via: f.via } : {}), ...(f.assigneeId ? { assigneeId: f.assigneeId } : {}) };
  await repo.insertEvent(tx, eventRow(state.id, now, actor, { action: 'submit', fromStatus: null, toStatus: 'submitted', note: null, detail }));
  const decided = await itemOutputs.get(f.type.code)?.afterSubmit?.(tx, { ctx, item: state, number, actor, now });
  if (decided) {
    if (!(await repo.updateItem(tx, state, decided.next, calendar, now))) throw new StaleVersion();
    await repo.insertEvent(tx, eventRow(state.id, now, systemActor, decided.event));
  }
  await recordAudit(tx, { actor, action: 'item.submit', subject: `item:${state.id}`, detail: { type: f.type.code, number, ...(f.via ? { via: f.via } : {}) }, ip: f.ip, at: now });
  // An item the hook decided at once (an instant pass code) waits for nobody; one it only enriched (a screening) does.
  const notified = decided && decided.next.status !== 'submitted' ? [] : await deliverNotices(tx, { ...state, number }, [{ to: 'handler', kind: 'new_item' }], now);
  return { state: decided?.next ?? state, number, notified };
}

/** Checks an item an officer files for an enterprise (a problem raised in a visit): the type's own form, under `prefix`. */
export function checkFilingForEnterprise(typeCode: unknown, data: unknown, today: string, prefix: string): { type?: ItemTypeDeclaration; value: Record<string, unknown>; errors: FieldError[] } {
  const type = typeof typeCode === 'string' ? itemType(typeCode) : undefined;
  if (!type) return { value: {}, errors: [{ path: `${prefix}.type`, code: 'item_type_unknown' }] };
  if (!type.submitters.includes('enterprise')) return { value: {}, errors: [{ path: `${prefix}.type`, code: 'item_type_not_for_enterprise' }] };
  // Files cannot ride along: an officer has no uploads of the enterprise's to name.
  const form = validateItemData(type, data, today, `${prefix}.data`);
  return { type, value: form.value, errors: form.errors };
}

/**
 * Files an item for an enterprise in the caller's transaction (a problem raised in a liaison visit): the enterprise
 * owns it as if it had submitted it, the officer is its recorded filer. Returns the users to wake after commit.
 * The calendar is read before the transaction (`calendarOf`): PGlite has one connection, which the transaction holds.
 */
export async function fileForEnterprise(
  tx: Queryable,
  ctx: AppContext,
  calendar: WorkCalendar,
  officer: UserActor,
  f: { type: ItemTypeDeclaration; data: Record<string, unknown>; enterprise: { id: string; district: string }; via: string; ip: string; unitId?: string },
): Promise<{ id: string; number: string; notified: string[] }> {
  // An incident is owned by the unit that took the call (M10), not by the type's routing.
  const unit = f.unitId ? { id: f.unitId } : await routedUnit(tx, f.type, f.data, f.enterprise.district);
  const id = randomUUID();
  const filed = await fileItem(tx, ctx, calendar, officer, { id, type: f.type, data: f.data, submitterId: null, enterpriseId: f.enterprise.id, unitId: unit.id, assigneeId: null, via: f.via, queryCodeHash: null, ip: f.ip });
  return { id, number: filed.number, notified: filed.notified };
}

async function replay(ctx: AppContext, actor: RequestActor, prior: { itemId: string; requestHash: string }, requestHash: string) {
  if (prior.requestHash !== requestHash) {
    throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'Idempotency-Key', code: 'idempotency_key_reused' }] });
  }
  const item = await getItem(ctx, actor, prior.itemId, { bypassVisibility: true });
  return { item, number: item.number, replayed: true };
}

function eventRow(
  itemId: string,
  at: Date,
  actor: RequestActor | typeof systemActor,
  e: EventInput,
) {
  const named = 'username' in actor;
  return {
    itemId,
    at,
    actorId: actor.id,
    actorName: named ? actor.displayName : 'name' in actor ? actor.name : '公众',
    actorRole: actor.role,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    detail: e.detail,
  };
}

export type PresentedItem = Awaited<ReturnType<typeof getItem>>;

/** One item with its timeline, or 404 for anyone who may not see it. */
export async function getItem(ctx: AppContext, actor: RequestActor, id: string, opts: { bypassVisibility?: boolean; ip?: string } = {}) {
  const row = await repo.findItem(ctx.database.db, id);
  if (!row) throw new DomainError('not_found', { kind: 'not-found' });
  const state = repo.rowToState(row);
  if (!opts.bypassVisibility && !canSee(state, actor)) throw new DomainError('not_found', { kind: 'not-found' });
  const timeline = await repo.timelineOf(ctx.database.db, id);
  const fullPersonalData = isUser(actor) && seesPersonalData(state, actor);
  if (fullPersonalData && isUser(actor) && !relationsOf(state, actor).has('submitter') && opts.ip !== undefined) {
    // Staff seeing an unmasked phone or ID number is itself recorded (PIPL, SPEC §8).
    await recordAuditLater(ctx.database.db, { actor, action: 'personal-data.view', subject: `item:${id}`, ip: opts.ip, at: ctx.now() });
  }
  const outputs = await itemOutputs.get(row.type)?.describe?.(ctx, state);
  // 专员服务: the applicant is told who serves them (a name, never a phone).
  const specialist = itemType(row.type)?.specialistOnAccept && row.assigneeId ? await findUser(ctx.database.db, row.assigneeId) : undefined;
  // The staff who handle it see whose it is: the enterprise's name, USCC and address (public registry facts).
  const staff = isUser(actor) && isStaff(actor);
  const enterprise = staff && row.enterpriseId ? await findEnterprise(ctx.database.db, row.enterpriseId) : undefined;
  const answerReview = staff && (state.status === 'accepted' || state.status === 'in_progress') && (await answerReviewTypes(ctx.database.db, state.unitId)).includes(state.type);
  return {
    ...present(row, state, actor, ctx.now(), { timeline, unmasked: fullPersonalData, answerReview }),
    ...(outputs ? { outputs } : {}),
    ...(specialist ? { specialist: { displayName: specialist.displayName } } : {}),
    ...(enterprise ? { enterprise: { id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc, address: enterprise.address, district: enterprise.district } } : {}),
  };
}

export async function listItems(
  ctx: AppContext,
  actor: UserActor,
  filter: repo.ItemFilter,
  cursor: string | undefined,
  limit: number,
) {
  const at = decodeCursor(cursor, (due) => due === null || isInstantKey(due));
  const after = at ? { due: at.key, id: at.id } : null;
  const now = ctx.now();
  const rows = await repo.listItems(ctx.database.db, visibleArms(actor), filter, now, after, limit + 1);
  const { page, nextCursor } = pageOf(rows, limit, (r) => r.activeDueAt?.toISOString() ?? null);
  // Staff see whose each item is (the queue's company column); an enterprise knows its own name.
  const names = isStaff(actor) ? await enterpriseNames(ctx.database.db, [...new Set(page.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))]) : null;
  return {
    items: page.map((r) => ({
      ...present(r, repo.rowToState(r), actor, now, { unmasked: false }),
      ...(names ? { enterpriseName: r.enterpriseId ? (names.get(r.enterpriseId) ?? null) : null } : {}),
    })),
    nextCursor,
  };
}

/** The queue's totals: how many visible items match the filter in each status, and how many of them are overdue. */
export async function countItems(ctx: AppContext, actor: UserActor, filter: Omit<repo.ItemFilter, 'status'>) {
  const now = ctx.now();
  const arms = visibleArms(actor);
  const [byStatus, overdue] = await Promise.all([
    repo.countItemsByStatus(ctx.database.db, arms, filter, now),
    filter.overdue ? null : repo.countItemsByStatus(ctx.database.db, arms, { ...filter, overdue: true }, now),
  ]);
  const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  return { byStatus, total: sum(byStatus), overdue: overdue ? sum(overdue) : sum(byStatus) };
}

const isStaff = (actor: UserActor) => !actor.role.startsWith('enterprise') && actor.role !== 'applicant';

export interface TransitionInput {
  action: ItemAction;
  version: number;
  fields: Record<string, unknown>;
  ip: string;
}

/** One step of the lifecycle: 404 if unseen, 409 if stale, then the domain decides 403/422, all in one transaction. */
export async function transitionItem(ctx: AppContext, actor: UserActor, id: string, input: TransitionInput) {
  const db = ctx.database.db;
  const calendar = await calendarOf(ctx);
  const now = ctx.now();
  let notified: string[] = [];
  await db.transaction(async (tx) => {
    notified = await applyTransition(tx, ctx, calendar, actor, id, input, now);
  }).catch(async (e) => {
    if (e instanceof StaleVersion) {
      const current = await getItem(ctx, actor, id).catch(() => null);
      throw new DomainError('stale_version', { kind: 'conflict', current });
    }
    throw e;
  });
  await wake(ctx, notified);
  // The actor sees the result of their own action even when it took the item out of their sight (a returned transfer).
  return getItem(ctx, actor, id, { bypassVisibility: true });
}

/**
 * One step of the lifecycle in the caller's transaction (another module's use case may end with one, e.g. 结案
 * closes the case's item): 404 if unseen, StaleVersion if stale. Returns the users to wake after commit.
 */
export async function applyTransition(tx: Queryable, ctx: AppContext, calendar: WorkCalendar, actor: UserActor, id: string, input: TransitionInput, now: Date, opts: { caseStage?: boolean } = {}): Promise<string[]> {
  const row = await repo.findItem(tx, id, true);
  if (!row) throw new DomainError('not_found', { kind: 'not-found' });
  const state = repo.rowToState(row);
  if (!canSee(state, actor)) throw new DomainError('not_found', { kind: 'not-found' });
  if (state.version !== input.version) throw new StaleVersion();
  const type = itemType(state.type)!;
  const specialistId = input.action === 'accept' && type.specialistOnAccept ? await pickSpecialist(tx, state.unitId, state.id) : undefined;
  const answerReview = input.action === 'answer' && (await answerReviewTypes(tx, state.unitId)).includes(state.type);
  const result = transition(state, input.action, input.fields, { actor, now, calendar, type, newId: randomUUID, specialistId, caseStage: opts.caseStage, answerReview });
  // What goes out to the enterprise (or waits for review to go out) passes the answer checks; the word list's version is kept on the event.
  const text = result.released ?? { action: input.action, fields: input.fields };
  const checked = await checkTransitionText(tx, actor, state, text.action, text.fields);
  if (checked) result.event.detail.sensitiveWordsVersion = checked.sensitiveWordsVersion;
  if (checked && text.fields.relevanceConfirmed === true) result.event.detail.relevanceConfirmed = true;
  await checkReferences(tx, input.action, result.next, input.fields);
  if (!(await repo.updateItem(tx, state, result.next, calendar, now))) throw new StaleVersion();
  await repo.insertEvent(tx, eventRow(id, now, actor, result.event));
  // The type's outputs (a pass code, a certificate) follow what went out: an approved answer, not one held for review.
  if (result.released) {
    const { action, fields } = result.released;
    await itemOutputs.get(state.type)?.afterTransition?.(tx, { ctx, before: state, item: result.next, number: row.number, action, fields, actor, now });
  }
  await recordAudit(tx, { actor, action: `item.${input.action}`, subject: `item:${id}`, detail: { from: state.status, to: result.next.status }, ip: input.ip, at: now });
  return deliverNotices(tx, { ...result.next, number: row.number }, result.notices, now);
}

/**
 * A fact another module records about an item without changing its state (a pass code it issued was revoked): a
 * timeline event and the notices, in the caller's transaction. Returns the users to wake after commit.
 */
export async function recordItemEvent(
  tx: Queryable,
  e: { itemId: string; actor: RequestActor; at: Date; event: Omit<EventInput, 'fromStatus' | 'toStatus'>; notices: Notice[] },
): Promise<string[]> {
  const row = await repo.findItem(tx, e.itemId);
  if (!row) return [];
  await repo.insertEvent(tx, eventRow(row.id, e.at, e.actor, { ...e.event, fromStatus: row.status, toStatus: row.status }));
  return deliverNotices(tx, { ...repo.rowToState(row), number: row.number }, e.notices, e.at);
}

/** Tells every instance's live streams which users have news; only after commit, so they read committed rows. */
export async function wake(ctx: AppContext, userIds: string[]) {
  if (userIds.length) await ctx.database.notify(NOTIFY_CHANNEL, JSON.stringify(userIds)).catch(() => {});
}

class StaleVersion extends Error {}

/** Attachments named in a form must be the submitter's own uploads. */
async function checkAttachments(ctx: AppContext, actor: RequestActor, form: Form, value: Record<string, unknown>) {
  const errors: FieldError[] = [];
  for (const f of form) {
    if (f.kind !== 'attachments' || !Array.isArray(value[f.name])) continue;
    const ids = value[f.name] as string[];
    const own = isUser(actor) ? await repo.ownAttachments(ctx.database.db, actor.id, ids) : [];
    ids.forEach((id, i) => {
      if (!own.includes(id)) errors.push({ path: `data.${f.name}.${i}`, code: 'attachment_not_found' });
    });
  }
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
}

export async function mayReadAttachment(ctx: AppContext, actor: UserActor, attachmentId: string): Promise<boolean> {
  return !!(await repo.visibleItemWithAttachment(ctx.database.db, visibleTo(actor), attachmentId));
}

/** Facts the pure lifecycle cannot know: that a target unit exists, that an assignee works in the unit. */
async function checkReferences(tx: Queryable, action: ItemAction, next: ItemState, fields: Record<string, unknown>) {
  if ((action === 'transfer' || action === 'open-branch') && !(await findUnit(tx, String(fields.toUnitId)))) {
    throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'toUnitId', code: 'unit_not_found' }] });
  }
  if (action === 'assign') {
    const u = /^[0-9a-f-]{36}$/.test(String(fields.assigneeId)) ? await findUser(tx, String(fields.assigneeId)) : undefined;
    if (!u || u.unitId !== next.unitId || (u.role !== 'officer' && u.role !== 'unit-leader')) {
      throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'assigneeId', code: 'assignee_not_in_unit' }] });
    }
  }
}

/**
 * After a year is loaded or a day amended: every open item whose clock may have changed is recomputed;
 * a changed deadline gets a timeline event and a notice (SPEC §4).
 */
export async function recomputeOpenDeadlines(
  ctx: AppContext,
  tx: Queryable,
  calendar: WorkCalendar,
  scope: { provisionalOnly: boolean; reason: string; notice: string; date?: string },
): Promise<number> {
  const where = scope.provisionalOnly
    ? sql`${items.provisional}`
    : scope.date
      ? and(lte(items.submittedAt, new Date(`${scope.date}T23:59:59+08:00`)), or(gte(items.dueAt, new Date(`${scope.date}T00:00:00+08:00`)), gte(items.acceptDueAt, new Date(`${scope.date}T00:00:00+08:00`))))
      : undefined;
  const rows = await repo.openItems(tx, where);
  const now = ctx.now();
  let changed = 0;
  for (const row of rows) {
    const state = repo.rowToState(row);
    const type = itemType(state.type);
    if (!type) continue;
    const clock = recomputeClock(state, type, calendar);
    const same =
      clock.dueAt?.getTime() === state.dueAt?.getTime() && clock.acceptDueAt?.getTime() === state.acceptDueAt?.getTime() && clock.provisional === state.provisional;
    if (same) continue;
    const next: ItemState = { ...state, ...clock, version: state.version + 1 };
    await repo.updateItem(tx, state, next, calendar, now);
    await repo.insertEvent(
      tx,
      eventRow(state.id, now, systemActor, {
        action: 'deadline-recomputed',
        fromStatus: state.status,
        toStatus: state.status,
        note: scope.notice,
        detail: { reason: scope.reason, from: { acceptDueAt: state.acceptDueAt, dueAt: state.dueAt }, to: { acceptDueAt: clock.acceptDueAt, dueAt: clock.dueAt }, provisional: clock.provisional },
      }),
    );
    await deliverNotices(tx, { ...next, number: row.number }, [{ to: 'submitter', kind: 'deadline_recomputed' }, { to: 'handler', kind: 'deadline_recomputed' }], now);
    changed += 1;
  }
  return changed;
}
