import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { DomainError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { userOf } from '../../plugins/auth.ts';
import { localeOf } from '../../plugins/problem-json.ts';
import { safeFilename } from '../attachments/files.ts';
import * as batches from './residence-batches.ts';
import { submitPackage } from './packages.ts';
import { decisionPdf, receiptPdf } from './documents.ts';
import { itemReceipt, verifyReceipt } from './receipts.ts';
import * as s from './schemas.ts';
import { exportBatchesLedger, exportBatchReport } from './ledger.ts';
import { sendLedger } from '../../plugins/ledger-reply.ts';
import { MAX_SPREADSHEET_BYTES } from './spreadsheet.ts';
import { z } from 'zod';
import { readOneFile } from '../../lib/upload.ts';

const tags = ['applications'];
const enterprise = ['enterprise-admin', 'enterprise-staff'] as const;
const station = ['officer', 'unit-leader'] as const;
const batchReaders = [...enterprise, ...station, 'supervisor', 'admin'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Applications on the green channel (M3–M6) beyond the generic item routes: residence permits in batch, 打包办. */
export const applicationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart, { limits: { fileSize: MAX_SPREADSHEET_BYTES, files: 1, fields: 0 } });

  app.get(
    '/residence-permits/template.xlsx',
    { schema: { tags, summary: '居住证集中申办模板 The batch template (.xlsx)' }, config: { access: 'user' } },
    async (_req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('居住证集中申办模板.xlsx')}`)
        .send(await batches.residenceTemplate()),
  );

  app.post(
    '/residence-permits/batches',
    {
      schema: { tags, summary: '批量申办居住证 Upload the filled template (multipart field "file"; .xlsx ≤ 5 MB, ≤ 10,000 rows)' },
      config: { access: [...enterprise], rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const actor = userOf(req);
      const { filename, content: bytes } = await readOneFile(req, { code: 'spreadsheet_too_large', max: '5 MB' });
      const r = await batches.importResidenceBatch(ctx, actor, bytes, { filename: safeFilename(filename), ip: req.ip, locale: localeOf(req) });
      return reply.status(201).header('location', `/api/v1/residence-permits/batches/${r.batch.id}`).send(r);
    },
  );

  app.get(
    '/residence-permits/batches',
    { schema: { tags, summary: '居住证批次 Batches you may see, newest first', querystring: s.listQuery }, config: { access: [...batchReaders] } },
    async (req) => batches.listBatches(ctx, userOf(req), req.query.limit, localeOf(req)),
  );

  app.get(
    '/residence-permits/batches/export.xlsx',
    { schema: { tags, summary: '导出台账 The batch list as xlsx, the same scope (audited; staff)', querystring: s.exportQuery }, config: { access: [...station, 'supervisor', 'admin'] } },
    async (req, reply) => sendLedger(reply, await exportBatchesLedger(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.query)),
  );

  app.get(
    '/residence-permits/batches/:id/report.xlsx',
    { schema: { tags, summary: '退回行报告 The batch\'s rejected rows as xlsx: row, column, reason (audited)', params: s.batchParams }, config: { access: [...batchReaders] } },
    async (req, reply) => sendLedger(reply, await exportBatchReport(ctx, { actor: userOf(req), locale: localeOf(req), ip: req.ip }, req.params.id)),
  );

  app.get(
    '/residence-permits/batches/:id',
    { schema: { tags, summary: '批次状态 A batch: counts by status, rejected rows, delivery', params: s.batchParams }, config: { access: [...batchReaders] } },
    async (req) => batches.getBatch(ctx, userOf(req), req.params.id, localeOf(req)),
  );

  app.post(
    '/residence-permits/batches/:id/accept-all',
    { schema: { tags, summary: '集中受理 Accept every waiting item of the batch', params: s.batchParams, body: s.stepBody }, config: { access: [...station] } },
    async (req) => batches.batchStep(ctx, userOf(req), req.params.id, 'accept-all', req.body ?? {}, req.ip),
  );

  app.post(
    '/residence-permits/batches/:id/mark-produced',
    { schema: { tags, summary: '集中制证 Mark the batch produced (answers its accepted items)', params: s.batchParams, body: s.stepBody }, config: { access: [...station] } },
    async (req) => batches.batchStep(ctx, userOf(req), req.params.id, 'mark-produced', req.body ?? {}, req.ip),
  );

  app.post(
    '/residence-permits/batches/:id/delivered',
    { schema: { tags, summary: '送证上门 Delivered to the enterprise, with who signed (零跑腿)', params: s.batchParams, body: s.deliveredBody }, config: { access: [...station] } },
    async (req) => batches.batchStep(ctx, userOf(req), req.params.id, 'delivered', req.body, req.ip),
  );

  app.get(
    '/items/:id/receipt',
    { schema: { tags, summary: '受理回执 Printable acceptance receipt (HTML) with a verification QR code', params: s.batchParams }, config: { access: 'user' } },
    async (req, reply) => reply.type('text/html; charset=utf-8').send(await itemReceipt(ctx, userOf(req), req.params.id, `${req.protocol}://${req.host}`)),
  );

  const pdfRoute = (path: string, summary: string, make: typeof receiptPdf) =>
    app.get(path, { schema: { tags, summary, params: s.batchParams }, config: { access: 'user' } }, async (req, reply) => {
      const { pdf, filename } = await make(ctx, userOf(req), req.params.id, `${req.protocol}://${req.host}`);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'no-store').send(pdf);
    });
  pdfRoute('/items/:id/receipt.pdf', '受理回执 PDF Acceptance receipt (PDF) with a verification QR code', receiptPdf);
  pdfRoute('/items/:id/decision.pdf', '决定书 PDF The decision (approved or denied, with the numbers of the documents issued) or notice of conclusion; 422 before the answer', decisionPdf);

  app.get(
    '/public/verify/:number',
    {
      schema: {
        tags,
        summary: '回执与决定核验 Is this receipt or decision genuine? Status, decision and document numbers (public; shows no personal data)',
        params: z.object({ number: z.string().min(1).max(40) }),
        querystring: z.object({ s: z.string().max(100).optional() }),
      },
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req) => verifyReceipt(ctx, req.params.number, req.query.s),
  );

  app.post(
    '/packages',
    {
      schema: { tags, summary: '打包办 Open several related items in one submission', body: s.packageBody },
      config: { access: [...enterprise, 'applicant'] },
    },
    async (req, reply) => reply.status(201).send(await submitPackage(ctx, userOf(req), req.body.items, req.ip)),
  );
};
