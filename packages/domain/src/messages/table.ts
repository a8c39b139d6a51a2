// The shape of a message catalog, in its own file so the catalogs need not import the index that merges them.
export type Locale = 'zh-CN' | 'en';
export type MessageTable = Record<Locale, Record<string, string>>;
