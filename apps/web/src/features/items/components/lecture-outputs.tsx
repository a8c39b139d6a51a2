import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LectureOutput } from '../../../types/api';

/** 平安宣讲: the date, time, speaker and place the lecture team confirmed, then the attendance and materials. */
export function LectureOutputs({ lecture }: { lecture: LectureOutput }) {
  const { t } = useTranslation();
  const s = lecture.schedule;
  return (
    <Card title={t('prevention.lecture.title')} data-testid="item-lecture" data-scheduled={s ? 'true' : 'false'}>
      <Descriptions column={1} size="small">
        {s ? (
          <>
            <Descriptions.Item label={t('prevention.lecture.when')}>
              <strong data-testid="lecture-when">
                {s.date} {s.startTime} · {t('prevention.lecture.minutes', { n: s.durationMinutes })}
              </strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('prevention.lecture.speaker')}>{s.speaker}</Descriptions.Item>
            <Descriptions.Item label={t('prevention.lecture.place')}>{s.place}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('prevention.lecture.when')}>{t('prevention.lecture.notScheduled')}</Descriptions.Item>
        )}
        {lecture.record ? (
          <>
            <Descriptions.Item label={t('prevention.lecture.attendance')}>
              <span data-testid="lecture-attendance">{lecture.record.attendance ?? '—'}</span>
            </Descriptions.Item>
            {lecture.record.materials ? <Descriptions.Item label={t('prevention.lecture.materials')}>{lecture.record.materials}</Descriptions.Item> : null}
          </>
        ) : null}
      </Descriptions>
    </Card>
  );
}
