import type { CheckResult } from '../errors.ts';

/** One entry of `CheckResult.errors`. */
export type Issue = CheckResult['errors'][number];

export const ok = (normalized: string): CheckResult => ({ valid: true, normalized, errors: [] });
export const fail = (errors: Issue[]): CheckResult => ({ valid: false, errors });

/** `typeof`, but telling null and arrays apart (goes into the `{type}` param for API callers). */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Upper-cases a–z only: `toUpperCase` would also turn 'ß' into 'SS' and change the length. */
export const asciiUpper = (s: string): string => s.replace(/[a-z]/g, (c) => c.toUpperCase());

const WHITESPACE = /\s/u; // includes U+3000 (full-width space) and U+00A0
const FULLWIDTH = /[\uFF01-\uFF5E]/u; // full-width forms of ASCII ! … ~

/**
 * Rules every kind shares, checked before any format rule: a non-empty string without
 * whitespace or full-width ASCII. We reject rather than strip so that the clerk fixes the
 * source record (a pasted "９１３７…" usually means the stored copy is wrong too).
 * On success returns the characters (code points) as typed (`raw`, for error params) and with
 * a–z upper-cased (`chars`, for the rules); both have the same length.
 */
export function precheck(kind: string, value: unknown): { chars: string[]; raw: string[] } | { errors: Issue[] } {
  if (value === undefined || value === null || value === '') return { errors: [{ code: `${kind}_empty` }] };
  if (typeof value !== 'string') return { errors: [{ code: `${kind}_not_string`, params: { type: typeName(value) } }] };
  const chars = Array.from(value);
  const errors: Issue[] = [];
  const spaces = chars.filter((c) => WHITESPACE.test(c)).length;
  if (spaces > 0) {
    const position = chars.findIndex((c) => WHITESPACE.test(c)) + 1;
    errors.push({ code: `${kind}_whitespace`, params: { position, count: spaces } });
  }
  const wide = chars.filter((c) => FULLWIDTH.test(c)).length;
  if (wide > 0) {
    const i = chars.findIndex((c) => FULLWIDTH.test(c));
    const char = chars[i];
    const halfwidth = String.fromCharCode(char.charCodeAt(0) - 0xfee0);
    errors.push({ code: `${kind}_fullwidth`, params: { position: i + 1, char, halfwidth, count: wide } });
  }
  return errors.length > 0 ? { errors } : { chars: Array.from(asciiUpper(value)), raw: chars };
}

/** Deterministic 32-bit PRNG (mulberry32) for the demo-data factories: same seed, same value. */
export function prng(seed: number): () => number {
  let a = Math.trunc(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Maps a seed onto 0 … 10^digits − 1 one-to-one (multiplying by a number coprime to 10 is a
 * bijection mod 10^n), so different seeds give different serials in demo data.
 */
export function serialFromSeed(seed: number, digits: number): string {
  const m = 10 ** digits;
  const s = Math.trunc(Math.abs(seed)) % m;
  return String((s * 48271 + 30000007) % m).padStart(digits, '0');
}

/** Keeps `head` and `tail` characters and stars the rest; too-short input is starred entirely. */
export function maskMiddle(s: string, head: number, tail: number): string {
  const c = Array.from(s);
  if (c.length <= head + tail) return '*'.repeat(c.length);
  return c.slice(0, head).join('') + '*'.repeat(c.length - head - tail) + c.slice(c.length - tail).join('');
}
