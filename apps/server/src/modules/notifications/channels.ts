import { createHmac, randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { formatMessage, SMS_TEMPLATES, smsParams, type Locale, type OffSiteChannel, type OffSiteTemplate } from '@jqt/domain';
import type { Config, SmsConfig } from '../../config.ts';

/** What the worker hands a channel: one outbox row. */
export interface OutboxMessage {
  channel: string;
  template: string;
  kind: string | null;
  recipient: string;
  locale: string;
  params: Record<string, unknown>;
  idempotencyKey: string;
}

/** A channel accepts a message (resolving to the provider's id) or rejects it (throws). */
export interface Sender {
  send(m: OutboxMessage): Promise<{ providerId: string | null }>;
}

/** A provider that does not answer within this many seconds counts as a failed attempt (the claim holds a row lock). */
const TIMEOUT_MS = 10_000;

let configured: { senders: Partial<Record<OffSiteChannel, Sender>> } = { senders: {} };

/**
 * Sets the process's channels from its configuration. A process has one configuration, so the notice writers
 * (which see only a transaction) ask here which channels to queue for; the app calls this when it is built.
 */
export function configureChannels(config: Config): void {
  configured = {
    senders: {
      ...(config.smtp ? { email: emailSender(config.smtp, config.publicOrigin) } : {}),
      ...(config.sms ? { sms: smsSender(config.sms) } : {}),
    },
  };
}

export function channelOn(channel: OffSiteChannel): boolean {
  return configured.senders[channel] !== undefined;
}

export function senderOf(channel: string): Sender | undefined {
  return configured.senders[channel as OffSiteChannel];
}

const localeOf = (l: string): Locale => (l === 'en' ? 'en' : 'zh-CN');

/** Templates about the account itself: their own body text and a footer that does not point at the notice settings. */
const ACCOUNT_TEMPLATES = new Set(['password_reset', 'password_changed']);

/**
 * The e-mail a row becomes: the event's subject, the in-site notice's text (or the template's own body for an
 * account message), a footer with the platform's link.
 */
export function renderEmail(m: OutboxMessage, publicOrigin: string): { subject: string; text: string } {
  const locale = localeOf(m.locale);
  const account = ACCOUNT_TEMPLATES.has(m.template);
  const body = m.kind ? formatMessage(locale, `notice.${m.kind}`, m.params) : account ? formatMessage(locale, `email.body.${m.template}`, m.params) : '';
  const footer = formatMessage(locale, account ? 'email.footer.account' : 'email.footer', { link: publicOrigin });
  return { subject: formatMessage(locale, `email.subject.${m.template}`), text: `${body}\n\n${footer}\n` };
}

function emailSender(smtp: { url: string; from: string }, publicOrigin: string): Sender {
  const url = new URL(smtp.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  const host = new URL(publicOrigin).hostname;
  return {
    async send(m) {
      const { subject, text } = renderEmail(m, publicOrigin);
      // The Message-ID is the row's key: a copy sent twice after a crash carries the same id.
      const info = await transport.sendMail({ from: smtp.from, to: m.recipient, subject, text, messageId: `<${m.idempotencyKey}@${host}>`, headers: { 'X-JQT-Idempotency-Key': m.idempotencyKey } });
      return { providerId: String(info.messageId ?? '') || null };
    },
  };
}

/** Aliyun's POP percent-encoding (RFC 3986: also ! ' ( ) *). */
export function popEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Aliyun RPC signature v1: HMAC-SHA1 over `POST&%2F&<canonical query>`, keyed by the secret and '&'. */
export function aliyunSignature(params: Record<string, string>, secret: string, method = 'POST'): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${popEncode(k)}=${popEncode(params[k])}`)
    .join('&');
  return createHmac('sha1', `${secret}&`).update(`${method}&${popEncode('/')}&${popEncode(canonical)}`).digest('base64');
}

/** The request of Aliyun's SendSms (API version 2017-05-25), with the row's key as `OutId`. */
export function sendSmsRequest(sms: SmsConfig, m: OutboxMessage, now = new Date()): Record<string, string> {
  const template = m.template as OffSiteTemplate;
  const ours = SMS_TEMPLATES[template]?.code ?? m.template;
  const params: Record<string, string> = {
    AccessKeyId: sms.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    OutId: m.idempotencyKey,
    PhoneNumbers: m.recipient,
    RegionId: 'cn-hangzhou',
    SignName: sms.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(),
    SignatureVersion: '1.0',
    TemplateCode: sms.templateCodes[ours] ?? ours,
    TemplateParam: JSON.stringify(SMS_TEMPLATES[template] ? smsParams(template, m.params) : {}),
    Timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2017-05-25',
  };
  return { ...params, Signature: aliyunSignature(params, sms.accessKeySecret) };
}

function smsSender(sms: SmsConfig): Sender {
  return {
    async send(m) {
      const form = new URLSearchParams(sendSmsRequest(sms, m));
      const res = await fetch(sms.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form, signal: AbortSignal.timeout(TIMEOUT_MS) });
      const answer = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string; BizId?: string };
      if (!res.ok || answer.Code !== 'OK') throw new Error(`SMS provider ${res.status} ${answer.Code ?? ''} ${answer.Message ?? ''}`.trim());
      return { providerId: answer.BizId ?? null };
    },
  };
}
