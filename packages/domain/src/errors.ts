/**
 * What kind of failure a DomainError is. The domain and the services say only this; the HTTP layer alone turns a
 * kind into a status (apps/server/src/plugins/problem-json.ts).
 */
export type ErrorKind =
  | 'invalid' // the input breaks a rule (field errors, or an action not allowed in this state)
  | 'unauthenticated' // no valid session or token
  | 'forbidden' // signed in, but this actor may not
  | 'not-found' // no such thing, or one this actor may not know exists
  | 'conflict' // the thing changed or already exists (stale version, duplicate)
  | 'locked' // the account is locked for a while after too many failures
  | 'unavailable'; // a dependency is down or the service is not configured for this

/** A broken business rule. `code` is stable snake_case; the message comes from the locale files. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly details: { kind?: ErrorKind; errors?: FieldError[]; params?: Record<string, unknown>; [k: string]: unknown } = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** One problem with one input field. `path` is a JSON-pointer-like dotted path ("data.contactPhone"). */
export interface FieldError {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

/** Validators return this; they never throw on bad input. */
export interface CheckResult {
  valid: boolean;
  normalized?: string;
  errors: { code: string; params?: Record<string, unknown> }[];
}
