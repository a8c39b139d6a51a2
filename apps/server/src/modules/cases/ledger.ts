import type { AppContext } from '../../context.ts';
import { crimeCaseFile, crimeCategory, formatMessage } from '@jqt/domain';
import { inLocale, listLedger, unitNamer, type LedgerRequest } from '../ledgers/ledger.ts';
import type { CaseFilterQuery } from './schemas.ts';
import { allStaffCases } from './service.ts';
import { caseStatistics } from './statistics.ts';

type Label = { zh: string; en: string };
/** The staff view of a case as `presentCase` discloses it (only the fields the ledger reads). */
interface CaseRow {
  number?: string;
  title?: string | null;
  category?: { label: Label } | null;
  stageName?: Label;
  unit?: { name: Label } | null;
  enterpriseName?: string | null;
  reportedAt?: string | null;
  registeredAt?: string | null;
  decidedAt?: string | null;
  amountInvolved?: number | string | null;
  recovered?: { total: number };
  decisionDueAt?: string | null;
  tier?: string | null;
}
const minute = (s: string | null | undefined) => s?.slice(0, 16).replace('T', ' ') ?? null;

/** 案件台账: the staff list of cases (the same rows and filters), in the staff's disclosure. */
export async function exportCasesLedger(ctx: AppContext, req: LedgerRequest, query: CaseFilterQuery) {
  const { locale } = req;
  const cases = await allStaffCases(ctx, req.actor, query);
  const unitName = await unitNamer(ctx, locale);
  return listLedger<CaseRow>(
    ctx,
    {
      name: 'cases',
      title: 'ledger.cases.title',
      filters: query,
      filterText: (key, value, loc) => {
        if (key === 'category') return inLocale(crimeCategory(value)?.label, loc) ?? undefined;
        if (key === 'stage') return inLocale(crimeCaseFile.stages.find((x) => x.code === value)?.label, loc) ?? undefined;
        if (key === 'unitId') return unitName(String(value)) ?? undefined;
        return undefined;
      },
      rows: cases as CaseRow[],
      columns: [
        { key: 'number', header: 'ledger.col.number', width: 18, value: (c) => c.number },
        { key: 'title', header: 'ledger.col.title', width: 32, value: (c) => c.title },
        { key: 'category', header: 'ledger.col.category', width: 16, value: (c) => inLocale(c.category?.label, locale) },
        { key: 'stage', header: 'ledger.col.stage', width: 12, value: (c) => inLocale(c.stageName, locale) },
        { key: 'unit', header: 'ledger.col.unit', width: 22, value: (c) => inLocale(c.unit?.name, locale) },
        { key: 'enterprise', header: 'ledger.col.enterprise', width: 28, value: (c) => c.enterpriseName },
        { key: 'reportedAt', header: 'ledger.col.reportedAt', width: 17, value: (c) => minute(c.reportedAt) },
        { key: 'registeredAt', header: 'ledger.col.registeredAt', width: 17, value: (c) => minute(c.registeredAt) },
        { key: 'decidedAt', header: 'ledger.col.decidedAt', width: 17, value: (c) => minute(c.decidedAt) },
        { key: 'amountInvolved', header: 'ledger.col.amountInvolved', width: 12, value: (c) => (c.amountInvolved === null || c.amountInvolved === undefined ? null : Number(c.amountInvolved)) },
        { key: 'decisionDueAt', header: 'ledger.col.decisionDueAt', width: 17, value: (c) => minute(c.decisionDueAt) },
        { key: 'special', header: 'ledger.col.special', width: 10, value: (c) => (c.tier ? formatMessage(locale, `ledger.tier.${c.tier}`) : null) },
        { key: 'recovered', header: 'ledger.col.recovered', width: 12, value: (c) => c.recovered?.total ?? null },
      ],
    },
    req,
  );
}

type Figures = Awaited<ReturnType<typeof caseStatistics>>['total'];
type StatisticsRow = Figures & { dimension: 'total' | 'category' | 'unit'; name: string | null };

/** 案件统计: the figures of `GET /cases/statistics` (the same function), the total then by category and by unit. */
export async function exportCaseStatisticsLedger(ctx: AppContext, req: LedgerRequest) {
  const { locale } = req;
  const s = await caseStatistics(ctx, req.actor);
  const rows: StatisticsRow[] = [
    { dimension: 'total', name: null, ...s.total },
    ...s.byCategory.map(({ category, label, measure: _m, ...f }) => ({ dimension: 'category' as const, name: inLocale(label, locale) ?? category, ...f })),
    ...s.byUnit.map(({ unitId, unitName, ...f }) => ({ dimension: 'unit' as const, name: inLocale(unitName, locale) ?? unitId, ...f })),
  ];
  const n = (k: keyof Figures) => (r: StatisticsRow) => r[k];
  return listLedger<StatisticsRow>(
    ctx,
    {
      name: 'case-statistics',
      title: 'ledger.caseStatistics.title',
      filters: {},
      rows,
      columns: [
        { key: 'dimension', header: 'ledger.col.dimension', width: 14, value: (r) => formatMessage(locale, `ledger.dimension.${r.dimension}`) },
        { key: 'name', header: 'ledger.col.name', width: 26, value: (r) => r.name },
        { key: 'reports', header: 'ledger.col.reports', width: 10, value: n('reports') },
        { key: 'registered', header: 'ledger.col.registered', width: 10, value: n('registered') },
        { key: 'decided', header: 'ledger.col.decided', width: 12, value: n('decided') },
        { key: 'filed', header: 'ledger.col.filed', width: 10, value: n('filed') },
        { key: 'notFiled', header: 'ledger.col.notFiled', width: 10, value: n('notFiled') },
        { key: 'filingRate', header: 'ledger.col.filingRate', width: 10, value: n('filingRate') },
        { key: 'avgDaysToDecision', header: 'ledger.col.avgDaysToDecision', width: 14, value: n('avgDaysToDecision') },
        { key: 'overdueDecisions', header: 'ledger.col.overdueDecisions', width: 12, value: n('overdueDecisions') },
        { key: 'recovered', header: 'ledger.col.recovered', width: 14, value: n('recovered') },
      ],
    },
    req,
  );
}
