import type { FastifyRequest } from 'fastify';
import { DomainError } from '@jqt/domain';

const fileError = (code: string, params?: Record<string, unknown>) =>
  new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'file', code, ...(params ? { params } : {}) }] });

/**
 * The one file of a multipart upload (field "file"), read whole into memory before anything is stored. A body that
 * is not multipart or has no file is `file: required`; one over the route's limit is `file: <tooLarge.code>`; one the
 * multipart parser cannot read (cut off, no or the wrong boundary, a broken part header, the client gone) fails
 * with a plain Error, which is the client's malformed upload (issue 16): `file: attachment_incomplete`, never a 500.
 */
export async function readOneFile(req: FastifyRequest, tooLarge: { code: string; max: string }): Promise<{ filename: string; content: Buffer }> {
  if (!req.isMultipart()) throw fileError('required');
  try {
    const part = await req.file();
    if (!part) throw fileError('required');
    return { filename: part.filename, content: await part.toBuffer() };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileError(tooLarge.code, { max: tooLarge.max });
    req.log.info({ err: e }, 'malformed upload');
    throw fileError('attachment_incomplete');
  }
}
