import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LECTURE_TOPICS } from '@jqt/domain';
import { pick } from '../../../lib/i18n';
import type { PublicLecture, SignupStatus } from '../api/open-lectures';

export const lectureTopicName = (v: string, lang: string) => pick(LECTURE_TOPICS.find((x) => x.value === v)?.label, lang) || v;

/** One open lecture's facts: title, topics, when, where, who speaks, and the seats left with the waitlist. */
export function OpenLectureFacts({ lecture: l, titleLevel = 3 }: { lecture: PublicLecture; titleLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const full = l.seatsLeft === 0;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Title level={titleLevel} style={{ fontSize: '1.05em', margin: 0 }}>
        {l.title}
      </Typography.Title>
      <Space wrap size={[4, 4]}>
        {l.topics.map((x) => (
          <Tag key={x}>{lectureTopicName(x, lang)}</Tag>
        ))}
        {l.status === 'cancelled' ? <Tag color="red">{t('openLectures.cancelled')}</Tag> : null}
      </Space>
      <dl className="jqt-open-lecture-facts">
        <dt>{t('openLectures.when')}</dt>
        <dd data-testid="open-lecture-when">
          {l.date} {l.startTime} · {t('openLectures.minutes', { n: l.durationMinutes })}
        </dd>
        <dt>{t('openLectures.place')}</dt>
        <dd>{l.place}</dd>
        <dt>{t('openLectures.speaker')}</dt>
        <dd>{l.speaker}</dd>
        <dt>{t('openLectures.seats')}</dt>
        <dd data-testid="open-lecture-seats" data-seats-left={l.seatsLeft} data-waitlisted={l.waitlisted}>
          {full ? <Tag color="orange">{t('openLectures.full')}</Tag> : null}
          {t('openLectures.seatsLeft', { left: l.seatsLeft, capacity: l.capacity })}
          {l.waitlisted ? ` · ${t('openLectures.waitlisted', { n: l.waitlisted })}` : ''}
        </dd>
      </dl>
    </Space>
  );
}

/** 已确认 / 候补第 n 位 / 已取消. */
export function SignupTag({ s }: { s: { status: SignupStatus; waitlistPosition: number | null } }) {
  const { t } = useTranslation();
  if (s.status === 'confirmed') return <Tag color="green">{t('openLectures.status.confirmed')}</Tag>;
  if (s.status === 'waitlisted') return <Tag color="gold">{t('openLectures.waitingAt', { n: s.waitlistPosition ?? 1 })}</Tag>;
  return <Tag>{t('openLectures.status.cancelled')}</Tag>;
}

