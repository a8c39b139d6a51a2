import { defineItemType } from '../item-type.ts';
import { attachments, contactName, contactPhone, content } from './common-fields.ts';

/**
 * 治安问题投诉 (M14). Accepting means the complaint was verified and holds; the handling clock is then the
 * seed's promise that rectification starts within 3 days. Answering records the patrol or rectification action.
 */
export const publicOrderComplaint = defineItemType({
  code: 'public-order-complaint',
  names: { zh: '治安问题投诉', en: 'Public-order complaint' },
  answerRelevanceFields: ['location', 'content'],
  measure: 14,
  submitters: ['enterprise'],
  form: [
    {
      name: 'problem',
      kind: 'select',
      required: true,
      label: { zh: '问题类型', en: 'Problem' },
      options: [
        { value: 'theft', label: { zh: '盗窃', en: 'Theft' } },
        { value: 'obstruction', label: { zh: '强揽工程、阻工扰工', en: 'Forced contracts or obstruction of work' } },
        { value: 'extortion', label: { zh: '敲诈勒索、欺行霸市', en: 'Extortion or market bullying' } },
        { value: 'disorder', label: { zh: '周边治安秩序混乱', en: 'Disorder around the premises' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
    { name: 'location', kind: 'text', maxLength: 200, required: true, label: { zh: '发生地点', en: 'Location' } },
    content,
    contactName,
    contactPhone,
    attachments,
  ],
  route: ({ enterpriseDistrict }) => ({ unitType: 'branch', district: enterpriseDistrict ?? 'zhangdian' }),
  routingNote: { zh: '由企业所在地公安分县局核查处置', en: "Verified and handled by the district's police bureau" },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'calendarDays', n: 3 }, basis: 'seed', label: { zh: '查实后 3 日内启动整治', en: 'Rectification starts within 3 days of verification' } }],
  },
  ratingScale: 'three-level',
  maxExtensionDays: 3,
  guide: {
    materials: [{ zh: '问题描述、发生地点', en: 'What happens and where' }, { zh: '照片、视频等线索（可选）', en: 'Photos or videos (optional)' }],
    steps: [
      { zh: '在线投诉', en: 'File the complaint online' },
      { zh: '公安机关核查', en: 'The police verify it' },
      { zh: '查实的 3 日内启动整治并反馈', en: 'If it holds, rectification starts within 3 days and you are told' },
    ],
    basis: { zh: '淄公通〔2023〕34号 第14条', en: 'Notice 淄公通〔2023〕34号, measure 14' },
    handledBy: { zh: '属地公安分县局', en: 'District police bureau' },
  },
});
