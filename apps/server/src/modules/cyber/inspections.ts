import { randomUUID } from 'node:crypto';
import { DomainError, rectificationDue, shanghaiDate, validateInspectionPlan, validateInspectionResult, type FieldError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import type { UserActor } from '../accounts/actor.ts';
import { reserveSerials } from '../applications/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { calendarOf } from '../calendar/work-calendar.ts';
import { wake } from '../items/service.ts';
import { insertNotifications } from '../notifications/repository.ts';
import { enterpriseUserIds } from '../prevention/warnings-repository.ts';
import { authorizeUnitWrite, mayReadInspection, standingOf, type CyberViewer } from './policy.ts';
import { presentInspection } from './present.ts';
import * as repo from './repository.ts';

const invalid = (errors: FieldError[]) => new DomainError('validation_failed', { kind: 'invalid', errors });

export async function viewerOf(ctx: AppContext, actor: UserActor): Promise<CyberViewer> {
  return { actor, standing: standingOf(actor, await repo.unitTypeOf(ctx.database.db, actor.unitId)) };
}

/** 整改通知书 number: WAZG, the Shanghai year and a six-digit serial of that year (one counter per year). */
async function noticeNumber(tx: Queryable, now: Date) {
  const year = Number(shanghaiDate(now).slice(0, 4));
  const serial = await reserveSerials(tx, 'cyber-notice', year, 1);
  return `WAZG${year}${String(serial).padStart(6, '0')}`;
}

async function presentMany(ctx: AppContext, v: CyberViewer, rows: { i: repo.InspectionRow; enterpriseName: string }[]) {
  const db = ctx.database.db;
  const findings = await repo.findingsOf(db, rows.map((r) => r.i.id));
  const names = await repo.attachmentNames(db, findings.flatMap((f) => f.answerAttachmentIds));
  const now = ctx.now();
  return rows.map((r) => presentInspection(v, r, findings.filter((f) => f.inspectionId === r.i.id), names, now));
}

/** An inspection the viewer may know of, or 404 (403 for police outside the cyber unit). */
export async function readableInspection(ctx: AppContext, v: CyberViewer, id: string, on: Queryable = ctx.database.db, lock = false) {
  if (v.standing === 'none') throw new DomainError('cyber_unit_only', { kind: 'forbidden' });
  const r = await repo.findInspection(on, id, lock);
  if (!r || !mayReadInspection(v, r.i)) throw new DomainError('not_found', { kind: 'not-found' });
  return r;
}

export async function getInspection(ctx: AppContext, actor: UserActor, id: string) {
  const v = await viewerOf(ctx, actor);
  return (await presentMany(ctx, v, [await readableInspection(ctx, v, id)]))[0];
}

/** The unit's inspections (readers: every unit's; the enterprise: its own), newest planned first. */
export async function listInspections(ctx: AppContext, actor: UserActor) {
  const v = await viewerOf(ctx, actor);
  if (v.standing === 'none') throw new DomainError('cyber_unit_only', { kind: 'forbidden' });
  const scope = v.standing === 'unit' ? { unitId: actor.unitId! } : v.standing === 'enterprise' ? { enterpriseId: actor.enterpriseId! } : {};
  const rows = await repo.listInspections(ctx.database.db, scope, 300);
  return { inspections: await presentMany(ctx, v, rows), abilities: { canPlan: v.standing === 'unit' } };
}

/** 检查计划: every bad field at once (the enterprise must exist); the enterprise's people are told of the date. */
export async function planInspection(ctx: AppContext, actor: UserActor, input: unknown, ip: string) {
  const v = await viewerOf(ctx, actor);
  authorizeUnitWrite(v);
  const db = ctx.database.db;
  const now = ctx.now();
  const { value, errors } = validateInspectionPlan(input, shanghaiDate(now));
  if (value.enterpriseId && !(await repo.enterpriseName(db, value.enterpriseId))) errors.push({ path: 'enterpriseId', code: 'enterprise_unknown' });
  if (errors.length) throw invalid(errors);
  const id = randomUUID();
  let told: string[] = [];
  await db.transaction(async (tx) => {
    await repo.insertInspection(tx, { id, unitId: actor.unitId!, ...value, status: 'planned', createdBy: actor.id, createdAt: now });
    told = await enterpriseUserIds(tx, [value.enterpriseId]);
    await insertNotifications(tx, told.map((userId) => ({ userId, kind: 'cyber_inspection_planned', params: { inspectionId: id, date: value.plannedDate }, createdAt: now })));
    await recordAudit(tx, { actor, action: 'cyber-inspection.plan', subject: `cyber-inspection:${id}`, detail: { enterpriseId: value.enterpriseId, plannedDate: value.plannedDate }, ip, at: now });
  });
  await wake(ctx, told);
  return getInspection(ctx, actor, id);
}

/**
 * 检查结果: the findings, each due by its severity from now; with any finding the 整改通知书 is numbered and the
 * enterprise told, in the same transaction. A result is recorded once (422 after).
 */
export async function recordResult(ctx: AppContext, actor: UserActor, id: string, input: unknown, ip: string) {
  const v = await viewerOf(ctx, actor);
  authorizeUnitWrite(v);
  const db = ctx.database.db;
  const now = ctx.now();
  const { value, errors } = validateInspectionResult(input, shanghaiDate(now));
  const calendar = await calendarOf(ctx);
  let told: string[] = [];
  await db.transaction(async (tx) => {
    const r = await readableInspection(ctx, v, id, tx, true);
    authorizeUnitWrite(v, r.i);
    if (r.i.status !== 'planned') throw new DomainError('cyber_inspection_not_planned', { kind: 'invalid' });
    if (errors.length) throw invalid(errors);
    const number = value.findings.length ? await noticeNumber(tx, now) : null;
    await repo.updateInspection(tx, id, { status: 'completed', inspectedOn: value.inspectedOn, summary: value.summary, noticeNumber: number, noticeIssuedAt: number ? now : null, completedBy: actor.id, completedAt: now });
    await repo.insertFindings(
      tx,
      value.findings.map((f, n) => ({ id: randomUUID(), inspectionId: id, seq: n + 1, severity: f.severity, description: f.description, dueAt: rectificationDue(calendar, f.severity, now).due, status: 'open', createdAt: now })),
    );
    if (number) {
      told = await enterpriseUserIds(tx, [r.i.enterpriseId]);
      await insertNotifications(tx, told.map((userId) => ({ userId, kind: 'cyber_notice_issued', params: { inspectionId: id, number, count: value.findings.length }, createdAt: now })));
    }
    await recordAudit(tx, { actor, action: 'cyber-inspection.result', subject: `cyber-inspection:${id}`, detail: { findings: value.findings.map((f) => f.severity), noticeNumber: number }, ip, at: now });
  });
  await wake(ctx, told);
  return getInspection(ctx, actor, id);
}
