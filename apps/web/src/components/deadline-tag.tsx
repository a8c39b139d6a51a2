import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime, shanghaiDate } from '../lib/format';

export interface DeadlineTagProps {
  dueAt: string | null | undefined;
  overdue?: boolean;
  provisional?: boolean;
  paused?: boolean;
  /** Closed and answered items show no running clock. */
  done?: boolean;
}

export type DeadlineTone = 'overdue' | 'today' | 'soon' | 'normal' | 'paused' | 'none';

const toneStyle: Record<DeadlineTone, { color: string; background: string; borderColor: string }> = {
  overdue: { color: '#ffffff', background: '#c41d1d', borderColor: '#c41d1d' },
  today: { color: '#7a3b00', background: '#ffe7c2', borderColor: '#f0a43a' },
  soon: { color: '#6b4a00', background: '#fff8db', borderColor: '#e8cf6b' },
  normal: { color: '#1f5a0a', background: '#eefbe6', borderColor: '#a6d98a' },
  paused: { color: '#3c4150', background: '#f2f3f5', borderColor: '#c9cdd4' },
  none: { color: '#3c4150', background: '#f2f3f5', borderColor: '#c9cdd4' },
};

export function deadlineTone(dueAt: string | null | undefined, now: number, overdue?: boolean, paused?: boolean): DeadlineTone {
  if (paused) return 'paused';
  if (!dueAt) return 'none';
  const due = new Date(dueAt).getTime();
  if (overdue || due <= now) return 'overdue';
  if (shanghaiDate(new Date(due)) === shanghaiDate(new Date(now))) return 'today';
  if (due - now < 2 * 86400_000) return 'soon';
  return 'normal';
}

function useNow(intervalMs = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

/** Remaining time to a deadline: red when overdue, orange when due today; a provisional deadline is marked. */
export function DeadlineTag({ dueAt, overdue, provisional, paused, done }: DeadlineTagProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (done || !dueAt) return <span>—</span>;
  const tone = deadlineTone(dueAt, now, overdue, paused);
  const diff = new Date(dueAt).getTime() - now;
  const abs = Math.abs(diff);
  const days = Math.floor(abs / 86400_000);
  const hours = Math.floor((abs % 86400_000) / 3600_000);
  const minutes = Math.max(1, Math.floor((abs % 3600_000) / 60_000));
  const span = days > 0 ? t('deadline.daysHours', { days, hours }) : hours > 0 ? t('deadline.hoursMinutes', { hours, minutes }) : t('deadline.minutes', { minutes });
  const text =
    tone === 'paused' ? t('deadline.paused') : tone === 'overdue' ? t('deadline.overdueBy', { span }) : tone === 'today' ? t('deadline.dueToday', { span }) : t('deadline.remaining', { span });
  const icon = tone === 'paused' ? <PauseCircleOutlined aria-hidden /> : tone === 'overdue' ? <WarningOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />;
  const title = `${t('deadline.dueAt')}: ${formatDateTime(dueAt, i18n.language)}${provisional ? ` · ${t('deadline.provisionalHelp')}` : ''}`;
  return (
    <Tooltip title={title}>
      <Tag className="jqt-deadline-tag" style={toneStyle[tone]} data-tone={tone} icon={icon} tabIndex={0} aria-label={`${text}${provisional ? ` · ${t('deadline.provisional')}` : ''} · ${title}`}>
        {text}
        {provisional ? ` · ${t('deadline.provisional')}` : ''}
      </Tag>
    </Tooltip>
  );
}
