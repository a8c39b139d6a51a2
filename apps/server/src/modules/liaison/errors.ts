import { DomainError, type FieldError } from '@jqt/domain';

/** The liaison module's refusals, in one place. */
export const invalid = (errors: FieldError[]) => new DomainError('validation_failed', { kind: 'invalid', errors });
export const notFound = () => new DomainError('not_found', { kind: 'not-found' });
export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
