import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LECTURE_TIMES, LECTURE_TOPICS, OPEN_LECTURE_CAPACITY, OPEN_LECTURE_DURATION, OPEN_LECTURE_TEXT, checkAppointmentDate, type WorkCalendar } from '@jqt/domain';
import { isApiError } from '../../../lib/api-client';
import { todayShanghai } from '../../../lib/format';
import { showServerErrors } from '../../../lib/forms';
import { pick } from '../../../lib/i18n';
import { usePublishLecture, type TeamLecture } from '../api/open-lectures';

interface Values {
  title: string;
  topics: string[];
  date: Dayjs;
  startTime: string;
  durationMinutes: number;
  place: string;
  speaker: string;
  capacity: number;
}
const FIELDS = ['title', 'topics', 'date', 'startTime', 'durationMinutes', 'place', 'speaker', 'capacity'] as const;

/**
 * 发布公开宣讲: every limit is the domain's (topics, start times, seats, minutes, text lengths); the date picker offers
 * only what the domain's appointment rule accepts on the statutory calendar (a working day after today, within the
 * horizon). The server checks the whole body again and its errors land on the fields.
 */
export function OpenLecturePublishForm({ calendar, onDone }: { calendar: WorkCalendar | null; onDone: (l: TeamLecture) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const publish = usePublishLecture();
  const [other, setOther] = useState<string | null>(null);
  const today = todayShanghai();
  const req = { required: true, message: t('openLectures.required') };
  const len = (r: { min: number; max: number }) => ({ min: r.min, max: r.max, message: t('openLectures.length', r) });

  const finish = async (v: Values) => {
    setOther(null);
    try {
      onDone(await publish.mutateAsync({ ...v, date: v.date.format('YYYY-MM-DD') }));
      form.resetFields();
    } catch (e) {
      if (!isApiError(e)) throw e;
      setOther(showServerErrors(form, FIELDS, e, (p) => p.split('.')[0]));
    }
  };
  return (
    <Form form={form} name="open-lecture" layout="vertical" onFinish={finish} disabled={publish.isPending} requiredMark initialValues={{ durationMinutes: 90, startTime: '14:30' }}>
      <Form.Item name="title" label={t('openLectures.titleField')} rules={[req, len(OPEN_LECTURE_TEXT.title)]}>
        <Input maxLength={OPEN_LECTURE_TEXT.title.max} />
      </Form.Item>
      <Form.Item name="topics" label={t('openLectures.topics')} rules={[req]}>
        <Select mode="multiple" options={LECTURE_TOPICS.map((x) => ({ value: x.value, label: pick(x.label, i18n.language) }))} placeholder={t('openLectures.choose')} />
      </Form.Item>
      <Form.Item name="date" label={t('openLectures.date')} rules={[req]} extra={t('openLectures.dateHelp')}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => !calendar || checkAppointmentDate(calendar, d.format('YYYY-MM-DD'), today, 'date').length > 0} />
      </Form.Item>
      <Form.Item name="startTime" label={t('openLectures.startTime')} rules={[req]}>
        <Select options={LECTURE_TIMES.map((x) => ({ value: x, label: x }))} />
      </Form.Item>
      <Form.Item name="durationMinutes" label={t('openLectures.duration')} rules={[req]} extra={t('openLectures.range', OPEN_LECTURE_DURATION)}>
        <InputNumber min={OPEN_LECTURE_DURATION.min} max={OPEN_LECTURE_DURATION.max} step={30} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="place" label={t('openLectures.place')} rules={[req, len(OPEN_LECTURE_TEXT.place)]}>
        <Input maxLength={OPEN_LECTURE_TEXT.place.max} />
      </Form.Item>
      <Form.Item name="speaker" label={t('openLectures.speaker')} rules={[req, len(OPEN_LECTURE_TEXT.speaker)]}>
        <Input maxLength={OPEN_LECTURE_TEXT.speaker.max} />
      </Form.Item>
      <Form.Item name="capacity" label={t('openLectures.capacity')} rules={[req]} extra={t('openLectures.range', OPEN_LECTURE_CAPACITY)}>
        <InputNumber min={OPEN_LECTURE_CAPACITY.min} max={OPEN_LECTURE_CAPACITY.max} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {other ? <Alert type="error" showIcon title={other} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="open-lecture-publish">
        {t('openLectures.publish')}
      </Button>
    </Form>
  );
}
