/**
 * A small PDF 1.7 writer for one-page official documents (受理回执, 决定书): text in Chinese and Latin, lines,
 * rectangles and a vector QR code — no dependency and no font file.
 *
 * Chinese uses the standard CJK font STSong-Light with the predefined CMap UniGB-UCS2-H (Type0 / CIDFontType0,
 * Adobe-GB1), not embedded: every PDF viewer supplies it, as for the documents of Chinese government systems made
 * with iText; its strings are hex UTF-16BE. Runs of printable ASCII are set in the standard Times-Roman instead (as
 * Chinese official documents set Latin and figures in a Times face): viewers without Adobe's Song substitute a CJK
 * font whose Latin is half-width monospaced, which the Song font's proportional widths would space unevenly, while
 * every viewer has a Times with exactly the published metrics. The CIDFont still carries its /W array for CIDs 1–95,
 * so Latin is never full-width whichever font sets it. `textWidth` measures with the same numbers.
 */
import QRCode from 'qrcode';

export const A4 = { width: 595.28, height: 841.89 };

/** STSong-Light's widths of U+0020…U+007E (CIDs 1–95 of Adobe-GB1), in thousandths of an em. */
const SONG_LATIN_WIDTHS = [
  207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375, 238, 334, 462, 462, 462, 462, 462, 462, 462, 462, 462, 462, 238, 238, 605, 605, 605,
  344, 748, 684, 560, 695, 739, 563, 511, 729, 793, 318, 312, 666, 526, 896, 758, 772, 544, 772, 628, 465, 607, 753, 711, 972, 647, 620, 607, 374, 333, 374,
  606, 500, 239, 417, 503, 427, 529, 415, 264, 444, 518, 241, 230, 495, 228, 793, 527, 524, 524, 504, 338, 336, 277, 517, 450, 652, 466, 452, 407, 370, 258,
  370, 605,
];

/** Times-Roman's widths of U+0020…U+007E (Adobe's published metrics), in thousandths of an em. */
const TIMES_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564,
  444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333,
  469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200,
  480, 541,
];

/** Characters UCS-2 can carry: the Basic Multilingual Plane without controls; anything else prints as "?". */
function printable(s: string): string {
  return Array.from(s.replace(/[\r\n\t]+/g, ' '), (ch) => {
    const cp = ch.codePointAt(0)!;
    return cp < 0x20 || cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0x7f ? '?' : ch;
  }).join('');
}

const isAscii = (cp: number) => cp >= 0x20 && cp <= 0x7e;

/** The text cut into runs of one font: `latin` (printable ASCII, Times-Roman) or `cjk` (everything else, STSong-Light). */
function runs(s: string): { latin: boolean; text: string }[] {
  const out: { latin: boolean; text: string }[] = [];
  for (const ch of printable(s)) {
    const latin = isAscii(ch.charCodeAt(0));
    const last = out[out.length - 1];
    if (last && last.latin === latin) last.text += ch;
    else out.push({ latin, text: ch });
  }
  return out;
}

function charWidth(ch: string): number {
  const cp = ch.charCodeAt(0);
  return isAscii(cp) ? TIMES_WIDTHS[cp - 0x20] : 1000;
}

/** Width of a text in points at a font size. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of printable(s)) w += charWidth(ch);
  return (w * size) / 1000;
}

/**
 * Lines of at most `width` points: Chinese breaks between any two characters, Latin at spaces (a word longer
 * than the line is broken where it must be); leading spaces of a new line are dropped.
 */
export function wrapText(s: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of s.split('\n')) {
    // Tokens: a run of Latin letters and digits (a word), or any single other character.
    const tokens = printable(paragraph).match(/[A-Za-z0-9\-_.,:;!?'"()/%@+=#&*]+|[\s\S]/g) ?? [''];
    let line = '';
    for (const token of tokens) {
      if (textWidth(line + token, size) <= width) {
        line += token;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = token === ' ' ? '' : token;
      while (textWidth(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && textWidth(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();
const hex16 = (s: string) => Buffer.from(printable(s), 'utf16le').swap16().toString('hex').toUpperCase();
const hex8 = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();

export interface TextOptions {
  size: number;
  /** Drawn with a thin outline too: the standard font has no bold face. */
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Grey level, 0 (black) to 1 (white). */
  gray?: number;
}

/** One page's drawing operations, in points from the bottom-left corner. */
export class PdfPage {
  private ops: string[] = [];

  text(x: number, y: number, s: string, o: TextOptions): void {
    const w = textWidth(s, o.size);
    const left = o.align === 'center' ? x - w / 2 : o.align === 'right' ? x - w : x;
    const gray = o.gray ?? 0;
    const mode = o.bold ? `2 Tr ${num(o.size / 40)} w ${num(gray)} G ` : '0 Tr ';
    const shown = runs(s).map((r) => (r.latin ? `/F2 ${num(o.size)} Tf <${hex8(r.text)}> Tj` : `/F1 ${num(o.size)} Tf <${hex16(r.text)}> Tj`));
    this.ops.push(`q BT ${mode}${num(gray)} g ${num(left)} ${num(y)} Td ${shown.join(' ')} ET Q`);
  }

  rect(x: number, y: number, w: number, h: number, o: { stroke?: number; fill?: number; lineWidth?: number } = {}): void {
    const paint = o.fill !== undefined && o.stroke !== undefined ? 'B' : o.fill !== undefined ? 'f' : 'S';
    const colour = `${o.fill !== undefined ? `${num(o.fill)} g ` : ''}${o.stroke !== undefined ? `${num(o.stroke)} G ` : '0 G '}`;
    this.ops.push(`q ${colour}${num(o.lineWidth ?? 0.8)} w ${num(x)} ${num(y)} ${num(w)} ${num(h)} re ${paint} Q`);
  }

  line(x1: number, y1: number, x2: number, y2: number, lineWidth = 0.8, gray = 0): void {
    this.ops.push(`q ${num(gray)} G ${num(lineWidth)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`);
  }

  /**
   * A QR code of `text` (error correction M) as black squares, `size` points wide including the 4-module quiet zone,
   * with its top-left corner at (x, y). Runs of dark modules in a row are one rectangle each.
   */
  qr(x: number, y: number, size: number, text: string): void {
    const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    const quiet = 4;
    const cell = size / (m.size + 2 * quiet);
    const rects: string[] = [];
    for (let r = 0; r < m.size; r++) {
      for (let c = 0; c < m.size; c++) {
        if (!m.get(r, c)) continue;
        let end = c;
        while (end + 1 < m.size && m.get(r, end + 1)) end++;
        const rx = x + (quiet + c) * cell;
        const ry = y - (quiet + r + 1) * cell;
        rects.push(`${num(rx)} ${num(ry)} ${num((end - c + 1) * cell)} ${num(cell)} re`);
        c = end;
      }
    }
    this.ops.push(`q 1 g ${num(x)} ${num(y - size)} ${num(size)} ${num(size)} re f 0 g ${rects.join(' ')} f Q`);
  }

  content(): string {
    return this.ops.join('\n');
  }
}

export interface PdfInfo {
  title: string;
  /** The document's creation time (also its printed time). */
  createdAt: Date;
}

function pdfDate(d: Date): string {
  const s = d.toISOString();
  return `D:${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}Z`;
}

/** Serializes pages into a PDF 1.7 file with a correct cross-reference table. */
export function renderPdf(pages: PdfPage[], info: PdfInfo): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  // 1 catalog, 2 pages, 3 Type0 font, 4 CIDFont, 5 font descriptor, 6 info, 7 Times-Roman, then a page and its content per page.
  const first = 8;
  const kids = pages.map((_, i) => `${first + i * 2} 0 R`).join(' ');
  add('<< /Type /Catalog /Pages 2 0 R /Lang (zh-CN) /ViewerPreferences << /DisplayDocTitle true >> >>');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ` +
      `/FontDescriptor 5 0 R /DW 1000 /W [1 [${SONG_LATIN_WIDTHS.join(' ')}]] >>`,
  );
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 752 /Descent -271 /CapHeight 737 /StemV 58 >>');
  add(`<< /Title <FEFF${hex16(info.title)}> /Producer <FEFF${hex16('警企通 Police-Enterprise Connect')}> /CreationDate (${pdfDate(info.createdAt)}) >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>');
  for (const [i, page] of pages.entries()) {
    const content = Buffer.from(page.content(), 'latin1');
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 3 0 R /F2 7 0 R >> >> /Contents ${first + i * 2 + 1} 0 R >>`);
    add(`<< /Length ${content.length} >>\nstream\n${page.content()}\nendstream`);
  }

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(offset);
    const b = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(b);
    offset += b.length;
  }
  const xref = [`xref`, `0 ${objects.length + 1}`, '0000000000 65535 f \n' + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')].join('\n');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(`${xref}${trailer}`, 'latin1'));
  return Buffer.concat(chunks);
}
