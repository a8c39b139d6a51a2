import { randomUUID } from 'node:crypto';
import { DomainError, checkPlate, formatShanghai, isIsoDate, parseIsoInstant, type FieldError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { assertTrafficOfficer } from './pass-codes.ts';
import * as repo from './repository.ts';

export interface AccidentInput {
  plate: string;
  occurredAt: string;
  releasedAt: string;
  simpleProcedure: boolean;
  vehicleDetained?: boolean;
  licenceDetained?: boolean;
  note?: string;
}

export function presentAccident(r: repo.AccidentRow) {
  return {
    id: r.id,
    plate: r.plate,
    occurredAt: formatShanghai(r.occurredAt),
    releasedAt: formatShanghai(r.releasedAt),
    minutesToRelease: Math.round((r.releasedAt.getTime() - r.occurredAt.getTime()) / 60_000),
    simpleProcedure: r.simpleProcedure,
    vehicleDetained: r.vehicleDetained,
    licenceDetained: r.licenceDetained,
    unitId: r.unitId,
    note: r.note,
  };
}

/** M7: a freight-vehicle accident handled quickly, recorded by the traffic officer who handled it. */
export async function recordAccident(ctx: AppContext, actor: UserActor, input: AccidentInput, ip: string) {
  const db = ctx.database.db;
  await assertTrafficOfficer(db, actor);
  const errors: FieldError[] = [];
  const plate = checkPlate(input.plate);
  if (!plate.valid) errors.push(...plate.errors.map((e) => ({ path: 'plate', code: e.code, ...(e.params ? { params: e.params } : {}) })));
  const occurredAt = parseIsoInstant(input.occurredAt);
  const releasedAt = parseIsoInstant(input.releasedAt);
  const now = ctx.now();
  if (!occurredAt) errors.push({ path: 'occurredAt', code: 'invalid_datetime' });
  if (!releasedAt) errors.push({ path: 'releasedAt', code: 'invalid_datetime' });
  if (occurredAt && releasedAt && releasedAt < occurredAt) errors.push({ path: 'releasedAt', code: 'accident_release_before_occurrence' });
  if (releasedAt && releasedAt > now) errors.push({ path: 'releasedAt', code: 'invalid_datetime' });
  // The simple procedure means neither the vehicle nor the licence is detained (M7: 不扣车、不扣证).
  if (input.simpleProcedure && input.vehicleDetained) errors.push({ path: 'vehicleDetained', code: 'not_in_options' });
  if (input.simpleProcedure && input.licenceDetained) errors.push({ path: 'licenceDetained', code: 'not_in_options' });
  if (errors.length || !occurredAt || !releasedAt) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const row: repo.AccidentRow = {
    id: randomUUID(),
    plate: plate.normalized ?? input.plate,
    occurredAt,
    releasedAt,
    simpleProcedure: input.simpleProcedure,
    vehicleDetained: input.vehicleDetained ?? false,
    licenceDetained: input.licenceDetained ?? false,
    unitId: actor.unitId!,
    note: input.note ?? '',
    createdBy: actor.id,
    createdAt: now,
  };
  await db.transaction(async (tx) => {
    await repo.insertAccident(tx, row);
    await recordAudit(tx, { actor, action: 'traffic.accident.record', subject: `accident:${row.id}`, detail: { plate: row.plate }, ip, at: now });
  });
  return presentAccident(row);
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The accidents of a period of Beijing days, oldest first: the records behind the statistics (and their ledger), with
 * the same checks — only the traffic police among the police, both days required and in order.
 */
export async function accidentsInPeriod(ctx: AppContext, actor: UserActor, q: { from?: string; to?: string }) {
  if (actor.role === 'officer' || actor.role === 'unit-leader') await assertTrafficOfficer(ctx.database.db, actor);
  const errors: FieldError[] = [];
  if (!q.from || !isIsoDate(q.from)) errors.push({ path: 'from', code: q.from ? 'invalid_date' : 'required' });
  if (!q.to || !isIsoDate(q.to)) errors.push({ path: 'to', code: q.to ? 'invalid_date' : 'required' });
  if (!errors.length && q.to! < q.from!) errors.push({ path: 'to', code: 'date_range_invalid' });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const from = new Date(`${q.from}T00:00:00+08:00`);
  const to = new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000);
  return { from: q.from!, to: q.to!, rows: await repo.accidentsBetween(ctx.database.db, from, to) };
}

/** Count, median and average minutes from accident to release, and the share handled without any detention. */
export async function accidentStats(ctx: AppContext, actor: UserActor, q: { from?: string; to?: string }) {
  const { rows } = await accidentsInPeriod(ctx, actor, q);
  const minutes = rows.map((r) => (r.releasedAt.getTime() - r.occurredAt.getTime()) / 60_000);
  const undetained = rows.filter((r) => !r.vehicleDetained && !r.licenceDetained).length;
  const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    from: q.from,
    to: q.to,
    count: rows.length,
    simpleProcedureCount: rows.filter((r) => r.simpleProcedure).length,
    medianMinutes: round1(median(minutes)),
    averageMinutes: round1(minutes.length ? minutes.reduce((a, b) => a + b, 0) / minutes.length : null),
    shareWithoutDetention: rows.length ? Math.round((undetained / rows.length) * 1000) / 1000 : null,
  };
}
