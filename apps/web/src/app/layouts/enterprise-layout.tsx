import { FileAddOutlined, ProfileOutlined, BellOutlined, SafetyCertificateOutlined, SoundOutlined, AuditOutlined, AlertOutlined, IdcardOutlined, AppstoreAddOutlined, SecurityScanOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { paths } from '../../config/paths';
import { StaffShell } from './staff-shell';

export default function EnterpriseLayout() {
  const { t } = useTranslation();
  return (
    <StaffShell
      testId="layout-enterprise"
      title={t('enterprise.title')}
      roles={['enterprise-admin', 'enterprise-staff', 'applicant']}
      settingsPath={paths.enterprise.notificationSettings}
      itemPath={paths.enterprise.item}
      menu={[
        { key: 'items', to: paths.enterprise.items, icon: <ProfileOutlined aria-hidden />, label: t('enterprise.myItems') },
        { key: 'new', to: '/enterprise/new', icon: <FileAddOutlined aria-hidden />, label: t('enterprise.newItem') },
        { key: 'packages', to: paths.enterprise.packages, icon: <AppstoreAddOutlined aria-hidden />, label: t('screens.menu.packages'), roles: ['enterprise-admin', 'enterprise-staff'] },
        { key: 'residence-batches', to: paths.enterprise.residenceBatches, icon: <IdcardOutlined aria-hidden />, label: t('screens.menu.residenceBatches'), roles: ['enterprise-admin', 'enterprise-staff'] },
        { key: 'warnings', to: paths.enterprise.warnings, icon: <AlertOutlined aria-hidden />, label: t('prevention.menu.warnings'), roles: ['enterprise-admin', 'enterprise-staff'] },
        { key: 'cyber', to: paths.enterprise.cyber, icon: <SecurityScanOutlined aria-hidden />, label: t('cyber.menu.mine'), roles: ['enterprise-admin', 'enterprise-staff'] },
        { key: 'open-lectures', to: paths.enterprise.openLectures, icon: <TeamOutlined aria-hidden />, label: t('openLectures.menu.mine'), roles: ['enterprise-admin', 'enterprise-staff'] },
        { key: 'lecture', to: paths.enterprise.newItem('safety-lecture'), icon: <SoundOutlined aria-hidden />, label: t('prevention.menu.lecture'), roles: ['enterprise-admin', 'enterprise-staff'] },
        { key: 'legal', to: paths.enterprise.newItem('legal-consultation'), icon: <AuditOutlined aria-hidden />, label: t('prevention.menu.legal'), roles: ['enterprise-admin', 'enterprise-staff'] },
        { key: 'notifications', to: paths.enterprise.notifications, icon: <BellOutlined aria-hidden />, label: t('notifications.title') },
        { key: 'cases', to: paths.enterprise.cases, icon: <AlertOutlined aria-hidden />, label: t('cases.myCases'), roles: ['enterprise-admin', 'enterprise-staff'] },
        { key: 'liaison', to: paths.enterprise.liaison, icon: <SafetyCertificateOutlined aria-hidden />, label: t('liaison.myOfficer'), roles: ['enterprise-admin', 'enterprise-staff'] },
      ]}
    />
  );
}
