import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIA_KEYS, useCurrentTiaThresholds } from '../../../features/traffic/api/tia-thresholds';
import { formatDateTime } from '../../../lib/format';
import { pick } from '../../../lib/i18n';

/** The TIA start thresholds in force now (public), on the tia-screening service guide; the next version if published. */
export function TiaThresholdsCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const current = useCurrentTiaThresholds();
  const c = current.data;
  if (!c) return null;
  const values = (th: typeof c.thresholds) => (
    <Descriptions column={1} size="small" bordered>
      {TIA_KEYS.map((k) => (
        <Descriptions.Item key={k} label={pick(c.labels[k], lang)}>
          <span data-threshold={k}>{t('tia.guideAtLeast', { value: th[k].toLocaleString(lang) })}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
  return (
    <Card data-testid="tia-thresholds-current" data-version={c.version}>
      <Typography.Title level={2} style={{ fontSize: '1.15em', marginTop: 0 }}>
        {t('tia.guideTitle', { version: c.version, from: formatDateTime(c.effectiveFrom, lang) })}
      </Typography.Title>
      <Typography.Paragraph>{t('tia.guideIntro')}</Typography.Paragraph>
      {values(c.thresholds)}
      {c.next ? (
        <div style={{ marginTop: 16 }} data-testid="tia-thresholds-next">
          <Typography.Paragraph>{t('tia.guideNext', { version: c.next.version, from: formatDateTime(c.next.effectiveFrom, lang) })}</Typography.Paragraph>
          {values(c.next.thresholds)}
        </div>
      ) : null}
    </Card>
  );
}
