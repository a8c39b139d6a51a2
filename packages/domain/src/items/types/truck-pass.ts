import { defineItemType } from '../item-type.ts';
import type { FormField } from '../form.ts';
import { contactName, contactPhone } from './common-fields.ts';

/** Vehicle fields shared by the M8 traffic items. */
export const plateField: FormField = { name: 'plate', kind: 'checked', check: 'plate', required: true, label: { zh: '号牌号码', en: 'Plate number' } };
export const newEnergyField: FormField = { name: 'newEnergy', kind: 'boolean', required: true, label: { zh: '新能源车辆', en: 'New-energy vehicle' } };
export const massField: FormField = { name: 'totalMassKg', kind: 'number', integer: true, min: 1, max: 100_000, required: true, label: { zh: '总质量（千克）', en: 'Total mass (kg)' } };
export const lengthField: FormField = { name: 'lengthMm', kind: 'number', integer: true, min: 1, max: 30_000, required: true, label: { zh: '车长（毫米）', en: 'Length (mm)' } };
export const bodyField: FormField = {
  name: 'body',
  kind: 'select',
  required: true,
  label: { zh: '车身形式', en: 'Body' },
  options: [
    { value: 'box', label: { zh: '厢式', en: 'Box' } },
    { value: 'other', label: { zh: '其他', en: 'Other' } },
  ],
};
export const roadIdsField = (required: boolean): FormField => ({
  name: 'roadIds',
  kind: 'text',
  maxLength: 1000,
  required,
  label: { zh: '通行路段', en: 'Roads' },
  help: { zh: '路段编号，用逗号分隔（见“道路路段”列表）', en: 'Road ids separated by commas (see the road list)' },
});

/** 货车通行码 (M8): a temporary code is issued instantly online; short- and long-term codes are reviewed within 1 working day. */
export const truckPass = defineItemType({
  code: 'truck-pass',
  names: { zh: '货车通行码', en: 'Truck pass code' },
  measure: 8,
  submitters: ['enterprise', 'applicant'],
  form: [
    {
      name: 'kind',
      kind: 'select',
      required: true,
      label: { zh: '通行码类型', en: 'Kind' },
      options: [
        { value: 'temporary', label: { zh: '临时通行码（即时核发，最长 7 天）', en: 'Temporary (issued instantly, up to 7 days)' } },
        { value: 'short-term', label: { zh: '短期通行码（最长 3 个月）', en: 'Short-term (up to 3 months)' } },
        { value: 'long-term', label: { zh: '长期通行码（最长 12 个月）', en: 'Long-term (up to 12 months)' } },
      ],
    },
    plateField,
    newEnergyField,
    massField,
    lengthField,
    bodyField,
    { name: 'validFrom', kind: 'date', required: true, label: { zh: '有效期自', en: 'Valid from' } },
    { name: 'validTo', kind: 'date', required: true, label: { zh: '有效期至', en: 'Valid to (inclusive)' } },
    {
      name: 'roadClasses',
      kind: 'select',
      required: true,
      label: { zh: '通行道路类型', en: 'Road classes' },
      options: [
        { value: 'ordinary', label: { zh: '普通道路', en: 'Ordinary roads' } },
        { value: 'all', label: { zh: '普通道路和城市快速路', en: 'Ordinary roads and city expressways' } },
      ],
    },
    roadIdsField(false),
    { name: 'reason', kind: 'textarea', maxLength: 500, label: { zh: '通行事由', en: 'Purpose' } },
    contactName,
    contactPhone,
  ],
  route: () => ({ unitType: 'traffic-police' }),
  routingNote: { zh: '由市公安局交警支队审核；临时通行码系统即时核发', en: 'Reviewed by the traffic police detachment; temporary codes are issued by the system at once' },
  clocks: {
    // The review of a short- or long-term code is its acceptance: within 1 working day (M8).
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'seed' },
    handle: [
      { when: { source: 'data', field: 'kind', equals: 'temporary' }, rule: { kind: 'instant' }, basis: 'seed', label: { zh: '临时通行码即时核发', en: 'Temporary: issued instantly' } },
      { rule: { kind: 'workdays', n: 1 }, basis: 'seed', label: { zh: '短期、长期通行码 1 个工作日内完成审核', en: 'Short- and long-term: reviewed within 1 working day' } },
    ],
  },
  ratingScale: 'five-level',
  maxExtensionDays: 1,
  guide: {
    materials: [
      { zh: '车辆号牌、总质量、车长、车身形式', en: 'Plate, total mass, length and body of the vehicle' },
      { zh: '通行时间和道路', en: 'When and where the truck will travel' },
    ],
    steps: [
      { zh: '在线申请，临时通行码即时核发', en: 'Apply online; a temporary code is issued at once' },
      { zh: '短期、长期通行码 1 个工作日内审核，通过即核发', en: 'Short- and long-term codes are reviewed within 1 working day and issued on approval' },
      { zh: '通行码附二维码，路面民警扫码核验', en: 'Each code has a QR code that roadside officers scan to verify' },
    ],
    basis: { zh: '淄公通〔2023〕34号 第8条', en: 'Notice 淄公通〔2023〕34号, measure 8' },
    handledBy: { zh: '市公安局交警支队', en: 'Traffic police detachment' },
  },
});
