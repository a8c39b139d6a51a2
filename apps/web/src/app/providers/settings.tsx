import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfigProvider, theme as antdTheme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Lang } from '../../lib/i18n';

const ELDER_KEY = 'jqt.elder';

interface Settings {
  lang: Lang;
  setLang: (l: Lang) => void;
  elder: boolean;
  setElder: (v: boolean) => void;
}

const SettingsContext = createContext<Settings | null>(null);

export function useSettings(): Settings {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('SettingsProvider missing');
  return s;
}

function readElder() {
  try {
    return localStorage.getItem(ELDER_KEY) === '1';
  } catch {
    return false;
  }
}

/** Government blue with AA contrast on white (the antd default #1677ff is below 4.5:1). */
const PRIMARY = '#0b57d0';

/** Language (persisted by i18n), elder-friendly large font (适老化, persisted here), antd locale and theme. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [lang, setLangState] = useState<Lang>(i18n.language === 'en' ? 'en' : 'zh-CN');
  const [elder, setElderState] = useState<boolean>(readElder);

  const setLang = useCallback(
    (l: Lang) => {
      void i18n.changeLanguage(l);
      setLangState(l);
    },
    [i18n],
  );
  const setElder = useCallback((v: boolean) => {
    setElderState(v);
    try {
      localStorage.setItem(ELDER_KEY, v ? '1' : '0');
    } catch {
      /* storage unavailable */
    }
  }, []);

  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.title = lang === 'en' ? 'Police–Enterprise Connect · Zibo Police' : '警企通 · 淄博公安惠企服务专区';
  }, [lang]);
  useEffect(() => {
    document.documentElement.classList.toggle('elder', elder);
  }, [elder]);

  const value = useMemo(() => ({ lang, setLang, elder, setElder }), [lang, setLang, elder, setElder]);
  const fontSize = elder ? 17 : 14;

  return (
    <SettingsContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'en' ? enUS : zhCN}
        theme={{
          algorithm: antdTheme.defaultAlgorithm,
          token: {
            colorPrimary: PRIMARY,
            colorLink: PRIMARY,
            colorError: '#c41d1d',
            colorWarning: '#ad5a00',
            colorSuccess: '#2b7a0b',
            colorTextTertiary: 'rgba(0,0,0,0.62)',
            colorTextDescription: 'rgba(0,0,0,0.62)',
            colorTextPlaceholder: 'rgba(0,0,0,0.6)',
            colorLinkHover: '#0a3f9c',
            colorPrimaryHover: '#0a4bb3',
            fontSize,
            borderRadius: 6,
            fontFamily:
              "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
          },
        }}
      >
        {children}
      </ConfigProvider>
    </SettingsContext.Provider>
  );
}
