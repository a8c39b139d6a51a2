import { CYBER_SEVERITIES, formatShanghai, isFindingOverdue, type FindingStatus } from '@jqt/domain';
import { findingAbilities, inspectionAbilities, type CyberViewer } from './policy.ts';
import type { FindingRow, InspectionRow } from './repository.ts';

const at = (d: Date | null) => (d ? formatShanghai(d) : null);
export const severityLabel = (s: string) => CYBER_SEVERITIES.find((x) => x.value === s)?.label ?? { zh: s, en: s };

/** The only shape an inspection leaves the server in: its findings, their answers, and what the viewer may do. */
export function presentInspection(v: CyberViewer, r: { i: InspectionRow; enterpriseName: string }, findings: FindingRow[], names: Map<string, string>, now: Date) {
  const { i } = r;
  const shown = findings.map((f) => ({
    id: f.id,
    seq: f.seq,
    severity: f.severity,
    description: f.description,
    dueAt: at(f.dueAt),
    status: f.status as FindingStatus,
    overdue: isFindingOverdue({ status: f.status as FindingStatus, dueAt: f.dueAt }, now),
    answerText: f.answerText,
    attachments: f.answerAttachmentIds.map((id) => ({ id, filename: names.get(id) ?? id })),
    answeredAt: at(f.answeredAt),
    verifyNote: f.verifyNote,
    reviewedAt: at(f.reviewedAt),
    closedAt: at(f.closedAt),
    escalatedAt: at(f.escalatedAt),
    abilities: findingAbilities(v, i, f.status as FindingStatus),
  }));
  const count = (s: FindingStatus[]) => shown.filter((f) => s.includes(f.status)).length;
  return {
    id: i.id,
    unitId: i.unitId,
    enterpriseId: i.enterpriseId,
    enterpriseName: r.enterpriseName,
    projectName: i.projectName,
    plannedDate: i.plannedDate,
    scope: i.scope,
    inspectors: i.inspectors,
    status: i.status as 'planned' | 'completed',
    inspectedOn: i.inspectedOn,
    summary: i.summary,
    noticeNumber: i.noticeNumber,
    noticeIssuedAt: at(i.noticeIssuedAt),
    createdAt: formatShanghai(i.createdAt),
    completedAt: at(i.completedAt),
    counts: { total: shown.length, waiting: count(['open', 'reopened']), answered: count(['answered']), closed: count(['closed']), overdue: shown.filter((f) => f.overdue).length },
    findings: shown,
    abilities: inspectionAbilities(v, i),
  };
}
