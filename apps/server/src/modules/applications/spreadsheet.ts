import ExcelJS from 'exceljs';
import type { FieldError, Form, FormField, Label } from '@jqt/domain';

/**
 * Reading an uploaded .xlsx safely: recognised by its bytes (a zip holding a workbook), its zip directory checked
 * before anything is inflated (no zip bombs), cell values only — a formula is refused, never evaluated or its
 * cached result trusted.
 */
export const MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 10_000;
/** Inflated size allowed for the whole workbook: generous for 10,000 rows of text, far below a bomb. */
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;

export class SpreadsheetError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors[0]?.code ?? 'spreadsheet_unreadable');
  }
}

/** The zip's central directory: entry names and the total inflated size it declares, or null if it is not a zip. */
function zipDirectory(buf: Buffer): { names: Set<string>; inflated: number } | null {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const from = Math.max(0, buf.length - 0xffff - 22);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count > MAX_ZIP_ENTRIES) return { names: new Set(), inflated: Number.POSITIVE_INFINITY };
  const names = new Set<string>();
  let inflated = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    // ZIP64 sizes (0xffffffff) are far beyond what we accept anyway.
    inflated += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    names.add(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { names, inflated };
}

/** Throws a SpreadsheetError unless the bytes are a plausible, bounded .xlsx workbook. */
export function checkXlsxBytes(buf: Buffer): void {
  const bad = (code: string, params?: Record<string, unknown>) => new SpreadsheetError([{ path: 'file', code, ...(params ? { params } : {}) }]);
  if (buf.length === 0) throw bad('required');
  if (buf.length > MAX_SPREADSHEET_BYTES) throw bad('spreadsheet_too_large', { max: '5 MB' });
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw bad('spreadsheet_type');
  const dir = zipDirectory(buf);
  if (!dir) throw bad('spreadsheet_unreadable');
  if (!dir.names.has('[Content_Types].xml') || !dir.names.has('xl/workbook.xml')) throw bad('spreadsheet_type');
  if (dir.inflated > MAX_INFLATED_BYTES) throw bad('spreadsheet_unreadable');
}

/** A column of the sheet: the form field it fills, found by its header (Chinese or English label, or the field name). */
export interface Column {
  field: FormField;
}

export type CellText = { text: string } | { error: string };

const norm = (s: string) => s.replace(/[*＊\s]/g, '').toLowerCase();

/** Plain text of a cell value for a field, or the reason it cannot be used. */
function cellText(value: ExcelJS.CellValue, field: FormField): CellText | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: String(value) };
  if (typeof value === 'number') {
    if (field.kind === 'date') return { error: 'invalid_date' };
    // An 18-digit ID number typed into a number cell has already lost its last digits.
    if (field.kind === 'checked' && (!Number.isSafeInteger(value) || field.check === 'idcard')) return { error: 'number_cell_for_text' };
    return { text: Number.isInteger(value) ? value.toFixed(0) : String(value) };
  }
  if (value instanceof Date) {
    if (field.kind !== 'date' || Number.isNaN(value.getTime())) return { error: 'invalid_type' };
    // exceljs reads a date cell as midnight UTC of the day shown.
    return { text: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { error: 'formula_not_allowed' };
    if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((r) => r.text).join('') };
    if ('text' in value && typeof value.text === 'string') return { text: value.text };
    if ('error' in value) return { error: 'invalid_type' };
  }
  return { error: 'invalid_type' };
}

/** 2026/3/1, 2026.03.01 and 2026年3月1日 are how people type dates; the form wants 2026-03-01. */
function normalizeDate(s: string): string {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s.trim();
}

export interface SheetRow {
  /** The row number as the spreadsheet shows it. */
  row: number;
  data: Record<string, string>;
  /** Cells that could not be read, by field name. */
  cellErrors: { field: string; code: string }[];
}

/**
 * The data rows of the first sheet, read against a form: the header row names the columns; empty rows are skipped.
 * Throws a SpreadsheetError for problems of the whole file (unreadable, missing columns, too many rows).
 */
export async function readRows(buf: Buffer, form: Form, maxRows = MAX_ROWS): Promise<SheetRow[]> {
  checkXlsxBytes(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as never, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'legacyDrawing', 'picture', 'extLst'] });
  } catch {
    throw new SpreadsheetError([{ path: 'file', code: 'spreadsheet_unreadable' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SpreadsheetError([{ path: 'file', code: 'spreadsheet_empty' }]);

  const byHeader = new Map<string, FormField>();
  for (const f of form) for (const k of [f.label.zh, f.label.en, f.name]) byHeader.set(norm(k), f);
  const columns = new Map<number, FormField>();
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const raw = cellText(cell.value, { name: 'header', kind: 'text', maxLength: 100, label: { zh: '', en: '' } });
    const f = raw && 'text' in raw ? byHeader.get(norm(raw.text)) : undefined;
    if (f && ![...columns.values()].includes(f)) columns.set(col, f);
  });
  const present = new Set([...columns.values()].map((f) => f.name));
  const missing = form.filter((f) => f.required && !present.has(f.name));
  if (missing.length) throw new SpreadsheetError(missing.map((f) => ({ path: 'file', code: 'missing_column', params: { column: f.label.zh, columnEn: f.label.en } })));

  const rows: SheetRow[] = [];
  let tooMany = 0;
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const data: Record<string, string> = {};
    const cellErrors: { field: string; code: string }[] = [];
    for (const [col, field] of columns) {
      const t = cellText(r.getCell(col).value, field);
      if (!t) continue;
      if ('error' in t) cellErrors.push({ field: field.name, code: t.error });
      else if (t.text.trim() !== '') data[field.name] = field.kind === 'date' ? normalizeDate(t.text) : t.text.trim();
    }
    if (Object.keys(data).length === 0 && cellErrors.length === 0) return;
    if (rows.length >= maxRows) {
      tooMany += 1;
      return;
    }
    rows.push({ row: rowNumber, data, cellErrors });
  });
  if (tooMany) throw new SpreadsheetError([{ path: 'file', code: 'spreadsheet_too_many_rows', params: { max: maxRows, rows: maxRows + tooMany } }]);
  if (rows.length === 0) throw new SpreadsheetError([{ path: 'file', code: 'spreadsheet_empty' }]);
  return rows;
}

/** The template: one column per form field, text format where digits must stay exact, and a sheet of instructions. */
export async function buildTemplate(form: Form, title: Label, notes: Label[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '警企通';
  const ws = wb.addWorksheet('名单');
  ws.columns = form.map((f) => ({
    header: `${f.label.zh}${f.required ? '*' : ''}`,
    key: f.name,
    width: f.kind === 'text' && f.maxLength > 60 ? 40 : 22,
    style: { numFmt: '@' },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  form.forEach((f, i) => {
    header.getCell(i + 1).note = `${f.label.en}${f.kind === 'date' ? ' (YYYY-MM-DD)' : ''}${f.required ? ' · required' : ''}`;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明 Instructions');
  help.columns = [{ header: `${title.zh} ${title.en}`, key: 'text', width: 110 }];
  for (const n of notes) help.addRow({ text: `${n.zh}  ${n.en}` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
