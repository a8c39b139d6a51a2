import type { FieldError } from '../../errors.ts';
import { defineItemType } from '../item-type.ts';
import { idNumber, joinBasis, materials, mobile, notice, personName } from './application-fields.ts';

/** 商务急需出国（境）加急办证 (M6): the exit-entry green channel for an enterprise's urgent business trip. */
export const exitEntryUrgent = defineItemType({
  code: 'exit-entry-urgent',
  names: { zh: '商务急需出国（境）加急办证', en: 'Urgent exit-entry documents for business trips' },
  measure: 6,
  submitters: ['enterprise', 'applicant'],
  form: [
    personName,
    idNumber,
    mobile,
    {
      name: 'document',
      kind: 'select',
      required: true,
      label: { zh: '证件种类', en: 'Document' },
      options: [
        { value: 'passport', label: { zh: '普通护照', en: 'Ordinary passport' } },
        { value: 'hk-macao', label: { zh: '往来港澳通行证及签注', en: 'Mainland Travel Permit for Hong Kong and Macao, with endorsement' } },
        { value: 'taiwan', label: { zh: '往来台湾通行证及签注', en: 'Mainland Travel Permit for Taiwan, with endorsement' } },
      ],
    },
    { name: 'destination', kind: 'text', maxLength: 100, required: true, label: { zh: '前往国家（地区）', en: 'Destination' } },
    { name: 'departureDate', kind: 'date', required: true, label: { zh: '拟出发日期', en: 'Planned departure' } },
    { name: 'employer', kind: 'text', maxLength: 100, required: true, label: { zh: '所在单位', en: 'Employer' } },
    { name: 'reason', kind: 'textarea', maxLength: 1000, minLength: 5, required: true, label: { zh: '加急事由', en: 'Why it is urgent' } },
    materials({ zh: '邀请函、合同或参展证明等商务急需证明', en: 'Invitation, contract or fair registration proving the urgency' }),
  ],
  refine: (v, today) => {
    const errors: FieldError[] = [];
    if (typeof v.departureDate === 'string' && v.departureDate < today) errors.push({ path: 'data.departureDate', code: 'end_before_start' });
    return errors;
  },
  route: () => ({ unitType: 'exit-entry' }),
  routingNote: { zh: '出入境业务窗口“绿色通道”加急办理', en: 'The green channel of the exit-entry window' },
  clocks: {
    accept: { rule: { kind: 'sameday' }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 3 }, basis: 'default' }],
  },
  certificates: [{ kind: 'exit-entry-urgent', names: { zh: '出入境证件加急受理凭证', en: 'Urgent exit-entry document acceptance' }, prefix: '淄公出入境急', issuedOn: 'answer' }],
  ratingScale: 'five-level',
  maxExtensionDays: 3,
  guide: {
    materials: [
      { zh: '居民身份证', en: 'Resident ID card' },
      { zh: '单位出具的商务急需出国（境）说明', en: "The employer's statement of the urgent trip" },
      { zh: '邀请函、合同、参展证明等', en: 'Invitation, contract or fair registration' },
    ],
    steps: [
      { zh: '在线提交加急申请', en: 'Apply online for urgent handling' },
      { zh: '当日受理', en: 'Accepted the same day' },
      { zh: '受理后 3 个工作日内制证', en: 'Issued within 3 working days of acceptance' },
    ],
    basis: joinBasis(notice(6), { zh: '《中华人民共和国护照法》第六条（因合理紧急事由加急办理）', en: 'Passport Law, art. 6 (urgent handling for reasonable urgent cause)' }),
    handledBy: { zh: '市公安局出入境管理支队', en: 'Exit-Entry Administration' },
  },
});
