import { useTranslation } from 'react-i18next';
import { useAcknowledgeWarning, useEnterpriseWarnings } from '../../../features/prevention/api/warnings';
import { WarningInbox } from '../../../features/prevention/components/warning-inbox';

/** 风险预警, the enterprise's side: what the police warned it of, each to acknowledge (已阅知) within 3 working days. */
export default function EnterpriseWarningsPage() {
  const { t } = useTranslation();
  return <WarningInbox title={t('prevention.warning.mineTitle')} empty={t('prevention.warning.noneForYou')} list={useEnterpriseWarnings()} ack={useAcknowledgeWarning()} />;
}
