import { useState } from 'react';
import { Button, Card, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RegisterForm } from '../../../features/auth/components/register-form';
import { paths } from '../../../config/paths';

export default function RegisterPage() {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="jqt-content" style={{ maxWidth: 820, paddingTop: 24 }}>
      <Card>
        {done ? (
          <Result
            status="success"
            title={t('register.doneTitle')}
            subTitle={t('register.doneHint', { username: done })}
            extra={<Link to={paths.login()}><Button type="primary" data-testid="register-to-login">{t('auth.login')}</Button></Link>}
          />
        ) : (
          <>
            <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('register.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
            <RegisterForm onDone={(i) => setDone(i.username)} />
          </>
        )}
      </Card>
    </div>
  );
}
