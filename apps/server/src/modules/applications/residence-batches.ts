import { createHash, randomUUID } from 'node:crypto';
import {
  createItem,
  DomainError,
  formatMessage,
  formatShanghai,
  itemType,
  shanghaiDate,
  transition,
  validateItemData,
  activeDeadline,
  certificatesDue,
  nextEscalationAt,
  type DistrictCode,
  type FieldError,
  type Form,
  type ItemAction,
  type ItemState,
  type Locale,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import type { UserActor } from '../accounts/actor.ts';
import { findEnterprise, findUnitByRoute, userIdsInUnit } from '../accounts/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { calendarOf } from '../calendar/service.ts';
import * as itemsRepo from '../items/repository.ts';
import { wake } from '../items/service.ts';
import { insertNotifications } from '../notifications/repository.ts';
import { issueCertificates } from './certificates.ts';
import { batchesVisibleTo, canSeeBatch } from './policy.ts';
import * as repo from './repository.ts';
import { buildTemplate, readRows, SpreadsheetError } from './spreadsheet.ts';

const TYPE = 'residence-permit';
const residenceType = () => itemType(TYPE)!;
const enterpriseRoles = ['enterprise-admin', 'enterprise-staff'];

/** The spreadsheet's columns: the residence permit form without what a list cannot carry (files, a district). */
export function batchColumns(): Form {
  return residenceType().form.filter((f) => f.kind !== 'attachments' && f.name !== 'district');
}

export function residenceTemplate(): Promise<Buffer> {
  return buildTemplate(batchColumns(), { zh: '居住证集中申办人员名单', en: 'Residence permit batch: list of employees' }, [
    { zh: '1. 第一行为表头，请勿修改；带 * 的列必填；每行一人，最多 10000 行。', en: '1. Keep the header row; columns with * are required; one person per row, up to 10,000 rows.' },
    { zh: '2. 身份证号、手机号请按文本填写（模板已设为文本格式），日期格式为 2026-03-01。', en: '2. Enter ID and phone numbers as text (the template is formatted so); dates as 2026-03-01.' },
    { zh: '3. 不要使用公式；上传后逐行校验，不合格的行会列出行号和原因，修改后可整表重新上传，已受理的人员不会重复受理。', en: '3. No formulas. Every row is checked; rejected rows are listed with their number and reason. Correct them and upload the whole file again: people already accepted are never accepted twice.' },
  ]);
}

export interface RowReport {
  row: number;
  errors: { field: string; code: string; params?: Record<string, unknown> }[];
}

const localized = (report: RowReport[], locale: Locale) =>
  report.map((r) => ({ row: r.row, errors: r.errors.map((e) => ({ ...e, message: formatMessage(locale, e.code, e.params) })) }));

/** Every rejected row as field errors of the whole request (`rows.12.idNumber`), for a 422 when nothing can be accepted. */
const asFieldErrors = (report: RowReport[]): FieldError[] =>
  report.flatMap((r) => r.errors.map((e) => ({ path: `rows.${r.row}.${e.field}`, code: e.code, ...(e.params ? { params: e.params } : {}) })));

function eventRow(itemId: string, at: Date, actor: UserActor, action: string, fromStatus: string | null, toStatus: string, note: string | null, detail: Record<string, unknown>) {
  return { itemId, at, actorId: actor.id, actorName: actor.displayName, actorRole: actor.role, action, fromStatus, toStatus, note, detail };
}

async function notifyUsers(db: Queryable, userIds: string[], kind: string, params: Record<string, unknown>, now: Date) {
  await insertNotifications(
    db,
    [...new Set(userIds)].map((userId) => ({ userId, itemId: null, kind, params, createdAt: now })),
  );
  return [...new Set(userIds)];
}

/**
 * 居住证集中申办 (M5): an enterprise coordinator's spreadsheet becomes residence permit items in one transaction.
 * Every row is checked against the residence permit declaration; rows with errors are reported by row number;
 * a person the enterprise already has an open or issued application for is reported as `duplicate`, never filed
 * twice — so the corrected file can simply be uploaded again. With no row to accept, nothing is saved (422).
 */
export async function importResidenceBatch(ctx: AppContext, actor: UserActor, buffer: Buffer, opts: { filename?: string; ip?: string; locale?: Locale } = {}) {
  if (!enterpriseRoles.includes(actor.role) || !actor.enterpriseId) throw new DomainError('forbidden', { kind: 'forbidden' });
  const enterpriseId = actor.enterpriseId;
  const type = residenceType();
  let rows;
  try {
    rows = await readRows(buffer, batchColumns());
  } catch (e) {
    if (e instanceof SpreadsheetError) throw new DomainError('validation_failed', { kind: 'invalid', errors: e.errors });
    throw e;
  }

  const now = ctx.now();
  const today = shanghaiDate(now);
  const report: RowReport[] = [];
  const good: { row: number; value: Record<string, unknown> }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const unreadable = new Set(r.cellErrors.map((e) => e.field));
    const checked = validateItemData(type, r.data, today);
    const errors = [
      ...r.cellErrors,
      ...checked.errors.map((e) => ({ field: e.path.replace(/^data\./, ''), code: e.code, ...(e.params ? { params: e.params } : {}) })).filter((e) => !unreadable.has(e.field)),
    ];
    if (errors.length) {
      report.push({ row: r.row, errors });
      continue;
    }
    const id = String(checked.value.idNumber);
    const first = firstRowOf.get(id);
    if (first !== undefined) {
      report.push({ row: r.row, errors: [{ field: 'idNumber', code: 'duplicate_in_file', params: { row: first } }] });
      continue;
    }
    firstRowOf.set(id, r.row);
    good.push({ row: r.row, value: checked.value });
  }

  const db = ctx.database.db;
  const enterprise = await findEnterprise(db, enterpriseId);
  const target = type.route({ data: {}, enterpriseDistrict: enterprise?.district as DistrictCode | undefined });
  const unit = await findUnitByRoute(db, target.unitType, target.district ?? null);
  if (!unit) throw new DomainError('no_unit_for_route', { kind: 'unavailable', params: target as unknown as Record<string, unknown> });
  const calendar = await calendarOf(ctx);
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const batchId = randomUUID();

  let notified: string[] = [];
  const result = await db.transaction(async (tx) => {
    await repo.lockEnterpriseImports(tx, enterpriseId);
    const existing = await repo.existingResidenceIdNumbers(tx, enterpriseId, good.map((g) => String(g.value.idNumber)));
    const fresh = good.filter((g) => !existing.has(String(g.value.idNumber)));
    for (const g of good) if (existing.has(String(g.value.idNumber))) report.push({ row: g.row, errors: [{ field: 'idNumber', code: 'duplicate' }] });
    report.sort((a, b) => a.row - b.row);
    if (fresh.length === 0) {
      throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'file', code: 'no_valid_rows' }, ...asFieldErrors(report)], rows: localized(report, opts.locale ?? 'zh-CN') });
    }
    const day = shanghaiDate(now).replace(/-/g, '');
    const [number] = await itemsRepo.nextItemNumbers(tx, `RB${day}`, 1);
    const numbers = await itemsRepo.nextItemNumbers(tx, `JQ${day}`, fresh.length);
    // Every item of the batch starts the same clocks at the same instant: compute them once.
    const proto = createItem({ id: batchId, type, data: fresh[0].value, submitterId: actor.id, enterpriseId, unitId: unit.id, now, calendar });
    const states: ItemState[] = fresh.map((g) => ({ ...proto, id: randomUUID(), data: g.value }));
    const duplicates = report.filter((r) => r.errors.some((e) => e.code === 'duplicate')).length;
    await repo.insertBatch(tx, {
      id: batchId,
      number,
      enterpriseId,
      submitterId: actor.id,
      unitId: unit.id,
      status: 'submitted',
      filename: (opts.filename ?? 'upload.xlsx').slice(0, 120),
      sha256,
      rowCount: rows.length,
      createdCount: states.length,
      rejectedCount: report.length - duplicates,
      duplicateCount: duplicates,
      report,
      createdAt: now,
    });
    await itemsRepo.insertItems(tx, states.map((s, i) => ({ state: s, number: numbers[i], batchId })), calendar);
    await itemsRepo.insertEvents(tx, states.map((s, i) => eventRow(s.id, now, actor, 'submit', null, 'submitted', null, { unitId: unit.id, batchId, batchNumber: number, row: fresh[i].row })));
    await recordAudit(tx, {
      actor,
      action: 'residence-batch.import',
      subject: `residence-batch:${batchId}`,
      detail: { number, rows: rows.length, created: states.length, rejected: report.length - duplicates, duplicates, sha256 },
      ip: opts.ip,
      at: now,
    });
    notified = await notifyUsers(tx, await userIdsInUnit(tx, unit.id, ['officer', 'unit-leader']), 'residence_batch_submitted', { number, count: states.length }, now);
    return { created: states.length };
  });
  await wake(ctx, notified);
  const batch = await getBatch(ctx, actor, batchId, opts.locale);
  return { batch, rows: rows.length, created: result.created, rejected: localized(report, opts.locale ?? 'zh-CN') };
}

type BatchStep = 'accept-all' | 'mark-produced' | 'delivered';
const stepSpec: Record<BatchStep, { from: string; to: string; itemAction: ItemAction; itemsFrom: string[]; defaultNote: string; notice: string }> = {
  'accept-all': { from: 'submitted', to: 'accepted', itemAction: 'accept', itemsFrom: ['submitted'], defaultNote: '派出所集中受理', notice: 'residence_batch_accepted' },
  'mark-produced': { from: 'accepted', to: 'produced', itemAction: 'answer', itemsFrom: ['accepted', 'in_progress'], defaultNote: '居住证已集中制证，将送证上门', notice: 'residence_batch_produced' },
  delivered: { from: 'produced', to: 'delivered', itemAction: 'close', itemsFrom: ['answered'], defaultNote: '已送证上门', notice: 'residence_batch_delivered' },
};

function mayWork(actor: UserActor, batch: repo.BatchRow): boolean {
  return (actor.role === 'officer' || actor.role === 'unit-leader') && actor.unitId === batch.unitId;
}
const maySee = (actor: UserActor, batch: repo.BatchRow): boolean => canSeeBatch(actor, batch);

/**
 * The station works the batch as one: every item of the batch still at the step's starting status takes the same
 * lifecycle transition (decided by the domain on one of them, written set-based), each with its timeline event.
 * Items handled one by one meanwhile (refused, waiting for a supplement, being transferred) are left as they are.
 */
export async function batchStep(ctx: AppContext, actor: UserActor, id: string, step: BatchStep, input: { note?: string; signerName?: string }, ip?: string) {
  const spec = stepSpec[step];
  const db = ctx.database.db;
  const now = ctx.now();
  const calendar = await calendarOf(ctx);
  const type = residenceType();
  let notified: string[] = [];
  await db.transaction(async (tx) => {
    const batch = await repo.findBatch(tx, id, true);
    if (!batch || !maySee(actor, batch)) throw new DomainError('batch_not_found', { kind: 'not-found' });
    if (!mayWork(actor, batch)) throw new DomainError('forbidden', { kind: 'forbidden' });
    if (batch.status !== spec.from) throw new DomainError('batch_status', { kind: 'invalid', params: { status: batch.status } });
    const signer = input.signerName?.trim();
    const note = step === 'delivered' ? `${input.note?.trim() || spec.defaultNote}（签收人：${signer}）` : input.note?.trim() || spec.defaultNote;

    const rows = await repo.batchItemsIn(tx, id, batch.unitId, spec.itemsFrom);
    if (rows.length) {
      // The domain decides the step on one item; all the others stand exactly as it does (same clocks, same unit).
      const sample = itemsRepo.rowToState(rows[0]);
      const { next } = transition(sample, spec.itemAction, { note }, { actor, now, calendar, type });
      const set =
        step === 'accept-all'
          ? {
              status: next.status,
              acceptedAt: now,
              acceptInput: next.acceptInput,
              handleRule: next.handleRule,
              dueAt: next.dueAt,
              activeDueAt: activeDeadline(next),
              provisional: next.provisional,
              escalationStage: 0,
              nextEscalationAt: nextEscalationAt(next, calendar),
              updatedAt: now,
            }
          : step === 'mark-produced'
            ? { status: next.status, answeredAt: now, answer: note, activeDueAt: null, nextEscalationAt: null, updatedAt: now }
            : { status: next.status, closedAt: now, activeDueAt: null, nextEscalationAt: null, updatedAt: now };
      await repo.updateItemsAlike(tx, rows.map((r) => r.id), set);
      const detail: Record<string, unknown> = { batchId: id, batchNumber: batch.number };
      if (step === 'accept-all' && next.dueAt) detail.dueAt = formatShanghai(next.dueAt);
      if (signer) detail.signerName = signer;
      if (step === 'mark-produced') detail.decision = 'approved';
      await itemsRepo.insertEvents(tx, rows.map((r) => eventRow(r.id, now, actor, spec.itemAction, r.status, next.status, note, detail)));
      // 集中制证: every produced permit gets its number, in the batch's order, in this same transaction.
      if (step === 'mark-produced') {
        const due = certificatesDue(type, sample, next, 'answer', {});
        await issueCertificates(tx, rows.flatMap((r) => due.map((d) => ({ itemId: r.id, certificate: d.certificate, unitId: r.unitId }))), now, actor.id);
      }
    }
    await repo.updateBatch(tx, id, {
      status: spec.to,
      ...(step === 'accept-all' ? { acceptedAt: now } : step === 'mark-produced' ? { producedAt: now } : { deliveredAt: now, deliveredBy: actor.id, signerName: signer, deliveryNote: input.note?.trim() || null }),
    });
    await recordAudit(tx, { actor, action: `residence-batch.${step}`, subject: `residence-batch:${id}`, detail: { number: batch.number, items: rows.length, ...(signer ? { signerName: signer } : {}) }, ip, at: now });
    notified = await notifyUsers(tx, [batch.submitterId], spec.notice, { number: batch.number, count: rows.length, ...(signer ? { signer } : {}) }, now);
  });
  await wake(ctx, notified);
  return getBatch(ctx, actor, id);
}

function presentBatch(b: repo.BatchRow, counts: Record<string, number>, actor: UserActor, locale: Locale) {
  const work = mayWork(actor, b);
  const at = (d: Date | null) => (d ? formatShanghai(d) : null);
  return {
    id: b.id,
    number: b.number,
    type: TYPE,
    status: b.status,
    enterpriseId: b.enterpriseId,
    unitId: b.unitId,
    filename: b.filename,
    rowCount: b.rowCount,
    createdCount: b.createdCount,
    rejectedCount: b.rejectedCount,
    duplicateCount: b.duplicateCount,
    itemsByStatus: counts,
    createdAt: at(b.createdAt),
    acceptedAt: at(b.acceptedAt),
    producedAt: at(b.producedAt),
    deliveredAt: at(b.deliveredAt),
    delivery: b.deliveredAt ? { signerName: b.signerName, note: b.deliveryNote, deliveredBy: b.deliveredBy } : null,
    rejected: localized(b.report as RowReport[], locale),
    abilities: {
      canAcceptAll: work && b.status === 'submitted',
      canMarkProduced: work && b.status === 'accepted',
      canDeliver: work && b.status === 'produced',
    },
  };
}

/** One batch the actor may see (its detail, its row report); another's is not found. */
export async function visibleBatch(ctx: AppContext, actor: UserActor, id: string): Promise<repo.BatchRow> {
  const b = await repo.findBatch(ctx.database.db, id);
  if (!b || !maySee(actor, b)) throw new DomainError('batch_not_found', { kind: 'not-found' });
  return b;
}

export async function getBatch(ctx: AppContext, actor: UserActor, id: string, locale: Locale = 'zh-CN') {
  const b = await visibleBatch(ctx, actor, id);
  return presentBatch(b, await repo.batchItemCounts(ctx.database.db, id), actor, locale);
}

/** The batch list's query (newest first, the actor's scope): the list takes a page, its ledger up to the cap. */
export const batchRows = (ctx: AppContext, actor: UserActor, limit: number) => repo.listBatches(ctx.database.db, batchesVisibleTo(actor), limit);

export async function listBatches(ctx: AppContext, actor: UserActor, limit: number, locale: Locale = 'zh-CN') {
  const rows = await batchRows(ctx, actor, limit);
  return { batches: rows.map((b) => ({ ...presentBatch(b, {}, actor, locale), rejected: undefined, rejectedRows: (b.report as RowReport[]).length })) };
}
