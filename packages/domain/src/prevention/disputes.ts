import { addDays, isIsoDate } from '../calendar/index.ts';
import type { FieldError } from '../errors.ts';
import type { Label } from '../items/form.ts';

/** 矛盾纠纷排查 (M15): the kinds of dispute the measure names, and the risk a screening assesses. */
export const DISPUTE_KINDS: readonly { value: string; label: Label }[] = [
  { value: 'land', label: { zh: '征地拆迁', en: 'Land acquisition and demolition' } },
  { value: 'restructuring', label: { zh: '破产重组', en: 'Bankruptcy and restructuring' } },
  { value: 'labour', label: { zh: '劳资纠纷', en: 'Labour dispute' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
];
export const DISPUTE_RISKS: readonly { value: string; label: Label }[] = [
  { value: 'low', label: { zh: '低', en: 'Low' } },
  { value: 'medium', label: { zh: '中', en: 'Medium' } },
  { value: 'high', label: { zh: '高', en: 'High' } },
];
/** The furthest a next follow-up may be set: a dispute nobody looks at for half a year is not being screened. */
export const DISPUTE_FOLLOW_UP_MAX_DAYS = 180;
export const DISPUTE_TEXT = { summary: { min: 10, max: 2000 }, note: { min: 5, max: 2000 } } as const;

export interface DisputeInput {
  kind: string;
  summary: string;
  risk: string;
  /** YYYY-MM-DD; null only when the dispute is resolved (化解). */
  nextFollowUpOn: string | null;
}
export interface FollowUpInput {
  note: string;
  risk: string;
  /** true: 已化解, no further follow-up. */
  resolved: boolean;
  nextFollowUpOn: string | null;
}

type Fields = Record<string, unknown>;
const asFields = (input: unknown): Fields => (typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Fields) : {});

function checker(v: Fields, errors: FieldError[]) {
  return {
    text(name: keyof typeof DISPUTE_TEXT) {
      const { min, max } = DISPUTE_TEXT[name];
      const raw = v[name];
      const s = typeof raw === 'string' ? raw.trim() : '';
      if (raw !== undefined && typeof raw !== 'string') errors.push({ path: name, code: 'invalid_type' });
      else if (!s) errors.push({ path: name, code: 'required' });
      else if (s.length < min) errors.push({ path: name, code: 'too_short', params: { min } });
      else if (s.length > max) errors.push({ path: name, code: 'too_long', params: { max } });
      return s;
    },
    option(name: string, options: readonly { value: string }[]) {
      if (v[name] === undefined || v[name] === '' || v[name] === null) errors.push({ path: name, code: 'required' });
      else if (!options.some((o) => o.value === v[name])) errors.push({ path: name, code: 'not_in_options' });
      return String(v[name] ?? '');
    },
    /** A follow-up day from tomorrow to 180 days ahead. */
    followUp(today: string, required: boolean) {
      const d = v.nextFollowUpOn;
      if (d === undefined || d === null || d === '') {
        if (required) errors.push({ path: 'nextFollowUpOn', code: 'required' });
        return null;
      }
      if (!required) errors.push({ path: 'nextFollowUpOn', code: 'follow_up_when_resolved' });
      else if (!isIsoDate(d)) errors.push({ path: 'nextFollowUpOn', code: 'invalid_date' });
      else if (d <= today) errors.push({ path: 'nextFollowUpOn', code: 'appointment_not_future', params: { date: d } });
      else if (d > addDays(today, DISPUTE_FOLLOW_UP_MAX_DAYS)) errors.push({ path: 'nextFollowUpOn', code: 'follow_up_too_far', params: { max: DISPUTE_FOLLOW_UP_MAX_DAYS } });
      return typeof d === 'string' ? d : null;
    },
    unknown(allowed: readonly string[]) {
      for (const k of Object.keys(v)) if (!allowed.includes(k)) errors.push({ path: k, code: 'unknown_field' });
    },
  };
}

/** A screening recorded for an enterprise, checked whole (every bad field at once). */
export function validateDispute(input: unknown, today: string): { value: DisputeInput; errors: FieldError[] } {
  const v = asFields(input);
  const errors: FieldError[] = [];
  const c = checker(v, errors);
  const value = { kind: c.option('kind', DISPUTE_KINDS), summary: c.text('summary'), risk: c.option('risk', DISPUTE_RISKS), nextFollowUpOn: c.followUp(today, true) };
  c.unknown(['kind', 'summary', 'risk', 'nextFollowUpOn']);
  return { value, errors };
}

/** A follow-up: what was found, the risk now, and either the next follow-up day or 已化解. */
export function validateFollowUp(input: unknown, today: string): { value: FollowUpInput; errors: FieldError[] } {
  const v = asFields(input);
  const errors: FieldError[] = [];
  const c = checker(v, errors);
  if (v.resolved !== undefined && typeof v.resolved !== 'boolean') errors.push({ path: 'resolved', code: 'invalid_type' });
  const resolved = v.resolved === true;
  const value = { note: c.text('note'), risk: c.option('risk', DISPUTE_RISKS), resolved, nextFollowUpOn: c.followUp(today, !resolved) };
  c.unknown(['note', 'risk', 'resolved', 'nextFollowUpOn']);
  return { value, errors };
}

/** A follow-up is due on its day (Shanghai); overdue the day after. */
export function followUpState(d: { resolved: boolean; nextFollowUpOn: string | null }, today: string): 'resolved' | 'overdue' | 'due' | 'scheduled' {
  if (d.resolved || !d.nextFollowUpOn) return 'resolved';
  if (d.nextFollowUpOn < today) return 'overdue';
  return d.nextFollowUpOn === today ? 'due' : 'scheduled';
}
