/** A LIKE/ILIKE pattern for "contains q": `%`, `_` and `\` a user typed are literal, not wildcards. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
