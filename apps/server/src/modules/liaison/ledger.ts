import { contactWayLabels, formatMessage, type ContactWay } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { inLocale, listLedger, type LedgerRequest } from '../ledgers/ledger.ts';
import { listVisits } from './visits.ts';

type Visit = Awaited<ReturnType<typeof listVisits>>['visits'][number];

/** 走访台账: the contacts list with its filters and scope (the list's `limit` replaced by the ledger's cap). */
export async function exportVisitsLedger(ctx: AppContext, req: LedgerRequest, q: { enterpriseId?: string; mine?: boolean }, query: Record<string, unknown>) {
  const { locale } = req;
  const { visits } = await listVisits(ctx, req.actor, { ...q, limit: ctx.config.ledgerMaxRows + 1 });
  return listLedger<Visit>(
    ctx,
    {
      name: 'visits',
      title: 'ledger.visits.title',
      filters: query,
      rows: visits,
      columns: [
        { key: 'date', header: 'ledger.col.visitedOn', width: 12, value: (v) => v.date },
        { key: 'enterprise', header: 'ledger.col.enterprise', width: 28, value: (v) => v.enterpriseName },
        { key: 'way', header: 'ledger.col.way', width: 14, value: (v) => inLocale(contactWayLabels[v.way as ContactWay], locale) ?? v.way },
        { key: 'officer', header: 'ledger.col.officer', width: 14, value: (v) => v.officer?.displayName },
        { key: 'met', header: 'ledger.col.met', width: 14, value: (v) => v.met },
        { key: 'summary', header: 'ledger.col.summary', width: 40, value: (v) => v.summary },
        { key: 'problems', header: 'ledger.col.problems', width: 8, value: (v) => v.problems.length },
        { key: 'openProblems', header: 'ledger.col.openProblems', width: 8, value: (v) => v.problems.filter((p) => p.outcome === 'open').length },
        { key: 'confirmation', header: 'ledger.col.confirmation', width: 10, value: (v) => formatMessage(locale, `ledger.verdict.${v.confirmation?.verdict ?? 'pending'}`) },
      ],
    },
    req,
  );
}
