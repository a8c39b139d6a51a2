import { formatMessage, formatShanghaiMinute } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { enterpriseNames } from '../accounts/repository.ts';
import { listLedger, type LedgerRequest } from '../ledgers/ledger.ts';
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
