import type { Label } from './form.ts';
import type { ItemStatus } from './status.ts';

/** Who may see a case-file field: staff only, also the reporting enterprise, or anyone (a bulletin). */
export type Disclosure = 'staff' | 'enterprise' | 'public';
export type CaseViewer = Disclosure;

/**
 * One police stage of a case (受案, 立案 …) and the engine statuses it stands on. `decision` stages follow from the
 * answer's decision; `progress` stages are recorded by the unit after 立案, and a `closes` stage closes the item.
 */
export interface CaseStage {
  code: string;
  label: Label;
  engine: readonly ItemStatus[];
  decision?: string;
  progress?: boolean;
  closes?: boolean;
  /** The progress stages that may follow this one. */
  next?: readonly string[];
}

export interface CaseFileDeclaration {
  /** The answer field holding the 立案 decision, and its value that opens a case. */
  decisionField: string;
  openDecision: string;
  stages: readonly CaseStage[];
  /** Every field a case view may carry, and who may see it; `a.b` is field `b` of each row of list `a`. */
  fields: Readonly<Record<string, { label: Label; disclosure: Disclosure }>>;
  /** Days after a refusal (不予立案) during which the enterprise may ask for reconsideration (申请复议). */
  reconsiderationDays: number;
  reconsiderationType: string;
}

export interface CaseFacts {
  status: ItemStatus;
  decision: string | null;
  progress: string | null;
}

/** The police stage of a case from the engine's status, the decision and the recorded progress. */
export function caseStageOf(decl: CaseFileDeclaration, f: CaseFacts): CaseStage {
  if (f.progress) {
    const p = decl.stages.find((s) => s.code === f.progress && s.progress);
    if (p) return p;
  }
  if (f.decision) {
    const d = decl.stages.find((s) => s.decision === f.decision && s.engine.includes(f.status));
    if (d) return d;
    // A decided case whose item was closed without a recorded progress stage keeps its decision's stage.
    const any = decl.stages.find((s) => s.decision === f.decision);
    if (any) return any;
  }
  const s = decl.stages.find((x) => !x.decision && !x.progress && x.engine.includes(f.status));
  if (!s) throw new Error(`no case stage for status ${f.status}`);
  return s;
}

/** The progress stages the unit may record next (none before 立案 or after a closing stage). */
export function nextCaseStages(decl: CaseFileDeclaration, f: CaseFacts): CaseStage[] {
  const now = caseStageOf(decl, f);
  return (now.next ?? []).map((c) => decl.stages.find((s) => s.code === c)!).filter(Boolean);
}

const reach: Record<Disclosure, number> = { staff: 0, enterprise: 1, public: 2 };
/** Whether a field declared with `disclosure` may be shown to `viewer`. */
export function disclosedTo(disclosure: Disclosure, viewer: CaseViewer): boolean {
  return reach[disclosure] >= reach[viewer];
}

/**
 * A case view cut to what the viewer may see: every key not declared, or declared for a narrower audience, is
 * dropped (fails closed), including fields of list rows (`recoveries.note`).
 */
export function discloseCase(decl: CaseFileDeclaration, viewer: CaseViewer, view: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(view)) {
    const f = decl.fields[k];
    if (!f || !disclosedTo(f.disclosure, viewer)) continue;
    if (Array.isArray(v)) {
      out[k] = v.map((row) => {
        if (typeof row !== 'object' || row === null) return row;
        return Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([rk]) => {
          const rf = decl.fields[`${k}.${rk}`];
          return rf ? disclosedTo(rf.disclosure, viewer) : false;
        }));
      });
    } else out[k] = v;
  }
  return out;
}

/**
 * What selects the cases in stage `code` (the inverse of `caseStageOf`, for lists): a recorded progress stage, a
 * decision without later progress, or engine statuses with neither. Undefined for an unknown stage.
 */
export type CaseStageSelector = { progress: string } | { decision: string } | { statuses: readonly ItemStatus[] };
export function caseStageSelector(decl: CaseFileDeclaration, code: string): CaseStageSelector | undefined {
  const s = decl.stages.find((x) => x.code === code);
  if (!s) return undefined;
  if (s.progress) return { progress: s.code };
  if (s.decision) return { decision: s.decision };
  return { statuses: s.engine };
}
