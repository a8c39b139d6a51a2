import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/providers/settings';

/** Switches between 中文 and English; the choice is kept in localStorage. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang } = useSettings();
  const { t } = useTranslation();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type={dark ? 'text' : 'default'}
      size="small"
      icon={<GlobalOutlined aria-hidden />}
      onClick={() => setLang(next)}
      aria-label={t('common.switchLanguage')}
      lang={next === 'en' ? 'en' : 'zh-CN'}
      data-testid="lang-switch"
      style={dark ? { color: '#fff' } : undefined}
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
