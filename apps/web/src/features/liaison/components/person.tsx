import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../lib/i18n';
import type { Person } from '../api/types';

/** An officer as "name · unit"; the deputy on a second line when there is one. */
export function OfficerCell({ officer, deputy }: { officer: Person | null; deputy?: Person | null }) {
  const { t, i18n } = useTranslation();
  if (!officer) return <span style={{ color: '#8a4600' }}>{t('liaison.noOfficer')}</span>;
  return (
    <div data-testid="officer-cell">
      <div>
        <strong>{officer.displayName}</strong> <Typography.Text type="secondary">{pick(officer.unitName, i18n.language)}</Typography.Text>
      </div>
      {deputy ? (
        <div>
          <Typography.Text type="secondary">
            {t('liaison.deputy')}：{deputy.displayName}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}
