import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';
import { setApiLanguage } from './api-client';

export type Lang = 'zh-CN' | 'en';
export const LANG_KEY = 'jqt.lang';

function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* storage unavailable */
  }
  return 'zh-CN';
}

/**
 * A module may keep its texts in `locales/modules/<module>.json` as `{ "zh-CN": { <module>: … }, "en": { … } }`:
 * each file adds its top-level keys, so modules built side by side do not edit one big file.
 */
const moduleTexts = import.meta.glob<{ default: Record<Lang, Record<string, unknown>> }>('../locales/modules/*.json', { eager: true });
function texts(lang: Lang, base: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...base };
  for (const [file, m] of Object.entries(moduleTexts)) {
    for (const key of Object.keys(m.default[lang] ?? {})) if (key in merged) throw new Error(`${file}: "${key}" is already a text key`);
    Object.assign(merged, m.default[lang]);
  }
  return merged;
}

const lng = initialLanguage();
setApiLanguage(lng);
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: texts('zh-CN', zhCN) }, en: { translation: texts('en', en) } },
  lng,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = lng;

i18n.on('languageChanged', (l) => {
  setApiLanguage(l);
  document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
  try {
    localStorage.setItem(LANG_KEY, l);
  } catch {
    /* storage unavailable */
  }
});

/** Picks the zh or en text of a `{zh, en}` pair by the UI language. */
export function pick(pair: { zh: string; en: string } | null | undefined, lang: string): string {
  if (!pair) return '';
  return lang === 'en' ? pair.en || pair.zh : pair.zh || pair.en;
}

export default i18n;
