import { ApartmentOutlined, TeamOutlined, CalendarOutlined, AuditOutlined, AppstoreOutlined, DashboardOutlined, CarOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { paths } from '../../config/paths';
import { StaffShell, CalendarWarning } from './staff-shell';
import { useCalendarStatus } from '../../features/admin/api/admin';

function AdminCalendarBanner() {
  const status = useCalendarStatus();
  return <CalendarWarning show={!!status.data?.warning} />;
}

export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <StaffShell
      testId="layout-admin"
      title={t('admin.title')}
      roles={['admin']}
      settingsPath={paths.admin.notificationSettings}
      itemPath={paths.workbench.item}
      banner={() => <AdminCalendarBanner />}
      menu={[
        { key: 'users', to: paths.admin.users, icon: <TeamOutlined aria-hidden />, label: t('admin.users') },
        { key: 'units', to: paths.admin.units, icon: <ApartmentOutlined aria-hidden />, label: t('admin.units') },
        { key: 'calendar', to: paths.admin.calendar, icon: <CalendarOutlined aria-hidden />, label: t('admin.calendar') },
        { key: 'audit', to: paths.admin.audit, icon: <AuditOutlined aria-hidden />, label: t('admin.audit') },
        { key: 'types', to: paths.admin.itemTypes, icon: <AppstoreOutlined aria-hidden />, label: t('admin.itemTypes') },
        { key: 'tia', to: paths.admin.tiaThresholds, icon: <CarOutlined aria-hidden />, label: t('admin.tiaThresholds') },
        { key: 'sensitive-words', to: paths.admin.sensitiveWords, icon: <StopOutlined aria-hidden />, label: t('staff.sensitiveWords.title') },
        { key: 'dashboard', to: paths.dashboard.root, icon: <DashboardOutlined aria-hidden />, label: t('dashboard.title') },
      ]}
    />
  );
}
