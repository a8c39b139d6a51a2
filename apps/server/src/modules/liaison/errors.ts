import { DomainError, type FieldError } from '@jqt/domain';

/** The liaison module's refusals, in one place (issue 17 turns statuses into error kinds). */
export const invalid = (errors: FieldError[]) => new DomainError('validation_failed', { status: 422, errors });
export const notFound = () => new DomainError('not_found', { status: 404 });
export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
