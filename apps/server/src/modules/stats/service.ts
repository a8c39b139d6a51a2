import ExcelJS from 'exceljs';
import { DomainError, endOfShanghaiDay, shanghaiDate, itemType, leaderScope, parseDayRange, startOfShanghaiDay, workingDaysBetween } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { listUnits } from '../accounts/repository.ts';
import { recordAuditAlone } from '../audit/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { neutralizeCell } from '../ledgers/ledger.ts';
import { cyberCounts } from '../cyber/repository.ts';
import { disputeCounts } from '../prevention/disputes-repository.ts';
import { openLectureCounts } from '../prevention/open-lectures-repository.ts';
import { warningCounts } from '../prevention/warnings-repository.ts';
import * as repo from './repository.ts';

interface Metrics {
  received: number;
  accepted: number;
  answered: number;
  answeredOnTime: number;
  onTimeRate: number | null;
  overdueNow: number;
  rated: number;
  satisfactionRate: number | null;
  badRatingRate: number | null;
  avgHandlingWorkdays: number | null;
}

function blank() {
  return { received: 0, accepted: 0, answered: 0, answeredOnTime: 0, overdueNow: 0, rated: 0, satisfied: 0, bad: 0, workdays: 0, spans: 0 };
}
type Acc = ReturnType<typeof blank>;

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
function finish(a: Acc): Metrics {
  return {
    received: a.received,
    accepted: a.accepted,
    answered: a.answered,
    answeredOnTime: a.answeredOnTime,
    onTimeRate: ratio(a.answeredOnTime, a.answered),
    overdueNow: a.overdueNow,
    rated: a.rated,
    satisfactionRate: ratio(a.satisfied, a.rated),
    badRatingRate: ratio(a.bad, a.rated),
    avgHandlingWorkdays: a.spans ? Math.round((a.workdays / a.spans) * 10) / 10 : null,
  };
}

/** The same day-range rules as the calendar's (valid dates, from ≤ to, at most three years). */
export function parsePeriod(from: string, to: string): repo.Period {
  const range = parseDayRange(from, to);
  if (!range.ok) throw new DomainError('validation_failed', { kind: 'invalid', errors: range.errors });
  return { from: startOfShanghaiDay(range.from), to: endOfShanghaiDay(range.to) };
}

/** A unit leader sees their unit and every unit below it (the same `leaderScope` as item visibility); supervisors and admins see the city. */
function scopeOf(actor: UserActor): readonly string[] | null {
  return leaderScope(actor);
}

export async function overview(ctx: AppContext, actor: UserActor, from: string, to: string) {
  const period = parsePeriod(from, to);
  const scope = scopeOf(actor);
  const now = ctx.now();
  const [counts, spans, days, units, calendar] = await Promise.all([
    repo.countsByUnitAndType(ctx.database, period, now, scope),
    repo.answeredSpans(ctx.database, period, scope),
    repo.byDay(ctx.database, period, scope),
    listUnits(ctx.database.db),
    calendarOf(ctx),
  ]);
  const total = blank();
  const byUnit = new Map<string, Acc>();
  const byType = new Map<string, Acc>();
  const into = (m: Map<string, Acc>, k: string) => m.get(k) ?? m.set(k, blank()).get(k)!;
  const receivedByDistrict = new Map<string, number>();
  for (const r of counts) {
    if (r.district && r.received) receivedByDistrict.set(r.district, (receivedByDistrict.get(r.district) ?? 0) + r.received);
    for (const a of [total, into(byUnit, r.unit_id), into(byType, r.type)]) {
      a.received += r.received;
      a.accepted += r.accepted;
      a.answered += r.answered;
      a.answeredOnTime += r.on_time;
      a.overdueNow += r.overdue_now;
      a.rated += r.rated;
      a.satisfied += r.satisfied;
      a.bad += r.bad;
    }
  }
  for (const s of spans) {
    const d = workingDaysBetween(calendar, new Date(s.accepted_at), new Date(s.answered_at));
    for (const a of [total, into(byUnit, s.unit_id), into(byType, s.type)]) {
      a.workdays += d;
      a.spans += 1;
    }
  }
  const unitNames = new Map(units.map((u) => [u.id, { zh: u.nameZh, en: u.nameEn }]));
  return {
    from,
    to,
    scope: scope ? { unitId: actor.unitId!, unitIds: [...scope] } : { city: true },
    totals: finish(total),
    byUnit: [...byUnit].map(([id, a]) => ({ unitId: id, unitName: unitNames.get(id) ?? { zh: id, en: id }, ...finish(a) })).sort((a, b) => b.received - a.received),
    byType: [...byType].map(([code, a]) => ({ type: code, typeName: itemType(code)?.names ?? { zh: code, en: code }, ...finish(a) })),
    byDay: days,
    byDistrict: [...receivedByDistrict].sort(([a], [b]) => (a < b ? -1 : 1)).map(([district, received]) => ({ district, received })),
  };
}

/**
 * 平安服务 on the dashboard (M15, M16, M19), in the same scope as the overview: warnings published in the period and
 * how they were read, inspections held and findings open or overdue now, open lectures held, disputes open now.
 * Booked lectures and legal questions are items: the overview's `byType` counts them.
 */
export async function prevention(ctx: AppContext, actor: UserActor, from: string, to: string) {
  const period = parsePeriod(from, to);
  const scope = scopeOf(actor);
  const db = ctx.database.db;
  const now = ctx.now();
  const [warnings, cyber, openLectures, disputes] = await Promise.all([
    warningCounts(db, scope, period),
    cyberCounts(db, scope, from, to, now),
    openLectureCounts(db, scope, from, to),
    disputeCounts(db, scope, shanghaiDate(now)),
  ]);
  return { from, to, warnings, cyber, openLectures, disputes };
}

// The one formula guard is the ledgers' (SPEC §6); re-exported for the exports built here and in liaison.
export { neutralizeCell };

export async function exportXlsx(ctx: AppContext, actor: UserActor, from: string, to: string, ip: string): Promise<Buffer> {
  const o = await overview(ctx, actor, from, to);
  const wb = new ExcelJS.Workbook();
  const cols = ['received', 'accepted', 'answered', 'answeredOnTime', 'onTimeRate', 'overdueNow', 'satisfactionRate', 'badRatingRate', 'avgHandlingWorkdays'] as const;
  const heads = ['受理单位/事项', '收件', '受理', '办结', '按时办结', '按时率', '当前超期', '满意率', '差评率', '平均办理工作日'];
  const sheet = (name: string, rows: { label: string; m: Metrics }[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(heads);
    for (const r of rows) ws.addRow([neutralizeCell(r.label), ...cols.map((c) => r.m[c])]);
    ws.getRow(1).font = { bold: true };
  };
  sheet('按单位', [...o.byUnit.map((u) => ({ label: u.unitName.zh, m: u })), { label: '合计', m: o.totals }]);
  sheet('按事项', o.byType.map((t) => ({ label: t.typeName.zh, m: t })));
  await recordAuditAlone(ctx.database.db, { actor, action: 'stats.export', subject: `stats:${from}..${to}`, ip, at: ctx.now() });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
