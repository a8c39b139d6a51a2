import { DomainError, incidentLinkage, parseLocalInstant, shanghaiDate, validateItemData, type FieldError } from '@jqt/domain';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { items as itemsTable } from '../../db/schema.ts';
import type { UserActor } from '../accounts/actor.ts';
import { findEnterpriseByUscc, findUnit } from '../accounts/repository.ts';
import { calendarOf } from '../calendar/work-calendar.ts';
import { findItem, rowToState, updateItem } from '../items/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { canSee, overseenUnits } from '../items/policy.ts';
import { applyTransition, fileForEnterprise, getItem, recordItemEvent, wake } from '../items/service.ts';
import { unitsByIds } from './repository.ts';

const TYPE = incidentLinkage.code;

/**
 * 接警 (M10): an officer records an enterprise incident; it is filed for the enterprise, owned by the officer's unit
 * and accepted at once (instant dispatch) in one transaction. Every bad field is named; nothing is saved.
 */
export async function recordIncident(ctx: AppContext, actor: UserActor, body: unknown, ip: string) {
  const db = ctx.database.db;
  const raw = (body as { data?: unknown } | null)?.data;
  const form = validateItemData(incidentLinkage, raw, shanghaiDate(ctx.now()));
  const errors: FieldError[] = [...form.errors];
  const failed = new Set(errors.map((e) => e.path));
  const ownUnit = actor.unitId ? await findUnit(db, actor.unitId) : undefined;
  if (!ownUnit || ownUnit.unitType === 'partner') throw new DomainError('forbidden', { kind: 'forbidden' });
  const enterprise = typeof form.value.enterpriseUscc === 'string' ? await findEnterpriseByUscc(db, form.value.enterpriseUscc) : undefined;
  if (!failed.has('data.enterpriseUscc') && !enterprise) errors.push({ path: 'data.enterpriseUscc', code: 'enterprise_uscc_unknown' });
  const dispatched = typeof form.value.dispatchedUnitId === 'string' ? await findUnit(db, form.value.dispatchedUnitId) : undefined;
  if (!failed.has('data.dispatchedUnitId') && (!dispatched || dispatched.unitType === 'partner')) errors.push({ path: 'data.dispatchedUnitId', code: 'dispatched_unit_unknown' });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const calendar = await calendarOf(ctx);
  let woken: string[] = [];
  let id = '';
  await db.transaction(async (tx) => {
    const now = ctx.now();
    const filed = await fileForEnterprise(tx, ctx, calendar, actor, { type: incidentLinkage, data: form.value, enterprise: { id: enterprise!.id, district: enterprise!.district }, via: 'incidents', ip, unitId: ownUnit.id });
    id = filed.id;
    woken = [...filed.notified, ...(await applyTransition(tx, ctx, calendar, actor, filed.id, { action: 'accept', version: 1, fields: { note: '接警登记，即时派警' }, ip }, now))];
  });
  await wake(ctx, woken);
  return getItem(ctx, actor, id);
}

/**
 * 到达现场: the arrival time, when it was not known at 接警, recorded once by the unit that owns the incident (the desk
 * that took the call records what the dispatched unit reports) or a leader above it. Checked by the declaration's own
 * rules (a Beijing time, not in the future, not before the dispatch); the response-time figures read it at once.
 */
export async function recordArrival(ctx: AppContext, actor: UserActor, id: string, body: unknown, ip: string) {
  const given = (typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}).arrivedAt;
  const now = ctx.now();
  const calendar = await calendarOf(ctx);
  let woken: string[] = [];
  await ctx.database.db.transaction(async (tx) => {
    const row = await findItem(tx, id, true);
    const state = row && row.type === TYPE ? rowToState(row) : null;
    if (!row || !state || !canSee(state, actor)) throw new DomainError('incident_not_found', { kind: 'not-found' });
    const units = overseenUnits(actor);
    if ((actor.role !== 'officer' && actor.role !== 'unit-leader') || (units && !units.includes(row.unitId))) throw new DomainError('forbidden', { kind: 'forbidden' });
    if (state.data.arrivedAt) throw new DomainError('arrival_recorded', { kind: 'conflict' });
    const errors: FieldError[] =
      typeof given !== 'string' || !given.trim()
        ? [{ path: 'arrivedAt', code: typeof given === 'string' || given === undefined ? 'required' : 'invalid_type' }]
        : (incidentLinkage.refine?.({ ...state.data, arrivedAt: given.trim() }, shanghaiDate(now)) ?? [])
            .filter((e) => e.path === 'data.arrivedAt')
            .map((e) => ({ ...e, path: 'arrivedAt' }));
    if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
    const arrivedAt = String(given).trim();
    const next = { ...state, version: state.version + 1, data: { ...state.data, arrivedAt } };
    if (!(await updateItem(tx, state, next, calendar, now))) throw new DomainError('version_conflict', { kind: 'conflict' });
    woken = await recordItemEvent(tx, { itemId: id, actor, at: now, event: { action: 'record-arrival', note: null, detail: { arrivedAt } }, notices: [] });
    await recordAudit(tx, { actor, action: 'incident.arrival', subject: `item:${id}`, detail: { arrivedAt }, ip, at: now });
  });
  await wake(ctx, woken);
  return getItem(ctx, actor, id);
}

const minutes = (a: Date | null, b: Date | null) => (a && b ? (b.getTime() - a.getTime()) / 60_000 : null);
const avg = (xs: (number | null)[]) => {
  const ok = xs.filter((x): x is number => x !== null);
  return ok.length ? Math.round((ok.reduce((n, x) => n + x, 0) / ok.length) * 10) / 10 : null;
};

/**
 * Response times by unit (M10): dispatch and arrival by dispatched unit, acknowledgement and report of the linkage by
 * partner department. Supervisors see the city; a unit leader the incidents its unit or a unit below it took or was
 * dispatched to (`overseenUnits`).
 */
export async function responseTimes(ctx: AppContext, actor: UserActor) {
  const db = ctx.database.db;
  const units = overseenUnits(actor);
  const rows = await db.select().from(itemsTable).where(and(eq(itemsTable.type, TYPE)));
  const now = ctx.now();
  const mine = units ? rows.filter((r) => units.includes(r.unitId) || units.includes(String((r.data as { dispatchedUnitId?: string }).dispatchedUnitId))) : rows;
  const byUnit = new Map<string, { incidents: number; dispatch: (number | null)[]; arrival: (number | null)[] }>();
  const byPartner = new Map<string, { branches: number; ack: (number | null)[]; report: (number | null)[]; lateAck: number; open: number }>();
  for (const r of mine) {
    const d = r.data as Record<string, unknown>;
    const u = String(d.dispatchedUnitId);
    const e = byUnit.get(u) ?? { incidents: 0, dispatch: [], arrival: [] };
    e.incidents += 1;
    e.dispatch.push(minutes(parseLocalInstant(d.receivedAt), parseLocalInstant(d.dispatchedAt)));
    e.arrival.push(d.arrivedAt ? minutes(parseLocalInstant(d.dispatchedAt), parseLocalInstant(d.arrivedAt)) : null);
    byUnit.set(u, e);
    for (const b of rowToState(r).branches) {
      const p = byPartner.get(b.unitId) ?? { branches: 0, ack: [], report: [], lateAck: 0, open: 0 };
      p.branches += 1;
      const opened = new Date(b.openedAt);
      p.ack.push(b.ackedAt ? minutes(opened, new Date(b.ackedAt)) : null);
      p.report.push(b.doneAt ? minutes(opened, new Date(b.doneAt)) : null);
      const ackLimit = b.ackDueAt ? new Date(b.ackDueAt).getTime() : Infinity;
      if ((b.ackedAt ? new Date(b.ackedAt).getTime() : now.getTime()) > ackLimit) p.lateAck += 1;
      if (b.status === 'open') p.open += 1;
      byPartner.set(b.unitId, p);
    }
  }
  const names = new Map((await unitsByIds(db, [...byUnit.keys(), ...byPartner.keys()])).map((u) => [u.id, { zh: u.nameZh, en: u.nameEn }]));
  return {
    incidents: mine.length,
    byDispatchedUnit: [...byUnit].map(([unitId, e]) => ({ unitId, unitName: names.get(unitId) ?? null, incidents: e.incidents, avgDispatchMinutes: avg(e.dispatch), avgArrivalMinutes: avg(e.arrival), arrivalsRecorded: e.arrival.filter((x) => x !== null).length })),
    byPartner: [...byPartner].map(([unitId, p]) => ({ unitId, unitName: names.get(unitId) ?? null, branches: p.branches, avgAcknowledgeMinutes: avg(p.ack), lateAcknowledgements: p.lateAck, avgReportMinutes: avg(p.report), open: p.open })),
  };
}
