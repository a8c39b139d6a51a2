import { isIsoDate } from '../calendar/index.ts';
import type { FieldError } from '../errors.ts';
import { isCyberSeverity, type CyberSeverity } from './severities.ts';

/** Each validator checks the whole body and reports every bad field at once; it never throws. */
type Result<T> = { value: T; errors: FieldError[] };
type Obj = Record<string, unknown>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const objectOf = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

function checker(v: Obj, errors: FieldError[], prefix = '') {
  const at = (name: string) => `${prefix}${name}`;
  return {
    text(name: string, min: number, max: number, optional = false): string {
      const raw = v[name];
      if (raw === undefined || raw === null || raw === '') {
        if (!optional) errors.push({ path: at(name), code: 'required' });
        return '';
      }
      if (typeof raw !== 'string') return errors.push({ path: at(name), code: 'invalid_type' }), '';
      const s = raw.trim();
      if (!s && !optional) errors.push({ path: at(name), code: 'required' });
      else if (s && s.length < min) errors.push({ path: at(name), code: 'too_short', params: { min } });
      else if (s.length > max) errors.push({ path: at(name), code: 'too_long', params: { max } });
      return s;
    },
    date(name: string, notBefore?: string): string {
      const raw = v[name];
      if (raw === undefined || raw === '') return errors.push({ path: at(name), code: 'required' }), '';
      if (!isIsoDate(raw)) {
        return errors.push({ path: at(name), code: 'invalid_date' }), '';
      }
      if (notBefore && raw < notBefore) errors.push({ path: at(name), code: 'date_in_past', params: { today: notBefore } });
      return raw;
    },
    unknown(known: string[]) {
      for (const k of Object.keys(v)) if (!known.includes(k)) errors.push({ path: at(k), code: 'unknown_field' });
    },
  };
}

export interface InspectionPlan {
  enterpriseId: string;
  projectName: string | null;
  plannedDate: string;
  scope: string;
  inspectors: string[];
}

/** 检查计划: a known enterprise (checked by the caller), a planned date not before `today` (Shanghai), scope, 1–10 inspectors. */
export function validateInspectionPlan(input: unknown, today: string): Result<InspectionPlan> {
  const v = objectOf(input);
  const errors: FieldError[] = [];
  const c = checker(v, errors);
  let enterpriseId = '';
  if (v.enterpriseId === undefined || v.enterpriseId === '') errors.push({ path: 'enterpriseId', code: 'required' });
  else if (typeof v.enterpriseId !== 'string' || !uuid.test(v.enterpriseId)) errors.push({ path: 'enterpriseId', code: 'enterprise_unknown' });
  else enterpriseId = v.enterpriseId;
  const projectName = c.text('projectName', 2, 100, true);
  const plannedDate = c.date('plannedDate', today);
  const scope = c.text('scope', 4, 1000);
  const inspectors: string[] = [];
  if (!Array.isArray(v.inspectors) || v.inspectors.length === 0) errors.push({ path: 'inspectors', code: 'required' });
  else if (v.inspectors.length > 10) errors.push({ path: 'inspectors', code: 'too_large', params: { max: 10 } });
  else
    v.inspectors.forEach((x, i) => {
      const s = typeof x === 'string' ? x.trim() : '';
      if (s.length < 2 || s.length > 30) errors.push({ path: `inspectors.${i}`, code: typeof x === 'string' ? 'too_short' : 'invalid_type', params: { min: 2 } });
      else if (inspectors.includes(s)) errors.push({ path: `inspectors.${i}`, code: 'duplicate_entry' });
      else inspectors.push(s);
    });
  c.unknown(['enterpriseId', 'projectName', 'plannedDate', 'scope', 'inspectors']);
  return { value: { enterpriseId, projectName: projectName || null, plannedDate, scope, inspectors }, errors };
}

export interface InspectionResult {
  inspectedOn: string;
  summary: string;
  findings: { severity: CyberSeverity; description: string }[];
}

/** 检查结果: the day inspected (not after `today`), a summary, and 0–50 findings each with a severity and a description. */
export function validateInspectionResult(input: unknown, today: string): Result<InspectionResult> {
  const v = objectOf(input);
  const errors: FieldError[] = [];
  const c = checker(v, errors);
  const inspectedOn = c.date('inspectedOn');
  if (inspectedOn && inspectedOn > today) errors.push({ path: 'inspectedOn', code: 'date_in_future' });
  const summary = c.text('summary', 4, 2000);
  const findings: InspectionResult['findings'] = [];
  if (v.findings !== undefined && !Array.isArray(v.findings)) errors.push({ path: 'findings', code: 'invalid_type' });
  else if (Array.isArray(v.findings) && v.findings.length > 50) errors.push({ path: 'findings', code: 'too_large', params: { max: 50 } });
  else
    ((v.findings as unknown[] | undefined) ?? []).forEach((f, i) => {
      const o = objectOf(f);
      const fc = checker(o, errors, `findings.${i}.`);
      if (o.severity === undefined || o.severity === '') errors.push({ path: `findings.${i}.severity`, code: 'required' });
      else if (!isCyberSeverity(o.severity)) errors.push({ path: `findings.${i}.severity`, code: 'not_in_options' });
      const description = fc.text('description', 4, 1000);
      fc.unknown(['severity', 'description']);
      if (isCyberSeverity(o.severity)) findings.push({ severity: o.severity, description });
    });
  c.unknown(['inspectedOn', 'summary', 'findings']);
  return { value: { inspectedOn, summary, findings }, errors };
}

/** 整改答复: what was done (10–2000 characters) and 0–10 evidence attachment ids. */
export function validateFindingAnswer(input: unknown): Result<{ text: string; attachmentIds: string[] }> {
  const v = objectOf(input);
  const errors: FieldError[] = [];
  const c = checker(v, errors);
  const text = c.text('text', 10, 2000);
  const attachmentIds: string[] = [];
  if (v.attachmentIds !== undefined && !Array.isArray(v.attachmentIds)) errors.push({ path: 'attachmentIds', code: 'invalid_type' });
  else if (Array.isArray(v.attachmentIds) && v.attachmentIds.length > 10) errors.push({ path: 'attachmentIds', code: 'too_large', params: { max: 10 } });
  else
    ((v.attachmentIds as unknown[] | undefined) ?? []).forEach((x, i) => {
      if (typeof x !== 'string' || !uuid.test(x)) errors.push({ path: `attachmentIds.${i}`, code: 'attachment_unknown' });
      else if (!attachmentIds.includes(x)) attachmentIds.push(x);
    });
  c.unknown(['text', 'attachmentIds']);
  return { value: { text, attachmentIds }, errors };
}

/** 核验 / 重新整改: the unit's decision on an answered finding, with a note (2–500 characters). */
export function validateFindingReview(input: unknown): Result<{ action: 'verify' | 'reopen'; note: string }> {
  const v = objectOf(input);
  const errors: FieldError[] = [];
  const c = checker(v, errors);
  if (v.action !== 'verify' && v.action !== 'reopen') errors.push({ path: 'action', code: v.action === undefined ? 'required' : 'not_in_options' });
  const note = c.text('note', 2, 500);
  c.unknown(['action', 'note']);
  return { value: { action: v.action === 'reopen' ? 'reopen' : 'verify', note }, errors };
}
