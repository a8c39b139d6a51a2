import { defineItemType } from '../item-type.ts';
import { attachments, contactName, contactPhone, content, title } from './common-fields.ts';

/** 企业诉求 / 线上答疑 / 业务指导 (M2): every valid appeal tracked to its end. */
export const appeal = defineItemType({
  code: 'appeal',
  names: { zh: '企业诉求', en: 'Enterprise appeal' },
  answerRelevanceFields: ['title', 'content'],
  measure: 2,
  submitters: ['enterprise'],
  form: [
    {
      name: 'category',
      kind: 'select',
      required: true,
      label: { zh: '诉求类别', en: 'Category' },
      options: [
        { value: 'policy', label: { zh: '政策咨询', en: 'Policy question' } },
        { value: 'guidance', label: { zh: '业务指导', en: 'Business guidance' } },
        { value: 'difficulty', label: { zh: '困难诉求', en: 'Difficulty' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
    title,
    content,
    contactName,
    contactPhone,
    attachments,
  ],
  // Every category goes to the enterprise's district bureau, whose 警企服务 desk answers or opens branches.
  route: ({ enterpriseDistrict }) => ({ unitType: 'branch', district: enterpriseDistrict ?? 'zhangdian' }),
  routingNote: { zh: '按企业注册地，由属地公安分县局警企服务窗口办理', en: "Handled by the police bureau of the enterprise's district" },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 5 }, basis: 'default' }],
  },
  ratingScale: 'three-level',
  maxExtensionDays: 5,
  guide: {
    materials: [{ zh: '诉求说明（在线填写）', en: 'A description of the appeal (online form)' }, { zh: '相关证明材料（可选）', en: 'Supporting documents (optional)' }],
    steps: [
      { zh: '在线提交诉求', en: 'Submit the appeal online' },
      { zh: '1 个工作日内受理', en: 'Accepted within 1 working day' },
      { zh: '5 个工作日内答复', en: 'Answered within 5 working days' },
      { zh: '对答复进行评价，不满意可在 7 日内重新提出', en: 'Rate the answer; if not satisfied, reopen within 7 days' },
    ],
    basis: { zh: '淄公通〔2023〕34号 第2条 “企业诉求专区”', en: 'Notice 淄公通〔2023〕34号, measure 2' },
    handledBy: { zh: '属地公安分县局', en: 'District police bureau' },
  },
});
