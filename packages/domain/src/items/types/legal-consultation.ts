import type { FieldError } from '../../errors.ts';
import { LEGAL_CATEGORIES } from '../../prevention/legal.ts';
import { defineItemType } from '../item-type.ts';
import { contactName, contactPhone, content, title } from './common-fields.ts';


/**
 * 公职律师法律服务 (M18): an enterprise asks the police lawyers' service team a legal question, or books them on
 * site; the team answers within 3 working days (the answer as an appeal's: a required text, rated, reopened when
 * bad). An answer an officer marks reusable becomes an FAQ entry of the public policy library.
 */
export const legalConsultation = defineItemType({
  code: 'legal-consultation',
  names: { zh: '公职律师法律服务', en: 'Police lawyers legal service' },
  measure: 18,
  submitters: ['enterprise'],
  form: [
    {
      name: 'service',
      kind: 'select',
      required: true,
      label: { zh: '服务方式', en: 'Service' },
      options: [
        { value: 'question', label: { zh: '在线法律咨询', en: 'Ask a question online' } },
        { value: 'on-site', label: { zh: '预约上门法律服务', en: 'Book on-site legal service' } },
      ],
    },
    { name: 'category', kind: 'select', required: true, label: { zh: '法律问题类别', en: 'Category' }, options: [...LEGAL_CATEGORIES] },
    title,
    { ...content, help: { zh: '请写明事实经过和想了解的法律问题，勿填写他人身份证号等个人信息', en: "The facts and your legal question; no one's ID numbers" } },
    { name: 'visitDate', kind: 'date', label: { zh: '期望上门日期', en: 'Preferred visit date' }, help: { zh: '预约上门服务时填写，须为今天以后的日期', en: 'For on-site service: a date after today' } },
    { name: 'visitPlace', kind: 'text', maxLength: 200, minLength: 2, label: { zh: '上门服务地点', en: 'Visit place' }, help: { zh: '预约上门服务时填写', en: 'For on-site service' } },
    contactName,
    contactPhone,
  ],
  refine: (v, today) => {
    const errors: FieldError[] = [];
    if (v.service === 'on-site') {
      for (const f of ['visitDate', 'visitPlace']) if (v[f] === undefined) errors.push({ path: `data.${f}`, code: 'required' });
      if (typeof v.visitDate === 'string' && v.visitDate <= today) errors.push({ path: 'data.visitDate', code: 'appointment_not_future', params: { date: v.visitDate } });
    } else {
      for (const f of ['visitDate', 'visitPlace']) if (v[f] !== undefined) errors.push({ path: `data.${f}`, code: 'only_for_on_site' });
    }
    return errors;
  },
  route: () => ({ unitType: 'lawyer-team' }),
  routingNote: { zh: '由市公安局公职律师服务团统一解答，成员来自各警种', en: "Answered by the police lawyers' service team, whose members come from every branch" },
  clocks: {
    accept: { rule: { kind: 'workdays', n: 1 }, basis: 'default' },
    handle: [{ rule: { kind: 'workdays', n: 3 }, basis: 'default' }],
  },
  ratingScale: 'three-level',
  maxExtensionDays: 5,
  guide: {
    materials: [{ zh: '法律问题说明（在线填写）', en: 'A description of the legal question (online form)' }],
    steps: [
      { zh: '在线提交法律咨询或预约上门服务', en: 'Ask online or book on-site service' },
      { zh: '1 个工作日内受理', en: 'Accepted within 1 working day' },
      { zh: '3 个工作日内由公职律师答复', en: 'Answered by a police lawyer within 3 working days' },
      { zh: '典型问答经脱敏后收入政策库“常见问题”', en: 'Typical answers, anonymised, join the policy library FAQ' },
    ],
    basis: { zh: '淄公通〔2023〕34号 第18条 “公职律师进企业”', en: 'Notice 淄公通〔2023〕34号, measure 18' },
    handledBy: { zh: '市公安局公职律师服务团', en: "Police lawyers' service team" },
  },
});
