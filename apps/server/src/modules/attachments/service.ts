import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { mayReadAttachment } from '../items/service.ts';
import { mayReadEvidence } from '../cyber/evidence.ts';
import { safeFilename, sniffType } from './files.ts';
import * as repo from './repository.ts';

/** `POST /attachments`: keeps one uploaded file if its first bytes show an accepted type. */
export async function storeAttachment(ctx: AppContext, actor: UserActor, upload: { filename: string; bytes: Buffer }) {
  const { bytes } = upload;
  if (bytes.length === 0) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'file', code: 'required' }] });
  const filename = safeFilename(upload.filename);
  const type = sniffType(bytes, filename);
  if (!type) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'file', code: 'attachment_type', params: { allowed: 'PDF, JPG, PNG, XLSX' } }] });
  const id = randomUUID();
  await repo.insertAttachment(ctx.database.db, {
    id,
    uploaderId: actor.id,
    filename,
    mime: type.mime,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
    createdAt: ctx.now(),
  });
  return { id, filename, mime: type.mime, size: bytes.length };
}

/** `GET /attachments/:id`: the file for its uploader, or for anyone who may see an item (or a cyber finding's answer) that carries it; else not found. */
export async function attachmentFor(ctx: AppContext, actor: UserActor, id: string): Promise<repo.AttachmentRow> {
  const a = await repo.findAttachment(ctx.database.db, id);
  if (!a || !(a.uploaderId === actor.id || (await mayReadAttachment(ctx, actor, a.id)) || (await mayReadEvidence(ctx, actor, a.id)))) throw new DomainError('not_found', { kind: 'not-found' });
  return a;
}
