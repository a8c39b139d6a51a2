// 统一社会信用代码, GB 32100-2015.
import type { CheckResult } from '../errors.ts';
import { fail, ok, precheck, serialFromSeed, type Issue } from './shared.ts';

/** Code alphabet: digits and capitals without I, O, Z, S, V. A character's index is its value. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/**
 * Char 1, registration authority: 1 机构编制 … 9 工商, A 中央军委改革和编制办公室, N 农业,
 * Y 其他 (the standard's table plus its published additions). Anything else is a typo.
 */
const AUTHORITIES = '123456789ANY';
/** Char 2, institution type: every row of the table uses a digit 1–9. */
const INSTITUTION_TYPES = '123456789';
/** Letters the standard leaves out because they look like 1, 0, 2, 5, U. */
const FORBIDDEN_LETTERS = 'IOZSV';

/** Check character (18th) for the first 17 characters; throws if they use characters outside the alphabet. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i].toUpperCase());
    if (v < 0) throw new RangeError(`not a USCC character: ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 organization-code check character (9th) for an 8-digit body. */
function orgCodeCheckChar(body8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const r = 11 - ([...body8].reduce((s, c, i) => s + Number(c) * w[i], 0) % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/**
 * A fictional but well-formed USCC for demo data: '91' (工商, 企业) + division + an 8-digit
 * organization code with its own GB 11714 check + USCC check. Same seed, same code.
 */
export function makeUscc(seed: number, division = '370303'): string {
  if (!/^\d{6}$/.test(division)) throw new RangeError(`division must be 6 digits: ${division}`);
  const body = serialFromSeed(seed, 8);
  const first17 = `91${division}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

export function checkUscc(value: unknown): CheckResult {
  const pre = precheck('uscc', value);
  if ('errors' in pre) return fail(pre.errors);
  const { chars, raw } = pre;
  if (chars.length !== 18) return fail([{ code: 'uscc_length', params: { expected: 18, actual: chars.length } }]);

  const errors: Issue[] = [];
  chars.forEach((upper, i) => {
    const position = i + 1;
    const char = raw[i]; // reported as typed
    if (USCC_ALPHABET.includes(upper)) {
      // Segment rules, only for characters that are otherwise valid (one message per position).
      if (position === 1 && !AUTHORITIES.includes(upper)) errors.push({ code: 'uscc_authority', params: { position, char } });
      if (position === 2 && !INSTITUTION_TYPES.includes(upper)) errors.push({ code: 'uscc_institution_type', params: { position, char } });
      if (position >= 3 && position <= 8 && !/\d/.test(upper)) errors.push({ code: 'uscc_division', params: { position, char } });
    } else if (FORBIDDEN_LETTERS.includes(upper)) {
      errors.push({ code: 'uscc_forbidden_letter', params: { position, char } });
    } else {
      errors.push({ code: 'uscc_invalid_char', params: { position, char } });
    }
  });
  if (errors.length > 0) return fail(errors);

  const code = chars.join('');
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return fail([{ code: 'uscc_check_digit', params: { position: 18, expected, actual: raw[17] } }]);
  return ok(code);
}
