import { useState } from 'react';
import { Alert, App, Button, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { checkedValues, showServerErrors } from '../../../lib/forms';
import { useSavePreferences, type NotificationPreferences } from '../api/preferences';

interface Values {
  email: boolean;
  sms: boolean;
  emailAddress: string;
}

const FIELDS = ['email', 'sms', 'emailAddress'] as const;

/** 通知方式: 站内 always on; e-mail and SMS as the server offers them, saved together (the server checks each). */
export function ChannelsForm({ prefs }: { prefs: NotificationPreferences }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePreferences();
  const [error, setError] = useState<string | null>(null);
  const email = Form.useWatch('email', form) ?? prefs.email;
  const smsPossible = prefs.available.sms && !!prefs.phone;

  const submit = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    setError(null);
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    try {
      const saved = await save.mutateAsync({ email: v.email, sms: v.sms, emailAddress: v.emailAddress?.trim() ? v.emailAddress.trim() : null });
      form.setFieldsValue({ email: saved.email, sms: saved.sms, emailAddress: saved.emailAddress ?? '' });
      message.success(t('notificationSettings.saved'));
    } catch (e) {
      if (!isApiError(e)) throw e;
      setError(showServerErrors(form, FIELDS, e));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ email: prefs.email, sms: prefs.sms, emailAddress: prefs.emailAddress ?? '' }}
      onFinish={() => void submit()}
      data-testid="channels-form"
      style={{ maxWidth: 560 }}
    >
      <Form.Item label={t('notificationSettings.inSite')} extra={t('notificationSettings.inSiteHelp')}>
        <Switch checked disabled aria-label={t('notificationSettings.inSite')} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('notificationSettings.email')}
        valuePropName="checked"
        extra={prefs.available.email ? t('notificationSettings.emailHelp') : t('notificationSettings.emailOff')}
      >
        <Switch aria-label={t('notificationSettings.email')} disabled={!prefs.available.email && !prefs.email} data-testid="email-switch" />
      </Form.Item>
      <Form.Item name="emailAddress" label={t('notificationSettings.emailAddress')} extra={email ? t('notificationSettings.emailAddressHelp') : undefined}>
        <Input inputMode="email" autoComplete="email" maxLength={254} placeholder="name@example.com" data-testid="email-address" />
      </Form.Item>
      <Form.Item
        name="sms"
        label={t('notificationSettings.sms')}
        valuePropName="checked"
        extra={!prefs.available.sms ? t('notificationSettings.smsOff') : prefs.phone ? t('notificationSettings.smsHelp', { phone: prefs.phone }) : t('notificationSettings.smsNeedsPhone')}
      >
        <Switch aria-label={t('notificationSettings.sms')} disabled={!smsPossible && !prefs.sms} data-testid="sms-switch" />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="channels-error" /> : null}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-channels">
        {t('notificationSettings.save')}
      </Button>
    </Form>
  );
}
