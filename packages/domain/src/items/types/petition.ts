import { defineItemType } from '../item-type.ts';
import { attachments, contactName, contactPhone, content, title } from './common-fields.ts';

/** 涉企信访 (M20), under 首接首办: the first receiving unit answers for it until a transfer is accepted. */
export const petition = defineItemType({
  code: 'petition',
  names: { zh: '涉企信访', en: 'Enterprise petition' },
  answerRelevanceFields: ['title', 'content'],
  measure: 20,
  submitters: ['enterprise'],
  form: [title, content, contactName, contactPhone, attachments],
  route: ({ enterpriseDistrict }) => ({ unitType: 'branch', district: enterpriseDistrict ?? 'zhangdian' }),
  routingNote: { zh: '首接首办：由企业所在地公安分县局首接负责', en: 'First contact: the district police bureau stays responsible' },
  clocks: {
    accept: { rule: { kind: 'calendarDays', n: 15 }, basis: 'law' },
    handle: [{ rule: { kind: 'calendarDays', n: 60 }, basis: 'law' }],
  },
  ratingScale: 'three-level',
  maxExtensionDays: 30,
  guide: {
    materials: [{ zh: '信访事项及理由', en: 'The petition and its grounds' }, { zh: '相关材料（可选）', en: 'Documents (optional)' }],
    steps: [
      { zh: '在线提交', en: 'Submit online' },
      { zh: '15 日内告知是否受理', en: 'Told within 15 days whether it is accepted' },
      { zh: '受理之日起 60 日内办结', en: 'Concluded within 60 days of acceptance' },
    ],
    basis: { zh: '《信访工作条例》第三十一条、第三十五条', en: 'Regulation on Petition Work, arts. 31 and 35' },
    handledBy: { zh: '属地公安分县局（首接单位）', en: 'District police bureau (first contact)' },
  },
});
