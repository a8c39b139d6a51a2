import { hash, verify } from '@node-rs/argon2';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { verifyTOTPWithGracePeriod } from '@oslojs/otp';
import { createHash, randomBytes } from 'node:crypto';

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

export function verifyTotp(secretBase32: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return verifyTOTPWithGracePeriod(decodeBase32IgnorePadding(secretBase32), 30, 6, code, 30);
  } catch {
    return false;
  }
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
