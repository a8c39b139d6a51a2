import { parseIsoInstant, shanghaiDate } from '../../calendar/index.ts';
import type { FieldError } from '../../errors.ts';
import type { Label } from '../form.ts';
import { defineItemType } from '../item-type.ts';
import { joinBasis, notice } from './application-fields.ts';

const L = (zh: string, en: string): Label => ({ zh, en });

/** The incident's categories, each with the partner departments usually pulled in (data: the guide shows it). */
export const incidentCategories: readonly { code: string; label: Label; partners: readonly string[] }[] = [
  { code: 'market-bullying', label: L('欺行霸市', 'Market bullying'), partners: ['partner-shichang'] },
  { code: 'forced-trade', label: L('强迫交易', 'Forced trading'), partners: ['partner-shichang'] },
  { code: 'violent-debt', label: L('暴力讨债', 'Violent debt collection'), partners: [] },
  { code: 'work-obstruction', label: L('恶意阻工', 'Malicious obstruction of works'), partners: ['partner-zhujian'] },
  { code: 'provocation', label: L('寻衅滋事', 'Picking quarrels'), partners: [] },
  { code: 'extortion', label: L('敲诈勒索', 'Extortion'), partners: [] },
  { code: 'labour-dispute', label: L('劳资纠纷', 'Labour dispute'), partners: ['partner-renshe'] },
  { code: 'work-safety', label: L('安全生产事故', 'Work-safety accident'), partners: ['partner-yingji'] },
  { code: 'environment', label: L('环境污染', 'Pollution'), partners: ['partner-shengtai'] },
  { code: 'other', label: L('其他涉企警情', 'Other enterprise incident'), partners: [] },
];

/** 'YYYY-MM-DD HH:mm' in Beijing time, or an ISO instant with its offset. */
export function parseLocalInstant(s: unknown): Date | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/.exec(s.trim());
  return m ? parseIsoInstant(`${m[1]}T${m[2]}:${m[3]}:00+08:00`) : parseIsoInstant(s.trim());
}

const moment = (name: string, label: Label, required: boolean) => ({
  name,
  kind: 'text' as const,
  maxLength: 40,
  required,
  label,
  help: L('格式：2026-12-07 09:30（北京时间）', 'As 2026-12-07 09:30 (Beijing time)'),
});

/**
 * 涉企警情多部门联动 (M10): an officer records an enterprise-related incident (接警, dispatch, arrival) and opens linkage
 * branches to partner departments, each acknowledging within 2 hours and reporting back within 1 working day; the
 * incident is closed only when every branch has reported.
 */
export const incidentLinkage = defineItemType({
  code: 'incident-linkage',
  names: L('涉企警情多部门联动', 'Enterprise incident with linked departments'),
  measure: 10,
  submitters: [],
  filedVia: 'incidents',
  form: [
    { name: 'enterpriseUscc', kind: 'checked', check: 'uscc', required: true, label: L('涉事企业统一社会信用代码', "Enterprise's USCC") },
    { name: 'category', kind: 'select', required: true, label: L('警情类别', 'Category'), options: incidentCategories.map((c) => ({ value: c.code, label: c.label })) },
    moment('receivedAt', L('接警时间', 'Call received'), true),
    { name: 'place', kind: 'text', maxLength: 200, required: true, label: L('警情地点', 'Place') },
    { name: 'dispatchedUnitId', kind: 'text', maxLength: 64, required: true, label: L('处警单位编码', 'Dispatched unit code'), help: L('如 zhangdian-station-chezhan（张店车站派出所）', 'e.g. zhangdian-station-chezhan (Chezhan Police Station)') },
    moment('dispatchedAt', L('派警时间', 'Dispatched at'), true),
    moment('arrivedAt', L('到达现场时间', 'Arrived at'), false),
    { name: 'summary', kind: 'textarea', maxLength: 5000, minLength: 5, required: true, label: L('简要警情', 'Summary') },
  ],
  refine: (v: Record<string, unknown>, today: string): FieldError[] => {
    const errors: FieldError[] = [];
    const times: Record<string, Date | null> = {};
    for (const k of ['receivedAt', 'dispatchedAt', 'arrivedAt']) {
      if (v[k] === undefined) continue;
      times[k] = parseLocalInstant(v[k]);
      if (!times[k]) errors.push({ path: `data.${k}`, code: 'invalid_local_datetime' });
      else if (shanghaiDate(times[k]) > today) errors.push({ path: `data.${k}`, code: 'date_in_future' });
    }
    if (times.receivedAt && times.dispatchedAt && times.dispatchedAt < times.receivedAt) errors.push({ path: 'data.dispatchedAt', code: 'dispatch_before_call' });
    if (times.dispatchedAt && times.arrivedAt && times.arrivedAt < times.dispatchedAt) errors.push({ path: 'data.arrivedAt', code: 'arrival_before_dispatch' });
    return errors;
  },
  // Recorded by the officer who took the call, whose unit owns it; the catalog's route names the usual one.
  route: ({ enterpriseDistrict }) => ({ unitType: 'branch', district: enterpriseDistrict ?? 'zhangdian' }),
  routingNote: L('接警单位登记，向市场监管、应急管理、人社、住建、生态环境等部门发起联动', 'Recorded by the unit that took the call, which pulls in market regulation, emergency management, HR, housing or ecology'),
  clocks: {
    accept: { rule: { kind: 'instant' }, basis: 'seed' },
    handle: [{ rule: { kind: 'workdays', n: 3 }, basis: 'default', label: L('各联动部门反馈后 3 个工作日内办结', 'Closed within 3 working days once every department reported') }],
  },
  branchClocks: { acknowledge: { kind: 'hours', n: 2 }, report: { kind: 'workdays', n: 1 } },
  ratingScale: 'three-level',
  maxExtensionDays: 5,
  guide: {
    materials: incidentCategories.filter((c) => c.partners.length).map((c) => L(`${c.label.zh}：联动 ${c.partners.join('、')}`, `${c.label.en}: ${c.partners.join(', ')}`)),
    steps: [
      L('接警后即时派警，登记接警、派警、到达时间', 'Dispatch at once; record the call, dispatch and arrival times'),
      L('向相关部门发起联动：2 小时内签收，1 个工作日内反馈处置情况', 'Open linkage to the departments: acknowledge within 2 hours, report within 1 working day'),
      L('全部联动部门反馈后办结', 'Closed once every department has reported'),
    ],
    basis: joinBasis(notice(10)),
    handledBy: L('接警公安机关及联动部门', 'The police unit and the linked departments'),
  },
});
