import { DomainError, isDistrict, officeScope, readerScope, scopeCovers, type DistrictCode, type LiaisonActor, type LiaisonScope, type UnitType } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { findUnit } from '../accounts/repository.ts';
import * as repo from './repository.ts';

/** The actor with the unit facts the liaison rules read (its unit's type and district). */
export async function liaisonActor(ctx: AppContext, actor: UserActor): Promise<UserActor & LiaisonActor> {
  const unit = actor.unitId ? await findUnit(ctx.database.db, actor.unitId) : undefined;
  return { ...actor, unitType: (unit?.unitType ?? null) as UnitType | null, unitDistrict: unit && isDistrict(unit.district) ? (unit.district as DistrictCode) : null };
}

/** The office's scope, or 403 for anyone who does not run the registry. */
export function requireOffice(a: LiaisonActor): Exclude<LiaisonScope, { kind: 'none' }> {
  const s = officeScope(a);
  if (s.kind === 'none') throw new DomainError('forbidden', { kind: 'forbidden' });
  return s;
}

/** The office may change an enterprise of its district only; another district's enterprise is not its to see. */
export function requireOfficeOver(a: LiaisonActor, district: string) {
  const s = requireOffice(a);
  if (!scopeCovers(s, district)) throw new DomainError('outside_your_district', { kind: 'forbidden' });
  return s;
}

/** The district a list is read for: the asked one within the reader's scope; null means every district. */
export function districtFor(scope: LiaisonScope, asked: string | undefined): string | null {
  if (scope.kind === 'district') {
    if (asked && asked !== scope.district) throw new DomainError('outside_your_district', { kind: 'forbidden' });
    return scope.district;
  }
  return asked ?? null;
}

/**
 * May this user open the enterprise's registry entry and file: the office over its district, district staff,
 * or one of its liaison officers. Anyone else gets 404, as for any record they may not know exists.
 */
export async function canReadEnterprise(ctx: AppContext, a: UserActor & LiaisonActor, e: { id: string; district: string }): Promise<boolean> {
  if (scopeCovers(readerScope(a), e.district)) return true;
  return repo.liaises(ctx.database.db, a.id, e.id);
}
