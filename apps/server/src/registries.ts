/**
 * Every item type's server-side outputs and every document verifier, in one list each (issue 17 point 8): a reader
 * sees here which types produce something besides their row. The item types themselves are listed once in the
 * domain (packages/domain/src/items/types/index.ts), the notice templates in its notifications declarations.
 * A type may appear once: two modules claiming one type is a mistake, refused at start.
 */
import { certificateOutputs } from './modules/applications/certificates.ts';
import { useVerifiers } from './modules/applications/receipts.ts';
import { caseOutputs } from './modules/cases/outputs.ts';
import { cyberNoticeVerifier } from './modules/cyber/notice.ts';
import { useItemOutputs, type ItemOutputs } from './modules/items/service.ts';
import { lectureOutputs } from './modules/prevention/lectures.ts';
import { trafficOutputs } from './modules/traffic/outputs.ts';

const outputLists: Record<string, Record<string, ItemOutputs>> = {
  certificates: certificateOutputs,
  traffic: trafficOutputs,
  cases: caseOutputs,
  lectures: lectureOutputs,
};

/** The documents /verify recognises besides the platform's own receipts and certificates. */
const verifiers = [cyberNoticeVerifier];

export function installRegistries(): void {
  const byType = new Map<string, ItemOutputs>();
  for (const [list, outputs] of Object.entries(outputLists)) {
    for (const [type, o] of Object.entries(outputs)) {
      if (byType.has(type)) throw new Error(`item type ${type} has outputs in two lists (the second: ${list})`);
      byType.set(type, o);
    }
  }
  useItemOutputs(byType);
  useVerifiers(verifiers);
}
