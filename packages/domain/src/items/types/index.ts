import type { ItemTypeDeclaration } from '../item-type.ts';
import { appeal } from './appeal.ts';
import { conductComplaint } from './conduct-complaint.ts';
import { petition } from './petition.ts';
import { publicOrderComplaint } from './public-order-complaint.ts';
import { talentHukou } from './talent-hukou.ts';
import { foreignTalentPermits } from './foreign-talent-permits.ts';
import { residencePermit } from './residence-permit.ts';
import { exitEntryUrgent } from './exit-entry-urgent.ts';
import { houseNumber } from './house-number.ts';
import { oversizeTransport } from './oversize-transport.ts';
import { roadWorks } from './road-works.ts';
import { truckPass } from './truck-pass.ts';
import { nevSpecialFiling } from './nev-special-filing.ts';
import { batchInspection } from './batch-inspection.ts';
import { tiaScreening } from './tia-screening.ts';
import { safetyLecture } from './safety-lecture.ts';
import { legalConsultation } from './legal-consultation.ts';
import { crimeReconsideration, crimeReport } from './crime-report.ts';
import { incidentLinkage } from './incident-linkage.ts';

/** The catalog: adding an item type is adding its declaration here. */
export const itemTypes: readonly ItemTypeDeclaration[] = [
  appeal,
  publicOrderComplaint,
  conductComplaint,
  petition,
  talentHukou,
  foreignTalentPermits,
  residencePermit,
  exitEntryUrgent,
  houseNumber,
  oversizeTransport,
  roadWorks,
  truckPass,
  nevSpecialFiling,
  batchInspection,
  tiaScreening,
  safetyLecture,
  legalConsultation,
  crimeReport,
  crimeReconsideration,
  incidentLinkage,
];

const byCode = new Map(itemTypes.map((t) => [t.code, t]));
export function itemType(code: string): ItemTypeDeclaration | undefined {
  return byCode.get(code);
}

export { crimeCaseFile, caseLaw } from './crime-report.ts';
export { incidentCategories, incidentLinkage, parseLocalInstant } from './incident-linkage.ts';
