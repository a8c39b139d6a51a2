import { useTranslation } from 'react-i18next';
import { useAcknowledgeForDepartment, useDepartmentWarnings } from '../../../features/prevention/api/warnings';
import { WarningInbox } from '../../../features/prevention/components/warning-inbox';

/** 风险预警, a partner department's side: one of its people acknowledges (已阅知) for the department. */
export default function PartnerWarningsPage() {
  const { t } = useTranslation();
  return <WarningInbox title={t('prevention.warning.departmentTitle')} empty={t('prevention.warning.noneForDepartment')} list={useDepartmentWarnings()} ack={useAcknowledgeForDepartment()} />;
}
