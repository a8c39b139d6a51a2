import { formatMessage } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { listLedger, unitNamer, type LedgerRequest } from '../ledgers/ledger.ts';
import { listForStaff, type PublicationKind } from './service.ts';
import type { PublicationStatus } from './policy.ts';

type Publication = Awaited<ReturnType<typeof listForStaff>>['publications'][number];
const minute = (s: string | null) => s?.slice(0, 16).replace('T', ' ') ?? null;

/** 信息发布台账: the staff list of texts with the list's filters; the cap instead of the list's page size. */
export async function exportPublicationsLedger(ctx: AppContext, req: LedgerRequest, q: { kind?: PublicationKind; status?: PublicationStatus; q?: string }) {
  const { locale } = req;
  const [{ publications }, unitName] = await Promise.all([listForStaff(ctx, req.actor, { ...q, limit: ctx.config.ledgerMaxRows + 1 }), unitNamer(ctx, locale)]);
  return listLedger<Publication>(
    ctx,
    {
      name: 'publications',
      title: 'ledger.publications.title',
      filters: q,
      filterText: (key, v, l) => (key === 'kind' ? formatMessage(l, `ledger.publicationKind.${String(v)}`) : key === 'status' ? formatMessage(l, `ledger.publicationStatus.${String(v)}`) : undefined),
      rows: publications,
      columns: [
        { key: 'title', header: 'ledger.col.title', width: 40, value: (p) => p.title },
        { key: 'kind', header: 'ledger.col.kind', width: 10, value: (p) => formatMessage(locale, `ledger.publicationKind.${p.kind}`) },
        { key: 'status', header: 'ledger.col.status', width: 10, value: (p) => formatMessage(locale, `ledger.publicationStatus.${p.status}`) },
        { key: 'unit', header: 'ledger.col.unit', width: 22, value: (p) => unitName(p.unitId) },
        { key: 'createdAt', header: 'ledger.col.createdAt', width: 17, value: (p) => minute(p.createdAt) },
        { key: 'publishedAt', header: 'ledger.col.publishedAt', width: 17, value: (p) => minute(p.publishedAt) },
        { key: 'summary', header: 'ledger.col.summary', width: 50, value: (p) => p.summary },
      ],
    },
    req,
  );
}
