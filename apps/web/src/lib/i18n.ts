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

const lng = initialLanguage();
setApiLanguage(lng);
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
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
