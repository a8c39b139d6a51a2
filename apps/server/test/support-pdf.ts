// Reading back the PDFs the server writes: cross-reference table, text lines, the QR code's modules.
import assert from 'node:assert/strict';

/** Every xref entry points at `N 0 obj`, startxref points at `xref`, and the trailer's /Size matches. */
export function assertValidXref(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  assert.ok(text.startsWith('%PDF-1.7\n'), 'header');
  assert.ok(text.trimEnd().endsWith('%%EOF'), 'trailer end');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)![1]);
  assert.equal(text.slice(startxref, startxref + 5), 'xref\n', 'startxref points at the xref table');
  const m = /^xref\n0 (\d+)\n/.exec(text.slice(startxref))!;
  const count = Number(m[1]);
  const entries = text.slice(startxref + m[0].length).split('\n').slice(0, count);
  assert.match(entries[0], /^0000000000 65535 f $/);
  for (let i = 1; i < count; i++) {
    assert.match(entries[i], /^\d{10} 00000 n $/, `entry ${i} is 20 bytes`);
    const offset = Number(entries[i].slice(0, 10));
    assert.equal(text.slice(offset, offset + `${i} 0 obj`.length), `${i} 0 obj`, `object ${i} at ${offset}`);
  }
  assert.match(text, new RegExp(`trailer\\n<< /Size ${count} /Root 1 0 R`));
  // Stream lengths are exact.
  for (const s of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = s.index! + s[0].length;
    assert.equal(text.slice(start + Number(s[1]), start + Number(s[1]) + 10), '\nendstream');
  }
  return count - 1;
}

/** The page's text, one string per text object (a line), decoded from the hex strings of both fonts. */
export function pdfLines(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/BT (.*?) ET/g)].map((bt) =>
    [...bt[1].matchAll(/\/(F1|F2) [\d.]+ Tf <([0-9A-F]*)> Tj/g)]
      .map(([, font, hex]) => (font === 'F1' ? Buffer.from(hex, 'hex').swap16().toString('utf16le') : Buffer.from(hex, 'hex').toString('latin1')))
      .join(''),
  );
}

/** UTF-16BE hex as the Chinese font's strings carry it. */
export const utf16Hex = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase();

/** The QR code's dark modules as drawn (rows of 0/1), read back from its rectangles. */
export function qrModules(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  const m = /q 1 g ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re f 0 g (.*?) f Q/.exec(text)!;
  assert.ok(m, 'a QR code is drawn');
  const [x, bottom, size] = [Number(m[1]), Number(m[2]), Number(m[3])];
  assert.equal(m[3], m[4], 'the QR code is square');
  const rects = [...m[5].matchAll(/([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re/g)].map((r) => r.slice(1, 5).map(Number));
  const cell = Math.min(...rects.map((r) => r[3]));
  const n = Math.round(size / cell) - 8;
  const grid = Array.from({ length: n }, () => Array<number>(n).fill(0));
  const top = bottom + size;
  for (const [rx, ry, w] of rects) {
    const row = Math.round((top - ry) / cell) - 5;
    const col = Math.round((rx - x) / cell) - 4;
    for (let k = 0; k < Math.round(w / cell); k++) grid[row][col + k] = 1;
  }
  return grid;
}
