import { formatMessage, formatShanghaiMinute } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { enterpriseNames } from '../accounts/repository.ts';
import { inLocale, listLedger, unitNamer, type LedgerRequest } from '../ledgers/ledger.ts';
import type { BatchRow } from './repository.ts';
import { batchColumns, batchRows, visibleBatch, type RowReport } from './residence-batches.ts';

const at = (d: Date | null) => (d ? formatShanghaiMinute(d) : null);

/** 居住证批次台账: the station's batch list (no filters but its scope), newest first, up to the ledger's cap. */
export async function exportBatchesLedger(ctx: AppContext, req: LedgerRequest, query: Record<string, unknown>) {
  const { locale } = req;
  const rows = await batchRows(ctx, req.actor, ctx.config.ledgerMaxRows + 1);
  const names = await enterpriseNames(ctx.database.db, [...new Set(rows.map((b) => b.enterpriseId))]);
  const unitName = await unitNamer(ctx, locale);
  return listLedger<BatchRow>(
    ctx,
    {
      name: 'residence-batches',
      title: 'ledger.batches.title',
      filters: query,
      rows,
      columns: [
        { key: 'number', header: 'ledger.col.batchNumber', width: 18, value: (b) => b.number },
        { key: 'enterprise', header: 'ledger.col.enterprise', width: 28, value: (b) => names.get(b.enterpriseId) ?? null },
        { key: 'unit', header: 'ledger.col.unit', width: 18, value: (b) => unitName(b.unitId) },
        { key: 'status', header: 'ledger.col.status', width: 10, value: (b) => formatMessage(locale, `ledger.batchStatus.${b.status}`) },
        { key: 'filename', header: 'ledger.col.filename', width: 24, value: (b) => b.filename },
        { key: 'rowCount', header: 'ledger.col.rowCount', width: 8, value: (b) => b.rowCount },
        { key: 'createdCount', header: 'ledger.col.createdCount', width: 8, value: (b) => b.createdCount },
        { key: 'rejectedCount', header: 'ledger.col.rejectedCount', width: 8, value: (b) => b.rejectedCount },
        { key: 'duplicateCount', header: 'ledger.col.duplicateCount', width: 8, value: (b) => b.duplicateCount },
        { key: 'createdAt', header: 'ledger.col.uploadedAt', width: 17, value: (b) => at(b.createdAt) },
        { key: 'acceptedAt', header: 'ledger.col.acceptedAt', width: 17, value: (b) => at(b.acceptedAt) },
        { key: 'producedAt', header: 'ledger.col.producedAt', width: 17, value: (b) => at(b.producedAt) },
        { key: 'deliveredAt', header: 'ledger.col.deliveredAt', width: 17, value: (b) => at(b.deliveredAt) },
        { key: 'signerName', header: 'ledger.col.signerName', width: 12, value: (b) => b.signerName },
      ],
    },
    req,
  );
}

type ReportLine = { row: number; field: string; code: string; params?: Record<string, unknown> };

/** 退回行报告: one line per problem of a batch's rejected rows (row number, column, reason); the batch's own visibility. */
export async function exportBatchReport(ctx: AppContext, req: LedgerRequest, id: string) {
  const { locale } = req;
  const b = await visibleBatch(ctx, req.actor, id);
  const labels = new Map(batchColumns().map((f) => [f.name, f.label]));
  const lines: ReportLine[] = (b.report as RowReport[]).flatMap((r) => r.errors.map((e) => ({ row: r.row, ...e })));
  return listLedger<ReportLine>(
    ctx,
    {
      name: 'residence-batch-report',
      title: 'ledger.batchReport.title',
      filters: { batch: b.number },
      rows: lines,
      columns: [
        { key: 'row', header: 'ledger.col.row', width: 8, value: (l) => l.row },
        { key: 'field', header: 'ledger.col.field', width: 18, value: (l) => inLocale(labels.get(l.field), locale) ?? l.field },
        { key: 'problem', header: 'ledger.col.problem', width: 48, value: (l) => formatMessage(locale, l.code, l.params) },
      ],
    },
    req,
  );
}
