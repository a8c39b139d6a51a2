import type { CheckResult } from '../errors.ts';
import { checkUscc } from './uscc.ts';
import { checkIdCard } from './idcard.ts';
import { checkPlate } from './plate.ts';
import { checkMobile } from './mobile.ts';
import { checkVin } from './vin.ts';

export { checkUscc, usccCheckChar, makeUscc, USCC_ALPHABET } from './uscc.ts';
export { checkIdCard, makeIdCard, birthDateOf, maskIdCard } from './idcard.ts';
export { checkPlate, parsePlate, PLATE_PROVINCES, type ParsedPlate, type PlateSuffix } from './plate.ts';
export { checkMobile, maskMobile } from './mobile.ts';
export { checkVin, makeVin } from './vin.ts';
export { validationMessages } from './messages.ts';
export { prng } from './shared.ts';

export type ValidatorKind = 'uscc' | 'idcard' | 'plate' | 'mobile' | 'vin';
export const validatorKinds: readonly ValidatorKind[] = ['uscc', 'idcard', 'plate', 'mobile', 'vin'];

const validators: Record<ValidatorKind, (value: unknown) => CheckResult> = {
  uscc: checkUscc,
  idcard: checkIdCard,
  plate: checkPlate,
  mobile: checkMobile,
  vin: checkVin,
};

/** Runs the validator for `kind`. An unknown kind (e.g. from a form definition) is an error, not a throw. */
export function validate(kind: ValidatorKind, value: unknown): CheckResult {
  const fn = Object.hasOwn(validators, kind) ? validators[kind] : undefined;
  return fn ? fn(value) : { valid: false, errors: [{ code: 'validation_unknown_kind', params: { kind: String(kind) } }] };
}
