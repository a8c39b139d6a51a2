import { DomainError, formatShanghai, type ItemStatus } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { A4, PdfPage, renderPdf, wrapText } from '../../lib/pdf.ts';
import type { UserActor } from '../accounts/actor.ts';
import { decisionOfItem, presentCertificates } from './certificates.ts';
import { clockOf, deadlineBasis, receiptFacts, verificationUrl } from './receipts.ts';

/** `2026-09-28T10:00:00+08:00` as the documents print it (also the cyber notice): `2026-09-28 10:00`. */
export const printed = (s: string | null | undefined) => (s ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : '—');

const MARGIN = 56;
const LABEL_WIDTH = 132;
const VALUE_SIZE = 10.5;
const LABEL_SIZE = 9.5;
const LEADING = 15;
const PAD = 6;
const QR_SIZE = 118;
/** Where the table must end: above the QR block and the footer. */
const TABLE_FLOOR = MARGIN + 26 + QR_SIZE + 18;

export interface DocumentLayout {
  title: string;
  subtitle: string;
  rows: [string, string][];
  url: string;
  caption: [string, string];
  printedAt: Date;
}

/**
 * One A4 page in the manner of an official notice: the bureau's name, a title, a bordered two-column table of facts,
 * the verification QR code with its caption and link, the printed time. A value too long for the page is cut with "…".
 */
export function officialDocument(d: DocumentLayout): Buffer {
  const page = new PdfPage();
  const right = A4.width - MARGIN;
  const centre = A4.width / 2;
  let y = A4.height - MARGIN;
  page.text(centre, y - 12, '淄博市公安局', { size: 13, align: 'center', gray: 0.2 });
  page.text(centre, y - 42, d.title, { size: 22, bold: true, align: 'center' });
  page.text(centre, y - 60, d.subtitle, { size: 10, align: 'center', gray: 0.3 });
  y -= 72;
  page.line(MARGIN, y, right, y, 1.6);
  page.line(MARGIN, y - 3, right, y - 3, 0.5);
  y -= 14;

  const valueWidth = right - MARGIN - LABEL_WIDTH - 2 * PAD;
  for (const [label, value] of d.rows) {
    const labelLines = wrapText(label.replace(' ', '\n'), LABEL_SIZE, LABEL_WIDTH - 2 * PAD);
    let lines = wrapText(value || '—', VALUE_SIZE, valueWidth);
    const room = Math.floor((y - TABLE_FLOOR - 2 * PAD) / LEADING);
    if (room < 1) break;
    if (lines.length > room) lines = [...lines.slice(0, room - 1), `${lines[room - 1].slice(0, -1)}…`];
    const height = Math.max(labelLines.length, lines.length) * LEADING + 2 * PAD - 3;
    page.rect(MARGIN, y - height, LABEL_WIDTH, height, { fill: 0.94, stroke: 0, lineWidth: 0.7 });
    page.rect(MARGIN + LABEL_WIDTH, y - height, right - MARGIN - LABEL_WIDTH, height, { stroke: 0, lineWidth: 0.7 });
    labelLines.forEach((l, i) => page.text(MARGIN + PAD, y - PAD - 10 - i * LEADING, l, { size: LABEL_SIZE, gray: i ? 0.35 : 0 }));
    lines.forEach((l, i) => page.text(MARGIN + LABEL_WIDTH + PAD, y - PAD - 10 - i * LEADING, l, { size: VALUE_SIZE }));
    y -= height;
  }

  // The QR block follows the table (at the latest where the table had to stop).
  const qrTop = Math.max(MARGIN + 26 + QR_SIZE, y - 28);
  page.qr(MARGIN, qrTop, QR_SIZE, d.url);
  const tx = MARGIN + QR_SIZE + 16;
  page.text(tx, qrTop - 24, d.caption[0], { size: 12, bold: true });
  page.text(tx, qrTop - 40, d.caption[1], { size: 9.5, gray: 0.25 });
  const urlLines = wrapText(d.url, 8, right - tx);
  urlLines.forEach((l, i) => page.text(tx, qrTop - 58 - i * 11, l, { size: 8, gray: 0.35 }));
  const privacy = wrapText('核验页面只显示编号、事项、状态、单位、日期、决定和证件编号，不显示任何个人信息。The verification page shows no personal data.', 8, right - tx);
  privacy.forEach((l, i) => page.text(tx, qrTop - 64 - urlLines.length * 11 - i * 11, l, { size: 8, gray: 0.35 }));

  page.line(MARGIN, MARGIN + 14, right, MARGIN + 14, 0.5, 0.5);
  page.text(MARGIN, MARGIN, `打印时间 Printed ${printed(formatShanghai(d.printedAt))}（北京时间）`, { size: 8.5, gray: 0.3 });
  page.text(right, MARGIN, '警企通平台 依据淄公通〔2023〕34号', { size: 8.5, gray: 0.3, align: 'right' });
  return renderPdf([page], { title: d.title, createdAt: d.printedAt });
}

export const asciiName = (kind: string, number: string) => `${kind}-${number.replace(/[^A-Za-z0-9-]/g, '')}.pdf`;

/** 受理回执 as PDF: the same facts as the HTML receipt, for the item's holder and the staff who may see it. */
export async function receiptPdf(ctx: AppContext, actor: UserActor, id: string, origin: string) {
  const { item, rows, url } = await receiptFacts(ctx, actor, id, origin);
  const at = (label: string, v: string) => [label, printed(v)] as [string, string];
  const dated = rows.map(([k, v]) => (/Submitted|Accepted/.test(k) ? at(k, v) : /Due$/.test(k) ? ([k, `${printed(item.dueAt)}${item.provisional ? '（暂定 provisional）' : ''}`] as [string, string]) : ([k, v] as [string, string])));
  const pdf = officialDocument({
    title: '受理回执',
    subtitle: 'Acceptance receipt',
    rows: dated,
    url,
    caption: ['扫码核验本回执真伪', 'Scan the QR code to verify this receipt'],
    printedAt: ctx.now(),
  });
  return { pdf, filename: asciiName('receipt', item.number) };
}

const titles = {
  approved: ['准予许可决定书', 'Decision: approved'],
  denied: ['不予许可决定书', 'Decision: denied'],
  concluded: ['办结通知书', 'Notice of conclusion'],
} as const;

/**
 * 决定书 / 办结通知书 as PDF, once the item is answered (or closed after an answer): the decision, the numbers of the
 * documents issued, the answer, and the verification QR code. Before that there is no decision: 422.
 */
export async function decisionPdf(ctx: AppContext, actor: UserActor, id: string, origin: string) {
  const { item, decl, unit } = await receiptFacts(ctx, actor, id, origin).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'receipt_not_available') throw new DomainError('decision_not_available', { kind: 'invalid', params: e.details.params });
    throw e;
  });
  const db = ctx.database.db;
  const { decided, decision } = await decisionOfItem(db, { id: item.id, type: item.type, status: item.status as ItemStatus, answeredAt: item.answeredAt ? new Date(item.answeredAt) : null });
  if (!decided) throw new DomainError('decision_not_available', { kind: 'invalid', params: { status: item.status } });
  const certificates = await presentCertificates(db, item.id);
  const [title, subtitle] = titles[decision ?? 'concluded'];
  const clock = decl ? clockOf(decl, item.handleRule) : undefined;
  const rows: [string, string][] = [
    ['事项编号 Number', item.number],
    ['事项 Item', `${item.typeName.zh} ${item.typeName.en}`],
    ['办理单位 Unit', unit ? `${unit.nameZh} ${unit.nameEn}` : item.unitId],
    ['提交时间 Submitted', printed(item.submittedAt)],
    ['受理时间 Accepted', printed(item.acceptedAt)],
    ['办结期限 Due', `${printed(item.dueAt)}${item.provisional ? '（暂定 provisional）' : ''}`],
    ['期限依据 Basis', deadlineBasis(decl, clock)],
    ['办结时间 Decided', printed(item.answeredAt)],
  ];
  if (decision) rows.push(['决定 Decision', decision === 'approved' ? '准予许可 Approved' : '不予许可 Denied']);
  if (certificates.length) {
    const lines = [];
    for (const c of certificates) lines.push(`${c.name.zh}：${c.number}${c.unit ? `（${c.unit.zh}核发）` : ''}`);
    rows.push(['证件编号 Documents', lines.join('\n')]);
  } else if (decision === 'approved' && decl?.certificates?.length) {
    rows.push(['证件编号 Documents', '制证中 In production']);
  }
  rows.push(['答复意见 Answer', item.answer ?? '—']);
  const pdf = officialDocument({
    title,
    subtitle,
    rows,
    url: await verificationUrl(ctx, origin, item.number),
    // named for what it is: a notice of conclusion is no decision (issue 16)
    caption: decision ? ['扫码核验本决定书真伪', 'Scan the QR code to verify this decision'] : ['扫码核验本通知书真伪', 'Scan the QR code to verify this notice'],
    printedAt: ctx.now(),
  });
  return { pdf, filename: asciiName(decision ? 'decision' : 'notice-of-conclusion', item.number) };
}
