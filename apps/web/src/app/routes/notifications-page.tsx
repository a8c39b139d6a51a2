import { Card, Grid, List, Typography, Button } from 'antd';
import { useNavigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkAllRead, useMarkRead, useNotifications } from '../../features/notifications/api/get-notifications';
import { paths } from '../../config/paths';
import { formatDateTime } from '../../lib/format';

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const q = useNotifications(true, 100);
  const mark = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = q.data?.unread ?? 0;
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const itemPath = location.pathname.startsWith('/enterprise') ? paths.enterprise.item : paths.workbench.item;
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('notifications.title')}</Typography.Title>}
      extra={
        unread ? (
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending} data-testid="notifications-read-all">
            {t('notifications.markAllRead', { count: unread })}
          </Button>
        ) : null
      }
    >
      <List
        // on a phone the actions go under the message, which keeps the full width
        itemLayout={screens.sm ? 'horizontal' : 'vertical'}
        loading={q.isLoading}
        dataSource={q.data?.notifications ?? []}
        locale={{ emptyText: t('notifications.empty') }}
        renderItem={(n) => (
          <List.Item
            actions={[
              n.itemId ? (
                <Button key="open" type="link" onClick={() => { if (!n.read) mark.mutate(n.id); navigate(itemPath(n.itemId!)); }}>
                  {t('common.view')}
                </Button>
              ) : null,
              !n.read ? (
                <Button key="read" type="link" onClick={() => mark.mutate(n.id)}>
                  {t('notifications.markRead')}
                </Button>
              ) : null,
            ]}
          >
            <List.Item.Meta title={<span style={{ fontWeight: n.read ? 400 : 600 }}>{n.message}</span>} description={formatDateTime(n.createdAt, i18n.language)} />
          </List.Item>
        )}
      />
    </Card>
  );
}
