import { hash, verify } from '@node-rs/argon2';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Argon2id (value 2 of the library's const enum, which isolated modules cannot import); OWASP's minimum cost.
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2 as never);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Staff password policy (等保 2.0): at least 8 characters from at least three of the four classes. */
export function passwordProblems(password: string): string[] {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const problems: string[] = [];
  if (password.length < 8) problems.push('password_too_short');
  else if (classes < 3) problems.push('password_too_simple');
  if (password.length > 128) problems.push('password_too_long');
  return problems;
}

const TOTP_SECONDS = 30;

/**
 * The time step (Unix seconds / 30) of a valid TOTP code: the current step or its neighbour on either side
 * (30 s of grace for clock drift and typing), or null for a wrong code. The caller refuses a step not newer than
 * the last one accepted (a replay). `nowMs` is the real time, as on the user's authenticator.
 */
export function totpStep(secretBase32: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  let key: Uint8Array;
  try {
    key = decodeBase32IgnorePadding(secretBase32);
  } catch {
    return null;
  }
  const current = Math.floor(nowMs / 1000 / TOTP_SECONDS);
  for (const step of [current, current - 1, current + 1]) {
    if (timingSafeEqual(Buffer.from(generateHOTP(key, BigInt(step), 6)), Buffer.from(code))) return step;
  }
  return null;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
