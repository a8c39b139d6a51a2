/**
 * Chinese full-text search without zhparser (absent in PGlite): every run of CJK text becomes its overlapping
 * character pairs, other words stay whole. A query matches when all its pairs occur, which finds any substring
 * of two or more characters whatever a word segmenter would have cut.
 */
const cjk = /[\u3400-\u9fff\uf900-\ufaff]+/g;

export function searchTokens(text: string): string[] {
  const out = new Set<string>();
  for (const run of text.match(cjk) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  for (const w of text.replace(cjk, ' ').toLowerCase().match(/[a-z0-9]+/g) ?? []) out.add(w);
  return [...out];
}

/** A to_tsquery('simple', …) expression for a user's query, or null when it has nothing searchable. */
export function searchQuery(q: string): string | null {
  const terms: string[] = [];
  for (const run of q.match(cjk) ?? []) {
    if (run.length === 1) terms.push(`${run}:*`);
    for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
  }
  for (const w of q.replace(cjk, ' ').toLowerCase().match(/[a-z0-9]+/g) ?? []) terms.push(`${w}:*`);
  return terms.length ? [...new Set(terms)].join(' & ') : null;
}
