import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Drawer, Dropdown, Grid, Layout, Menu, Result, Spin, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined, HomeOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../types/api';
import { paths } from '../../config/paths';
import { useMe } from '../../features/auth/api/get-me';
import { useUnits } from '../../features/units/api/get-units';
import { useLogout } from '../../features/auth/api/logout';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { LanguageSwitch } from '../../components/language-switch';
import { ElderToggle } from '../../components/elder-toggle';
import { useSettings } from '../providers/settings';

export interface ShellMenuItem {
  key: string;
  to: string;
  icon: ReactNode;
  label: string;
  roles?: Role[];
  /** Shown only to police of these unit types (supervisors, who have no such unit, always see it). */
  unitTypes?: string[];
}

export interface StaffShellProps {
  title: string;
  /** Who may open this area; others see a 403 page (the server still decides every call). */
  roles: Role[];
  menu: ShellMenuItem[];
  itemPath: (id: string) => string;
  /** This area's 通知设置 page, opened from the user menu. */
  settingsPath: string;
  banner?: (user: User) => ReactNode;
  testId: string;
}

/** The signed-in shell (Ant Design Pro style): side menu (a drawer on phones), bell, language, large font, user. */
export function StaffShell({ title, roles, menu, itemPath, settingsPath, banner, testId }: StaffShellProps) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawer, setDrawer] = useState(false);
  const { elder, setElder } = useSettings();
  const gated = menu.some((m) => m.unitTypes);
  const units = useUnits(gated && !!me.data?.unitId);

  if (me.isLoading) return <Spin fullscreen />;
  if (!me.data) return <Navigate to={paths.login(location.pathname + location.search)} replace />;
  const user = me.data;
  if (!roles.includes(user.role)) {
    return <Result status="403" title="403" subTitle={t('common.forbiddenArea')} extra={<Link to={paths.home}>{t('common.backHome')}</Link>} />;
  }
  const unitType = units.data?.find((u) => u.id === user.unitId)?.unitType;
  const inUnit = (m: ShellMenuItem) => !m.unitTypes || user.role === 'supervisor' || (!!unitType && m.unitTypes.includes(unitType));
  const visible = menu.filter((m) => (!m.roles || m.roles.includes(user.role)) && inUnit(m));
  const selected = [...visible].sort((a, b) => b.to.length - a.to.length).find((m) => location.pathname === m.to || location.pathname.startsWith(`${m.to}/`))?.key;
  const menuEl = (
    <Menu
      theme="dark"
      mode="inline"
      style={{ background: 'transparent', borderInlineEnd: 0 }}
      selectedKeys={selected ? [selected] : []}
      items={visible.map((m) => ({ key: m.key, icon: m.icon, label: <Link to={m.to} onClick={() => setDrawer(false)}>{m.label}</Link> }))}
    />
  );
  const logo = (
    <div className="jqt-staff-logo">
      <img src="/favicon.svg" alt="" aria-hidden width={24} height={24} />
      <span>{title}</span>
    </div>
  );

  return (
    <AntApp>
    <Layout style={{ minHeight: '100vh' }} data-testid={testId}>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      {!isPhone ? (
        <Layout.Sider width={216} style={{ background: '#0b2a5b' }} aria-label={t('common.mainMenu')}>
          <nav aria-label={t('common.mainMenu')}>
            {logo}
            {menuEl}
          </nav>
        </Layout.Sider>
      ) : (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} styles={{ body: { padding: 0, background: '#0b2a5b' }, header: { display: 'none' } }}>
          <nav aria-label={t('common.mainMenu')}>
            {logo}
            {menuEl}
          </nav>
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="jqt-staff-header" role="banner">
          {isPhone ? <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('common.openMenu')} onClick={() => setDrawer(true)} data-testid="menu-toggle" /> : null}
          <Typography.Text strong style={{ fontSize: '1.05em', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {isPhone ? title : ''}
          </Typography.Text>
          <div className="jqt-header-tools">
            {!isPhone ? (
              <Link to={paths.home} aria-label={t('portal.home')}>
                <HomeOutlined aria-hidden /> {t('portal.home')}
              </Link>
            ) : null}
            <LanguageSwitch />
            {!isPhone ? <ElderToggle /> : null}
            <NotificationBell onOpenItem={(id) => navigate(itemPath(id))} />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'role', label: t(`role.${user.role}`), disabled: true },
                  { key: 'notification-settings', icon: <SettingOutlined aria-hidden />, label: t('notificationSettings.menu') },
                  ...(isPhone ? [{ key: 'elder', label: elder ? t('common.elderOff') : t('common.elderOn') }] : []),
                  { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('auth.logout') },
                ],
                onClick: ({ key }) => {
                  if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate(paths.home) });
                  if (key === 'elder') setElder(!elder);
                  if (key === 'notification-settings') navigate(settingsPath);
                },
              }}
            >
              <Button type="text" icon={<UserOutlined aria-hidden />} data-testid="user-menu" aria-label={t('common.userMenu', { name: user.displayName })}>
                {isPhone ? null : user.displayName}
              </Button>
            </Dropdown>
          </div>
        </Layout.Header>
        <Layout.Content id="main" role="main" tabIndex={-1} className="jqt-page">
          {banner?.(user)}
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
    </AntApp>
  );
}

export function CalendarWarning({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return <Alert type="warning" showIcon banner title={t('admin.calendarWarning')} style={{ marginBottom: 12 }} data-testid="calendar-warning" />;
}
