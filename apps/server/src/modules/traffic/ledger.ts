import { formatMessage, formatShanghaiMinute } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { enterpriseNames } from '../accounts/repository.ts';
import { listLedger, unitNamer, type LedgerRequest } from '../ledgers/ledger.ts';
import { accidentsInPeriod, presentAccident } from './accidents.ts';
import { listHazardInspections } from './hazards.ts';
import { passCodeRows, statusAt } from './pass-codes.ts';
import type { PassCodeRow } from './repository.ts';

/** 通行码台账: the traffic police's pass-code list (`plate`), its order and scope; the list's 200 become the ledger's cap. */
export async function exportPassCodesLedger(ctx: AppContext, req: LedgerRequest, q: { plate?: string }) {
  const { locale } = req;
  const rows = await passCodeRows(ctx, req.actor, q.plate, ctx.config.ledgerMaxRows + 1);
  const names = await enterpriseNames(ctx.database.db, [...new Set(rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))]);
  const now = ctx.now();
  const at = (d: Date | null) => (d ? formatShanghaiMinute(d) : null);
  return listLedger<PassCodeRow>(
    ctx,
    {
      name: 'pass-codes',
      title: 'ledger.passCodes.title',
      filters: q,
      rows,
      columns: [
        { key: 'code', header: 'ledger.col.passCode', width: 16, value: (r) => r.code },
        { key: 'plate', header: 'ledger.col.plate', width: 12, value: (r) => r.plate },
        { key: 'kind', header: 'ledger.col.passKind', width: 10, value: (r) => formatMessage(locale, `ledger.passKind.${r.kind}`) },
        { key: 'enterprise', header: 'ledger.col.enterprise', width: 28, value: (r) => (r.enterpriseId ? (names.get(r.enterpriseId) ?? null) : null) },
        { key: 'roadClasses', header: 'ledger.col.roadClasses', width: 18, value: (r) => r.roadClasses.map((c) => formatMessage(locale, `ledger.roadClass.${c}`)).join('、') },
        { key: 'roads', header: 'ledger.col.roads', width: 24, value: (r) => (r.roadIds ?? []).join(', ') },
        { key: 'validFrom', header: 'ledger.col.validFrom', width: 17, value: (r) => at(r.validFrom) },
        { key: 'validTo', header: 'ledger.col.validTo', width: 17, value: (r) => at(r.validTo) },
        { key: 'status', header: 'ledger.col.status', width: 10, value: (r) => formatMessage(locale, `ledger.passStatus.${statusAt(r, now)}`) },
        { key: 'revokedAt', header: 'ledger.col.revokedAt', width: 17, value: (r) => at(r.revokedAt) },
        { key: 'revokeReason', header: 'ledger.col.revokeReason', width: 24, value: (r) => r.revokeReason },
      ],
    },
    req,
  );
}

type Accident = ReturnType<typeof presentAccident>;

/** 货车事故快处台账 (M7): the accidents behind the statistics of a period, with the statistics' checks and access. */
export async function exportAccidentsLedger(ctx: AppContext, req: LedgerRequest, q: { from?: string; to?: string }) {
  const { locale } = req;
  const { rows } = await accidentsInPeriod(ctx, req.actor, q);
  const unit = await unitNamer(ctx, locale);
  const yes = (b: boolean) => formatMessage(locale, b ? 'ledger.yes' : 'ledger.no');
  const minute = (s: string) => s.slice(0, 16).replace('T', ' ');
  return listLedger<Accident>(
    ctx,
    {
      name: 'freight-accidents',
      title: 'ledger.accidents.title',
      // the days of the accidents, not of a submission: their own names in the title row
      filters: { occurredFrom: q.from, occurredTo: q.to },
      rows: rows.map(presentAccident),
      columns: [
        { key: 'plate', header: 'ledger.col.plate', width: 12, value: (a) => a.plate },
        { key: 'occurredAt', header: 'ledger.col.occurredAt', width: 17, value: (a) => minute(a.occurredAt) },
        { key: 'releasedAt', header: 'ledger.col.releasedAt', width: 17, value: (a) => minute(a.releasedAt) },
        { key: 'minutes', header: 'ledger.col.minutesToRelease', width: 10, value: (a) => a.minutesToRelease },
        { key: 'simple', header: 'ledger.col.simpleProcedure', width: 10, value: (a) => yes(a.simpleProcedure) },
        { key: 'vehicleDetained', header: 'ledger.col.vehicleDetained', width: 10, value: (a) => yes(a.vehicleDetained) },
        { key: 'licenceDetained', header: 'ledger.col.licenceDetained', width: 10, value: (a) => yes(a.licenceDetained) },
        { key: 'unit', header: 'ledger.col.unit', width: 20, value: (a) => unit(a.unitId) },
        { key: 'note', header: 'ledger.col.note', width: 30, value: (a) => a.note },
      ],
    },
    req,
  );
}

type Hazard = Awaited<ReturnType<typeof listHazardInspections>>['inspections'][number];

/** 隐患排查台账 (M9): the inspections list (`open`), its order and access. */
export async function exportHazardsLedger(ctx: AppContext, req: LedgerRequest, q: { open?: 'true' | 'false' }) {
  const { locale } = req;
  const { inspections } = await listHazardInspections(ctx, req.actor, q.open === 'true');
  const unit = await unitNamer(ctx, locale);
  return listLedger<Hazard>(
    ctx,
    {
      name: 'hazard-inspections',
      title: 'ledger.hazards.title',
      filters: q,
      rows: inspections,
      columns: [
        { key: 'project', header: 'ledger.col.project', width: 24, value: (h) => h.project },
        { key: 'location', header: 'ledger.col.location', width: 24, value: (h) => h.location },
        { key: 'inspectedOn', header: 'ledger.col.inspectedOn', width: 12, value: (h) => h.inspectedOn },
        { key: 'hazardCount', header: 'ledger.col.hazardCount', width: 8, value: (h) => h.hazardCount },
        { key: 'findings', header: 'ledger.col.findings', width: 40, value: (h) => h.findings },
        { key: 'dueOn', header: 'ledger.col.rectificationDueOn', width: 12, value: (h) => h.rectificationDueOn },
        { key: 'status', header: 'ledger.col.status', width: 10, value: (h) => formatMessage(locale, `ledger.hazardStatus.${h.status}`) },
        { key: 'overdue', header: 'ledger.col.overdue', width: 8, value: (h) => formatMessage(locale, h.overdue ? 'ledger.yes' : 'ledger.no') },
        { key: 'rectifiedAt', header: 'ledger.col.rectifiedAt', width: 17, value: (h) => (h.rectifiedAt ? h.rectifiedAt.slice(0, 16).replace('T', ' ') : null) },
        { key: 'rectificationNote', header: 'ledger.col.rectificationNote', width: 30, value: (h) => h.rectificationNote },
        { key: 'unit', header: 'ledger.col.unit', width: 20, value: (h) => unit(h.unitId) },
      ],
    },
    req,
  );
}
