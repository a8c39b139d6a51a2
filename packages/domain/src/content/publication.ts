/** 信息发布: the lengths of a publication's text; the server's schema and every browser form that drafts one read them. */
export const PUBLICATION_TEXT = { title: { min: 2, max: 100 }, summary: { min: 2, max: 300 }, body: { min: 10, max: 20000 } } as const;
