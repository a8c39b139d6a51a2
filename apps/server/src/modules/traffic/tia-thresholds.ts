import {
  DEFAULT_TIA_THRESHOLD_VERSION,
  DomainError,
  TIA_THRESHOLD_BOUNDS,
  TIA_THRESHOLD_KEYS,
  formatShanghai,
  parseIsoInstant,
  tiaThresholdsInForce,
  type TiaThresholds,
  type TiaThresholdVersion,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { insertSetting, settingsWithPrefix } from '../../db/settings.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import * as repo from './repository.ts';

/**
 * M9 traffic impact assessment thresholds: every version an admin publishes is kept as one row of the `settings`
 * store (`tia-thresholds:0001`, …); a tia-screening item is screened at submission by the version then in force.
 */
const PREFIX = 'tia-thresholds:';
const keyOf = (version: number) => `${PREFIX}${String(version).padStart(4, '0')}`;

interface StoredVersion {
  version: number;
  effectiveFrom: string;
  thresholds: TiaThresholds;
  note: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

function parse(row: { value: string }): StoredVersion | null {
  try {
    const v = JSON.parse(row.value) as StoredVersion;
    return Number.isInteger(v.version) && parseIsoInstant(v.effectiveFrom) && TIA_THRESHOLD_KEYS.every((k) => typeof v.thresholds?.[k] === 'number') ? v : null;
  } catch {
    return null;
  }
}

function defaultVersion(): StoredVersion {
  const d = DEFAULT_TIA_THRESHOLD_VERSION;
  return {
    version: d.version,
    effectiveFrom: d.effectiveFrom.toISOString(),
    thresholds: { ...d.thresholds },
    note: '默认阈值（参照 CJJ/T 141）Defaults (after CJJ/T 141)',
    authorId: null,
    authorName: null,
    createdAt: d.effectiveFrom.toISOString(),
  };
}

/** Every stored version; version 1 (the defaults) is there even in a database the seed has not reached yet. */
async function stored(db: Queryable): Promise<StoredVersion[]> {
  const list = (await settingsWithPrefix(db, PREFIX)).map(parse).filter((v): v is StoredVersion => v !== null);
  return list.some((v) => v.version === DEFAULT_TIA_THRESHOLD_VERSION.version) ? list : [defaultVersion(), ...list];
}

const toDomain = (v: StoredVersion): TiaThresholdVersion => ({ version: v.version, effectiveFrom: new Date(v.effectiveFrom), thresholds: v.thresholds });

/** Version 1 (the defaults) as stored by the reference seed; safe to run on every start. */
export async function ensureDefaultTiaThresholds(db: Queryable): Promise<void> {
  const v = defaultVersion();
  await insertSetting(db, keyOf(v.version), JSON.stringify(v), new Date(v.createdAt));
}

/** Every version, for the screening at submission (the domain picks the one in force). */
export async function tiaThresholdVersions(db: Queryable): Promise<TiaThresholdVersion[]> {
  return (await stored(db)).map(toDomain);
}

function present(v: StoredVersion, inForce: number) {
  return {
    version: v.version,
    effectiveFrom: formatShanghai(new Date(v.effectiveFrom)),
    thresholds: v.thresholds,
    note: v.note,
    author: v.authorId ? { id: v.authorId, name: v.authorName } : null,
    createdAt: formatShanghai(new Date(v.createdAt)),
    inForce: v.version === inForce,
  };
}

const bounds = () => Object.fromEntries(TIA_THRESHOLD_KEYS.map((k) => [k, TIA_THRESHOLD_BOUNDS[k]]));

/** Admin: every version, newest first, with the one in force now marked, and the bounds a new one must keep. */
export async function listTiaThresholds(ctx: AppContext) {
  const all = await stored(ctx.database.db);
  const inForce = tiaThresholdsInForce(all.map(toDomain), ctx.now()).version;
  return { versions: all.sort((a, b) => b.version - a.version).map((v) => present(v, inForce)), bounds: bounds() };
}

/** Public (service guide): the thresholds in force now, and the next version if one is already published. */
export async function currentTiaThresholds(ctx: AppContext) {
  const now = ctx.now();
  const all = (await stored(ctx.database.db)).map(toDomain);
  const current = tiaThresholdsInForce(all, now);
  const next = all.filter((v) => v.effectiveFrom.getTime() > now.getTime()).sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || b.version - a.version)[0];
  const show = (v: TiaThresholdVersion) => ({ version: v.version, effectiveFrom: formatShanghai(v.effectiveFrom), thresholds: v.thresholds });
  return { ...show(current), labels: Object.fromEntries(TIA_THRESHOLD_KEYS.map((k) => [k, TIA_THRESHOLD_BOUNDS[k].label])), next: next ? show(next) : null };
}

export interface TiaThresholdInput {
  /** Checked by the route's schema: ISO 8601 with an offset, not in the past. Omitted: at once. */
  effectiveFrom?: string;
  thresholds: TiaThresholds;
  note?: string;
}

/** A new version N+1 (the route's schema has checked every value); audited like every admin change. */
export async function createTiaThresholds(ctx: AppContext, actor: UserActor, input: TiaThresholdInput, ip: string) {
  const now = ctx.now();
  const from = input.effectiveFrom ? parseIsoInstant(input.effectiveFrom)! : now;
  return ctx.database.db.transaction(async (tx) => {
    await repo.lockTiaThresholds(tx);
    const all = await stored(tx);
    const version = Math.max(...all.map((v) => v.version)) + 1;
    const v: StoredVersion = {
      version,
      effectiveFrom: from.toISOString(),
      thresholds: { buildingAreaM2: input.thresholds.buildingAreaM2, parkingSpaces: input.thresholds.parkingSpaces, peakHourTrips: input.thresholds.peakHourTrips },
      note: input.note?.trim() ?? '',
      authorId: actor.id,
      authorName: actor.displayName,
      createdAt: now.toISOString(),
    };
    if (!(await insertSetting(tx, keyOf(version), JSON.stringify(v), now))) throw new DomainError('conflict', { kind: 'conflict' });
    await recordAudit(tx, { actor, action: 'traffic.tia-thresholds.create', subject: `tia-thresholds:${version}`, detail: { effectiveFrom: formatShanghai(from), thresholds: v.thresholds, note: v.note }, ip, at: now });
    const inForce = tiaThresholdsInForce([...all, v].map(toDomain), now).version;
    return present(v, inForce);
  });
}
