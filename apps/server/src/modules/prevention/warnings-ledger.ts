import { formatMessage, RISK_KINDS, RISK_LEVELS } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { inLocale, listLedger, optionLabel, unitNamer, type LedgerRequest } from '../ledgers/ledger.ts';
import { listWarnings } from './warnings.ts';

type Warning = Awaited<ReturnType<typeof listWarnings>>['warnings'][number];

/** 风险预警台账: the staff list of warnings (the same rows), with delivery and acknowledgement counts. */
export async function exportWarningsLedger(ctx: AppContext, req: LedgerRequest) {
  const { locale } = req;
  const [{ warnings }, unitName] = await Promise.all([listWarnings(ctx, req.actor), unitNamer(ctx, locale)]);
  return listLedger<Warning>(
    ctx,
    {
      name: 'warnings',
      title: 'ledger.warnings.title',
      filters: {},
      rows: warnings,
      columns: [
        { key: 'title', header: 'ledger.col.title', width: 36, value: (w) => w.title },
        { key: 'riskKind', header: 'ledger.col.riskKind', width: 14, value: (w) => inLocale(optionLabel(RISK_KINDS, w.riskKind), locale) ?? w.riskKind },
        { key: 'level', header: 'ledger.col.level', width: 8, value: (w) => inLocale(optionLabel(RISK_LEVELS, w.level), locale) ?? w.level },
        { key: 'status', header: 'ledger.col.status', width: 10, value: (w) => formatMessage(locale, `ledger.warningStatus.${w.status}`) },
        { key: 'unit', header: 'ledger.col.unit', width: 22, value: (w) => unitName(w.unitId) },
        { key: 'createdAt', header: 'ledger.col.createdAt', width: 17, value: (w) => w.createdAt.slice(0, 16).replace('T', ' ') },
        { key: 'publishedAt', header: 'ledger.col.publishedAt', width: 17, value: (w) => w.publishedAt?.slice(0, 16).replace('T', ' ') },
        { key: 'delivered', header: 'ledger.col.delivered', width: 8, value: (w) => w.counts.delivered },
        { key: 'acknowledged', header: 'ledger.col.acknowledged', width: 8, value: (w) => w.counts.acknowledged },
        { key: 'escalated', header: 'ledger.col.escalated', width: 8, value: (w) => w.counts.escalated },
      ],
    },
    req,
  );
}
