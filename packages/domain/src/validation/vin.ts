// 车辆识别代号 VIN, ISO 3779 / GB 16735: Chinese VINs always carry the position-9 check digit.
import type { CheckResult } from '../errors.ts';
import { fail, ok, precheck, prng, serialFromSeed, type Issue } from './shared.ts';

const VIN_CHAR = /^[A-HJ-NPR-Z0-9]$/;
const FORBIDDEN_LETTERS = 'IOQ'; // read as 1, 0, 0
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** Transliteration of letters; digits keep their value. */
const LETTER_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5,
  P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

/** Check character for a 17-character VIN (position 9 is ignored: its weight is 0). */
function checkChar(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (/\d/.test(vin[i]) ? Number(vin[i]) : LETTER_VALUES[vin[i]]) * WEIGHTS[i];
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function checkVin(value: unknown): CheckResult {
  const pre = precheck('vin', value);
  if ('errors' in pre) return fail(pre.errors);
  const { chars, raw } = pre;
  if (chars.length !== 17) return fail([{ code: 'vin_length', params: { expected: 17, actual: chars.length } }]);

  const errors: Issue[] = [];
  chars.forEach((char, i) => {
    if (VIN_CHAR.test(char)) return;
    const code = FORBIDDEN_LETTERS.includes(char) ? 'vin_forbidden_letter' : 'vin_invalid_char';
    errors.push({ code, params: { position: i + 1, char: raw[i] } });
  });
  if (errors.length > 0) return fail(errors);

  const vin = chars.join('');
  const expected = checkChar(vin);
  if (vin[8] !== expected) return fail([{ code: 'vin_check_digit', params: { position: 9, expected, actual: raw[8] } }]);
  return ok(vin);
}

const WMIS = ['LSV', 'LFV', 'LGB', 'LVS', 'LBV']; // China-assembled manufacturer prefixes (L…)
const VDS_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const YEAR_CODES = 'JKLMNPRS'; // model years 2018–2025

/** A well-formed VIN with a valid check digit for demo data; same seed, same VIN, distinct serials. */
export function makeVin(seed: number): string {
  const rnd = prng(seed);
  const pick = (s: string): string => s[Math.floor(rnd() * s.length)];
  const wmi = WMIS[Math.floor(rnd() * WMIS.length)];
  const vds = Array.from({ length: 5 }, () => pick(VDS_CHARS)).join('');
  const rest = pick(YEAR_CODES) + pick('ABCDEFGH') + serialFromSeed(seed, 6);
  const draft = `${wmi}${vds}0${rest}`;
  return draft.slice(0, 8) + checkChar(draft) + draft.slice(9);
}
