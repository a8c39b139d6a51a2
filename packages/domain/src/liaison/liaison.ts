import type { FieldError } from '../errors.ts';
import type { Form, Label } from '../items/form.ts';
import { validateForm } from '../items/form.ts';
import { addDays, endOfShanghaiDay, shanghaiDate } from '../calendar/local-time.ts';
import type { Role } from '../org/roles.ts';
import type { UnitType } from '../org/unit-types.ts';
import { districts, type DistrictCode } from '../org/districts.ts';

/** Tags the liaison office starts with (M1, M13: 老字号, 好品山东, 高新技术企业); they are data and can be edited. */
export const defaultEnterpriseTags: readonly { code: string; label: Label }[] = [
  { code: 'time-honored', label: { zh: '老字号', en: 'Time-honoured brand' } },
  { code: 'good-quality-shandong', label: { zh: '好品山东', en: 'Good Quality Shandong' } },
  { code: 'high-tech', label: { zh: '高新技术企业', en: 'High-tech enterprise' } },
  { code: 'above-scale', label: { zh: '规上企业', en: 'Above designated size' } },
  { code: 'major-project', label: { zh: '重大项目', en: 'Major project' } },
];
export const tagCodePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const contactWays = ['on-site', 'phone', 'online', 'service-centre'] as const;
export type ContactWay = (typeof contactWays)[number];
export const contactWayLabels: Record<ContactWay, Label> = {
  'on-site': { zh: '上门走访', en: 'On-site visit' },
  phone: { zh: '电话', en: 'Phone' },
  online: { zh: '线上', en: 'Online' },
  'service-centre': { zh: '驻企服务中心', en: 'Service centre' },
};

export const projectStages = ['planning', 'construction', 'operating'] as const;
export type ProjectStage = (typeof projectStages)[number];
export const projectStageLabels: Record<ProjectStage, Label> = {
  planning: { zh: '前期', en: 'Planning' },
  construction: { zh: '在建', en: 'Under construction' },
  operating: { zh: '建成投产', en: 'In operation' },
};

export const problemOutcomes = ['solved', 'item', 'open'] as const;
/**
 * What a problem raised in a visit may become: the enterprise's appeal (诉求) or a public-order complaint (治安问题).
 * Applications need the enterprise's own documents, and a complaint about police conduct is not the officer's to file.
 */
export const visitItemTypes = ['appeal', 'public-order-complaint'] as const;
export type ProblemOutcome = (typeof problemOutcomes)[number];

export const visitVerdicts = ['confirmed', 'disputed'] as const;
export type VisitVerdict = (typeof visitVerdicts)[number];

/** The enterprise may confirm or dispute a visit record for 7 days after it was logged (亲清 relations). */
export const CONFIRMATION_DAYS = 7;
/** Coverage: a key enterprise not visited for this many days is listed, unless the office asks for another N. */
export const DEFAULT_NOT_VISITED_DAYS = 30;
export const PLEDGE_TEXT: Label = {
  zh: '本人承诺：此次联系未收受企业礼品礼金，未收取任何费用，未提出与工作无关的要求（亲清政商关系）',
  en: 'I confirm that I accepted no gift or money, charged no fee and asked nothing unrelated to the work (clean relations with enterprises)',
};

const options = <T extends string>(values: readonly T[], labels: Record<T, Label>) => values.map((value) => ({ value, label: labels[value] }));

/** The visit log's form: the one declaration the server validates and the browser renders. */
export const visitForm: Form = [
  { name: 'date', kind: 'date', required: true, label: { zh: '联系日期', en: 'Date' } },
  { name: 'way', kind: 'select', required: true, label: { zh: '联系方式', en: 'How' }, options: options(contactWays, contactWayLabels) },
  { name: 'centreId', kind: 'text', maxLength: 36, label: { zh: '驻企服务中心', en: 'Service centre' } },
  { name: 'met', kind: 'text', required: true, maxLength: 100, label: { zh: '接待人员', en: 'Who was met' }, help: { zh: '姓名和职务，如：王经理（办公室主任）', en: 'Name and position' } },
  { name: 'summary', kind: 'textarea', maxLength: 2000, label: { zh: '联系情况', en: 'Summary' } },
  { name: 'pledge', kind: 'boolean', required: true, label: PLEDGE_TEXT },
  {
    name: 'problems',
    kind: 'list',
    minItems: 0,
    maxItems: 20,
    label: { zh: '企业反映的问题', en: 'Problems raised' },
    fields: [
      { name: 'text', kind: 'textarea', required: true, maxLength: 1000, label: { zh: '问题', en: 'Problem' } },
      {
        name: 'outcome',
        kind: 'select',
        required: true,
        label: { zh: '处理方式', en: 'Outcome' },
        options: [
          { value: 'solved', label: { zh: '当场解决', en: 'Solved on the spot' } },
          { value: 'item', label: { zh: '转为事项办理', en: 'Turned into an item' } },
          { value: 'open', label: { zh: '待解决', en: 'Still open' } },
        ],
      },
      { name: 'resolution', kind: 'textarea', maxLength: 1000, label: { zh: '解决情况', en: 'How it was solved' } },
    ],
  },
];

export interface VisitInput {
  date: string;
  way: ContactWay;
  centreId?: string;
  met: string;
  summary?: string;
  pledge: boolean;
  problems: { text: string; outcome: ProblemOutcome; resolution?: string }[];
}

/**
 * Checks a visit record (without the items its problems become, which their own type validates):
 * every field error at once, with the rules a form cannot say alone.
 */
export function validateVisit(data: unknown, today: string): { value: VisitInput; errors: FieldError[] } {
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  // `item` rides on each problem for the server to hand to the item type; the visit form does not know it.
  const problems = Array.isArray(raw.problems)
    ? raw.problems.map((p) => (typeof p === 'object' && p !== null ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'item')) : p))
    : raw.problems;
  const r = validateForm(visitForm, { ...raw, problems: problems ?? [] }, '');
  const errors = r.errors.map((e) => ({ ...e, path: e.path.replace(/^\./, '') }));
  const failed = new Set(errors.map((e) => e.path));
  const add = (path: string, code: string) => {
    if (!failed.has(path)) errors.push({ path, code });
  };
  const v = r.value as Partial<VisitInput>;
  if (v.date && v.date > today) add('date', 'date_in_future');
  if (v.pledge === false) add('pledge', 'pledge_required');
  if (v.way === 'service-centre' && !v.centreId) add('centreId', 'centre_required');
  // Row rules read the raw rows: a list with one bad row has no validated value, yet every row is reported.
  (Array.isArray(raw.problems) ? raw.problems : []).forEach((row: unknown, i) => {
    const p = (typeof row === 'object' && row !== null ? row : {}) as { outcome?: unknown; resolution?: unknown; item?: unknown };
    const blank = (x: unknown) => x === undefined || x === null || (typeof x === 'string' && x.trim() === '');
    if (p.outcome === 'solved' && blank(p.resolution)) add(`problems.${i}.resolution`, 'required');
    if (p.outcome === 'item' && (typeof p.item !== 'object' || p.item === null)) add(`problems.${i}.item`, 'required');
  });
  return { value: { problems: [], ...v } as VisitInput, errors };
}

/** The last moment the enterprise may confirm or dispute a visit logged at `recordedAt`. */
export function confirmationDueAt(recordedAt: Date): Date {
  return endOfShanghaiDay(addDays(shanghaiDate(recordedAt), CONFIRMATION_DAYS));
}

/** A person the platform may name as a liaison officer: police, not a partner department. */
export function isPoliceUser(u: { role: Role; unitType: UnitType | null }): boolean {
  return (u.role === 'officer' || u.role === 'unit-leader') && u.unitType !== null && u.unitType !== 'partner';
}

/** Where an actor runs the liaison registry: the city office everywhere, a district bureau's leader its district. */
export type LiaisonScope = { kind: 'city' } | { kind: 'district'; district: DistrictCode } | { kind: 'none' };

export interface LiaisonActor {
  role: Role | 'public';
  unitType: UnitType | null;
  unitDistrict: DistrictCode | null;
}

/** 警企联络办 of the city (supervisors) and of each district (the 分县局's leader): who manages the registry. */
export function officeScope(a: LiaisonActor): LiaisonScope {
  if (a.role === 'supervisor') return { kind: 'city' };
  if (a.role === 'unit-leader' && a.unitType === 'branch' && a.unitDistrict) return { kind: 'district', district: a.unitDistrict };
  return { kind: 'none' };
}

/** Who may read the registry and open an enterprise's file, besides the officers it names: the office, and district staff. */
export function readerScope(a: LiaisonActor): LiaisonScope {
  const office = officeScope(a);
  if (office.kind !== 'none') return office;
  if ((a.role === 'officer' || a.role === 'unit-leader') && a.unitType !== 'partner' && a.unitDistrict) return { kind: 'district', district: a.unitDistrict };
  return { kind: 'none' };
}

export function scopeCovers(scope: LiaisonScope, district: string): boolean {
  return scope.kind === 'city' || (scope.kind === 'district' && scope.district === district);
}

/** The bulk assignment sheet's columns (一企一警 from the office's list of hundreds): validated row by row. */
export const assignmentSheet: Form = [
  { name: 'uscc', kind: 'checked', check: 'uscc', required: true, label: { zh: '统一社会信用代码', en: 'Unified social credit code' } },
  { name: 'officerUsername', kind: 'text', required: true, maxLength: 64, label: { zh: '联络民警账号', en: 'Liaison officer username' } },
  { name: 'deputyUsername', kind: 'text', maxLength: 64, label: { zh: '副联络员账号', en: 'Deputy username' } },
  { name: 'reason', kind: 'text', required: true, maxLength: 200, label: { zh: '指定原因', en: 'Reason' } },
];

/** A major project's fields, for the office's register (重大项目). */
export const projectForm: Form = [
  { name: 'name', kind: 'text', required: true, maxLength: 100, label: { zh: '项目名称', en: 'Project name' } },
  { name: 'enterpriseId', kind: 'text', required: true, maxLength: 36, label: { zh: '建设单位', en: 'Owner enterprise' } },
  { name: 'district', kind: 'select', required: true, label: { zh: '所在区县', en: 'District' }, options: districts.map((d) => ({ value: d.code, label: { zh: d.zh, en: d.en } })) },
  { name: 'address', kind: 'text', required: true, maxLength: 200, label: { zh: '项目地址', en: 'Address' } },
  { name: 'stage', kind: 'select', required: true, label: { zh: '项目阶段', en: 'Stage' }, options: options(projectStages, projectStageLabels) },
  { name: 'startOn', kind: 'date', required: true, label: { zh: '开工日期', en: 'Start date' } },
  { name: 'endOn', kind: 'date', label: { zh: '计划竣工日期', en: 'Planned end date' } },
];
