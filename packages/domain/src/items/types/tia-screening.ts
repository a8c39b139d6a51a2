import { defineItemType } from '../item-type.ts';
import { attachments, contactName, contactPhone } from './common-fields.ts';

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
    ],
    basis: { zh: '淄公通〔2023〕34号 第9条；《淄博市建设项目交通影响评价实施办法》', en: 'Notice 淄公通〔2023〕34号, measure 9' },
    handledBy: { zh: '市公安局交警支队', en: 'Traffic police detachment' },
  },
});
