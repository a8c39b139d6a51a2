import type { FieldError } from '../../errors.ts';
import { defineItemType } from '../item-type.ts';
import { districtField, joinBasis, materials, notice } from './application-fields.ts';
import { contactName, contactPhone } from './common-fields.ts';

/** 占用挖掘道路 / 跨越穿越道路架设管线 (M6): the traffic police's consent within 3 working days. */
export const roadWorks = defineItemType({
  code: 'road-works',
  names: { zh: '占用挖掘道路及跨越穿越道路架设管线许可', en: 'Road occupation, excavation and pipeline crossing permit' },
  measure: 6,
  submitters: ['enterprise'],
  form: [
    {
      name: 'workKind',
      kind: 'select',
      required: true,
      label: { zh: '施工类别', en: 'Kind of works' },
      options: [
        { value: 'occupation', label: { zh: '占用道路', en: 'Occupying the road' } },
        { value: 'excavation', label: { zh: '挖掘道路', en: 'Excavating the road' } },
        { value: 'pipeline-crossing', label: { zh: '跨越、穿越道路架设、增设管线设施', en: 'Pipelines or cables over or under the road' } },
      ],
    },
    { name: 'projectName', kind: 'text', maxLength: 100, required: true, label: { zh: '工程名称', en: 'Project' } },
    districtField(true, { zh: '施工路段所在区县', en: 'District of the works' }),
    { name: 'location', kind: 'text', maxLength: 200, required: true, label: { zh: '施工路段及范围', en: 'Road section and extent' } },
    { name: 'startDate', kind: 'date', required: true, label: { zh: '施工起始日期', en: 'Start' } },
    { name: 'endDate', kind: 'date', required: true, label: { zh: '施工截止日期', en: 'End' } },
    { name: 'trafficPlan', kind: 'textarea', maxLength: 3000, minLength: 5, required: true, label: { zh: '交通组织和安全防护方案', en: 'Traffic management and safety plan' } },
    contactName,
    contactPhone,
    materials({ zh: '道路主管部门同意文件、施工图、交通组织方案', en: "Road authority's consent, drawings, traffic plan" }),
  ],
  refine: (v) => {
    const errors: FieldError[] = [];
    if (typeof v.startDate === 'string' && typeof v.endDate === 'string' && v.endDate < v.startDate) errors.push({ path: 'data.endDate', code: 'end_before_start' });
    return errors;
  },
  route: ({ data, enterpriseDistrict }) => ({ unitType: 'traffic-brigade', district: (data.district as typeof enterpriseDistrict) ?? enterpriseDistrict ?? 'zhangdian' }),
  routingNote: { zh: '由施工路段所在地交警大队审批', en: 'The traffic police brigade of the district' },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 3 }, basis: 'seed', label: { zh: '3 个工作日内办结', en: 'Concluded within 3 working days' } }],
  },
  certificates: [{ kind: 'road-works-permit', names: { zh: '占道挖掘施工许可', en: 'Road occupation and excavation permit' }, prefix: '淄公交占掘', issuedOn: 'answer' }],
  ratingScale: 'five-level',
  maxExtensionDays: 3,
  guide: {
    materials: [
      { zh: '道路主管部门同意占用、挖掘道路的文件', en: "The road authority's consent" },
      { zh: '施工图及施工路段示意图', en: 'Drawings and a map of the road section' },
      { zh: '交通组织和安全防护方案', en: 'Traffic management and safety plan' },
    ],
    steps: [
      { zh: '在线提交（可与门楼牌编划等一并“打包办”）', en: 'Apply online (may be filed together with house numbers as one package)' },
      { zh: '1 个工作日内受理', en: 'Accepted within 1 working day' },
      { zh: '3 个工作日内办结', en: 'Concluded within 3 working days' },
    ],
    basis: joinBasis(notice(6), { zh: '《中华人民共和国道路交通安全法》第三十二条', en: 'Road Traffic Safety Law, art. 32' }),
    handledBy: { zh: '属地交警大队', en: 'District traffic police brigade' },
  },
});
