import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<string, string> = { submitted: 'gold', accepted: 'blue', produced: 'cyan', delivered: 'green' };

/** A batch's stage: 待受理 → 制证中 → 待送证 → 已送达. */
export function BatchStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]} data-testid="batch-status" data-status={status}>{t(`screens.batch.status.${status}`)}</Tag>;
}

