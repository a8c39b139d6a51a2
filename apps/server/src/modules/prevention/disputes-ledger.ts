import { DISPUTE_KINDS, DISPUTE_RISKS, formatMessage } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { districtName, inLocale, listLedger, optionLabel, type LedgerRequest } from '../ledgers/ledger.ts';
import { listDisputes, type DisputeQuery } from './disputes.ts';

type Dispute = Awaited<ReturnType<typeof listDisputes>>['disputes'][number];

/** 矛盾纠纷排查台账: the disputes list with its filters and scope (the list's `limit` replaced by the ledger's cap). */
export async function exportDisputesLedger(ctx: AppContext, req: LedgerRequest, q: Omit<DisputeQuery, 'limit'>) {
  const { locale } = req;
  const { disputes } = await listDisputes(ctx, req.actor, { ...q, limit: ctx.config.ledgerMaxRows + 1 });
  return listLedger<Dispute>(
    ctx,
    {
      name: 'disputes',
      title: 'ledger.disputes.title',
      filters: q,
      filterText: (key, v) => (key === 'risk' ? (inLocale(optionLabel(DISPUTE_RISKS, String(v)), locale) ?? undefined) : key === 'state' ? formatMessage(locale, `ledger.disputeState.${String(v)}`) : undefined),
      rows: disputes,
      columns: [
        { key: 'enterprise', header: 'ledger.col.enterprise', width: 28, value: (d) => d.enterpriseName },
        { key: 'district', header: 'ledger.col.district', width: 10, value: (d) => districtName(d.district, locale) },
        { key: 'kind', header: 'ledger.col.kind', width: 12, value: (d) => inLocale(optionLabel(DISPUTE_KINDS, d.kind), locale) ?? d.kind },
        { key: 'risk', header: 'ledger.col.risk', width: 8, value: (d) => inLocale(optionLabel(DISPUTE_RISKS, d.risk), locale) ?? d.risk },
        { key: 'state', header: 'ledger.col.status', width: 10, value: (d) => formatMessage(locale, `ledger.disputeState.${d.followUpState}`) },
        { key: 'next', header: 'ledger.col.nextFollowUpOn', width: 12, value: (d) => d.nextFollowUpOn },
        { key: 'summary', header: 'ledger.col.summary', width: 40, value: (d) => d.summary },
        { key: 'followUps', header: 'ledger.col.followUps', width: 8, value: (d) => d.followUps.length },
        { key: 'last', header: 'ledger.col.lastFollowUp', width: 40, value: (d) => d.followUps.at(-1)?.note },
        { key: 'recordedBy', header: 'ledger.col.recordedBy', width: 12, value: (d) => d.recordedBy },
        { key: 'createdAt', header: 'ledger.col.createdAt', width: 17, value: (d) => d.createdAt.slice(0, 16).replace('T', ' ') },
      ],
    },
    req,
  );
}
