import { useState } from 'react';
import { Alert, Button, Card, Form, Result, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useConfirmPasswordReset } from '../../../features/auth/api/password-reset';
import { fieldName, NewPasswordFields } from '../../../features/auth/components/new-password-fields';
import { isApiError } from '../../../lib/api-client';
import { paths } from '../../../config/paths';

/** The reset link's page (`/reset-password?token=…`): the new password twice; success leads to sign-in. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm();
  const confirm = useConfirmPasswordReset();
  const [done, setDone] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(token ? null : t('passwordReset.noToken'));

  const finish = async (v: { newPassword: string }) => {
    setLinkError(null);
    try {
      setDone((await confirm.mutateAsync({ token, newPassword: v.newPassword })).username);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const onToken = e.fieldErrors.filter((f) => fieldName(f.path) === 'token');
        if (onToken.length) setLinkError(onToken.map((f) => f.message).join('；'));
        form.setFields(e.fieldErrors.filter((f) => fieldName(f.path) === 'newPassword').map((f) => ({ name: 'newPassword', errors: [f.message] })));
      } else setLinkError(e instanceof Error ? e.message : t('common.error'));
    }
  };

  return (
    <div className="jqt-content" style={{ maxWidth: 480, paddingTop: 32 }}>
      <Card>
        {done ? (
          <Result
            status="success"
            title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('passwordReset.doneTitle')}</h1>}
            subTitle={t('passwordReset.doneHint', { username: done })}
            extra={<Link to={paths.login()}><Button type="primary" data-testid="reset-to-login">{t('auth.login')}</Button></Link>}
          />
        ) : (
          <>
            <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('passwordReset.resetTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('passwordReset.resetIntro')}</Typography.Paragraph>
            {linkError ? (
              <Alert
                type="error"
                showIcon
                title={linkError}
                description={<Link to={paths.forgotPassword}>{t('passwordReset.askAgain')}</Link>}
                style={{ marginBottom: 16 }}
                role="alert"
              />
            ) : null}
            <Form form={form} layout="vertical" onFinish={finish} requiredMark={false} name="reset-password">
              <NewPasswordFields />
              <Button type="primary" htmlType="submit" block size="large" loading={confirm.isPending} disabled={!token} data-testid="reset-submit">
                {t('passwordReset.save')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
