import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PassCodeOutput } from '../../../types/api';
import { formatDateTime, formatUntil } from '../../../lib/format';

const STATUS_COLOR = { valid: 'green', 'not-yet-valid': 'orange', expired: 'default', revoked: 'red' } as const;

/** The pass codes a truck-pass item produced: code, status, validity, the QR code the driver shows, the check page. */
export function PassCodeOutputs({ codes }: { codes: PassCodeOutput[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card title={t('verify.passCodesTitle')} data-testid="pass-code-outputs">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {codes.map((c) => (
          <div key={c.id} className="jqt-pass-output" data-code={c.code}>
            <img className="jqt-pass-qr" src={c.qrUrl} alt={t('verify.qrAlt', { code: c.code })} width={160} height={160} loading="lazy" />
            <div style={{ minWidth: 0, flex: 1 }}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('verify.passCode')}>
                  <span className="jqt-verify-number">{c.code}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('verify.passStatusLabel')}>
                  <Tag color={STATUS_COLOR[c.status] ?? 'default'}>{t(`verify.passStatus.${c.status}`, { defaultValue: c.status })}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('verify.plate')}>{c.plate}</Descriptions.Item>
                <Descriptions.Item label={t('verify.validWindow')}>
                  {formatDateTime(c.validFrom, lang)} — {formatUntil(c.validTo, lang)}
                </Descriptions.Item>
              </Descriptions>
              <p className="jqt-muted">{t('verify.qrHint')}</p>
              <a href={c.verifyUrl} target="_blank" rel="noopener" data-testid="pass-code-verify-link">
                {t('verify.openVerify')}
              </a>
            </div>
          </div>
        ))}
      </Space>
    </Card>
  );
}
