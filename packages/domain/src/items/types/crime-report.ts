import { caseUnitNames, crimeCategories, crimeCategory } from '../../cases/categories.ts';
import type { FieldError } from '../../errors.ts';
import type { CaseFileDeclaration } from '../case-file.ts';
import { defineItemType } from '../item-type.ts';
import { joinBasis, notice } from './application-fields.ts';
import { attachments, contactName, contactPhone } from './common-fields.ts';

const L = (zh: string, en: string) => ({ zh, en });
/** 《公安机关办理刑事案件程序规定》 and the 2015 opinion of the Ministry on receiving and opening cases. */
export const caseLaw = {
  rules: L('《公安机关办理刑事案件程序规定》第一百六十九条、第一百七十八条、第一百七十九条', 'Provisions on the Procedures of Public Security Organs for Handling Criminal Cases, arts. 169, 178 and 179'),
  opinion: L('《公安部关于改革完善受案立案制度的意见》（立案审查期限原则上不超过3日，需查证的不超过7日，重大疑难复杂的经县级以上公安机关负责人批准可延长至30日）', "The Ministry's Opinion on Reforming the Receiving and Opening of Cases (decide within 3 days, 7 with verification, up to 30 for major or complex cases with a county-level leader's approval)"),
};

/**
 * The police stages of a case on the engine (M11–M13): 报案 is the submitted item, 受案 its acceptance, 立案 /
 * 不予立案 its answer, then the unit records 侦查中, 移送审查起诉, 撤案 or 结案 (the last two close the item).
 */
export const crimeCaseFile: CaseFileDeclaration = {
  decisionField: 'decision',
  openDecision: 'file',
  reconsiderationDays: 7,
  reconsiderationType: 'crime-reconsideration',
  stages: [
    { code: 'reported', label: L('待受案', 'Reported'), engine: ['submitted'] },
    { code: 'not-accepted', label: L('不予受案', 'Not accepted'), engine: ['refused'] },
    { code: 'registered', label: L('受案', 'Registered'), engine: ['accepted', 'in_progress', 'awaiting_supplement'] },
    { code: 'filed', label: L('立案', 'Case opened'), engine: ['answered'], decision: 'file', next: ['investigating', 'withdrawn'] },
    { code: 'not-filed', label: L('不予立案', 'No case opened'), engine: ['answered', 'closed'], decision: 'not-file' },
    { code: 'investigating', label: L('侦查中', 'Under investigation'), engine: ['answered'], progress: true, next: ['prosecution', 'withdrawn', 'concluded'] },
    { code: 'prosecution', label: L('移送审查起诉', 'Sent for prosecution'), engine: ['answered'], progress: true, next: ['concluded'] },
    { code: 'withdrawn', label: L('撤案', 'Case withdrawn'), engine: ['closed'], progress: true, closes: true },
    { code: 'concluded', label: L('结案', 'Case concluded'), engine: ['closed'], progress: true, closes: true },
  ],
  fields: {
    id: { label: L('编号', 'Id'), disclosure: 'enterprise' },
    number: { label: L('报案编号', 'Report number'), disclosure: 'public' },
    category: { label: L('案件类别', 'Category'), disclosure: 'public' },
    measure: { label: L('措施', 'Measure'), disclosure: 'public' },
    stage: { label: L('办理阶段', 'Stage'), disclosure: 'public' },
    stageName: { label: L('办理阶段', 'Stage'), disclosure: 'public' },
    unit: { label: L('承办单位', 'Handling unit'), disclosure: 'public' },
    workPhone: { label: L('单位值班电话', 'Unit duty phone'), disclosure: 'enterprise' },
    title: { label: L('报案事项', 'Subject'), disclosure: 'enterprise' },
    amountInvolved: { label: L('涉案金额（元）', 'Amount involved (yuan)'), disclosure: 'enterprise' },
    reportedAt: { label: L('报案时间', 'Reported'), disclosure: 'enterprise' },
    registeredAt: { label: L('受案时间', 'Registered'), disclosure: 'enterprise' },
    decisionDueAt: { label: L('立案决定期限', 'Decision due'), disclosure: 'enterprise' },
    decidedAt: { label: L('立案决定时间', 'Decided'), disclosure: 'enterprise' },
    decisionReason: { label: L('不予立案理由', 'Reason for not opening a case'), disclosure: 'enterprise' },
    stages: { label: L('各阶段时间', 'Stage dates'), disclosure: 'enterprise' },
    'stages.stage': { label: L('阶段', 'Stage'), disclosure: 'enterprise' },
    'stages.name': { label: L('阶段', 'Stage'), disclosure: 'enterprise' },
    'stages.at': { label: L('时间', 'Date'), disclosure: 'enterprise' },
    'stages.note': { label: L('内部说明', 'Internal note'), disclosure: 'staff' },
    recoveries: { label: L('止损挽损', 'Losses stopped and recovered'), disclosure: 'enterprise' },
    'recoveries.id': { label: L('编号', 'Id'), disclosure: 'enterprise' },
    'recoveries.kind': { label: L('类型', 'Kind'), disclosure: 'enterprise' },
    'recoveries.amount': { label: L('金额（元）', 'Amount (yuan)'), disclosure: 'enterprise' },
    'recoveries.on': { label: L('日期', 'Date'), disclosure: 'enterprise' },
    'recoveries.note': { label: L('内部说明', 'Internal note'), disclosure: 'staff' },
    'recoveries.recordedBy': { label: L('记录人', 'Recorded by'), disclosure: 'staff' },
    recovered: { label: L('止损挽损合计', 'Total stopped and recovered'), disclosure: 'enterprise' },
    reconsideration: { label: L('申请复议', 'Reconsideration'), disclosure: 'enterprise' },
    // Staff only: how the case is worked.
    enterpriseName: { label: L('报案企业', 'Reporting enterprise'), disclosure: 'staff' },
    tier: { label: L('案件等级', 'Case grade'), disclosure: 'staff' },
    team: { label: L('专案组', 'Dedicated team'), disclosure: 'staff' },
    investigationNote: { label: L('侦查工作记录', 'Investigation notes'), disclosure: 'staff' },
    supervision: { label: L('督办', 'Supervision'), disclosure: 'staff' },
    itemStatus: { label: L('事项状态', 'Item status'), disclosure: 'staff' },
    nextStages: { label: L('可记录的下一阶段', 'Next stages'), disclosure: 'staff' },
    abilities: { label: L('可执行操作', 'Abilities'), disclosure: 'staff' },
  },
};

const routingLines = (['econ-crime', 'fde-ip', 'exit-entry', 'criminal-investigation', 'branch'] as const).map((u) => {
  const names = crimeCategories.filter((c) => c.unitType === u).map((c) => c.label);
  return L(`${names.map((n) => n.zh).join('、')}：${caseUnitNames[u]!.zh}`, `${names.map((n) => n.en).join(', ')}: ${caseUnitNames[u]!.en}`);
});

/** 涉企案件报案 (M10–M13): an enterprise reports a suspected crime against it and follows the case. */
export const crimeReport = defineItemType({
  code: 'crime-report',
  names: L('涉企案件报案', 'Report a crime against the enterprise'),
  measure: 11,
  submitters: ['enterprise'],
  form: [
    {
      name: 'category',
      kind: 'select',
      required: true,
      label: L('案件类别', 'Category'),
      options: crimeCategories.map((c) => ({ value: c.code, label: c.label })),
    },
    { name: 'title', kind: 'text', maxLength: 100, minLength: 2, required: true, label: L('报案事项', 'Subject') },
    { name: 'amountInvolved', kind: 'number', min: 0, max: 1e12, label: L('涉案金额（元）', 'Amount involved (yuan)') },
    { name: 'occurredOn', kind: 'date', required: true, label: L('发案时间', 'Date of the offence') },
    { name: 'place', kind: 'text', maxLength: 200, required: true, label: L('发案地点', 'Place') },
    { name: 'country', kind: 'text', maxLength: 60, label: L('所在国家（地区）', 'Country or region'), help: L('海外项目或人员受侵害时必填', 'Required for harm overseas') },
    { name: 'project', kind: 'text', maxLength: 100, label: L('海外项目名称', 'Overseas project'), help: L('海外项目或人员受侵害时必填', 'Required for harm overseas') },
    {
      name: 'content',
      kind: 'textarea',
      maxLength: 5000,
      minLength: 10,
      required: true,
      label: L('案情经过', 'What happened'),
      help: L('请写明时间、经过、损失和已掌握的证据', 'When and how it happened, the losses and the evidence you hold'),
    },
    { name: 'suspects', kind: 'textarea', maxLength: 2000, label: L('嫌疑人情况（如知道）', 'Suspects (if known)') },
    contactName,
    contactPhone,
    { ...attachments, label: L('证据材料', 'Evidence') },
  ],
  refine: (value: Record<string, unknown>, today: string): FieldError[] => {
    const errors: FieldError[] = [];
    if (crimeCategory(value.category)?.measure === 12) {
      if (!value.country) errors.push({ path: 'data.country', code: 'required' });
      if (!value.project) errors.push({ path: 'data.project', code: 'required' });
    }
    if (typeof value.occurredOn === 'string' && value.occurredOn > today) errors.push({ path: 'data.occurredOn', code: 'date_in_future' });
    return errors;
  },
  // Routing is the category table: 经侦, 食药环知, 出入境, 刑侦 or the district bureau.
  route: ({ data, enterpriseDistrict }) => {
    const c = crimeCategory(data.category);
    if (!c) return { unitType: 'econ-crime' };
    return c.district ? { unitType: c.unitType, district: enterpriseDistrict ?? 'zhangdian' } : { unitType: c.unitType };
  },
  routingNote: L('按案件类别分派：经济犯罪由经侦支队、知识产权和环境资源由食药环知支队、海外由出入境（国际合作）、暴力讨债等由刑侦支队、其他由属地分县局办理', 'By category: economic crime to the economic crime detachment, IP and environment to the food-drug-environment-IP detachment, overseas to exit-entry (international cooperation), violent crime to criminal investigation, the rest to the district bureau'),
  clocks: {
    // 接受报案应当立即受案登记（意见：“一律”当场接受并登记）.
    accept: { rule: { kind: 'sameday' }, basis: 'law' },
    handle: [
      { when: { source: 'accept', field: 'verification', equals: true }, rule: { kind: 'calendarDays', n: 7 }, basis: 'law', label: L('线索需要查证：7 日内作出立案决定', 'The lead needs verification: decide within 7 days') },
      { rule: { kind: 'calendarDays', n: 3 }, basis: 'law', label: L('受案后 3 日内作出立案或不予立案决定', 'Decide within 3 days of registration') },
    ],
  },
  acceptForm: [
    { name: 'verification', kind: 'boolean', label: L('线索需要查证（立案审查期限 7 日）', 'The lead needs verification (7 days)') },
  ],
  answerForm: {
    form: [
      {
        name: 'decision',
        kind: 'select',
        required: true,
        label: L('立案决定', 'Decision'),
        options: [
          { value: 'file', label: L('立案', 'Open a case') },
          { value: 'not-file', label: L('不予立案', 'Do not open a case') },
        ],
      },
    ],
    notice: (v) => (v.decision === 'not-file' ? { kind: 'case_not_filed', params: { days: 7 } } : { kind: 'case_filed', params: {} }),
  },
  // 重大疑难复杂: up to 30 days from registration, approved by a leader of a county-level bureau or above.
  maxExtensionDays: 27,
  extensionRule: 'calendarDays',
  extensionCap: { kind: 'calendarDays', n: 30 },
  ratingScale: 'three-level',
  caseFile: crimeCaseFile,
  guide: {
    materials: [
      L('报案材料（在线填写案情经过）', 'The report (online form)'),
      L('合同、票据、转账记录等证据材料', 'Evidence: contracts, bills, transfer records'),
      L('企业营业执照及报案人身份证明（到场时核验）', "The enterprise's business licence and the reporter's ID (checked in person)"),
      ...routingLines,
    ],
    steps: [
      L('在线报案，选择案件类别，系统按类别分派承办单位', 'Report online and choose the category; the platform sends it to the unit for that category'),
      L('承办单位当日受案登记，告知受案回执', 'The unit registers the report the same day'),
      L('受案后 3 日内作出立案或不予立案决定；需要查证的 7 日；重大疑难复杂的经县级以上公安机关负责人批准可延长至 30 日', 'It decides within 3 days; 7 with verification; up to 30 with a county-level leader\'s approval'),
      L('不予立案的，书面说明理由；企业可在收到通知后 7 日内在线申请复议，公安机关 30 日内作出复议决定', 'A refusal gives its reasons in writing; the enterprise may ask for reconsideration online within 7 days, decided within 30 days'),
      L('立案后可在线查看办理阶段、承办单位及电话、止损挽损金额（侦查细节依法保密）', 'After opening, follow the stage, the unit and its phone and the losses recovered online (investigative details stay confidential)'),
    ],
    basis: joinBasis(notice(11), notice(12), notice(13), caseLaw.rules, caseLaw.opinion),
    handledBy: L('经侦、食药环知、出入境、刑侦支队及属地公安分县局', 'The economic crime, food-drug-environment-IP, exit-entry and criminal investigation detachments and district bureaus'),
  },
});

/** 申请复议 of a 不予立案 decision, filed from the case (never through POST /items) and decided within 30 days. */
export const crimeReconsideration = defineItemType({
  code: 'crime-reconsideration',
  names: L('不予立案申请复议', 'Reconsideration of a decision not to open a case'),
  measure: 11,
  submitters: ['enterprise'],
  filedVia: 'cases',
  form: [
    { name: 'caseNumber', kind: 'text', maxLength: 40, required: true, label: L('原报案编号', 'Report number') },
    { name: 'reason', kind: 'textarea', maxLength: 5000, minLength: 10, required: true, label: L('复议理由', 'Grounds') },
    { ...attachments, label: L('补充材料', 'Further evidence') },
  ],
  // Placed by the cases module with the unit that refused; this route is only the catalog's description.
  route: () => ({ unitType: 'legal' }),
  routingNote: L('由作出不予立案决定的公安机关复议', 'Reconsidered by the unit that refused'),
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'calendarDays', n: 30 }, basis: 'law', label: L('收到复议申请后 30 日内作出决定', 'Decided within 30 days of the request') }],
  },
  answerForm: {
    form: [
      {
        name: 'decision',
        kind: 'select',
        required: true,
        label: L('复议决定', 'Decision'),
        options: [
          { value: 'upheld', label: L('维持不予立案决定', 'Uphold the decision') },
          { value: 'revoked', label: L('撤销原决定，予以立案', 'Revoke it and open a case') },
        ],
      },
    ],
  },
  maxExtensionDays: 0,
  ratingScale: 'three-level',
  guide: {
    materials: [L('复议理由（在线填写）', 'The grounds (online form)'), L('补充证据材料（可选）', 'Further evidence (optional)')],
    steps: [
      L('在案件进度页面点击“申请复议”（收到不予立案通知后 7 日内）', 'Click “Ask for reconsideration” on the case page within 7 days of the refusal'),
      L('作出决定的公安机关 30 日内作出复议决定并告知', 'The unit decides within 30 days and tells you'),
    ],
    basis: joinBasis(caseLaw.rules, L('《公安机关办理刑事案件程序规定》第一百七十九条（控告人对不予立案决定不服的，可以在收到通知书后七日以内申请复议）', 'Art. 179: a complainant may ask for reconsideration within 7 days of the notice')),
    handledBy: L('作出不予立案决定的公安机关', 'The unit that refused'),
  },
});
