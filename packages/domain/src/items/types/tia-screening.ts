import { SURVEY_TIMES } from '../../traffic/appointments.ts';
import { tiaScreeningOf } from '../../traffic/tia.ts';
import type { FieldError } from '../../errors.ts';
import { checkAppointmentDate } from '../../calendar/index.ts';
import { defineItemType } from '../item-type.ts';
import { attachments, contactName, contactPhone } from './common-fields.ts';

const SURVEY_FIELDS = ['surveyDate', 'surveyTime', 'surveyPlace'] as const;

/** 建设项目交通影响评价初筛 (M9): the project's figures against the start thresholds (screenTia), then assessment or expert survey. */
export const tiaScreening = defineItemType({
  code: 'tia-screening',
  names: { zh: '建设项目交通影响评价初筛', en: 'Traffic impact assessment screening' },
  measure: 9,
  submitters: ['enterprise'],
  form: [
    { name: 'projectName', kind: 'text', maxLength: 100, minLength: 2, required: true, label: { zh: '项目名称', en: 'Project' } },
    { name: 'location', kind: 'text', maxLength: 200, required: true, label: { zh: '项目地址', en: 'Location' } },
    {
      name: 'projectKind',
      kind: 'select',
      required: true,
      label: { zh: '项目类型', en: 'Kind of project' },
      options: [
        { value: 'residential', label: { zh: '住宅', en: 'Residential' } },
        { value: 'commercial', label: { zh: '商业', en: 'Commercial' } },
        { value: 'industrial', label: { zh: '工业', en: 'Industrial' } },
        { value: 'public', label: { zh: '公共设施', en: 'Public facility' } },
      ],
    },
    { name: 'buildingAreaM2', kind: 'number', min: 0, max: 10_000_000, required: true, label: { zh: '总建筑面积（平方米）', en: 'Floor area (m²)' } },
    { name: 'parkingSpaces', kind: 'number', integer: true, min: 0, max: 100_000, required: true, label: { zh: '停车泊位（个）', en: 'Parking spaces' } },
    { name: 'peakHourTrips', kind: 'number', integer: true, min: 0, max: 1_000_000, required: true, label: { zh: '高峰小时出行量（人次）', en: 'Peak-hour trips' } },
    contactName,
    contactPhone,
    attachments,
  ],
  // 专家现场踏勘: a project below every threshold is answered with the survey's date, time and place.
  answerForm: {
    form: [
      {
        name: 'surveyDate',
        kind: 'date',
        label: { zh: '专家现场踏勘日期', en: 'Expert site survey date' },
        help: { zh: '仅初筛结果为“专家现场踏勘”的项目填写；须为今天以后的工作日', en: 'Only when the screening asks for an expert site survey; a working day after today' },
      },
      {
        name: 'surveyTime',
        kind: 'select',
        label: { zh: '踏勘时间', en: 'Survey time' },
        options: SURVEY_TIMES.map((t) => ({ value: t, label: { zh: t, en: t } })),
      },
      {
        name: 'surveyPlace',
        kind: 'text',
        maxLength: 200,
        minLength: 2,
        label: { zh: '踏勘集合地点', en: 'Meeting place' },
        help: { zh: '如：项目现场东门', en: 'E.g. the east gate of the site' },
      },
    ],
    refine: (v, { data, today, calendar }) => {
      const given = SURVEY_FIELDS.filter((n) => v[n] !== undefined);
      // A project that needs an assessment gets no survey: fields given for it are a mistake, said so.
      if (tiaScreeningOf(data).result !== 'expert-survey') return given.map((n) => ({ path: n, code: 'survey_not_applicable' }));
      const errors: FieldError[] = SURVEY_FIELDS.filter((n) => v[n] === undefined).map((n) => ({ path: n, code: 'required' }));
      if (v.surveyDate !== undefined) errors.push(...checkAppointmentDate(calendar, v.surveyDate, today, 'surveyDate'));
      return errors;
    },
    notice: (v) => ({ kind: 'survey_scheduled', params: { date: v.surveyDate, time: v.surveyTime, place: v.surveyPlace } }),
  },
  route: () => ({ unitType: 'traffic-police' }),
  routingNote: { zh: '由市公安局交警支队初筛；达到启动阈值的须做交通影响评价，未达到的组织专家现场踏勘', en: 'Screened by the traffic police detachment' },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 10 }, basis: 'default' }],
  },
  ratingScale: 'five-level',
  maxExtensionDays: 5,
  guide: {
    materials: [{ zh: '项目基本情况及建筑面积、停车泊位、高峰小时出行量', en: 'The project with its floor area, parking spaces and peak-hour trips' }, { zh: '总平面图（可选）', en: 'Site plan (optional)' }],
    steps: [
      { zh: '在线提交项目指标，系统按阈值给出初筛结果', en: 'Submit the figures; the system screens them against the thresholds' },
      { zh: '达到阈值：开展交通影响评价；未达到：组织专家现场踏勘', en: 'Above a threshold: an assessment; otherwise an expert site survey' },
      { zh: '需现场踏勘的，交警支队在答复中告知踏勘日期、时间和集合地点', en: 'For a survey, the traffic police answer with its date, time and meeting place' },
    ],
    basis: { zh: '淄公通〔2023〕34号 第9条；《淄博市建设项目交通影响评价实施办法》', en: 'Notice 淄公通〔2023〕34号, measure 9' },
    handledBy: { zh: '市公安局交警支队', en: 'Traffic police detachment' },
  },
});
