import { Alert, Card, Divider, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotificationPreferences } from '../../../features/notification-settings/api/preferences';
import { ChannelsForm } from '../../../features/notification-settings/components/channels-form';
import { PhoneForm } from '../../../features/notification-settings/components/phone-form';

/** 通知设置: every signed-in role reaches it from the user menu; the server decides what each channel needs. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('notificationSettings.title')}</Typography.Title>} style={{ maxWidth: 900 }} className="jqt-wrap-title" data-testid="notification-settings">
      {prefs.isError ? (
        <Alert type="error" showIcon title={prefs.error.message} />
      ) : !prefs.data ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Title level={2} style={{ fontSize: '1.05em' }}>{t('notificationSettings.channels')}</Typography.Title>
          {/* keyed by the saved values, so a save or a verified phone re-reads the form's starting values */}
          <ChannelsForm key={`${prefs.data.phone ?? ''}`} prefs={prefs.data} />
          <Divider />
          <Typography.Title level={2} style={{ fontSize: '1.05em' }}>{t('notificationSettings.phoneTitle')}</Typography.Title>
          <PhoneForm prefs={prefs.data} />
        </>
      )}
    </Card>
  );
}
