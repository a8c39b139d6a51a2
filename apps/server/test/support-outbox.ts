import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export { parseMail, startSmtp, type Mail } from '../../../test-support/smtp.ts';

/** A local stand-in for the SMS provider: records each form, answers as `answer` says (Aliyun's JSON shape). */
export async function startSmsProvider(answer: (form: Record<string, string>) => { status: number; body: Record<string, string> } = () => ({ status: 200, body: { Code: 'OK', Message: 'OK', BizId: `biz${Date.now()}` } })) {
  const requests: { form: Record<string, string>; contentType: string; method: string; path: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      requests.push({ form, contentType: String(req.headers['content-type']), method: req.method ?? '', path: req.url ?? '' });
      const a = answer(form);
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify({ RequestId: 'req-1', ...a.body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Aliyun's signature v1, written again from the provider's documentation, so the test checks the server's. */
export function expectedSignature(form: Record<string, string>, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A');
  const query = Object.entries(form)
    .filter(([k]) => k !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');
  return createHmac('sha1', `${secret}&`).update(`POST&%2F&${enc(query)}`).digest('base64');
}
