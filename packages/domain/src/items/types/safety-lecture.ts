import { checkAppointmentDate } from '../../calendar/index.ts';
import { LECTURE_TIMES, LECTURE_TOPICS, checkLectureBooking } from '../../prevention/lectures.ts';
import { defineItemType } from '../item-type.ts';
import { contactName, contactPhone } from './common-fields.ts';

/**
 * 平安宣讲预约 (M19): an enterprise books a safety lecture; the city's lecture team confirms it with a date, time,
 * speaker and place within 2 working days (the acceptance clock), gives it, records attendance and materials as the
 * answer, and the enterprise rates it (five-level 好差评). The server refuses a speaker booked twice at once.
 */
export const safetyLecture = defineItemType({
  code: 'safety-lecture',
  names: { zh: '平安宣讲预约', en: 'Safety lecture booking' },
  measure: 19,
  submitters: ['enterprise'],
  form: [
    {
      name: 'topics',
      kind: 'list',
      minItems: 1,
      maxItems: LECTURE_TOPICS.length,
      required: true,
      label: { zh: '宣讲主题', en: 'Topics' },
      help: { zh: '可选多个主题，每行一个', en: 'One topic a row; several may be chosen' },
      fields: [{ name: 'topic', kind: 'select', required: true, label: { zh: '主题', en: 'Topic' }, options: [...LECTURE_TOPICS] }],
    },
    {
      name: 'preferredDates',
      kind: 'list',
      minItems: 1,
      maxItems: 3,
      required: true,
      label: { zh: '期望日期', en: 'Preferred dates' },
      help: { zh: '今天以后的工作日，最多 3 个', en: 'Working days after today, up to 3' },
      fields: [{ name: 'date', kind: 'date', required: true, label: { zh: '日期', en: 'Date' } }],
    },
    { name: 'audienceSize', kind: 'number', integer: true, min: 5, max: 3000, required: true, label: { zh: '预计听众人数', en: 'Expected audience' } },
    { name: 'place', kind: 'text', maxLength: 200, minLength: 2, required: true, label: { zh: '宣讲地点', en: 'Place' }, help: { zh: '如：企业三楼会议室', en: "E.g. the company's third-floor meeting room" } },
    { name: 'remarks', kind: 'textarea', maxLength: 1000, label: { zh: '其他需求', en: 'Other wishes' } },
    contactName,
    contactPhone,
  ],
  refine: checkLectureBooking,
  acceptForm: [
    { name: 'lectureDate', kind: 'date', required: true, label: { zh: '宣讲日期', en: 'Lecture date' }, help: { zh: '今天以后的工作日', en: 'A working day after today' } },
    { name: 'startTime', kind: 'select', required: true, label: { zh: '开始时间', en: 'Start time' }, options: LECTURE_TIMES.map((t) => ({ value: t, label: { zh: t, en: t } })) },
    { name: 'durationMinutes', kind: 'number', integer: true, min: 30, max: 240, required: true, label: { zh: '时长（分钟）', en: 'Duration (minutes)' } },
    { name: 'speaker', kind: 'text', maxLength: 40, minLength: 2, required: true, label: { zh: '主讲人', en: 'Speaker' } },
    { name: 'lecturePlace', kind: 'text', maxLength: 200, minLength: 2, required: true, label: { zh: '宣讲地点', en: 'Place' } },
  ],
  acceptRefine: (v, { today, calendar }) => (v.lectureDate === undefined ? [] : checkAppointmentDate(calendar, v.lectureDate, today, 'lectureDate')),
  answerForm: {
    form: [
      { name: 'attendance', kind: 'number', integer: true, min: 1, max: 5000, required: true, label: { zh: '实到人数', en: 'Attendance' } },
      {
        name: 'materials',
        kind: 'textarea',
        maxLength: 2000,
        label: { zh: '宣讲材料', en: 'Materials' },
        help: { zh: '课件、发放资料、签到表等（名称或链接）', en: 'Slides, handouts, sign-in sheet (names or links)' },
      },
    ],
    // Attendance is recorded after the lecture: not before its day.
    refine: (_v, { accept, today }) => (typeof accept.lectureDate === 'string' && accept.lectureDate > today ? [{ path: 'attendance', code: 'lecture_not_held', params: { date: accept.lectureDate } }] : []),
    notice: (v) => ({ kind: 'lecture_recorded', params: { attendance: v.attendance } }),
  },
  route: () => ({ unitType: 'lecture-team' }),
  routingNote: { zh: '由市公安局平安宣讲团统一安排主讲人', en: "The city police's safety lecture team assigns a speaker" },
  clocks: {
    // 2 working days to confirm the date, time, speaker and place.
    accept: { rule: { kind: 'workdays', n: 2 }, basis: 'default' },
    // From confirmation to the record of the lecture: the appointment horizon is 90 days.
    handle: [{ rule: { kind: 'workdays', n: 65 }, basis: 'default' }],
  },
  ratingScale: 'five-level',
  maxExtensionDays: 10,
  guide: {
    materials: [{ zh: '宣讲主题、期望日期、听众人数和地点（在线填写）', en: 'Topics, preferred dates, audience and place (online form)' }],
    steps: [
      { zh: '在线预约宣讲，选择主题和期望日期', en: 'Book online with topics and preferred dates' },
      { zh: '2 个工作日内确认宣讲日期、时间、主讲人和地点', en: 'Date, time, speaker and place confirmed within 2 working days' },
      { zh: '宣讲结束后记录实到人数和宣讲材料', en: 'Attendance and materials recorded after the lecture' },
      { zh: '企业对宣讲进行评价（五级好差评）', en: 'The enterprise rates the lecture (five levels)' },
    ],
    basis: { zh: '淄公通〔2023〕34号 第19条 “平安宣讲进企业”', en: 'Notice 淄公通〔2023〕34号, measure 19' },
    handledBy: { zh: '市公安局平安宣讲团', en: 'Safety lecture team' },
  },
});
