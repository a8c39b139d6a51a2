import type { CheckResult } from '../errors.ts';
import { checkUscc } from './uscc.ts';
import { checkIdCard, type CheckContext } from './idcard.ts';
import { checkPlate } from './plate.ts';
import { checkMobile } from './mobile.ts';
import { checkVin } from './vin.ts';

export { checkUscc, usccCheckChar, makeUscc, USCC_ALPHABET } from './uscc.ts';
export { checkIdCard, makeIdCard, birthDateOf, maskIdCard, type CheckContext } from './idcard.ts';
export { checkPlate, parsePlate, PLATE_PROVINCES, type ParsedPlate, type PlateSuffix } from './plate.ts';
export { checkMobile, maskMobile } from './mobile.ts';
export { checkVin, makeVin } from './vin.ts';
export { validationMessages } from './messages.ts';
export { prng } from './shared.ts';

export type ValidatorKind = 'uscc' | 'idcard' | 'plate' | 'mobile' | 'vin';
export const validatorKinds: readonly ValidatorKind[] = ['uscc', 'idcard', 'plate', 'mobile', 'vin'];

const validators: Record<ValidatorKind, (value: unknown, context: CheckContext) => CheckResult> = {
  uscc: checkUscc,
  idcard: checkIdCard,
  plate: checkPlate,
  mobile: checkMobile,
  vin: checkVin,
};

/**
 * Runs the validator for `kind`. An unknown kind (e.g. from a form definition) is an error, not a throw.
 * `context.today` (Asia/Shanghai, from the caller's clock) lets date-bearing numbers refuse the future.
 */
export function validate(kind: ValidatorKind, value: unknown, context: CheckContext = {}): CheckResult {
  const fn = Object.hasOwn(validators, kind) ? validators[kind] : undefined;
  return fn ? fn(value, context) : { valid: false, errors: [{ code: 'validation_unknown_kind', params: { kind: String(kind) } }] };
}
