import { allows, batchVisibility, type BatchVisibilityField } from '@jqt/domain';
import { residenceBatches } from '../../db/schema.ts';
import { visibilitySql, type ColumnsOf } from '../../policy/visibility-sql.ts';
import type { UserActor } from '../accounts/actor.ts';
import type { BatchRow } from './repository.ts';

/** Who may see which residence-permit batch: the domain's `batchVisibility`, for one batch and as SQL. */
const columns: ColumnsOf<BatchVisibilityField> = { enterpriseId: residenceBatches.enterpriseId, unitId: residenceBatches.unitId };

export const canSeeBatch = (actor: UserActor, batch: Pick<BatchRow, 'enterpriseId' | 'unitId'>) =>
  allows(batchVisibility(actor), { enterpriseId: batch.enterpriseId, unitId: batch.unitId });

export const batchesVisibleTo = (actor: UserActor) => visibilitySql(batchVisibility(actor), columns);
