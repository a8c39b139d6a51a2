import { crimeCategory } from '@jqt/domain';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { caseFiles, caseRecoveries, items } from '../../db/schema.ts';
import type { UserActor } from '../accounts/actor.ts';
import { overseenUnits } from '../items/policy.ts';
import { CASE_TYPE, unitsByIds } from './repository.ts';

/** Items owned by these units; no condition for the city. */
export const ownedBy = (units: readonly string[] | null): SQL | undefined => (units ? inArray(items.unitId, units.length ? [...units] : ['']) : undefined);

interface Row {
  reports: number;
  registered: number;
  decided: number;
  filed: number;
  notFiled: number;
  overdueDecisions: number;
  decisionDays: number[];
  recoveredCents: number;
}
const empty = (): Row => ({ reports: 0, registered: 0, decided: 0, filed: 0, notFiled: 0, overdueDecisions: 0, decisionDays: [], recoveredCents: 0 });
const out = (r: Row) => ({
  reports: r.reports,
  registered: r.registered,
  decided: r.decided,
  filed: r.filed,
  notFiled: r.notFiled,
  /** 立案率: cases opened among the decisions taken. */
  filingRate: r.decided ? Math.round((r.filed / r.decided) * 1000) / 1000 : null,
  avgDaysToDecision: r.decisionDays.length ? Math.round((r.decisionDays.reduce((n, d) => n + d, 0) / r.decisionDays.length) * 10) / 10 : null,
  overdueDecisions: r.overdueDecisions,
  recovered: r.recoveredCents / 100,
});

/**
 * Case statistics (M11–M13): by category and by unit, 立案率, average days from 受案 to the decision, decisions
 * overdue (still pending past the deadline, or taken after it), losses recovered. Supervisors see the city, a unit
 * leader its unit and the units below it (`overseenUnits`, as the dashboard).
 */
export async function caseStatistics(ctx: AppContext, actor: UserActor) {
  const db = ctx.database.db;
  const now = ctx.now();
  const rows = await db
    .select({ id: items.id, unitId: items.unitId, status: items.status, data: items.data, acceptedAt: items.acceptedAt, dueAt: items.dueAt, decision: caseFiles.decision, decidedAt: caseFiles.decidedAt })
    .from(items)
    .leftJoin(caseFiles, eq(caseFiles.itemId, items.id))
    .where(and(eq(items.type, CASE_TYPE), ownedBy(overseenUnits(actor))));
  const recoveries = rows.length ? await db.select({ itemId: caseRecoveries.itemId, amount: caseRecoveries.amount }).from(caseRecoveries).where(inArray(caseRecoveries.itemId, rows.map((r) => r.id))) : [];
  const cents = new Map<string, number>();
  for (const r of recoveries) cents.set(r.itemId, (cents.get(r.itemId) ?? 0) + Math.round(Number(r.amount) * 100));
  const total = empty();
  const byCategory = new Map<string, Row>();
  const byUnit = new Map<string, Row>();
  for (const r of rows) {
    const category = String((r.data as { category?: unknown }).category);
    for (const acc of [total, byCategory.get(category) ?? byCategory.set(category, empty()).get(category)!, byUnit.get(r.unitId) ?? byUnit.set(r.unitId, empty()).get(r.unitId)!]) {
      acc.reports += 1;
      if (r.acceptedAt) acc.registered += 1;
      if (r.decision && r.decidedAt) {
        acc.decided += 1;
        if (r.decision === 'file') acc.filed += 1;
        else acc.notFiled += 1;
        if (r.acceptedAt) acc.decisionDays.push((r.decidedAt.getTime() - r.acceptedAt.getTime()) / 86_400_000);
      }
      const pending = !r.decision && r.acceptedAt && ['accepted', 'in_progress', 'awaiting_supplement'].includes(r.status);
      if ((pending && r.dueAt && r.dueAt < now) || (r.decidedAt && r.dueAt && r.decidedAt > r.dueAt)) acc.overdueDecisions += 1;
      acc.recoveredCents += cents.get(r.id) ?? 0;
    }
  }
  const names = new Map((await unitsByIds(db, [...byUnit.keys()])).map((u) => [u.id, { zh: u.nameZh, en: u.nameEn }]));
  return {
    total: out(total),
    byCategory: [...byCategory].map(([code, r]) => ({ category: code, label: crimeCategory(code)?.label ?? null, measure: crimeCategory(code)?.measure ?? null, ...out(r) })),
    byUnit: [...byUnit].map(([unitId, r]) => ({ unitId, unitName: names.get(unitId) ?? null, ...out(r) })),
  };
}
