import { defineItemType } from '../item-type.ts';
import { contactName, contactPhone } from './common-fields.ts';
import { plateField, roadIdsField } from './truck-pass.ts';

/** 新能源环卫/渣土/混凝土车辆通行备案 (M8): route and times filed, then the checker allows them (SPEC §5 rule 3). */
export const nevSpecialFiling = defineItemType({
  code: 'nev-special-filing',
  names: { zh: '新能源环卫/渣土/混凝土车辆通行备案', en: 'NEV sanitation / muck / concrete truck route filing' },
  measure: 8,
  submitters: ['enterprise'],
  form: [
    plateField,
    {
      name: 'use',
      kind: 'select',
      required: true,
      label: { zh: '车辆用途', en: 'Use' },
      options: [
        { value: 'sanitation', label: { zh: '新能源环卫车', en: 'NEV sanitation truck' } },
        { value: 'muck', label: { zh: '新能源密闭渣土车', en: 'Sealed NEV muck truck' } },
        { value: 'concrete', label: { zh: '新能源混凝土运输车', en: 'NEV concrete truck' } },
      ],
    },
    roadIdsField(true),
    {
      name: 'timeWindows',
      kind: 'text',
      maxLength: 200,
      required: true,
      label: { zh: '通行时段', en: 'Time windows' },
      help: { zh: '如 05:00-07:00,20:00-23:00；跨零点写 22:00-05:00', en: 'e.g. 05:00-07:00,20:00-23:00; across midnight 22:00-05:00' },
    },
    { name: 'validFrom', kind: 'date', required: true, label: { zh: '备案有效期自', en: 'Valid from' } },
    { name: 'validTo', kind: 'date', required: true, label: { zh: '备案有效期至', en: 'Valid to (inclusive)' } },
    contactName,
    contactPhone,
  ],
  route: () => ({ unitType: 'traffic-police' }),
  routingNote: { zh: '由市公安局交警支队审核备案', en: 'Reviewed by the traffic police detachment' },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 3 }, basis: 'default' }],
  },
  ratingScale: 'five-level',
  maxExtensionDays: 3,
  guide: {
    materials: [
      { zh: '车辆号牌和用途（须为新能源车辆，渣土车须密闭）', en: 'Plate and use (new-energy; muck trucks sealed)' },
      { zh: '通行路段和时段', en: 'Roads and time windows' },
    ],
    steps: [
      { zh: '在线备案车辆、路线和时间', en: 'File the vehicle, route and times online' },
      { zh: '交警支队审核，通过后按备案路线和时段通行', en: 'Once approved, the truck may use the filed roads at the filed times' },
    ],
    basis: { zh: '淄公通〔2023〕34号 第8条', en: 'Notice 淄公通〔2023〕34号, measure 8' },
    handledBy: { zh: '市公安局交警支队', en: 'Traffic police detachment' },
  },
});
