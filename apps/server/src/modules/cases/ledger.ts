import type { AppContext } from '../../context.ts';
import { crimeCaseFile, crimeCategory, formatMessage } from '@jqt/domain';
import { inLocale, listLedger, unitNamer, type LedgerRequest } from '../ledgers/ledger.ts';
import type { CaseListQuery } from './schemas.ts';
import { listStaffCases } from './service.ts';

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
export async function exportCasesLedger(ctx: AppContext, req: LedgerRequest, query: CaseListQuery) {
  const { locale } = req;
  const { cases } = await listStaffCases(ctx, req.actor, query);
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
