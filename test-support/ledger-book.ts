// The one read-back of an exported ledger (台账) for the server and browser tests alike: both trees may import
// this folder, while neither may import the other.
import ExcelJS from 'exceljs';

export interface LedgerBook {
  /** Row 1: the title with the filters. */
  title: string;
  /** Row 2. */
  headers: string[];
  /** Row 3 on, one record per row keyed by header; an empty cell reads as ''. */
  rows: Record<string, string>[];
}

export async function readLedgerBook(file: Buffer | Uint8Array): Promise<LedgerBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as never);
  const ws = wb.worksheets[0];
  // Row values are sparse and 1-based: an empty cell is a hole.
  const values = (i: number) => Array.from((ws.getRow(i).values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)));
  const headers = values(2);
  const rows: Record<string, string>[] = [];
  for (let i = 3; i <= ws.rowCount; i++) rows.push(Object.fromEntries(values(i).map((v, k) => [headers[k], v])));
  return { title: values(1)[0], headers, rows };
}
