import { computeDeadline, type WorkCalendar } from '../calendar/index.ts';
import { DomainError, type FieldError } from '../errors.ts';
import type { Label } from '../items/form.ts';
import { isDistrict, isIndustry } from '../org/index.ts';

/** 风险预警 (M15): the kinds of risk and the levels the measure names. */
export const RISK_KINDS: readonly { value: string; label: Label }[] = [
  { value: 'industry', label: { zh: '行业风险', en: 'Industry risk' } },
  { value: 'loophole', label: { zh: '经营漏洞', en: 'Operating loophole' } },
  { value: 'telecom-fraud', label: { zh: '电信诈骗', en: 'Telecom fraud' } },
  { value: 'illegal-fundraising', label: { zh: '非法集资', en: 'Illegal fund-raising' } },
  { value: 'mass-incident', label: { zh: '群体性事件', en: 'Mass incident' } },
  { value: 'public-safety', label: { zh: '公共安全', en: 'Public safety' } },
];
export const RISK_LEVELS: readonly { value: string; label: Label }[] = [
  { value: 'general', label: { zh: '一般', en: 'General' } },
  { value: 'serious', label: { zh: '较重', en: 'Serious' } },
  { value: 'severe', label: { zh: '严重', en: 'Severe' } },
];
/** Working days an enterprise has to acknowledge (已阅知) before its liaison officer is asked to follow up. */
export const WARNING_ACK_WORKDAYS = 3;

export interface WarningAudience {
  districts: string[];
  tags: string[];
  enterpriseIds: string[];
  /** 门类 codes of GB/T 4754-2017 (INDUSTRIES): every enterprise of the industry. */
  industries: string[];
  /** Partner departments (units of type `partner`): every user of the unit gets the warning, one acknowledges for it. */
  partnerUnitIds: string[];
}
export interface WarningDraft {
  title: string;
  body: string;
  riskKind: string;
  level: string;
  audience: WarningAudience;
  public: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const list = (v: unknown): unknown[] | null => (v === undefined ? [] : Array.isArray(v) ? v : null);

const AUDIENCE_FIELDS = ['districts', 'tags', 'enterpriseIds', 'industries', 'partnerUnitIds'] as const;

/**
 * A warning draft checked whole: every bad field at once. `knownTags` are the enterprise tag codes, `partnerUnits`
 * the ids of the partner departments; an audience must name at least one district, tag, enterprise, industry or
 * partner department (a warning to nobody is a mistake). Audience lists missing from the input are empty (older clients).
 */
export function validateWarningDraft(input: unknown, knownTags: ReadonlySet<string>, partnerUnits: ReadonlySet<string> = new Set()): { value: WarningDraft; errors: FieldError[] } {
  const v = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const text = (name: string, min: number, max: number) => {
    const s = typeof v[name] === 'string' ? (v[name] as string).trim() : '';
    if (typeof v[name] !== 'string' && v[name] !== undefined) errors.push({ path: name, code: 'invalid_type' });
    else if (!s) errors.push({ path: name, code: 'required' });
    else if (s.length < min) errors.push({ path: name, code: 'too_short', params: { min } });
    else if (s.length > max) errors.push({ path: name, code: 'too_long', params: { max } });
    return s;
  };
  const title = text('title', 4, 100);
  const body = text('body', 10, 5000);
  const option = (name: string, options: readonly { value: string }[]) => {
    if (v[name] === undefined || v[name] === '') errors.push({ path: name, code: 'required' });
    else if (!options.some((o) => o.value === v[name])) errors.push({ path: name, code: 'not_in_options' });
    return String(v[name] ?? '');
  };
  const riskKind = option('riskKind', RISK_KINDS);
  const level = option('level', RISK_LEVELS);
  if (v.public !== undefined && typeof v.public !== 'boolean') errors.push({ path: 'public', code: 'invalid_type' });
  const a = (typeof v.audience === 'object' && v.audience !== null && !Array.isArray(v.audience) ? v.audience : {}) as Record<string, unknown>;
  const audience: WarningAudience = { districts: [], tags: [], enterpriseIds: [], industries: [], partnerUnitIds: [] };
  const field = (name: keyof WarningAudience, ok: (x: unknown) => boolean, code: string) => {
    const xs = list(a[name]);
    if (xs === null) return errors.push({ path: `audience.${name}`, code: 'invalid_type' });
    if (xs.length > 500) return errors.push({ path: `audience.${name}`, code: 'too_large', params: { max: 500 } });
    xs.forEach((x, i) => {
      if (!ok(x)) errors.push({ path: `audience.${name}.${i}`, code, params: { tag: String(x) } });
      else if (!audience[name].includes(x as string)) audience[name].push(x as string);
    });
  };
  if (typeof v.audience !== 'object' || v.audience === null || Array.isArray(v.audience)) errors.push({ path: 'audience', code: 'required' });
  else {
    field('districts', (x) => typeof x === 'string' && isDistrict(x), 'district_unknown');
    field('tags', (x) => typeof x === 'string' && knownTags.has(x), 'tag_unknown');
    field('enterpriseIds', (x) => typeof x === 'string' && uuid.test(x), 'enterprise_unknown');
    field('industries', isIndustry, 'industry_unknown');
    field('partnerUnitIds', (x) => typeof x === 'string' && partnerUnits.has(x), 'partner_unit_unknown');
    for (const k of Object.keys(a)) if (!(AUDIENCE_FIELDS as readonly string[]).includes(k)) errors.push({ path: `audience.${k}`, code: 'unknown_field' });
    if (!errors.some((e) => e.path.startsWith('audience')) && AUDIENCE_FIELDS.every((f) => !audience[f].length)) {
      errors.push({ path: 'audience', code: 'audience_empty' });
    }
  }
  for (const k of Object.keys(v)) if (!['title', 'body', 'riskKind', 'level', 'audience', 'public'].includes(k)) errors.push({ path: k, code: 'unknown_field' });
  return { value: { title, body, riskKind, level, audience, public: v.public === true }, errors };
}

export type WarningStatus = 'draft' | 'submitted' | 'published';
export type WarningAction = 'submit' | 'approve' | 'return';
export interface WarningActor {
  id: string;
  role: string;
  unitId: string | null;
}
export interface WarningState {
  status: WarningStatus;
  unitId: string;
  authorId: string;
}

/**
 * Who may move a warning: its author (or a colleague of the unit) submits the draft; a leader of the unit other than
 * its author approves (publishing it) or returns it with a note. 404 outside the unit, 403 for the wrong role, 422
 * for the wrong status.
 */
export function warningTransition(w: WarningState, action: WarningAction, actor: WarningActor): WarningStatus {
  const police = actor.role === 'officer' || actor.role === 'unit-leader';
  if (!police || actor.unitId !== w.unitId) throw new DomainError(actor.role === 'supervisor' ? 'forbidden' : 'not_found', { kind: actor.role === 'supervisor' ? 'forbidden' : 'not-found' });
  const from: Record<WarningAction, WarningStatus> = { submit: 'draft', approve: 'submitted', return: 'submitted' };
  if (action !== 'submit' && (actor.role !== 'unit-leader' || actor.id === w.authorId)) {
    throw new DomainError(actor.role === 'unit-leader' ? 'warning_own_approval' : 'forbidden', { kind: 'forbidden' });
  }
  if (w.status !== from[action]) throw new DomainError('warning_not_in_status', { kind: 'invalid', params: { status: w.status } });
  return action === 'submit' ? 'submitted' : action === 'approve' ? 'published' : 'draft';
}

/** What the actor may do with the warning now, for the buttons. */
export function warningAbilities(w: WarningState, actor: WarningActor): { canSubmit: boolean; canApprove: boolean; canReturn: boolean } {
  const may = (a: WarningAction) => {
    try {
      warningTransition(w, a, actor);
      return true;
    } catch {
      return false;
    }
  };
  return { canSubmit: may('submit'), canApprove: may('approve'), canReturn: may('return') };
}

/** The acknowledgement deadline of a delivery: 3 working days, end of day (Shanghai). */
export function acknowledgementDue(calendar: WorkCalendar, deliveredAt: Date): Date {
  return computeDeadline(calendar, { kind: 'workdays', n: WARNING_ACK_WORKDAYS }, deliveredAt).due;
}
