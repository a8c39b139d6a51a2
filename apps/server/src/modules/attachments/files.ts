/** Accepted upload types, recognised by their first bytes: the declared type and the name are not trusted. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const signatures: { mime: string; ext: string; magic: number[] }[] = [
  { mime: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  // xlsx is a zip; the name's ending decides between the office formats we accept.
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', magic: [0x50, 0x4b, 0x03, 0x04] },
];

export function sniffType(bytes: Buffer, filename: string): { mime: string; ext: string } | null {
  for (const s of signatures) {
    if (bytes.length >= s.magic.length && s.magic.every((b, i) => bytes[i] === b)) {
      if (s.ext === 'xlsx' && !/\.xlsx$/i.test(filename)) return null;
      return { mime: s.mime, ext: s.ext };
    }
  }
  return null;
}

/** A file name safe to echo and to put in a Content-Disposition header. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  return base.replace(/[\u0000-\u001f"<>|*?:]/g, '_').slice(0, 120) || 'file';
}
