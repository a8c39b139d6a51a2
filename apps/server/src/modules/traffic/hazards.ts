import { randomUUID } from 'node:crypto';
import { DomainError, formatShanghai, isIsoDate, shanghaiDate, type FieldError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { assertTrafficOfficer } from './pass-codes.ts';
import * as repo from './repository.ts';

export interface HazardInspectionInput {
  project: string;
  location: string;
  inspectedOn: string;
  findings: string;
  hazardCount: number;
  rectificationDueOn?: string | null;
}

function present(r: repo.HazardInspectionRow, today: string) {
  const open = r.rectificationDueOn !== null && r.rectifiedAt === null;
  return {
    id: r.id,
    project: r.project,
    location: r.location,
    inspectedOn: r.inspectedOn,
    findings: r.findings,
    hazardCount: r.hazardCount,
    rectificationDueOn: r.rectificationDueOn,
    rectifiedAt: r.rectifiedAt ? formatShanghai(r.rectifiedAt) : null,
    rectificationNote: r.rectificationNote,
    status: r.rectificationDueOn === null ? 'no-hazard' : open ? 'rectifying' : 'rectified',
    overdue: open && r.rectificationDueOn! < today,
    unitId: r.unitId,
  };
}

/** M9: a hazard inspection around a major project; hazards found need a rectification deadline after the inspection. */
export async function recordHazardInspection(ctx: AppContext, actor: UserActor, input: HazardInspectionInput, ip: string) {
  const db = ctx.database.db;
  await assertTrafficOfficer(db, actor);
  const now = ctx.now();
  const today = shanghaiDate(now);
  const errors: FieldError[] = [];
  if (!isIsoDate(input.inspectedOn)) errors.push({ path: 'inspectedOn', code: 'invalid_date' });
  else if (input.inspectedOn > today) errors.push({ path: 'inspectedOn', code: 'invalid_date' });
  const due = input.rectificationDueOn ?? null;
  if (input.hazardCount > 0 && !due) errors.push({ path: 'rectificationDueOn', code: 'required' });
  if (due !== null && !isIsoDate(due)) errors.push({ path: 'rectificationDueOn', code: 'invalid_date' });
  else if (due !== null && isIsoDate(input.inspectedOn) && due < input.inspectedOn) errors.push({ path: 'rectificationDueOn', code: 'date_range_invalid' });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const row: repo.HazardInspectionRow = {
    id: randomUUID(),
    project: input.project,
    location: input.location,
    inspectedOn: input.inspectedOn,
    findings: input.findings,
    hazardCount: input.hazardCount,
    rectificationDueOn: input.hazardCount > 0 ? due : null,
    rectifiedAt: null,
    rectificationNote: null,
    unitId: actor.unitId!,
    createdBy: actor.id,
    createdAt: now,
  };
  await db.transaction(async (tx) => {
    await repo.insertHazardInspection(tx, row);
    await recordAudit(tx, { actor, action: 'traffic.hazard-inspection.record', subject: `hazard-inspection:${row.id}`, detail: { project: row.project }, ip, at: now });
  });
  return present(row, today);
}

export async function listHazardInspections(ctx: AppContext, actor: UserActor, openOnly: boolean) {
  if (actor.role === 'officer' || actor.role === 'unit-leader') await assertTrafficOfficer(ctx.database.db, actor);
  const today = shanghaiDate(ctx.now());
  return { inspections: (await repo.listHazardInspections(ctx.database.db, openOnly)).map((r) => present(r, today)) };
}

export async function recordRectification(ctx: AppContext, actor: UserActor, id: string, note: string, ip: string) {
  const db = ctx.database.db;
  await assertTrafficOfficer(db, actor);
  const now = ctx.now();
  const row = await db.transaction(async (tx) => {
    const row = /^[0-9a-f-]{36}$/.test(id) ? await repo.findHazardInspection(tx, id, true) : undefined;
    if (!row) throw new DomainError('not_found', { kind: 'not-found' });
    if (row.rectificationDueOn === null || row.rectifiedAt !== null) throw new DomainError('action_not_allowed_in_status', { kind: 'invalid', params: { action: 'rectify', status: row.rectifiedAt ? 'rectified' : 'no-hazard' } });
    await repo.markRectified(tx, id, now, note);
    await recordAudit(tx, { actor, action: 'traffic.hazard-inspection.rectified', subject: `hazard-inspection:${id}`, detail: { note }, ip, at: now });
    return (await repo.findHazardInspection(tx, id))!;
  });
  return present(row, shanghaiDate(now));
}
