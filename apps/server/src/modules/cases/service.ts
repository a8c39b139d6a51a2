import { randomUUID } from 'node:crypto';
import {
  caseBulletinProposal,
  caseStageForm,
  caseStageOf,
  caseStageSelector,
  canSee,
  DomainError,
  investigationNoteForm,
  nextCaseStages,
  reconsiderationForm,
  recoveryForm,
  shanghaiDate,
  specialCaseForm,
  validateForm,
  type CaseBulletinFacts,
  type FieldError,
  type ItemState,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import type { UserActor } from '../accounts/actor.ts';
import { findUser } from '../accounts/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { calendarOf } from '../calendar/work-calendar.ts';
import { itemFilterOf } from '../items/filters.ts';
import * as items from '../items/repository.ts';
import { getForStaff, insertDraft } from '../content/service.ts';
import { applyTransition, recordItemEvent, submitItem, wake } from '../items/service.ts';
import { caseAbilities, caseDecl, presentCase, type CaseFacts } from './present.ts';
import * as repo from './repository.ts';
import { decodeCursor, isInstantKey, pageOf } from '../../lib/cursor.ts';
import type { CaseFilterQuery, CaseListQuery } from './schemas.ts';

const isEnterprise = (a: UserActor) => a.role === 'enterprise-admin' || a.role === 'enterprise-staff';
const invalid = (errors: FieldError[]) => new DomainError('validation_failed', { kind: 'invalid', errors });
const notFound = () => new DomainError('case_not_found', { kind: 'not-found' });

function checked(form: Parameters<typeof validateForm>[0], body: unknown, extra: string[] = []) {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const own = Object.fromEntries(Object.entries(raw).filter(([k]) => !extra.includes(k)));
  const r = validateForm(form, own, '');
  return { value: r.value, errors: r.errors.map((e) => ({ ...e, path: e.path.replace(/^\./, '') })), raw };
}

async function facts(db: Queryable, rows: items.ItemRow[], now: Date, withEnterprise = false): Promise<CaseFacts[]> {
  const ids = rows.map((r) => r.id);
  const [files, recoveries, units, ents] = await Promise.all([
    repo.caseFilesOf(db, ids),
    repo.recoveriesOf(db, ids),
    repo.unitsByIds(db, rows.map((r) => r.unitId)),
    withEnterprise ? repo.enterpriseNames(db, rows.map((r) => r.enterpriseId).filter((x): x is string => !!x)) : Promise.resolve([]),
  ]);
  const reconIds = files.map((f) => f.reconsiderationItemId).filter((x): x is string => !!x);
  const recons = reconIds.length ? await Promise.all(reconIds.map((id) => items.findItem(db, id))) : [];
  return rows.map((row) => {
    const file = files.find((f) => f.itemId === row.id);
    const recon = file?.reconsiderationItemId ? recons.find((r) => r?.id === file.reconsiderationItemId) : undefined;
    return {
      row,
      state: items.rowToState(row),
      file,
      recoveries: recoveries.filter((r) => r.itemId === row.id),
      unit: units.find((u) => u.id === row.unitId),
      enterpriseName: ents.find((e) => e.id === row.enterpriseId)?.name,
      reconsideration: recon ? { id: recon.id, number: recon.number, status: recon.status, decision: reconDecision(recon) } : null,
      now,
    };
  });
}

function reconDecision(r: items.ItemRow): string | null {
  return r.status === 'answered' || r.status === 'closed' ? (r.answer ? 'decided' : null) : null;
}

function onTeam(file: repo.CaseFileRow | undefined, actor: UserActor): boolean {
  const team = file?.team as { leadId?: string; memberIds?: string[] } | null | undefined;
  return !!team && (team.leadId === actor.id || (team.memberIds ?? []).includes(actor.id));
}

/** A case row the staff member may see (the item's own visibility, or a seat on its dedicated team), else 404. */
async function staffCase(db: Queryable, actor: UserActor, id: string, forUpdate = false) {
  const row = await items.findItem(db, id, forUpdate);
  if (!row || row.type !== repo.CASE_TYPE) throw notFound();
  const file = await repo.findCaseFile(db, id, forUpdate);
  if (!canSee(items.rowToState(row), actor) && !onTeam(file, actor)) throw notFound();
  return { row, file };
}

// ---- the enterprise's side ----

export async function listEnterpriseCases(ctx: AppContext, actor: UserActor) {
  if (!isEnterprise(actor) || !actor.enterpriseId) throw new DomainError('forbidden', { kind: 'forbidden' });
  const db = ctx.database.db;
  const rows = await repo.enterpriseCases(db, actor.enterpriseId);
  return { cases: (await facts(db, rows, ctx.now())).map((f) => presentCase(f, 'enterprise')) };
}

export async function getEnterpriseCase(ctx: AppContext, actor: UserActor, id: string) {
  const db = ctx.database.db;
  const row = await items.findItem(db, id);
  // Another enterprise's report is not known to exist.
  if (!row || row.type !== repo.CASE_TYPE || !actor.enterpriseId || row.enterpriseId !== actor.enterpriseId) throw notFound();
  return presentCase((await facts(db, [row], ctx.now()))[0]!, 'enterprise');
}

/** 申请复议 of a 不予立案, within 7 days, once: an item on its own clock, placed with the unit that refused. */
export async function fileReconsideration(ctx: AppContext, actor: UserActor, id: string, body: unknown, ip: string) {
  const c = checked(reconsiderationForm, body);
  if (c.errors.length) throw invalid(c.errors);
  const db = ctx.database.db;
  const row = await items.findItem(db, id);
  if (!row || row.type !== repo.CASE_TYPE || !actor.enterpriseId || row.enterpriseId !== actor.enterpriseId) throw notFound();
  const file = await repo.findCaseFile(db, id);
  checkReconsiderable(file, ctx.now());
  const r = await submitItem(ctx, actor, { type: 'crime-reconsideration', data: { caseNumber: row.number, ...c.value }, ip, placement: { unitId: row.unitId, via: 'cases' } });
  return r.item;
}

function checkReconsiderable(file: repo.CaseFileRow | undefined, now: Date) {
  const decl = caseDecl();
  if (file?.decision !== 'not-file' || !file.decidedAt) throw new DomainError('case_not_refused', { kind: 'invalid' });
  if (file.reconsiderationItemId) throw new DomainError('reconsideration_filed', { kind: 'invalid' });
  if (now.getTime() > file.decidedAt.getTime() + decl.reconsiderationDays * 86_400_000) {
    throw new DomainError('reconsideration_window_passed', { kind: 'invalid', params: { days: decl.reconsiderationDays } });
  }
}

// ---- the staff side ----

/** The list's query as the repository's filter: the one reading of it for the list and its ledger. */
export function caseFilterOf(q: CaseFilterQuery): repo.CaseFilter {
  const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'true');
  const items = itemFilterOf({ listed: q.listed, unitId: q.unitId, q: q.q, from: q.from, to: q.to });
  return {
    listed: items.listed,
    unitId: items.unitId,
    q: items.q,
    submittedFrom: items.submittedFrom,
    submittedTo: items.submittedTo,
    category: q.category,
    stage: q.stage ? caseStageSelector(caseDecl(), q.stage) : undefined,
    graded: bool(q.graded),
  };
}

/** One page of the staff list, newest report first; `nextCursor` continues it. */
export async function listStaffCases(ctx: AppContext, actor: UserActor, q: CaseListQuery) {
  const db = ctx.database.db;
  const after = decodeCursor(q.cursor, isInstantKey);
  const rows = await repo.staffCases(db, actor, caseFilterOf(q), ctx.now(), after, q.limit + 1);
  const { page, nextCursor } = pageOf(rows, q.limit, (r) => r.submittedAt.toISOString());
  return { cases: (await facts(db, page, ctx.now(), true)).map((x) => presentCase(x, 'staff', actor)), nextCursor };
}

/** Every case of the staff list's filters, page by page (the ledger; its size is capped there). */
export async function allStaffCases(ctx: AppContext, actor: UserActor, q: CaseFilterQuery) {
  const all: ReturnType<typeof presentCase>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listStaffCases(ctx, actor, { ...q, cursor, limit: 200 });
    all.push(...page.cases);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export async function getStaffCase(ctx: AppContext, actor: UserActor, id: string) {
  const db = ctx.database.db;
  const { row } = await staffCase(db, actor, id);
  return presentCase((await facts(db, [row], ctx.now(), true))[0]!, 'staff', actor);
}

/** Runs a case use case in one transaction on the locked item and case file, then answers with the case. */
async function onCase(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  ability: 'canRecordStage' | 'canRecordRecovery' | 'canDesignateSpecial' | 'canWriteInvestigationNote',
  work: (tx: Queryable, c: { row: items.ItemRow; state: ItemState; file: repo.CaseFileRow; now: Date }) => Promise<string[] | void>,
) {
  const db = ctx.database.db;
  let woken: string[] = [];
  await db.transaction(async (tx) => {
    const { row } = await staffCase(tx, actor, id, true);
    const now = ctx.now();
    const file = await repo.ensureCaseFile(tx, id, now);
    const state = items.rowToState(row);
    const decl = caseDecl();
    const can = caseAbilities({ state, file }, actor, nextCaseStages(decl, { status: state.status, decision: file.decision, progress: file.progress }).length > 0);
    if (!can[ability]) throw new DomainError('forbidden', { kind: 'forbidden' });
    woken = (await work(tx, { row, state, file, now })) ?? [];
  });
  await wake(ctx, woken);
  return getStaffCase(ctx, actor, id);
}

/** 侦查中, 移送审查起诉, 撤案, 结案: recorded by the unit after 立案; a closing stage closes the item on the engine. */
export async function recordStage(ctx: AppContext, actor: UserActor, id: string, body: unknown, ip: string) {
  const c = checked(caseStageForm, body);
  if (c.errors.length) throw invalid(c.errors);
  const calendar = await calendarOf(ctx);
  return onCase(ctx, actor, id, 'canRecordStage', async (tx, { row, state, file, now }) => {
    const decl = caseDecl();
    const f = { status: state.status, decision: file.decision, progress: file.progress };
    const to = nextCaseStages(decl, f).find((s) => s.code === c.value.stage);
    if (!to) throw invalid([{ path: 'stage', code: 'case_stage_not_allowed', params: { from: caseStageOf(decl, f).label, to: String(c.value.stage) } }]);
    const stages = [...((file.stages as unknown[]) ?? []), { stage: to.code, at: now.toISOString(), note: c.value.note ?? null, by: actor.id }];
    await repo.updateCaseFile(tx, id, { progress: to.code, stages, updatedAt: now });
    const woken = await recordItemEvent(tx, { itemId: id, actor, at: now, event: { action: 'case-stage', note: null, detail: { stage: to.code } }, notices: [{ to: 'submitter', kind: 'case_stage', params: { stage: to.label } }] });
    if (to.closes && state.status === 'answered') {
      const fresh = (await items.findItem(tx, id))!;
      woken.push(...(await applyTransition(tx, ctx, calendar, actor, id, { action: 'close', version: fresh.version, fields: {}, ip }, now, { caseStage: true })));
    }
    await recordAudit(tx, { actor, action: 'case.stage', subject: `item:${row.id}`, detail: { stage: to.code }, ip, at: now });
    return woken;
  });
}

/** 止损 / 挽损: an amount the unit recovered for the enterprise, after 立案. */
export async function recordRecovery(ctx: AppContext, actor: UserActor, id: string, body: unknown, ip: string) {
  const c = checked(recoveryForm, body);
  const today = shanghaiDate(ctx.now());
  if (typeof c.value.on === 'string' && c.value.on > today) c.errors.push({ path: 'on', code: 'date_in_future' });
  if (typeof c.value.amount === 'number' && Math.round(c.value.amount * 100) !== c.value.amount * 100) c.errors.push({ path: 'amount', code: 'invalid_type' });
  if (c.errors.length) throw invalid(c.errors);
  return onCase(ctx, actor, id, 'canRecordRecovery', async (tx, { row, now }) => {
    await repo.insertRecovery(tx, { id: randomUUID(), itemId: id, kind: String(c.value.kind), amount: (c.value.amount as number).toFixed(2), on: String(c.value.on), note: String(c.value.note ?? ''), recordedBy: actor.id, recordedAt: now });
    await recordAudit(tx, { actor, action: 'case.recovery', subject: `item:${row.id}`, detail: { kind: c.value.kind, amount: c.value.amount }, ip, at: now });
    return recordItemEvent(tx, { itemId: id, actor, at: now, event: { action: 'case-recovery', note: null, detail: { kind: c.value.kind, amount: c.value.amount } }, notices: [{ to: 'submitter', kind: 'case_recovery', params: { amount: c.value.amount } }] });
  });
}

/** 专案专办 (M17): a leader grades the case 重大/复杂/敏感 and names its dedicated team of police officers. */
export async function designateSpecial(ctx: AppContext, actor: UserActor, id: string, body: unknown, ip: string) {
  const c = checked(specialCaseForm, body, ['memberIds']);
  const members = c.raw.memberIds ?? [];
  if (!Array.isArray(members) || members.length > 20 || members.some((m) => typeof m !== 'string')) c.errors.push({ path: 'memberIds', code: 'invalid_type' });
  const memberIds = Array.isArray(members) ? [...new Set(members.filter((m): m is string => typeof m === 'string'))] : [];
  const db = ctx.database.db;
  const isPolice = async (uid: string) => {
    if (!/^[0-9a-f-]{36}$/.test(uid)) return false;
    const u = await findUser(db, uid);
    return !!u && !u.disabled && (u.role === 'officer' || u.role === 'unit-leader');
  };
  if (typeof c.value.leadId === 'string' && !(await isPolice(c.value.leadId))) c.errors.push({ path: 'leadId', code: 'team_member_not_police' });
  for (const [i, m] of memberIds.entries()) {
    if (m === c.value.leadId) c.errors.push({ path: `memberIds.${i}`, code: 'team_lead_in_members' });
    else if (!(await isPolice(m))) c.errors.push({ path: `memberIds.${i}`, code: 'team_member_not_police' });
  }
  if (c.errors.length) throw invalid(c.errors);
  return onCase(ctx, actor, id, 'canDesignateSpecial', async (tx, { row, now }) => {
    const team = { leadId: c.value.leadId, memberIds, at: now.toISOString(), by: actor.id, note: c.value.note ?? null };
    await repo.updateCaseFile(tx, id, { tier: String(c.value.tier), team, updatedAt: now });
    await recordAudit(tx, { actor, action: 'case.special', subject: `item:${row.id}`, detail: { tier: c.value.tier, leadId: c.value.leadId, memberIds }, ip, at: now });
    return recordItemEvent(tx, { itemId: id, actor, at: now, event: { action: 'case-special', note: null, detail: { tier: c.value.tier } }, notices: [{ to: 'unit-leader', kind: 'case_special' }] });
  });
}

export async function writeInvestigationNote(ctx: AppContext, actor: UserActor, id: string, body: unknown, ip: string) {
  const c = checked(investigationNoteForm, body);
  if (c.errors.length) throw invalid(c.errors);
  return onCase(ctx, actor, id, 'canWriteInvestigationNote', async (tx, { row, now }) => {
    await repo.updateCaseFile(tx, id, { investigationNote: String(c.value.note), updatedAt: now });
    await recordAudit(tx, { actor, action: 'case.note', subject: `item:${row.id}`, ip, at: now });
  });
}

// ---- hooks on the engine ----

/** Registration opens the case file; the answer records the 立案 decision (in the transaction of the transition). */
export async function afterCaseTransition(tx: Queryable, e: { item: ItemState; action: string; fields: Record<string, unknown>; now: Date }) {
  if (e.action === 'accept') await repo.ensureCaseFile(tx, e.item.id, e.now);
  if (e.action === 'answer') {
    const file = await repo.ensureCaseFile(tx, e.item.id, e.now);
    const decision = e.fields.decision === 'not-file' ? 'not-file' : 'file';
    const stages = [...((file.stages as unknown[]) ?? []), { stage: decision === 'file' ? 'filed' : 'not-filed', at: e.now.toISOString(), note: null, by: null }];
    await repo.updateCaseFile(tx, e.item.id, { decision, decidedAt: e.now, stages, updatedAt: e.now });
  }
}

/** The reconsideration is linked to its case once, under the case file's lock (two racing filings: one wins). */
export async function afterReconsiderationSubmit(tx: Queryable, e: { item: ItemState; now: Date }) {
  const parent = await items.findItemByNumber(tx, String(e.item.data.caseNumber));
  if (!parent) throw notFound();
  const file = await repo.findCaseFile(tx, parent.id, true);
  checkReconsiderable(file, e.now);
  await repo.updateCaseFile(tx, parent.id, { reconsiderationItemId: e.item.id, updatedAt: e.now });
}

/** 撤销原决定: the reconsideration revoked the refusal, so the case is opened (立案) on the original report. */
export async function afterReconsiderationAnswer(tx: Queryable, e: { item: ItemState; action: string; fields: Record<string, unknown>; now: Date }) {
  if (e.action !== 'answer' || e.fields.decision !== 'revoked') return;
  const parent = await items.findItemByNumber(tx, String(e.item.data.caseNumber));
  if (!parent) return;
  const file = await repo.ensureCaseFile(tx, parent.id, e.now);
  const stages = [...((file.stages as unknown[]) ?? []), { stage: 'filed', at: e.now.toISOString(), note: '复议撤销原不予立案决定', by: null }];
  await repo.updateCaseFile(tx, parent.id, { decision: 'file', decidedAt: e.now, stages, updatedAt: e.now });
}

/** The facts of a concluded case a bulletin may name (`caseBulletinProposal` says how they read). */
function bulletinFacts(c: Record<string, unknown>): CaseBulletinFacts {
  const v = c as { category: { label: { zh: string }; measure: number } | null; unit: { name: { zh: string } } | null; stages: { stage: string; at: string | null }[]; recovered: { total: number } };
  const on = (stage: string) => v.stages.find((s) => s.stage === stage)?.at?.slice(0, 10) ?? null;
  return {
    category: v.category?.label.zh ?? '涉企',
    measure: v.category?.measure ?? null,
    unitName: v.unit?.name.zh ?? '公安机关',
    registeredOn: on('registered'),
    filedOn: on('filed'),
    concludedOn: on('concluded'),
    recoveredTotal: v.recovered.total,
  };
}

async function bulletinCase(ctx: AppContext, actor: UserActor, id: string) {
  const c = (await getStaffCase(ctx, actor, id)) as Record<string, unknown> & { abilities?: Record<string, boolean> };
  if (!c.abilities?.canDraftBulletin) throw new DomainError('case_not_concluded', { kind: 'forbidden' });
  return c;
}

const bulletinOf = async (db: Queryable, id: string) => (await items.timelineOf(db, id)).find((e) => e.action === 'case-bulletin')?.detail as { publicationId?: string } | undefined;

/** 涉企案件通报: the text a concluded case proposes, for its unit or a supervisor to edit; and the draft, if one was made. */
export async function bulletinProposal(ctx: AppContext, actor: UserActor, id: string) {
  const c = await bulletinCase(ctx, actor, id);
  const made = await bulletinOf(ctx.database.db, id);
  return { proposal: caseBulletinProposal(bulletinFacts(c)), publication: made?.publicationId ? await getForStaff(ctx, actor, made.publicationId) : null };
}

/**
 * The case's bulletin drafted as a publication (kind `bulletin`), in one transaction with the case's record of it:
 * personal data refused as for every publication, one bulletin per case; the supervisor publishes it from 信息发布.
 */
export async function draftBulletin(ctx: AppContext, actor: UserActor, id: string, text: { title: string; summary: string; body: string }, ip: string) {
  await bulletinCase(ctx, actor, id);
  const now = ctx.now();
  let publicationId = '';
  await ctx.database.db.transaction(async (tx) => {
    await items.findItem(tx, id, true);
    if (await bulletinOf(tx, id)) throw new DomainError('case_bulletin_exists', { kind: 'conflict' });
    publicationId = await insertDraft(tx, actor, { kind: 'bulletin', ...text }, ip, now);
    await recordItemEvent(tx, { itemId: id, actor, at: now, event: { action: 'case-bulletin', note: null, detail: { publicationId } }, notices: [] });
    await recordAudit(tx, { actor, action: 'case.bulletin', subject: `item:${id}`, detail: { publicationId }, ip, at: now });
  });
  return getForStaff(ctx, actor, publicationId);
}
