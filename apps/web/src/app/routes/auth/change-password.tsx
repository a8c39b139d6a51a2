import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../../features/auth/api/password-reset';
import { useMe } from '../../../features/auth/api/get-me';
import { fieldName, NewPasswordFields } from '../../../features/auth/components/new-password-fields';
import { isApiError } from '../../../lib/api-client';
import { homeForRole, paths } from '../../../config/paths';

/** 修改密码: shown after sign-in while the password is temporary (an administrator's reset) or expired. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const [form] = Form.useForm();
  const change = useChangePassword();
  const next = params.get('next');

  if (me.isSuccess && !me.data) {
    void navigate(paths.login(paths.changePassword()), { replace: true });
    return null;
  }

  const finish = async (v: { currentPassword: string; newPassword: string }) => {
    setError(null);
    try {
      await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      void navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : me.data ? homeForRole(me.data.role) : paths.home, { replace: true });
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: fieldName(f.path), errors: [f.message] })));
      else setError(e instanceof Error ? e.message : t('common.error'));
    }
  };

  return (
    <div className="jqt-content" style={{ maxWidth: 480, paddingTop: 32 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('passwordReset.changeTitle')}</Typography.Title>
        <Alert type="warning" showIcon title={t('passwordReset.mustChange')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={finish} requiredMark={false} name="change-password">
          <Form.Item name="currentPassword" label={t('passwordReset.currentPassword')} rules={[{ required: true, message: t('form.required', { label: t('passwordReset.currentPassword') }) }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <NewPasswordFields />
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
          <Button type="primary" htmlType="submit" block size="large" loading={change.isPending} data-testid="change-password-submit">
            {t('passwordReset.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
