import type { FieldError } from '../../errors.ts';
import { defineItemType } from '../item-type.ts';
import { districtField, idNumber, joinBasis, materials, mobile, notice, personName } from './application-fields.ts';

/** 居住证 (M5): one person's application; an enterprise coordinator files many at once from a spreadsheet of these same fields. */
export const residencePermit = defineItemType({
  code: 'residence-permit',
  names: { zh: '居住证申领', en: 'Residence permit' },
  measure: 5,
  submitters: ['enterprise', 'applicant'],
  form: [
    personName,
    idNumber,
    mobile,
    { name: 'address', kind: 'text', maxLength: 200, minLength: 5, required: true, label: { zh: '居住地址', en: 'Address of residence' } },
    { name: 'residenceSince', kind: 'date', required: true, label: { zh: '居住起始日期', en: 'Living there since' } },
    { name: 'residenceUntil', kind: 'date', label: { zh: '拟居住截止日期', en: 'Expected to live there until' } },
    { name: 'employer', kind: 'text', maxLength: 100, label: { zh: '就业单位', en: 'Employer' } },
    { ...districtField(false, { zh: '居住地所在区县', en: 'District of residence' }), help: { zh: '个人申请时填写；企业代办时按企业所在区县', en: "For individual applications; an enterprise's go to its own district" } },
    materials({ zh: '居住证明（租赁合同、房产证明或单位住宿证明）、就业证明', en: 'Proof of residence (lease, title deed or dormitory certificate) and of employment' }),
  ],
  refine: (v, today) => {
    const errors: FieldError[] = [];
    if (typeof v.residenceSince === 'string' && v.residenceSince > today) errors.push({ path: 'data.residenceSince', code: 'date_in_future' });
    if (typeof v.residenceUntil === 'string' && typeof v.residenceSince === 'string' && v.residenceUntil < v.residenceSince) {
      errors.push({ path: 'data.residenceUntil', code: 'end_before_start' });
    }
    return errors;
  },
  // The police station of the enterprise's district (the first one, until stations are mapped to streets).
  route: ({ enterpriseDistrict, data }) => ({ unitType: 'station', district: enterpriseDistrict ?? (data.district as typeof enterpriseDistrict) ?? 'zhangdian' }),
  routingNote: { zh: '由居住地公安派出所受理、制证；企业集中申办的，派出所集中制证、送证上门', en: 'The local police station; for an enterprise batch it produces the permits together and delivers them' },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'calendarDays', n: 15 }, basis: 'law', label: { zh: '受理之日起 15 日内制作发放', en: 'Issued within 15 days of acceptance' } }],
  },
  certificates: [{ kind: 'residence-permit', names: { zh: '居住证', en: 'Residence permit' }, prefix: '淄公居证', issuedOn: 'answer' }],
  ratingScale: 'five-level',
  // 居住证暂行条例 art. 9: extended at most to 30 days.
  maxExtensionDays: 15,
  guide: {
    materials: [
      { zh: '居民身份证', en: 'Resident ID card' },
      { zh: '近期免冠照片（现场采集）', en: 'A recent photo (taken on site)' },
      { zh: '居住地住址证明（租赁合同、房产证明或单位住宿证明）', en: 'Proof of the address (lease, title deed or dormitory certificate)' },
      { zh: '就业、就读等证明材料', en: 'Proof of employment or study' },
      { zh: '企业集中申办：按模板填写的人员名单（.xlsx，最多 10000 人）', en: 'Enterprise batch: the list of employees in the template (.xlsx, up to 10,000 people)' },
    ],
    steps: [
      { zh: '个人在线申请，或企业协管员下载模板、批量上传人员名单', en: "Apply online yourself, or your enterprise's coordinator uploads the list from the template" },
      { zh: '逐行校验，合格的即时提交，不合格的逐行列出待修改后重新上传（不会重复受理）', en: 'Every row is checked: good rows are filed at once, bad rows are listed for correction and re-upload (never filed twice)' },
      { zh: '派出所 1 个工作日内受理，受理之日起 15 日内制证', en: 'The police station accepts within 1 working day and issues within 15 days' },
      { zh: '企业集中申办的，派出所送证上门，企业签收（零跑腿）', en: 'For an enterprise batch the station delivers the permits and the enterprise signs for them (zero trips)' },
    ],
    basis: joinBasis(notice(5), { zh: '《居住证暂行条例》（国务院令第663号）第九条', en: 'Interim Regulation on Residence Permits (State Council Decree 663), art. 9' }),
    handledBy: { zh: '居住地公安派出所', en: 'Local police station' },
  },
});
