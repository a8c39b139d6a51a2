import { UnorderedListOutlined, BellOutlined, DashboardOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { paths } from '../../config/paths';
import { StaffShell } from './staff-shell';

export default function WorkbenchLayout() {
  const { t } = useTranslation();
  return (
    <StaffShell
      testId="layout-workbench"
      title={t('workbench.title')}
      roles={['officer', 'unit-leader', 'supervisor', 'partner', 'admin']}
      itemPath={paths.workbench.item}
      menu={[
        { key: 'queue', to: paths.workbench.root, icon: <UnorderedListOutlined aria-hidden />, label: t('workbench.queue') },
        { key: 'notifications', to: paths.workbench.notifications, icon: <BellOutlined aria-hidden />, label: t('notifications.title') },
        { key: 'dashboard', to: paths.dashboard.root, icon: <DashboardOutlined aria-hidden />, label: t('dashboard.title'), roles: ['unit-leader', 'supervisor', 'admin'] },
      ]}
    />
  );
}
