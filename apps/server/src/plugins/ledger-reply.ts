import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** The reply of every ledger route (台账): the book as an attachment, streamed as it is written. */
export function sendLedger(reply: FastifyReply, file: { stream: Readable; filename: string }) {
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}
