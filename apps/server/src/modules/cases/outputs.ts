import type { ItemOutputs } from '../items/service.ts';
import { afterCaseTransition, afterReconsiderationAnswer, afterReconsiderationSubmit } from './service.ts';

/** The case file follows its item's lifecycle: registration opens it, the answer records the 立案 decision. */
const crimeReportOutputs: ItemOutputs = {
  afterTransition: (tx, e) => afterCaseTransition(tx, e),
};

/** 申请复议: linked to its case at filing; a revoking decision opens the case. */
const crimeReconsiderationOutputs: ItemOutputs = {
  afterSubmit: async (tx, e) => {
    await afterReconsiderationSubmit(tx, e);
  },
  afterTransition: (tx, e) => afterReconsiderationAnswer(tx, e),
};

/** This module's item types and what each produces, for the one list in registries.ts. */
export const caseOutputs: Record<string, ItemOutputs> = {
  'crime-report': crimeReportOutputs,
  'crime-reconsideration': crimeReconsiderationOutputs,
};
