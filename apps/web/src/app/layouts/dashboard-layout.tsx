import { DashboardOutlined, UnorderedListOutlined, FundOutlined, ShopOutlined, AlertOutlined, BarChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { paths } from '../../config/paths';
import { StaffShell } from './staff-shell';

export default function DashboardLayout() {
  const { t } = useTranslation();
  return (
    <StaffShell
      testId="layout-dashboard"
      title={t('dashboard.title')}
      roles={['unit-leader', 'supervisor', 'admin']}
      settingsPath={paths.dashboard.notificationSettings}
      itemPath={paths.dashboard.item}
      menu={[
        { key: 'dashboard', to: paths.dashboard.root, icon: <DashboardOutlined aria-hidden />, label: t('dashboard.title') },
        { key: 'queue', to: paths.workbench.root, icon: <UnorderedListOutlined aria-hidden />, label: t('workbench.queue') },
        { key: 'incident-response', to: paths.dashboard.responseTimes, icon: <AlertOutlined aria-hidden />, label: t('cases.responseTimes'), roles: ['unit-leader', 'supervisor'] },
        { key: 'liaison-coverage', to: paths.dashboard.coverage, icon: <FundOutlined aria-hidden />, label: t('liaison.coverageTitle'), roles: ['unit-leader', 'supervisor'] },
        { key: 'lecture-coverage', to: paths.workbench.lectureCoverage, icon: <BarChartOutlined aria-hidden />, label: t('openLectures.menu.coverage'), roles: ['unit-leader', 'supervisor'] },
        { key: 'liaison', to: paths.workbench.liaison, icon: <ShopOutlined aria-hidden />, label: t('liaison.officeTitle'), roles: ['unit-leader', 'supervisor'] },
      ]}
    />
  );
}
