import { createPrivateKey, type KeyObject } from 'node:crypto';
import { resolve } from 'node:path';

/** Every environment variable the server reads, parsed once (ARCHITECTURE rule 6). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  env: 'production' | 'development' | 'test';
  /** Seed the demo city on an empty database (never in production). */
  seedDemo: boolean;
  /** Directory of the built web app to serve, if present. */
  webDist: string;
  sessionHours: number;
  sweepSeconds: number;
  logLevel: string;
  /** Ed25519 private key that signs the audit chain's anchored heads (AUDIT_SIGNING_KEY, PKCS#8 PEM); unsigned without. */
  auditSigningKey: KeyObject | null;
  /** The origin browsers load the platform from (scheme://host[:port]); state-changing cookie requests must come from it or the request's own host. */
  publicOrigin: string;
  /** 台账: the most rows one xlsx export may hold (beyond it 422 `export_too_large`). */
  ledgerMaxRows: number;
  /** E-mail notices over SMTP (`SMTP_URL`, `SMTP_FROM`); off when unset. */
  smtp: { url: string; from: string } | null;
  /** SMS notices through an Aliyun-SendSms-shaped provider; off unless all four variables are set. */
  sms: SmsConfig | null;
  /** How often the outbox worker looks for due deliveries. */
  outboxSeconds: number;
}

export interface SmsConfig {
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Our template codes (JQT_ACCEPTED …) to the provider's approved ones (`SMS_TEMPLATE_CODES` JSON); unmapped ones are sent as they are. */
  templateCodes: Record<string, string>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    env: nodeEnv,
    seedDemo: nodeEnv !== 'production',
    webDist: resolve(new URL('../../web/dist', import.meta.url).pathname),
    sessionHours: 8,
    sweepSeconds: 60,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    auditSigningKey: env.AUDIT_SIGNING_KEY ? signingKeyOf(env.AUDIT_SIGNING_KEY) : null,
    publicOrigin: originOf(env.PUBLIC_ORIGIN || 'http://localhost:3000', 'PUBLIC_ORIGIN'),
    ledgerMaxRows: 50_000,
    smtp: smtpOf(env),
    sms: smsOf(env),
    outboxSeconds: 5,
    ...overrides,
  };
}

function originOf(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an origin such as https://jqt.example.gov.cn, got ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be http or https, got ${value}`);
  return url.origin;
}

/** A PEM key given in one environment line may carry its newlines as `\n`. */
function signingKeyOf(value: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(value.replace(/\\n/g, '\n'));
  } catch {
    throw new Error('AUDIT_SIGNING_KEY must be a PKCS#8 PEM private key (openssl genpkey -algorithm ed25519)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`AUDIT_SIGNING_KEY must be an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

function smtpOf(env: NodeJS.ProcessEnv): Config['smtp'] {
  if (!env.SMTP_URL) return null;
  const url = new URL(env.SMTP_URL);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL must be smtp:// or smtps://, got ${url.protocol}`);
  return { url: env.SMTP_URL, from: env.SMTP_FROM || `警企通 <noreply@${url.hostname}>` };
}

function smsOf(env: NodeJS.ProcessEnv): SmsConfig | null {
  const names = ['SMS_PROVIDER_URL', 'SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME'] as const;
  const set = names.filter((n) => env[n]);
  if (set.length === 0) return null;
  // Half a configuration is a mistake to report at start, not a channel that silently never sends.
  if (set.length < names.length) throw new Error(`SMS needs all of ${names.join(', ')}; missing ${names.filter((n) => !env[n]).join(', ')}`);
  let templateCodes: Record<string, string> = {};
  if (env.SMS_TEMPLATE_CODES) {
    try {
      templateCodes = JSON.parse(env.SMS_TEMPLATE_CODES) as Record<string, string>;
    } catch {
      throw new Error('SMS_TEMPLATE_CODES must be a JSON object such as {"JQT_ACCEPTED":"SMS_123456789"}');
    }
  }
  originOf(env.SMS_PROVIDER_URL!, 'SMS_PROVIDER_URL');
  return { url: env.SMS_PROVIDER_URL!, accessKeyId: env.SMS_ACCESS_KEY_ID!, accessKeySecret: env.SMS_ACCESS_KEY_SECRET!, signName: env.SMS_SIGN_NAME!, templateCodes };
}
