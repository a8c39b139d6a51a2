import { registerItemOutputs } from '../items/service.ts';
import { afterCaseTransition, afterReconsiderationAnswer, afterReconsiderationSubmit } from './service.ts';

/** The case file follows its item's lifecycle: registration opens it, the answer records the 立案 decision. */
registerItemOutputs('crime-report', {
  afterTransition: (tx, e) => afterCaseTransition(tx, e),
});

/** 申请复议: linked to its case at filing; a revoking decision opens the case. */
registerItemOutputs('crime-reconsideration', {
  afterSubmit: async (tx, e) => {
    await afterReconsiderationSubmit(tx, e);
  },
  afterTransition: (tx, e) => afterReconsiderationAnswer(tx, e),
});
