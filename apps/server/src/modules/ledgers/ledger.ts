import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError, districts, formatMessage, formatShanghaiMinute, maskIdCard, maskMobile, type Locale } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { listUnits } from '../accounts/repository.ts';
import { recordAuditAlone, recordAuditLater } from '../audit/service.ts';

/**
 * 台账: one way every staff list becomes an xlsx (issue 13 point 4). A module declares its columns and hands over
 * its own list query page by page; this file writes the book as a stream, masks personal columns, caps the size
 * and audits the export.
 */

export type Cell = string | number | Date | null | undefined;

export interface LedgerColumn<R> {
  key: string;
  /** Message code of the header (`ledger.col.*`), in the requester's language. */
  header: string;
  width?: number;
  value: (row: R) => Cell;
  /** A phone or ID number: masked unless `unmasked(row)` says this user may see it. */
  personal?: 'mobile' | 'idcard';
}

export interface Ledger<R> {
  /** Names the file and the audit subject (`ledger:<name>`). */
  name: string;
  /** Message code of the title. */
  title: string;
  columns: readonly LedgerColumn<R>[];
  /** The list's filters as the request gave them: written in the title row and the audit. */
  filters: Record<string, unknown>;
  /** How a filter reads in the title row (a unit's name instead of its id); raw value otherwise. */
  filterText?: (key: string, value: unknown, locale: Locale) => string | undefined;
  /** How many rows the list's filters select, counted before the book is started (the cap). */
  count: number;
  /** The list's own query, page after page, in the list's order. */
  pages: () => AsyncIterable<R[]>;
  /** Whether this user may see this row's personal data (the same rule as the detail view); default never. */
  unmasked?: (row: R) => boolean;
  /** The row's subject for the personal-data view record (`item:<id>`). */
  subjectOf?: (row: R) => string;
}

export interface LedgerRequest {
  actor: UserActor;
  locale: Locale;
  ip: string;
}

/** A cell that begins with = + - @ would run as a formula in Excel or WPS: make it text (SPEC §6). */
export function neutralizeCell(v: unknown): unknown {
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(v)) return `'${v}`;
  return v;
}

/** Refuses an export beyond the cap before any byte is written, naming the count so the user can narrow it. */
export function checkLedgerSize(count: number, max: number): void {
  if (count > max) throw new DomainError('export_too_large', { kind: 'invalid', params: { count, max }, count, max });
}

const yesNo = (v: unknown, locale: Locale) => formatMessage(locale, v === true || v === 'true' ? 'ledger.yes' : 'ledger.no');

function filterLine<R>(l: Ledger<R>, locale: Locale): string {
  const parts = Object.entries(l.filters)
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false)
    .map(([k, v]) => `${formatMessage(locale, `ledger.filter.${k}`)}=${l.filterText?.(k, v, locale) ?? (typeof v === 'boolean' || v === 'true' || v === 'false' ? yesNo(v, locale) : String(v))}`);
  return parts.length ? parts.join('；') : formatMessage(locale, 'ledger.noFilter');
}

function cellOf<R>(c: LedgerColumn<R>, row: R, unmasked: boolean): Cell {
  const v = c.value(row);
  if (c.personal && typeof v === 'string' && !unmasked) return c.personal === 'mobile' ? maskMobile(v) : maskIdCard(v);
  return v;
}

/**
 * Starts the book and returns its stream at once; rows are written as pages arrive. The audit row is written after
 * the last row and before the book is closed, so a complete file always has its audit row (a failure truncates it).
 */
export function streamLedger<R>(ctx: AppContext, l: Ledger<R>, req: LedgerRequest): { stream: Readable; filename: string } {
  checkLedgerSize(l.count, ctx.config.ledgerMaxRows);
  const out = new PassThrough();
  const at = ctx.now();
  const filename = `jqt-${l.name}-${formatShanghaiMinute(at).replace(/[-: ]/g, '')}.xlsx`;
  write(ctx, l, req, out, at).catch((err: unknown) => out.destroy(err as Error));
  return { stream: out, filename };
}

async function write<R>(ctx: AppContext, l: Ledger<R>, req: LedgerRequest, out: PassThrough, at: Date): Promise<void> {
  const { actor, locale } = req;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  const ws = wb.addWorksheet(formatMessage(locale, l.title).slice(0, 31));
  ws.columns = l.columns.map((c) => ({ key: c.key, width: c.width ?? 14 }));
  const masksAny = l.columns.some((c) => c.personal);
  const title = formatMessage(locale, 'ledger.line', { title: formatMessage(locale, l.title), filters: filterLine(l, locale), at: formatShanghaiMinute(at), user: actor.displayName || actor.username, count: l.count });
  const titleRow = ws.addRow([title]);
  titleRow.font = { bold: true };
  ws.mergeCells(1, 1, 1, l.columns.length);
  titleRow.commit();
  const head = ws.addRow(l.columns.map((c) => formatMessage(locale, c.header)));
  head.font = { bold: true };
  head.commit();
  let rows = 0;
  const seen: string[] = [];
  for await (const page of l.pages()) {
    for (const r of page) {
      const open = masksAny && (l.unmasked?.(r) ?? false);
      if (open && l.subjectOf) seen.push(l.subjectOf(r));
      ws.addRow(l.columns.map((c) => neutralizeCell(cellOf(c, r, open)))).commit();
      rows += 1;
    }
  }
  ws.commit();
  const subject = `ledger:${l.name}`;
  await recordAuditAlone(ctx.database.db, { actor, action: 'ledger.export', subject, detail: { filters: l.filters, rows, unmaskedRows: seen.length }, ip: req.ip, at });
  // Staff seeing unmasked numbers is recorded as a view of them, as the detail page does (PIPL, SPEC §8).
  if (seen.length) await recordAuditLater(ctx.database.db, { actor, action: 'personal-data.view', subject, detail: { rows: seen.length, subjects: seen }, ip: req.ip, at });
  await wb.commit();
}

/** A ledger of a list that is read in one go (a module's own bounded list): the same rows, one page. */
export function listLedger<R>(ctx: AppContext, l: Omit<Ledger<R>, 'count' | 'pages'> & { rows: readonly R[] }, req: LedgerRequest) {
  const { rows, ...rest } = l;
  return streamLedger(ctx, { ...rest, count: rows.length, pages: () => onePage([...rows]) }, req);
}

async function* onePage<R>(rows: R[]): AsyncIterable<R[]> {
  yield rows;
}

/** `{zh, en}` in the requester's language. */
export const inLocale = (label: { zh: string; en: string } | null | undefined, locale: Locale) => (label ? (locale === 'en' ? label.en : label.zh) : null);

/** Unit names by id, in the requester's language (the id when unknown). */
export async function unitNamer(ctx: AppContext, locale: Locale): Promise<(id: string | null) => string | null> {
  const names = new Map((await listUnits(ctx.database.db)).map((u) => [u.id, { zh: u.nameZh, en: u.nameEn }]));
  return (id) => (id ? (inLocale(names.get(id), locale) ?? id) : null);
}

/** A district's name in the requester's language (the code when unknown). */
/** The label of a declared option (`{ value, label }` lists of the domain), for a ledger cell. */
export const optionLabel = (list: readonly { value: string; label: { zh: string; en: string } }[], v: string) => list.find((x) => x.value === v)?.label;

export const districtName = (code: string | null, locale: Locale) => (code ? (inLocale(districts.find((d) => d.code === code), locale) ?? code) : null);
