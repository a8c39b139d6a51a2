import type { FieldError } from '../../errors.ts';
import { defineItemType } from '../item-type.ts';
import { joinBasis, materials, notice } from './application-fields.ts';
import { contactName, contactPhone } from './common-fields.ts';

/** 大件运输许可 (M6): the clock follows the route the applicant gives — in-province the same day, out-of-province 3 working days. */
export const oversizeTransport = defineItemType({
  code: 'oversize-transport',
  names: { zh: '大件运输许可', en: 'Oversize transport permit' },
  measure: 6,
  submitters: ['enterprise'],
  form: [
    {
      name: 'route',
      kind: 'select',
      required: true,
      label: { zh: '运输范围', en: 'Route' },
      options: [
        { value: 'in-province', label: { zh: '省内运输', en: 'Within Shandong' } },
        { value: 'out-of-province', label: { zh: '跨省运输', en: 'Across provinces' } },
      ],
    },
    { name: 'plate', kind: 'checked', check: 'plate', required: true, label: { zh: '牵引车号牌', en: 'Tractor plate' } },
    { name: 'cargo', kind: 'text', maxLength: 200, required: true, label: { zh: '货物名称（不可解体物品）', en: 'Cargo (indivisible load)' } },
    { name: 'lengthM', kind: 'number', min: 1, max: 100, required: true, label: { zh: '车货总长（米）', en: 'Total length (m)' } },
    { name: 'widthM', kind: 'number', min: 1, max: 20, required: true, label: { zh: '车货总宽（米）', en: 'Total width (m)' } },
    { name: 'heightM', kind: 'number', min: 1, max: 10, required: true, label: { zh: '车货总高（米）', en: 'Total height (m)' } },
    { name: 'totalMassT', kind: 'number', min: 1, max: 1000, required: true, label: { zh: '车货总质量（吨）', en: 'Total mass (t)' } },
    { name: 'origin', kind: 'text', maxLength: 200, required: true, label: { zh: '起运地', en: 'From' } },
    { name: 'destination', kind: 'text', maxLength: 200, required: true, label: { zh: '目的地', en: 'To' } },
    { name: 'fromDate', kind: 'date', required: true, label: { zh: '通行起始日期', en: 'First day of travel' } },
    { name: 'toDate', kind: 'date', required: true, label: { zh: '通行截止日期', en: 'Last day of travel' } },
    contactName,
    contactPhone,
    materials({ zh: '车辆行驶证、驾驶人驾驶证、货物及车货外廓示意图、通行路线图', en: 'Vehicle and driving licences, load drawing, route map' }),
  ],
  refine: (v) => {
    const errors: FieldError[] = [];
    if (typeof v.fromDate === 'string' && typeof v.toDate === 'string' && v.toDate < v.fromDate) errors.push({ path: 'data.toDate', code: 'end_before_start' });
    return errors;
  },
  route: () => ({ unitType: 'traffic-police' }),
  routingNote: { zh: '由市公安局交警支队审核通行时间、路线', en: 'The traffic police detachment sets the time and route' },
  clocks: {
    accept: { rule: { kind: 'sameday' }, basis: 'default' },
    handle: [
      {
        when: { source: 'data', field: 'route', equals: 'out-of-province' },
        rule: { kind: 'workdays', n: 3 },
        basis: 'seed',
        label: { zh: '省外运输 3 个工作日内完成审核', en: 'Across provinces: reviewed within 3 working days' },
      },
      { rule: { kind: 'sameday' }, basis: 'seed', label: { zh: '省内运输当日完成审核', en: 'Within Shandong: reviewed the same day' } },
    ],
  },
  certificates: [{ kind: 'oversize-transport-pass', names: { zh: '超限运输车辆通行证', en: 'Oversize transport vehicle pass' }, prefix: '淄公交超限', issuedOn: 'answer' }],
  ratingScale: 'five-level',
  maxExtensionDays: 2,
  guide: {
    materials: [
      { zh: '车辆行驶证、驾驶人驾驶证', en: 'Vehicle and driving licences' },
      { zh: '货物名称、外廓尺寸、质量说明及示意图', en: 'Cargo, dimensions and mass, with a drawing' },
      { zh: '通行路线图和护送方案', en: 'Route map and escort plan' },
    ],
    steps: [
      { zh: '在线提交，选择省内或跨省运输', en: 'Apply online, choosing within Shandong or across provinces' },
      { zh: '当日受理', en: 'Accepted the same day' },
      { zh: '省内运输当日完成审核，跨省运输 3 个工作日内完成审核', en: 'Within Shandong reviewed the same day; across provinces within 3 working days' },
      { zh: '按指定的时间、路线、速度行驶，悬挂明显标志', en: 'Travel at the set time, route and speed, with clear markings' },
    ],
    basis: joinBasis(notice(6), { zh: '《中华人民共和国道路交通安全法》第四十八条', en: 'Road Traffic Safety Law, art. 48' }),
    handledBy: { zh: '市公安局交通警察支队', en: 'Traffic Police Detachment' },
  },
});
