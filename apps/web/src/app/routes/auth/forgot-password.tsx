import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRequestPasswordReset } from '../../../features/auth/api/password-reset';
import { paths } from '../../../config/paths';

/** 忘记密码: the account's username; the answer is the same whether or not it exists. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const ask = useRequestPasswordReset();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const finish = async (v: { username: string }) => {
    setError(null);
    try {
      await ask.mutateAsync(v.username.trim());
      setSent(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('common.error'));
    }
  };
  return (
    <div className="jqt-content" style={{ maxWidth: 480, paddingTop: 32 }}>
      <Card>
        {sent ? (
          <Result
            status="info"
            title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('passwordReset.sentTitle')}</h1>}
            subTitle={t('passwordReset.sentHint')}
            extra={<Link to={paths.login()}><Button type="primary">{t('passwordReset.backToLogin')}</Button></Link>}
            data-testid="reset-sent"
          />
        ) : (
          <>
            <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('passwordReset.requestTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('passwordReset.requestIntro')}</Typography.Paragraph>
            <Form layout="vertical" onFinish={finish} requiredMark={false} name="forgot-password">
              <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('auth.username') }) }]}>
                <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" size="large" maxLength={64} />
              </Form.Item>
              {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
              <Button type="primary" htmlType="submit" block size="large" loading={ask.isPending} data-testid="reset-request-submit">
                {t('passwordReset.send')}
              </Button>
            </Form>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>{t('passwordReset.staffHint')}</Typography.Paragraph>
            <div style={{ marginTop: 12 }}>
              <Link to={paths.login()}>{t('passwordReset.backToLogin')}</Link>
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
