import { INSPECTION_SLOTS, INSPECTION_STATIONS, inspectionStation } from '../../traffic/appointments.ts';
import type { FieldError } from '../../errors.ts';
import { APPOINTMENT_MAX_DAYS_AHEAD, checkAppointmentDate, daysBetween } from '../../calendar/index.ts';
import { defineItemType } from '../item-type.ts';
import { contactName, contactPhone } from './common-fields.ts';

const stationOptions = INSPECTION_STATIONS.map((s) => ({ value: s.id, label: s.name }));

/** 批量新车就近上线查验 (M8): a transport enterprise buying 5 or more new vehicles books one inspection at a nearby station. */
export const batchInspection = defineItemType({
  code: 'batch-inspection',
  names: { zh: '批量新车（5 台以上）就近上线查验', en: 'Batch inspection of 5 or more new vehicles' },
  measure: 8,
  submitters: ['enterprise'],
  form: [
    {
      name: 'business',
      kind: 'select',
      required: true,
      label: { zh: '运输企业类型', en: 'Transport business' },
      options: [
        { value: 'taxi', label: { zh: '出租', en: 'Taxi' } },
        { value: 'bus', label: { zh: '公交', en: 'Bus' } },
        { value: 'coach', label: { zh: '客运', en: 'Coach' } },
        { value: 'freight', label: { zh: '货运', en: 'Freight' } },
      ],
    },
    {
      name: 'vehicles',
      kind: 'list',
      required: true,
      minItems: 5,
      maxItems: 500,
      label: { zh: '新车清单', en: 'New vehicles' },
      help: { zh: '至少 5 台；车辆识别代号（VIN）校验位须正确', en: 'At least 5; each VIN must have a valid check digit' },
      fields: [
        { name: 'vin', kind: 'checked', check: 'vin', required: true, label: { zh: '车辆识别代号', en: 'VIN' } },
        { name: 'plate', kind: 'checked', check: 'plate', label: { zh: '号牌号码（如已有）', en: 'Plate (if any)' } },
        { name: 'model', kind: 'text', maxLength: 50, label: { zh: '车辆型号', en: 'Model' } },
      ],
    },
    { name: 'preferredStation', kind: 'select', required: true, options: stationOptions, label: { zh: '就近检测站', en: 'Nearby inspection station' } },
    {
      name: 'preferredDate',
      kind: 'date',
      required: true,
      label: { zh: '期望查验日期', en: 'Preferred date' },
      help: { zh: `今天以后 ${APPOINTMENT_MAX_DAYS_AHEAD} 天内；以车管所安排为准`, en: `Within ${APPOINTMENT_MAX_DAYS_AHEAD} days after today; the vehicle office confirms` },
    },
    contactName,
    contactPhone,
  ],
  refine: (v, today) => {
    const errors: FieldError[] = [];
    const d = v.preferredDate;
    if (typeof d !== 'string') return errors;
    if (d <= today) errors.push({ path: 'data.preferredDate', code: 'appointment_not_future', params: { date: d } });
    else if (daysBetween(today, d) > APPOINTMENT_MAX_DAYS_AHEAD) errors.push({ path: 'data.preferredDate', code: 'appointment_too_far', params: { max: APPOINTMENT_MAX_DAYS_AHEAD } });
    return errors;
  },
  // 安排查验: the vehicle office answers with the station, the day and the slot.
  answerForm: {
    form: [
      { name: 'inspectionStation', kind: 'select', required: true, options: stationOptions, label: { zh: '查验检测站', en: 'Inspection station' } },
      {
        name: 'inspectionDate',
        kind: 'date',
        required: true,
        label: { zh: '查验日期', en: 'Inspection date' },
        help: { zh: '须为今天以后的工作日', en: 'A working day after today' },
      },
      { name: 'inspectionSlot', kind: 'select', required: true, options: [...INSPECTION_SLOTS], label: { zh: '查验时段', en: 'Time slot' } },
    ],
    refine: (v, { today, calendar }) => (v.inspectionDate === undefined ? [] : checkAppointmentDate(calendar, v.inspectionDate, today, 'inspectionDate')),
    notice: (v) => {
      const station = inspectionStation(v.inspectionStation);
      return {
        kind: 'inspection_scheduled',
        params: { date: v.inspectionDate, slot: v.inspectionSlot, station: station?.name, address: station?.address },
      };
    },
  },
  route: () => ({ unitType: 'vehicle-admin' }),
  routingNote: { zh: '由市公安局交警支队车辆管理所安排上线查验', en: 'Scheduled by the vehicle administration office' },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 5 }, basis: 'default', label: { zh: '5 个工作日内安排查验', en: 'Scheduled within 5 working days' } }],
  },
  ratingScale: 'five-level',
  maxExtensionDays: 5,
  guide: {
    materials: [{ zh: '新车清单（车辆识别代号、型号）', en: 'List of the new vehicles (VIN, model)' }, { zh: '购车发票、合格证（现场查验时提供）', en: 'Invoices and certificates (at the inspection)' }],
    steps: [
      { zh: '在线提交新车清单并选择就近检测站', en: 'Submit the list and pick a nearby station' },
      { zh: '车管所 5 个工作日内安排集中上线查验，告知检测站、日期和时段', en: 'The vehicle office schedules the inspection within 5 working days: station, day and slot' },
    ],
    basis: { zh: '淄公通〔2023〕34号 第8条', en: 'Notice 淄公通〔2023〕34号, measure 8' },
    handledBy: { zh: '市公安局交警支队车辆管理所', en: 'Vehicle administration office' },
  },
});
