import { formatShanghai, itemType } from '@jqt/domain';
import type * as repo from './repository.ts';

type PersonLite = { id: string; displayName: string; unitId: string | null; unitNameZh: string | null; unitNameEn: string | null; unitPhone?: string | null };
export type People = Map<string, PersonLite>;

export function presentPerson(p: PersonLite | undefined) {
  if (!p) return null;
  return { id: p.id, displayName: p.displayName, unitId: p.unitId, unitName: { zh: p.unitNameZh ?? '', en: p.unitNameEn ?? '' } };
}

/** What an enterprise is told of its officer: a name, the unit and the unit's duty phone (never a personal number). */
export function presentContact(p: PersonLite | undefined) {
  if (!p) return null;
  return { displayName: p.displayName, unitName: { zh: p.unitNameZh ?? '', en: p.unitNameEn ?? '' }, workPhone: p.unitPhone ?? null };
}

export function presentEnterprise(e: repo.EnterpriseRow, open: repo.AssignmentRow | undefined, people: People) {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    district: e.district,
    address: e.address,
    key: e.key,
    tags: e.tags,
    industry: e.industry,
    officer: open ? presentPerson(people.get(open.officerId)) : null,
    deputy: open?.deputyId ? presentPerson(people.get(open.deputyId)) : null,
    lastVisitOn: e.lastVisitOn,
  };
}

export function presentAssignment(a: repo.AssignmentRow, people: People) {
  return {
    id: a.id,
    enterpriseId: a.enterpriseId,
    projectId: a.projectId,
    officer: presentPerson(people.get(a.officerId)),
    deputy: a.deputyId ? presentPerson(people.get(a.deputyId)) : null,
    fromAt: formatShanghai(a.fromAt),
    toAt: a.toAt ? formatShanghai(a.toAt) : null,
    assignedBy: { displayName: people.get(a.assignedBy)?.displayName ?? '' },
    reason: a.reason,
    endReason: a.endReason,
  };
}

export function presentProject(p: repo.ProjectRow, enterpriseName: string, open: repo.AssignmentRow | undefined, people: People) {
  return {
    id: p.id,
    name: p.name,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    district: p.district,
    address: p.address,
    stage: p.stage,
    startOn: p.startOn,
    endOn: p.endOn,
    officer: open ? presentPerson(people.get(open.officerId)) : null,
    deputy: open?.deputyId ? presentPerson(people.get(open.deputyId)) : null,
  };
}

export function presentVisit(
  v: repo.VisitRow,
  problems: { p: repo.ProblemRow; itemNumber: string | null; itemStatus: string | null; itemType: string | null }[],
  names: { enterprise?: string; centre?: string | null },
  people: People,
) {
  return {
    id: v.id,
    enterpriseId: v.enterpriseId,
    enterpriseName: names.enterprise ?? '',
    projectId: v.projectId,
    date: v.visitedOn,
    way: v.way,
    centreId: v.centreId,
    centreName: names.centre ?? null,
    officer: presentPerson(people.get(v.officerId)),
    met: v.met,
    summary: v.summary,
    pledge: v.pledge,
    problems: problems.map(({ p, itemNumber, itemStatus, itemType: type }) => ({
      id: p.id,
      text: p.text,
      outcome: p.outcome,
      resolution: p.resolution,
      itemId: p.itemId,
      itemNumber,
      itemStatus,
      itemTypeName: type ? (itemType(type)?.names ?? null) : null,
    })),
    confirmation: v.verdict ? { verdict: v.verdict, note: v.verdictNote, at: formatShanghai(v.verdictAt!) } : null,
    confirmDueAt: formatShanghai(v.confirmDueAt),
    createdAt: formatShanghai(v.createdAt),
  };
}

export function presentCentre(c: repo.CentreRow, people: People) {
  return {
    id: c.id,
    name: c.name,
    park: c.park,
    district: c.district,
    address: c.address,
    hours: c.hours,
    phone: c.phone,
    services: c.services,
    staff: c.staffIds.map((id) => people.get(id)).filter((p) => !!p).map((p) => ({ id: p.id, displayName: p.displayName })),
  };
}
