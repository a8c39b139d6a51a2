import { Button, Grid } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { Link, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch';
import { ElderToggle } from '../../components/elder-toggle';
import { homeForRole, paths } from '../../config/paths';
import { useMe } from '../../features/auth/api/get-me';

/** The public side (惠企服务专区): brand bar, language, large font, sign-in; open to everyone. Kept light: it is the first page. */
export default function PortalLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  return (
    <div className="jqt-portal">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="jqt-portal-header">
        <Link to={paths.home} className="jqt-brand">
          <img src="/favicon.svg" alt="" aria-hidden />
          <span>{t('app.name')}</span>
        </Link>
        <nav className="jqt-header-tools" aria-label={t('common.siteTools')}>
          <Button size="small" type="text" icon={<SearchOutlined aria-hidden />} onClick={() => navigate(paths.search())} style={{ color: '#fff' }} aria-label={t('search.label')} data-testid="portal-search">
            {/* on a phone the icon alone, so the sign-in buttons keep one line */}
            {screens.sm ? t('search.open') : null}
          </Button>
          <LanguageSwitch dark />
          <ElderToggle dark />
          {me.data ? (
            <Button size="small" onClick={() => navigate(homeForRole(me.data!.role))} data-testid="my-center">
              {t('portal.myCenter')}
            </Button>
          ) : (
            <>
              <Button size="small" onClick={() => navigate(paths.login())} data-testid="portal-login">
                {t('auth.login')}
              </Button>
              <Button size="small" onClick={() => navigate(paths.register)} data-testid="portal-register">
                {t('auth.register')}
              </Button>
            </>
          )}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="jqt-portal-main">
        <Outlet />
      </main>
      <footer className="jqt-footer">
        <nav aria-label={t('liaison.portalLinks')} style={{ marginBottom: 8 }}>
          <Link to={paths.serviceCentres} data-testid="link-service-centres">
            {t('liaison.centresTitle')}
          </Link>
        </nav>
        <div>{t('portal.footer')}</div>
        <div>{t('portal.footerHotline')}</div>
      </footer>
    </div>
  );
}
