import { contactPhone } from './common-fields.ts';
import { defineItemType } from '../item-type.ts';
import { joinBasis, materials, notice } from './application-fields.ts';

/**
 * 外籍人才来淄“联办窗口” (M4): one application, two parallel approvals — the science and technology bureau's
 * work permit (a branch) and the exit-entry residence permit (the owning unit's own answer) — both due in 5
 * working days, collected together at the joint window.
 */
export const foreignTalentPermits = defineItemType({
  code: 'foreign-talent-permits',
  names: { zh: '外籍人才工作许可和居留许可联办', en: 'Foreign talent work and residence permits (joint window)' },
  measure: 4,
  submitters: ['applicant', 'enterprise'],
  form: [
    { name: 'fullName', kind: 'text', maxLength: 100, required: true, label: { zh: '姓名（与护照一致）', en: 'Full name (as in the passport)' } },
    { name: 'passportNumber', kind: 'text', maxLength: 20, minLength: 5, required: true, label: { zh: '护照号码', en: 'Passport number' } },
    { name: 'nationality', kind: 'text', maxLength: 60, required: true, label: { zh: '国籍', en: 'Nationality' } },
    { name: 'gender', kind: 'select', label: { zh: '性别', en: 'Sex' }, options: [
      { value: 'female', label: { zh: '女', en: 'Female' } },
      { value: 'male', label: { zh: '男', en: 'Male' } },
    ] },
    { name: 'dateOfBirth', kind: 'date', required: true, label: { zh: '出生日期', en: 'Date of birth' } },
    { name: 'employer', kind: 'text', maxLength: 100, required: true, label: { zh: '聘用单位', en: 'Employer' } },
    { name: 'position', kind: 'text', maxLength: 60, required: true, label: { zh: '职位', en: 'Position' } },
    {
      name: 'workPermitPreapproval',
      kind: 'text',
      maxLength: 40,
      required: true,
      label: { zh: '工作许可网上预审编号', en: 'Work permit online pre-approval number' },
      help: { zh: '在科技局“外国人来华工作管理服务系统”预审通过后取得', en: "Given when the science and technology bureau's online pre-approval is passed" },
    },
    { name: 'email', kind: 'text', maxLength: 100, label: { zh: '电子邮箱', en: 'Email' } },
    { ...contactPhone, label: { zh: '中国境内手机号码', en: 'Mobile phone in China' } },
    materials({ zh: '护照、照片、体检证明、劳动合同等（见办事指南）', en: 'Passport, photo, health certificate, labour contract … (see the service guide)' }),
  ],
  route: () => ({ unitType: 'exit-entry' }),
  routingNote: {
    zh: '市政务服务中心公安“联办窗口”受理：科技局审批工作许可，出入境管理支队审批居留许可，同步进行',
    en: 'The public security joint window: the science and technology bureau issues the work permit while exit-entry issues the residence permit',
  },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 5 }, basis: 'seed', label: { zh: '两本证件均在 5 个工作日内办结', en: 'Both documents within 5 working days' } }],
  },
  // Two documents, two issuers: the work permit when the science and technology bureau completes its branch, the
  // residence permit when exit-entry answers (which it can only once that branch is done).
  certificates: [
    { kind: 'foreign-work-permit', names: { zh: '外国人工作许可证', en: "Foreigner's Work Permit" }, prefix: '淄科外许', issuedOn: { branchUnitId: 'partner-kejiju' } },
    { kind: 'foreign-residence-permit', names: { zh: '外国人居留许可', en: 'Residence permit for foreigners' }, prefix: '淄公出入境居', issuedOn: 'answer' },
  ],
  ratingScale: 'five-level',
  maxExtensionDays: 5,
  branchesOnAccept: [{ unitId: 'partner-kejiju', note: { zh: '请审批《外国人工作许可证》（联办窗口，与居留许可同步办理）', en: "Please issue the Foreigner's Work Permit (joint window, in parallel with the residence permit)" } }],
  answeredNotice: 'joint_window_pickup',
  guide: {
    materials: [
      { zh: '护照原件及复印件', en: 'Passport and a copy' },
      { zh: '工作许可网上预审通过通知', en: 'Notice of the passed work permit pre-approval' },
      { zh: '近期免冠照片', en: 'A recent photo' },
      { zh: '境外或境内体检证明', en: 'Health certificate' },
      { zh: '聘用单位劳动合同或聘用证明', en: "Employer's labour contract or appointment letter" },
      { zh: '住宿登记证明', en: 'Registration of stay' },
    ],
    steps: [
      { zh: '在科技局网上系统申请工作许可并通过预审', en: "Pass the work permit pre-approval in the science and technology bureau's online system" },
      { zh: '在线提交联办申请，到“联办窗口”核验材料', en: 'Apply online and show your documents at the joint window' },
      { zh: '科技局、公安局同步审批制证', en: 'The science and technology bureau and the police approve in parallel' },
      { zh: '5 个工作日内到“联办窗口”同时领取《外国人工作许可证》和《外国人居留许可证》', en: "Within 5 working days, collect the Foreigner's Work Permit and the Residence Permit together at the joint window" },
    ],
    basis: joinBasis(notice(4), { zh: '《中华人民共和国出境入境管理法》第三十条、第四十一条', en: 'Exit and Entry Administration Law, arts. 30 and 41' }),
    handledBy: { zh: '市公安局出入境管理支队；市科学技术局', en: 'Exit-Entry Administration; Science and Technology Bureau' },
  },
});
