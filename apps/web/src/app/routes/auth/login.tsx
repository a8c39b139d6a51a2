import { Card, Typography, Space } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoginForm } from '../../../features/auth/components/login-form';
import { homeForRole, paths } from '../../../config/paths';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  return (
    <div className="jqt-content" style={{ maxWidth: 440, paddingTop: 32 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('auth.loginTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.loginHint')}</Typography.Paragraph>
        <LoginForm
          onDone={(u, passwordExpired) => {
            const target = next && next.startsWith('/') && !next.startsWith('//') ? next : homeForRole(u.role);
            // A temporary password (an administrator's reset) or an expired one is changed first.
            void navigate(passwordExpired ? paths.changePassword(target) : target, { replace: true });
          }}
        />
        <div style={{ marginTop: 12, textAlign: 'right' }}>
          <Link to={paths.forgotPassword} data-testid="forgot-password">{t('passwordReset.forgotLink')}</Link>
        </div>
        <Space style={{ marginTop: 8 }}>
          <span>{t('auth.noAccount')}</span>
          <Link to={paths.register}>{t('auth.registerEnterprise')}</Link>
        </Space>
      </Card>
    </div>
  );
}
