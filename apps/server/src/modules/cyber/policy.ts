import { DomainError, mayFindingMove, type FindingStatus } from '@jqt/domain';
import type { UserActor } from '../accounts/actor.ts';

/**
 * Who the actor is to M16: the cyber security unit's staff (`unit`: plan, record, review), readers (`reader`:
 * supervisors and the city bureau's leaders), the inspected enterprise's people (`enterprise`), or nobody.
 */
export type CyberStanding = 'unit' | 'reader' | 'enterprise' | 'none';

export function standingOf(actor: UserActor, unitType: string | null): CyberStanding {
  if ((actor.role === 'officer' || actor.role === 'unit-leader') && unitType === 'cyber') return 'unit';
  if (actor.role === 'supervisor' || (actor.role === 'unit-leader' && unitType === 'city-bureau')) return 'reader';
  if ((actor.role === 'enterprise-admin' || actor.role === 'enterprise-staff') && actor.enterpriseId) return 'enterprise';
  return 'none';
}

export interface CyberViewer {
  actor: UserActor;
  standing: CyberStanding;
}

interface InspectionFacts {
  unitId: string;
  enterpriseId: string;
  status: string;
}

/** Whether the viewer may know the inspection exists: its unit, readers, its own enterprise. Others get 404. */
export function mayReadInspection(v: CyberViewer, i: InspectionFacts): boolean {
  if (v.standing === 'unit') return v.actor.unitId === i.unitId;
  if (v.standing === 'reader') return true;
  if (v.standing === 'enterprise') return v.actor.enterpriseId === i.enterpriseId;
  return false;
}

/** Police writes: only the cyber unit's staff (403 for other police), and only on their unit's inspections (404). */
export function authorizeUnitWrite(v: CyberViewer, i?: InspectionFacts): void {
  if (v.standing !== 'unit') throw new DomainError('cyber_unit_only', { kind: 'forbidden' });
  if (i && i.unitId !== v.actor.unitId) throw new DomainError('not_found', { kind: 'not-found' });
}

export function inspectionAbilities(v: CyberViewer, i: InspectionFacts & { noticeNumber: string | null }) {
  const own = v.standing === 'unit' && v.actor.unitId === i.unitId;
  return { canRecordResult: own && i.status === 'planned', canDownloadNotice: !!i.noticeNumber && mayReadInspection(v, i) };
}

export function findingAbilities(v: CyberViewer, i: InspectionFacts, status: FindingStatus) {
  const own = v.standing === 'unit' && v.actor.unitId === i.unitId;
  const mine = v.standing === 'enterprise' && v.actor.enterpriseId === i.enterpriseId;
  return { canAnswer: mine && mayFindingMove(status, 'answer'), canVerify: own && mayFindingMove(status, 'verify'), canReopen: own && mayFindingMove(status, 'reopen') };
}
