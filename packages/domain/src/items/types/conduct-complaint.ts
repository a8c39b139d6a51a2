import { defineItemType } from '../item-type.ts';
import { attachments, contactName, contactPhone, content } from './common-fields.ts';

/** 执法服务投诉 (12389, M20): open to anyone, accepted at once; a major complaint is answered in 3 working days. */
export const conductComplaint = defineItemType({
  code: 'conduct-complaint',
  names: { zh: '执法服务投诉（12389）', en: 'Police conduct complaint (12389)' },
  answerRelevanceFields: ['subject', 'content'],
  measure: 20,
  submitters: ['public', 'enterprise', 'applicant'],
  form: [
    { name: 'subject', kind: 'text', maxLength: 100, required: true, label: { zh: '被投诉单位或民警', en: 'Unit or officer complained about' } },
    { name: 'occurredOn', kind: 'date', label: { zh: '发生日期', en: 'Date' } },
    content,
    contactName,
    contactPhone,
    attachments,
  ],
  acceptForm: [{ name: 'major', kind: 'boolean', label: { zh: '重大问题', en: 'Major issue' } }],
  route: () => ({ unitType: 'inspection' }),
  routingNote: { zh: '由市公安局督察支队受理核查', en: 'Handled by the city bureau’s inspection detachment' },
  clocks: {
    accept: { rule: { kind: 'sameday' }, basis: 'seed' },
    handle: [
      { when: { source: 'accept', field: 'major', equals: true }, rule: { kind: 'workdays', n: 3 }, basis: 'seed', label: { zh: '重大问题 3 个工作日内答复', en: 'Major issues: 3 working days' } },
      { rule: { kind: 'workdays', n: 15 }, basis: 'default', label: { zh: '一般问题 15 个工作日内答复', en: 'Other issues: 15 working days' } },
    ],
  },
  ratingScale: 'three-level',
  maxExtensionDays: 10,
  guide: {
    materials: [{ zh: '投诉事项说明', en: 'What the complaint is about' }, { zh: '相关证据（可选）', en: 'Evidence (optional)' }],
    steps: [
      { zh: '拨打 12389 或在线投诉，无需登录', en: 'Call 12389 or complain online; no account needed' },
      { zh: '第一时间受理', en: 'Accepted at once' },
      { zh: '核查后答复；重大问题 3 个工作日内答复', en: 'Verified and answered; major issues within 3 working days' },
    ],
    basis: { zh: '淄公通〔2023〕34号 第20条', en: 'Notice 淄公通〔2023〕34号, measure 20' },
    handledBy: { zh: '市公安局督察支队', en: 'Inspection detachment' },
  },
});
