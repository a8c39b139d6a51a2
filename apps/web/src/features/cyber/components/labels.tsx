import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CYBER_SEVERITIES } from '@jqt/domain';
import { pick } from '../../../lib/i18n';
import type { FindingStatus } from '../api/cyber';

const severityColour: Record<string, string> = { high: 'red', medium: 'orange', low: 'blue' };
const statusColour: Record<FindingStatus, string> = { open: 'gold', reopened: 'red', answered: 'blue', closed: 'green' };

/** 高/中/低 with its rectification days, from the one declaration. */
export function SeverityTag({ severity, withDays = false }: { severity: string; withDays?: boolean }) {
  const { t, i18n } = useTranslation();
  const s = CYBER_SEVERITIES.find((x) => x.value === severity);
  return (
    <Tag color={severityColour[severity]} data-severity={severity}>
      {s ? t('cyber.severity', { level: pick(s.label, i18n.language) }) : severity}
      {s && withDays ? ` · ${t('cyber.workdays', { n: s.workdays })}` : ''}
    </Tag>
  );
}

export function FindingStatusTag({ status, overdue }: { status: FindingStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={statusColour[status]} data-finding-status={status}>
        {t(`cyber.findingStatus.${status}`)}
      </Tag>
      {overdue ? <Tag color="red">{t('cyber.overdue')}</Tag> : null}
    </>
  );
}
