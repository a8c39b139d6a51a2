import { Timeline as AntTimeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../types/api';
import { formatDateTime } from '../lib/format';

const colorOf = (action: string) =>
  ['refuse', 'return', 'reopen', 'overdue', 'escalate'].some((a) => action.includes(a))
    ? 'red'
    : ['answer', 'close', 'rate', 'complete-branch'].includes(action)
      ? 'green'
      : action.includes('supplement') || action.includes('extend')
        ? 'orange'
        : 'blue';

/** The item's timeline: every change with who, when, what and the note; never edited afterwards. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  if (!events.length) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <AntTimeline
      data-testid="timeline"
      items={events.map((e) => ({
        key: e.id,
        color: colorOf(e.action),
        content: (
          <div>
            <Typography.Text strong>{t(`action.${e.action}`, { defaultValue: e.action })}</Typography.Text>
            {e.toStatus && e.toStatus !== e.fromStatus ? (
              <Typography.Text> → {t(`status.${e.toStatus}`, { defaultValue: e.toStatus })}</Typography.Text>
            ) : null}
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(e.at, i18n.language)} · {e.actor ? (e.actor.role ? t('timeline.actorWithRole', { name: e.actor.name, role: t(`role.${e.actor.role}`, { defaultValue: e.actor.role }) }) : e.actor.name) : t('common.system')}
              </Typography.Text>
            </div>
            {e.note ? <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph> : null}
          </div>
        ),
      }))}
    />
  );
}
