import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** A real SMTP server for tests (server and browser), and the messages it received, decoded enough to read. */

/** A message as the local SMTP server received it, decoded enough to read. */
export interface Mail {
  from: string;
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/** Decodes RFC 2047 words (=?UTF-8?B?…?= / Q) as nodemailer writes them. */
function decodeWords(s: string): string {
  return s.replace(/\s*=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

export function parseMail(raw: string, envelope: { from: string; to: string[] }): Mail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = rest.join('\n\n');
  const enc = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (enc === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (enc === 'quoted-printable') body = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return { ...envelope, messageId: headers['message-id'] ?? '', subject: decodeWords(headers.subject ?? ''), text: body, headers };
}

/**
 * A real SMTP server in the test process. `onMessage` may answer with an error (the send fails) or hold the
 * message without answering (a provider that never replied).
 */
export async function startSmtp(onMessage: (m: Mail) => 'accept' | 'reject' | 'hold' = () => 'accept') {
  const accepted: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'), envelope);
        const verdict = onMessage(mail);
        if (verdict === 'hold') return;
        if (verdict === 'reject') return callback(Object.assign(new Error('mailbox busy'), { responseCode: 451 }));
        accepted.push(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, accepted, close: () => new Promise<void>((r) => server.close(() => r())) };
}
