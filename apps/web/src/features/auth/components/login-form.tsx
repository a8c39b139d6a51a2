import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import type { User } from '../../../types/api';
import { useLogin } from '../api/login';

/** Username + password; the TOTP field appears when the server answers `totpRequired` (staff roles). */
export function LoginForm({ onDone }: { onDone: (u: User, passwordExpired: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Not the mutation's isPending: that clears a tick after the answer, so the TOTP field would appear beside a
  // still-loading button that swallows the next click. Set here, it clears in the same render as the field appears.
  const [busy, setBusy] = useState(false);
  const login = useLogin();

  const finish = async (v: { username: string; password: string; totp?: string }) => {
    setError(null);
    setBusy(true);
    try {
      const r = await login.mutateAsync({ username: v.username.trim(), password: v.password, totp: needTotp ? v.totp?.trim() : undefined });
      if ('totpRequired' in r) {
        setNeedTotp(true);
        setTimeout(() => form.getFieldInstance('totp')?.focus?.(), 50);
        return;
      }
      onDone(r.user, r.passwordExpired);
    } catch (e) {
      if (isApiError(e, 'totp_invalid')) form.setFields([{ name: 'totp', errors: [e.message] }]);
      else setError(e instanceof Error ? e.message : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={finish} requiredMark={false} name="login">
      <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('form.required', { label: t('auth.username') }) }]}>
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" size="large" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('form.required', { label: t('auth.password') }) }]}>
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
      </Form.Item>
      {needTotp ? (
        <Form.Item
          name="totp"
          label={t('auth.totp')}
          extra={t('auth.totpHelp')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpFormat') }]}
        >
          <Input prefix={<SafetyOutlined aria-hidden />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" />
        </Form.Item>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
        {t('auth.login')}
      </Button>
    </Form>
  );
}
