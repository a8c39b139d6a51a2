import type { Form, FormField } from './form.ts';
import type { CertificateDeclaration, ItemTypeDeclaration } from './item-type.ts';
import type { ItemState } from './item.ts';

/** How an application was decided: `approved` (准予) issues the declared documents, `denied` (不予许可) nothing. */
export type Decision = 'approved' | 'denied';

/**
 * The decision given with an answer (or a certificate-issuing branch). Optional: an answer without it approves, so
 * a client that does not know the field keeps working; a denial must be said.
 */
export const decisionField: FormField = {
  name: 'decision',
  kind: 'select',
  label: { zh: '审批决定', en: 'Decision' },
  help: { zh: '不填视为准予；不予许可时不核发证件', en: 'Approved unless stated; a denial issues no document' },
  options: [
    { value: 'approved', label: { zh: '准予许可（核发证件）', en: 'Approved (issue the document)' } },
    { value: 'denied', label: { zh: '不予许可', en: 'Denied' } },
  ],
};

export function decisionOf(input: Record<string, unknown>): Decision {
  return input.decision === 'denied' ? 'denied' : 'approved';
}

/** The answer of this type carries a decision (its approval issues documents). */
export function decidesOnAnswer(type: ItemTypeDeclaration): boolean {
  return (type.certificates ?? []).length > 0;
}

/** Completing one of this type's branches carries a decision (a partner issues a document, M4). */
export function decidesOnBranch(type: ItemTypeDeclaration): boolean {
  return (type.certificates ?? []).some((c) => c.issuedOn !== 'answer');
}

/** The partners whose completed branch issues one of this type's documents (M4: the science bureau). */
function issuingBranchUnits(type: ItemTypeDeclaration): string[] {
  return [...new Set((type.certificates ?? []).flatMap((c) => (c.issuedOn === 'answer' ? [] : [c.issuedOn.branchUnitId])))];
}

/**
 * Where this type's transitions take a decision, as forms for the catalog (the browser renders them like the answer
 * form): on the answer, and on completing the branch of a partner that issues a document. Null where there is none.
 */
export function decisionForms(type: ItemTypeDeclaration): { answer: Form | null; completeBranch: { unitIds: string[]; form: Form } | null } {
  const unitIds = issuingBranchUnits(type);
  return {
    answer: decidesOnAnswer(type) ? [decisionField] : null,
    completeBranch: decidesOnBranch(type) && unitIds.length ? { unitIds, form: [decisionField] } : null,
  };
}

/**
 * The branch-issued documents a partner denied: those whose issuing partner's latest completed branch said `denied`
 * (a branch opened again and approved replaces the denial). The owner may not approve over them: M4's residence
 * permit is not issued without the work permit.
 */
export function deniedBranchCertificates(type: ItemTypeDeclaration, item: ItemState): CertificateDeclaration[] {
  return (type.certificates ?? []).filter((c) => {
    if (c.issuedOn === 'answer') return false;
    const { branchUnitId } = c.issuedOn;
    const latest = item.branches.filter((b) => b.unitId === branchUnitId && b.status === 'done').at(-1);
    return latest?.decision === 'denied';
  });
}

export interface CertificateDue {
  certificate: CertificateDeclaration;
  /** The unit that issues it: the owning unit on the answer, the partner on its branch. */
  unitId: string;
}

/**
 * The documents a transition issues, from the declaration: the answer's when the item was answered with approval,
 * a partner's when its branch was completed with approval. `input` is the transition's validated fields.
 * Issuing once per item and kind (a reopened item answered again) is the caller's check against what exists.
 */
export function certificatesDue(type: ItemTypeDeclaration, before: ItemState, after: ItemState, action: string, input: Record<string, unknown>): CertificateDue[] {
  const declared = type.certificates ?? [];
  if (action === 'answer' && after.status === 'answered' && decisionOf(input) === 'approved') {
    return declared.filter((c) => c.issuedOn === 'answer').map((certificate) => ({ certificate, unitId: after.unitId }));
  }
  if (action === 'complete-branch') {
    const done = after.branches.filter((b) => b.status === 'done' && before.branches.some((x) => x.id === b.id && x.status === 'open'));
    return done
      .filter((b) => b.decision !== 'denied')
      .flatMap((b) => declared.filter((c) => c.issuedOn !== 'answer' && c.issuedOn.branchUnitId === b.unitId).map((certificate) => ({ certificate, unitId: b.unitId })));
  }
  return [];
}

/** `淄公居证〔2026〕第000123号`: the authority's abbreviation, the year in 六角括号, a six-digit serial. */
export function certificateNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}〔${year}〕第${String(serial).padStart(6, '0')}号`;
}
