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
        <LoginForm onDone={(u) => navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeForRole(u.role), { replace: true })} />
        <Space style={{ marginTop: 16 }}>
          <span>{t('auth.noAccount')}</span>
          <Link to={paths.register}>{t('auth.registerEnterprise')}</Link>
        </Space>
      </Card>
    </div>
  );
}
