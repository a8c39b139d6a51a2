import type { AppContext } from '../../context.ts';
import { inLocale, listLedger, type LedgerRequest } from '../ledgers/ledger.ts';
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
}
const minute = (s: string | null | undefined) => s?.slice(0, 16).replace('T', ' ') ?? null;

/** 案件台账: the staff list of cases (the same rows and filters), in the staff's disclosure. */
export async function exportCasesLedger(ctx: AppContext, req: LedgerRequest, f: { graded?: boolean; listed?: boolean }, query: Record<string, unknown>) {
  const { locale } = req;
  const { cases } = await listStaffCases(ctx, req.actor, f);
  return listLedger<CaseRow>(
    ctx,
    {
      name: 'cases',
      title: 'ledger.cases.title',
      filters: query,
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
        { key: 'recovered', header: 'ledger.col.recovered', width: 12, value: (c) => c.recovered?.total ?? null },
      ],
    },
    req,
  );
}
