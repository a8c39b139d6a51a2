import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { DomainError, formatShanghai, itemType, type ClockVariant, type ItemStatus, type ItemTypeDeclaration } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { ensureSetting } from '../../db/settings.ts';
import type { UserActor } from '../accounts/actor.ts';
import { findUnit } from '../accounts/repository.ts';
import { findItemByNumber } from '../items/repository.ts';
import { getItem } from '../items/service.ts';
import { decisionOfItem, presentCertificates } from './certificates.ts';

/** The receipts' signing key: generated on first use and kept in the settings store, never in the repository. */
const secretOf = (ctx: AppContext) => ensureSetting(ctx.database.db, 'receipt-hmac-key', () => randomBytes(32).toString('base64url'));
const sign = (secret: string, number: string) => createHmac('sha256', secret).update(`receipt:${number}`).digest('base64url').slice(0, 24);

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The link a QR code opens: the web app's verification page (`/verify/<number>?s=`), which asks
 * `GET /api/v1/public/verify/<number>?s=` and shows the answer.
 */
export async function verificationUrl(ctx: AppContext, origin: string, number: string): Promise<string> {
  return `${origin}/verify/${encodeURIComponent(number)}?s=${sign(await secretOf(ctx), number)}`;
}

/** The declared clock variant the item runs on (its rule was chosen from the data and the acceptance). */
export function clockOf(decl: ItemTypeDeclaration, rule: unknown): ClockVariant | undefined {
  // Compared key by key: the stored rule comes back from jsonb with its keys in another order.
  const canonical = (r: unknown) => JSON.stringify(Object.entries((r ?? {}) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
  return decl.clocks.handle.find((v) => canonical(v.rule) === canonical(rule)) ?? decl.clocks.handle[decl.clocks.handle.length - 1];
}

/** The legal basis of the item's deadline, as the receipt and the decision print it. */
export function deadlineBasis(decl: ItemTypeDeclaration | undefined, clock: ClockVariant | undefined): string {
  return decl ? `${decl.guide.basis.zh}${clock?.label ? `；${clock.label.zh}` : ''}` : '';
}

/** What an acceptance receipt states, for the HTML page and the PDF alike: no name, ID number, phone or address. */
export async function receiptFacts(ctx: AppContext, actor: UserActor, id: string, origin: string) {
  const item = await getItem(ctx, actor, id);
  if (!item.acceptedAt) throw new DomainError('receipt_not_available', { kind: 'invalid', params: { status: item.status } });
  const decl = itemType(item.type);
  const unit = await findUnit(ctx.database.db, item.unitId);
  const clock = decl ? clockOf(decl, item.handleRule) : undefined;
  const rows: [string, string][] = [
    ['受理编号 Number', item.number],
    ['事项 Item', `${item.typeName.zh} ${item.typeName.en}`],
    ['受理单位 Unit', unit ? `${unit.nameZh} ${unit.nameEn}` : item.unitId],
    ['提交时间 Submitted', item.submittedAt ?? ''],
    ['受理时间 Accepted', item.acceptedAt ?? ''],
    ['办结期限 Due', `${item.dueAt ?? ''}${item.provisional ? '（暂定 provisional）' : ''}`],
    ['期限依据 Basis', deadlineBasis(decl, clock)],
    ...(item.packageId ? ([['打包办 Package', item.packageId]] as [string, string][]) : []),
  ];
  return { item, decl, unit, clock, rows, url: await verificationUrl(ctx, origin, item.number) };
}

/** 受理回执: a printable HTML page for an accepted item, with a QR code that opens the public verification. */
export async function itemReceipt(ctx: AppContext, actor: UserActor, id: string, origin: string): Promise<string> {
  const { item, rows, url } = await receiptFacts(ctx, actor, id, origin);
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 180 });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>受理回执 ${esc(item.number)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:"Noto Sans SC","Microsoft YaHei",sans-serif;max-width:720px;margin:24px auto;padding:0 16px;color:#111}
h1{text-align:center;font-size:24px;margin:0 0 4px}p.sub{text-align:center;margin:0 0 20px;color:#444}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #333;padding:8px;text-align:left;vertical-align:top}th{width:34%;background:#f3f3f3}
.qr{display:flex;gap:16px;align-items:center;margin-top:20px}.qr img{width:180px;height:180px}
@media print{body{margin:0}}
</style></head><body>
<h1>受理回执</h1><p class="sub">Acceptance receipt · 淄博市公安局 警企通</p>
<table>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
<div class="qr"><img src="${qr}" alt="核验二维码 Verification QR code"><p>扫描二维码核验本回执真伪。<br>Scan to verify this receipt.<br><small>${esc(url)}</small></p></div>
<p><small>打印时间 Printed ${esc(formatShanghai(ctx.now()))}</small></p>
</body></html>`;
}

/** Other documents' numbers (the cyber unit's 整改通知书), checked after the signature: the first non-null answer wins. */
export type Verifier = (ctx: AppContext, number: string) => Promise<object | null>;
let verifiers: readonly Verifier[] = [];
/** Set once from the list in registries.ts. */
export function useVerifiers(list: readonly Verifier[]): void {
  verifiers = list;
}

/**
 * The public answer to a scanned QR code: genuine or not, and only what the holder may disclose (number, type,
 * status, unit, dates, the decision and the numbers of the documents issued) — never a name, an ID number, a phone
 * or an address.
 */
export async function verifyReceipt(ctx: AppContext, number: string, signature: string | undefined) {
  const expected = sign(await secretOf(ctx), number);
  const given = Buffer.from(signature ?? '');
  const ok = given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
  if (ok) for (const v of verifiers) {
    const answer = await v(ctx, number);
    if (answer) return answer;
  }
  const row = ok ? await findItemByNumber(ctx.database.db, number) : undefined;
  if (!row || !row.acceptedAt) return { genuine: false as const, number };
  const decl = itemType(row.type);
  const unit = await findUnit(ctx.database.db, row.unitId);
  const at = (d: Date | null) => (d ? formatShanghai(d) : null);
  const { decided, decision } = await decisionOfItem(ctx.database.db, { id: row.id, type: row.type, status: row.status as ItemStatus, answeredAt: row.answeredAt });
  return {
    genuine: true as const,
    number: row.number,
    type: row.type,
    typeName: decl?.names ?? { zh: row.type, en: row.type },
    status: row.status,
    unit: unit ? { zh: unit.nameZh, en: unit.nameEn } : null,
    submittedAt: at(row.submittedAt),
    acceptedAt: at(row.acceptedAt),
    dueAt: at(row.dueAt),
    answeredAt: at(row.answeredAt),
    closedAt: at(row.closedAt),
    decided,
    decision,
    certificates: (await presentCertificates(ctx.database.db, row.id)).map(({ kind, name, number, issuedAt, unit }) => ({ kind, name, number, issuedAt, unit })),
  };
}
