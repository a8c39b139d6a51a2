import { defineItemType } from '../item-type.ts';
import { districtField, materials, notice } from './application-fields.ts';
import { contactName, contactPhone } from './common-fields.ts';

/** 门楼牌编划审批 (M6): a building project's house numbers approved within 5 working days. */
export const houseNumber = defineItemType({
  code: 'house-number',
  names: { zh: '门楼牌编划审批', en: 'House number plate approval' },
  measure: 6,
  submitters: ['enterprise'],
  form: [
    { name: 'projectName', kind: 'text', maxLength: 100, required: true, label: { zh: '项目名称', en: 'Project' } },
    districtField(true, { zh: '项目所在区县', en: 'District of the project' }),
    { name: 'location', kind: 'text', maxLength: 200, required: true, label: { zh: '项目位置（四至）', en: 'Location (boundaries)' } },
    { name: 'buildings', kind: 'number', integer: true, min: 1, max: 500, required: true, label: { zh: '楼栋数', en: 'Number of buildings' } },
    { name: 'proposal', kind: 'textarea', maxLength: 2000, label: { zh: '编号建议', en: 'Proposed numbering' } },
    contactName,
    contactPhone,
    materials({ zh: '建设工程规划许可证、总平面图', en: 'Construction planning permit and site plan' }),
  ],
  route: ({ data, enterpriseDistrict }) => ({ unitType: 'branch', district: (data.district as typeof enterpriseDistrict) ?? enterpriseDistrict ?? 'zhangdian' }),
  routingNote: { zh: '由项目所在地公安分县局户政部门审批', en: "The household registration desk of the project's district bureau" },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 5 }, basis: 'seed', label: { zh: '5 个工作日内完成审批', en: 'Approved within 5 working days' } }],
  },
  certificates: [{ kind: 'house-number', names: { zh: '门牌证', en: 'House number certificate' }, prefix: '淄公门牌', issuedOn: 'answer' }],
  ratingScale: 'five-level',
  maxExtensionDays: 5,
  guide: {
    materials: [
      { zh: '建设工程规划许可证', en: 'Construction planning permit' },
      { zh: '项目总平面图（标注楼栋）', en: 'Site plan with the buildings marked' },
      { zh: '营业执照', en: 'Business licence' },
    ],
    steps: [
      { zh: '在线提交（可与占道挖掘等一并“打包办”）', en: 'Apply online (may be filed together with road works as one package)' },
      { zh: '1 个工作日内受理', en: 'Accepted within 1 working day' },
      { zh: '5 个工作日内完成审批', en: 'Approved within 5 working days' },
    ],
    basis: notice(6),
    handledBy: { zh: '项目所在地公安分县局', en: 'District police bureau' },
  },
});
