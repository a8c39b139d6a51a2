import { abilities, caseStageOf, crimeCategory, discloseCase, formatShanghai, itemType, nextCaseStages, type CaseFileDeclaration, type CaseViewer, type ItemState } from '@jqt/domain';
import type { UserActor } from '../accounts/actor.ts';
import type { ItemRow } from '../items/repository.ts';
import type { CaseFileRow, RecoveryRow } from './repository.ts';

const iso = (d: Date | string | null | undefined) => (d ? formatShanghai(typeof d === 'string' ? new Date(d) : d) : null);
const cents = (s: string) => Math.round(Number(s) * 100);

export function caseDecl(): CaseFileDeclaration {
  return itemType('crime-report')!.caseFile!;
}

export interface CaseFacts {
  row: ItemRow;
  state: ItemState;
  file: CaseFileRow | undefined;
  recoveries: RecoveryRow[];
  unit: { id: string; nameZh: string; nameEn: string; phone: string | null } | undefined;
  enterpriseName?: string;
  reconsideration?: { id: string; number: string; status: string; decision: string | null } | null;
  now: Date;
}

type StageEntry = { stage: string; at: string; note?: string | null; by?: string | null };

/**
 * The one shape a case leaves the server in, cut by the declaration to what the viewer may see (fails closed:
 * a field not declared disclosed never reaches the enterprise or the public).
 */
export function presentCase(f: CaseFacts, viewer: CaseViewer, actor?: UserActor) {
  const decl = caseDecl();
  const facts = { status: f.state.status, decision: f.file?.decision ?? null, progress: f.file?.progress ?? null };
  const stage = caseStageOf(decl, facts);
  const label = (code: string) => decl.stages.find((s) => s.code === code)?.label ?? { zh: code, en: code };
  const category = crimeCategory(f.state.data.category);
  const recovered = f.recoveries.reduce((n, r) => n + cents(r.amount), 0) / 100;
  const byKind = (k: string) => f.recoveries.filter((r) => r.kind === k).reduce((n, r) => n + cents(r.amount), 0) / 100;
  const stages: StageEntry[] = [
    { stage: 'reported', at: f.state.submittedAt.toISOString() },
    ...(f.state.acceptedAt ? [{ stage: 'registered', at: f.state.acceptedAt.toISOString() }] : []),
    ...(f.state.status === 'refused' && f.state.closedAt ? [{ stage: 'not-accepted', at: f.state.closedAt.toISOString() }] : []),
    ...((f.file?.stages as StageEntry[] | undefined) ?? []),
  ];
  const decidedAt = f.file?.decidedAt ?? null;
  const refusedAt = f.file?.decision === 'not-file' ? decidedAt : null;
  const team = f.file?.team as { leadId: string; memberIds: string[]; lead?: string; members?: string[] } | null | undefined;
  const full: Record<string, unknown> = {
    id: f.row.id,
    number: f.row.number,
    category: category ? { code: category.code, measure: category.measure, label: category.label } : null,
    measure: category?.measure ?? null,
    stage: stage.code,
    stageName: stage.label,
    unit: f.unit ? { id: f.unit.id, name: { zh: f.unit.nameZh, en: f.unit.nameEn } } : null,
    workPhone: f.unit?.phone ?? null,
    title: f.state.data.title ?? null,
    amountInvolved: f.state.data.amountInvolved ?? null,
    reportedAt: iso(f.state.submittedAt),
    registeredAt: iso(f.state.acceptedAt),
    decisionDueAt: stage.code === 'registered' ? iso(f.state.dueAt) : null,
    decidedAt: iso(decidedAt),
    decisionReason: f.file?.decision === 'not-file' ? f.state.answer : null,
    stages: stages.map((s) => ({ stage: s.stage, name: label(s.stage), at: iso(s.at), note: s.note ?? null })),
    recoveries: f.recoveries.map((r) => ({ id: r.id, kind: r.kind, amount: Number(r.amount), on: r.on, note: r.note, recordedBy: r.recordedBy })),
    recovered: { total: recovered, stopped: byKind('stopped'), recovered: byKind('recovered') },
    reconsideration:
      f.file?.decision === 'not-file' || f.reconsideration
        ? {
            allowedUntil: refusedAt ? iso(new Date(refusedAt.getTime() + decl.reconsiderationDays * 86_400_000)) : null,
            open: !!refusedAt && !f.reconsideration && f.now.getTime() <= refusedAt.getTime() + decl.reconsiderationDays * 86_400_000,
            item: f.reconsideration ?? null,
          }
        : null,
    enterpriseName: f.enterpriseName ?? null,
    tier: f.file?.tier ?? null,
    team: team ?? null,
    investigationNote: f.file?.investigationNote ?? null,
    supervision: f.state.supervision ? { ...f.state.supervision, at: iso(f.state.supervision.at), dueAt: iso(f.state.supervision.dueAt) } : null,
    itemStatus: f.state.status,
    nextStages: nextCaseStages(decl, facts).map((s) => ({ code: s.code, label: s.label })),
    abilities: actor ? caseAbilities(f, actor, nextCaseStages(decl, facts).length > 0) : {},
  };
  return discloseCase(decl, viewer, full);
}

/** What the staff member may do on the case (ARCHITECTURE rule 10), beside the item's own abilities. */
export function caseAbilities(f: Pick<CaseFacts, 'state' | 'file'>, actor: UserActor, canMove: boolean): Record<string, boolean> {
  const police = actor.role === 'officer' || actor.role === 'unit-leader';
  const owner = police && actor.unitId === f.state.unitId;
  const team = f.file?.team as { leadId?: string; memberIds?: string[] } | null | undefined;
  const onTeam = !!team && (team.leadId === actor.id || (team.memberIds ?? []).includes(actor.id));
  const open = f.state.status !== 'closed' && f.state.status !== 'refused';
  const registered = f.state.status !== 'submitted' && open;
  return {
    ...abilities(f.state, actor),
    canRecordStage: (owner || onTeam) && canMove,
    canRecordRecovery: (owner || onTeam) && f.file?.decision === 'file',
    canWriteInvestigationNote: (owner || onTeam) && registered,
    canDesignateSpecial: ((actor.role === 'unit-leader' && owner) || actor.role === 'supervisor') && registered,
    // 涉企案件通报 (M2): only of a case concluded (结案), by its unit or a supervisor
    canDraftBulletin: (owner || actor.role === 'supervisor') && f.file?.progress === 'concluded',
  };
}
