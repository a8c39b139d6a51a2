import { useState } from 'react';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { checkedValues, showServerErrors } from '../../../lib/forms';
import { useConfirmPhoneCode, useRequestPhoneCode, type NotificationPreferences } from '../api/preferences';

/**
 * 手机号验证: a code by SMS, then the 6 digits. Without an SMS provider the server refuses to send, so the screen
 * says so up front instead of offering a button that can only fail.
 */
export function PhoneForm({ prefs }: { prefs: NotificationPreferences }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [phoneForm] = Form.useForm<{ phone: string }>();
  const [codeForm] = Form.useForm<{ code: string }>();
  const request = useRequestPhoneCode();
  const confirm = useConfirmPhoneCode();
  const [error, setError] = useState<string | null>(null);

  const send = async () => {
    const v = await checkedValues(phoneForm);
    if (!v) return;
    setError(null);
    phoneForm.setFields([{ name: 'phone', errors: [] }]);
    try {
      const r = await request.mutateAsync(v.phone.trim());
      message.success(t('notificationSettings.codeSent', { phone: r.phone, minutes: Math.round(r.expiresInSeconds / 60) }));
    } catch (e) {
      if (!isApiError(e)) throw e;
      setError(showServerErrors(phoneForm, ['phone'], e));
    }
  };

  const verify = async () => {
    const v = await checkedValues(codeForm);
    if (!v) return;
    setError(null);
    codeForm.setFields([{ name: 'code', errors: [] }]);
    try {
      await confirm.mutateAsync(v.code.trim());
      codeForm.resetFields();
      message.success(t('notificationSettings.phoneVerified'));
    } catch (e) {
      if (!isApiError(e)) throw e;
      setError(showServerErrors(codeForm, ['code'], e));
    }
  };

  return (
    <div data-testid="phone-section" style={{ maxWidth: 560 }}>
      {prefs.phone ? (
        <Typography.Paragraph data-testid="verified-phone">
          {t('notificationSettings.verifiedPhone', { phone: prefs.phone, at: formatDateTime(prefs.phoneVerifiedAt, i18n.language) })}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('notificationSettings.noPhone')}</Typography.Paragraph>
      )}
      {!prefs.available.sms ? (
        <Alert type="warning" showIcon title={t('notificationSettings.smsNotConfigured')} description={t('notificationSettings.smsNotConfiguredHelp')} data-testid="sms-not-configured" style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={phoneForm} layout="vertical" onFinish={() => void send()} disabled={!prefs.available.sms} data-testid="phone-form">
        <Form.Item name="phone" label={prefs.phone ? t('notificationSettings.newPhone') : t('notificationSettings.phone')} rules={[{ required: true, message: t('notificationSettings.phoneRequired') }]}>
          <Input inputMode="tel" autoComplete="tel" maxLength={32} placeholder="139 1234 5678" data-testid="phone-input" />
        </Form.Item>
        <Button htmlType="submit" loading={request.isPending} data-testid="send-code">
          {t('notificationSettings.sendCode')}
        </Button>
      </Form>
      {prefs.pendingPhone && prefs.available.sms ? (
        <Form form={codeForm} layout="vertical" onFinish={() => void verify()} style={{ marginTop: 16 }} data-testid="code-form">
          <Form.Item name="code" label={t('notificationSettings.code', { phone: prefs.pendingPhone })} rules={[{ required: true, message: t('notificationSettings.codeRequired') }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 200 }} data-testid="code-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="confirm-code">
            {t('notificationSettings.verify')}
          </Button>
        </Form>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="phone-error" role="alert" /> : null}
    </div>
  );
}
