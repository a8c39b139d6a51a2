import { useEffect } from 'react';
import { App, Badge, Button, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useMarkRead, useNotifications } from '../api/get-notifications';

/** Live notices: the server pushes `notice` over SSE and we refetch the list, the items and the open item. */
export function useNotificationStream(enabled: boolean) {
  const qc = useQueryClient();
  const { notification } = App.useApp();
  const { t } = useTranslation();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const es = new EventSource(apiUrl('/notifications/stream'));
    const onNotice = () => {
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      void qc.invalidateQueries({ queryKey: ['items'] });
      notification.info({ title: t('notifications.new'), placement: 'bottomRight', duration: 4 });
    };
    es.addEventListener('notice', onNotice);
    return () => {
      es.removeEventListener('notice', onNotice);
      es.close();
    };
  }, [enabled, qc, notification, t]);
}

export function NotificationBell({ onOpenItem }: { onOpenItem: (itemId: string) => void }) {
  const { t, i18n } = useTranslation();
  const q = useNotifications(true);
  const mark = useMarkRead();
  useNotificationStream(true);
  const unread = q.data?.unread ?? 0;
  const content = (
    <div style={{ width: 320, maxWidth: '80vw', maxHeight: 420, overflow: 'auto' }}>
      <List
        size="small"
        locale={{ emptyText: t('notifications.empty') }}
        dataSource={q.data?.notifications ?? []}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.itemId ? 'pointer' : undefined, background: n.read ? undefined : '#f0f6ff' }}
            onClick={() => {
              if (!n.read) mark.mutate(n.id);
              if (n.itemId) onOpenItem(n.itemId);
            }}
          >
            <List.Item.Meta
              title={<span style={{ fontWeight: n.read ? 400 : 600 }}>{n.message}</span>}
              description={<Typography.Text type="secondary">{formatDateTime(n.createdAt, i18n.language)}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </div>
  );
  return (
    <Popover content={content} title={t('notifications.title')} trigger="click" placement="bottomRight">
      <Button type="text" aria-label={t('notifications.bell', { count: unread })} data-testid="notification-bell">
        <Badge count={unread} size="small" offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 18 }} aria-hidden />
        </Badge>
      </Button>
    </Popover>
  );
}
