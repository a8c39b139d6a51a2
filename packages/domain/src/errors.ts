/** A broken business rule. `code` is stable snake_case; the message comes from the locale files. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly details: { status?: number; errors?: FieldError[]; params?: Record<string, unknown>; [k: string]: unknown } = {},
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
