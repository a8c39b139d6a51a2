import { Button } from 'antd';
import { FontSizeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/providers/settings';

/** 适老化: a large-font mode (antd font size up about 20 %), kept in localStorage. */
export function ElderToggle({ dark = false }: { dark?: boolean }) {
  const { elder, setElder } = useSettings();
  const { t } = useTranslation();
  return (
    <Button
      type={dark ? 'text' : 'default'}
      size="small"
      icon={<FontSizeOutlined aria-hidden />}
      aria-pressed={elder}
      onClick={() => setElder(!elder)}
      data-testid="elder-toggle"
      style={dark ? { color: '#fff' } : undefined}
    >
      {elder ? t('common.elderOff') : t('common.elderOn')}
    </Button>
  );
}
