import type { Label } from '../form.ts';
import { defineItemType } from '../item-type.ts';
import { idNumber, joinBasis, materials, mobile, notice, personName } from './application-fields.ts';

/** The three channels of M3, each with the materials it needs; the form's options and the guide come from here. */
const channels: { value: string; label: Label; materials: Label[] }[] = [
  {
    value: 'local-graduate',
    label: { zh: '绿色通道：驻淄高校非淄博籍学生', en: 'Green channel: students of Zibo universities from outside Zibo' },
    materials: [
      { zh: '学生证或毕业证书', en: 'Student card or diploma' },
      { zh: '学校出具的在校（毕业）证明', en: "The university's enrolment or graduation certificate" },
    ],
  },
  {
    value: 'online-student',
    label: { zh: '网办通道：非驻淄高校在校生', en: 'Online channel: students of universities outside Zibo' },
    materials: [
      { zh: '学信网学籍在线验证报告', en: 'Online enrolment verification report (CHSI)' },
      { zh: '在淄落户地址证明（房产证明或集体户同意接收证明）', en: 'Proof of the Zibo address (title deed or consent of a collective household)' },
    ],
  },
  {
    value: 'high-level',
    label: { zh: '专享通道：高层次人才', en: 'Dedicated channel: high-level talent' },
    materials: [
      { zh: '人才认定证明（人社部门认定文件或人才卡）', en: 'Talent recognition (HR bureau decision or talent card)' },
      { zh: '用人单位劳动合同或聘用证明', en: "Employer's labour contract or appointment letter" },
    ],
  },
];

/** 人才落户 (M3): three channels, a talent service specialist at every hukou window, the HR bureau confirms the talent record. */
export const talentHukou = defineItemType({
  code: 'talent-hukou',
  names: { zh: '人才落户', en: 'Talent household registration' },
  measure: 3,
  submitters: ['applicant', 'enterprise'],
  form: [
    { name: 'channel', kind: 'select', required: true, label: { zh: '落户通道', en: 'Channel' }, options: channels.map(({ value, label }) => ({ value, label })) },
    personName,
    idNumber,
    mobile,
    { name: 'institution', kind: 'text', maxLength: 100, required: true, label: { zh: '毕业（就读）院校或工作单位', en: 'University or employer' } },
    { name: 'education', kind: 'select', label: { zh: '学历', en: 'Education' }, options: [
      { value: 'college', label: { zh: '大专', en: 'College' } },
      { value: 'bachelor', label: { zh: '本科', en: "Bachelor's" } },
      { value: 'master', label: { zh: '硕士研究生', en: "Master's" } },
      { value: 'doctor', label: { zh: '博士研究生', en: 'Doctorate' } },
    ] },
    { name: 'targetAddress', kind: 'text', maxLength: 200, required: true, label: { zh: '拟落户地址', en: 'Address to register at' } },
    materials({ zh: '按所选通道上传材料（见办事指南）', en: 'Upload the documents of your channel (see the service guide)' }),
  ],
  specialistOnAccept: true,
  route: () => ({ unitType: 'hukou' }),
  routingNote: { zh: '由户籍窗口人才落户服务专员受理，人社部门同步核验人才信息', en: 'A talent service specialist at the hukou window; the HR bureau confirms the talent record' },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 5 }, basis: 'default' }],
  },
  certificates: [{ kind: 'hukou-move-in', names: { zh: '准予迁入证明', en: 'Household registration move-in approval' }, prefix: '淄公户准', issuedOn: 'answer' }],
  ratingScale: 'five-level',
  maxExtensionDays: 5,
  branchesOnAccept: [{ unitId: 'partner-renshe', note: { zh: '请核验申请人人才信息（人才信息共建共享）', en: "Please confirm the applicant's talent record" } }],
  guide: {
    materials: [
      { zh: '居民身份证、户口簿', en: 'Resident ID card and household register' },
      ...channels.flatMap((c) => c.materials.map((m) => ({ zh: `【${c.label.zh.split('：')[0]}】${m.zh}`, en: `[${c.label.en.split(':')[0]}] ${m.en}` }))),
    ],
    steps: [
      { zh: '选择落户通道，在线提交申请', en: 'Choose your channel and apply online' },
      { zh: '1 个工作日内由人才落户服务专员受理', en: 'A talent service specialist accepts it within 1 working day' },
      { zh: '人社部门核验人才信息，与户籍审核同步进行', en: 'The HR bureau confirms the talent record while the hukou check runs' },
      { zh: '受理后 5 个工作日内办结', en: 'Concluded within 5 working days of acceptance' },
      { zh: '对办理结果进行“好差评”', en: 'Rate the service' },
    ],
    basis: joinBasis(notice(3), { zh: '办理时限为平台默认值，可由管理员调整', en: 'Time limits are platform defaults, adjustable by an administrator' }),
    handledBy: { zh: '市公安局户政管理支队（户籍窗口）；市人力资源和社会保障局（人才信息核验）', en: 'Household Registration Administration; HR and Social Security Bureau (talent record)' },
  },
});
