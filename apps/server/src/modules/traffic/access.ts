import {
  DomainError,
  checkPlate,
  compileRuleSet,
  formatMessage,
  formatShanghai,
  parseAccessCheck,
  parseIsoInstant,
  validateRuleSet,
  type CompiledRuleSet,
  type FieldError,
  type FilingGrant,
  type Locale,
  type PassCodeGrant,
  type RoadClass,
  type TimeWindow,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import * as repo from './repository.ts';

/**
 * The rule sets and roads are read on every check, so each process keeps them for a few seconds; a rule set is
 * compiled once per version (versions never change). Writes here drop the cache; other instances follow within CACHE_MS.
 */
const CACHE_MS = 5_000;
interface Snapshot {
  at: number;
  sets: { version: number; from: number; compiled: CompiledRuleSet }[];
  roads: Map<string, repo.RoadRow>;
}
const cache = new WeakMap<Database, Snapshot>();
const compiledByVersion = new WeakMap<Database, Map<number, CompiledRuleSet>>();

export function dropTrafficCache(ctx: AppContext): void {
  cache.delete(ctx.database);
}

async function snapshot(ctx: AppContext): Promise<Snapshot> {
  const hit = cache.get(ctx.database);
  const now = Date.now();
  if (hit && now - hit.at < CACHE_MS) return hit;
  const db = ctx.database.db;
  const [rows, roads] = await Promise.all([repo.listRuleSets(db), repo.listRoads(db)]);
  let compiled = compiledByVersion.get(ctx.database);
  if (!compiled) compiledByVersion.set(ctx.database, (compiled = new Map()));
  const sets = rows.map((r) => {
    let c = compiled.get(r.version);
    if (!c) {
      c = compileRuleSet(toRuleSet(r));
      compiled.set(r.version, c);
    }
    return { version: r.version, from: r.effectiveFrom.getTime(), compiled: c };
  });
  const snap: Snapshot = { at: now, sets, roads: new Map(roads.map((r) => [r.id, r])) };
  cache.set(ctx.database, snap);
  return snap;
}

function toRuleSet(r: repo.RuleSetRow) {
  return { version: r.version, effectiveFrom: formatShanghai(r.effectiveFrom), rules: r.rules as never };
}

/** The version in force at `at`: the latest effectiveFrom not after it; before the first, the first. */
function inForce(snap: Snapshot, at: Date): CompiledRuleSet {
  let best: Snapshot['sets'][number] | null = null;
  for (const s of snap.sets) {
    if (s.from <= at.getTime() && (!best || s.from > best.from || (s.from === best.from && s.version > best.version))) best = s;
  }
  best ??= snap.sets.reduce<Snapshot['sets'][number] | null>((a, s) => (!a || s.from < a.from ? s : a), null);
  if (!best) throw new DomainError('rule_set_missing', { kind: 'unavailable' });
  return best.compiled;
}

export function passCodeGrant(r: repo.PassCodeRow): PassCodeGrant {
  return {
    plate: r.plate,
    validFrom: r.validFrom,
    validTo: r.validTo,
    roadClasses: r.roadClasses as RoadClass[],
    ...(r.roadIds && r.roadIds.length ? { roadIds: r.roadIds } : {}),
    status: r.status === 'valid' ? 'valid' : 'revoked',
  };
}

export function filingGrant(r: repo.NevFilingRow): FilingGrant {
  return {
    plate: r.plate,
    use: r.use as FilingGrant['use'],
    roadIds: r.roadIds,
    windows: r.windows as TimeWindow[],
    validFrom: r.validFrom,
    validTo: r.validTo,
    status: r.status as FilingGrant['status'],
  };
}

/** SPEC §7 contract: may this vehicle be on this road at this time, by which rule, and what to do if not. */
export async function checkAccess(ctx: AppContext, body: unknown, locale: Locale) {
  const snap = await snapshot(ctx);
  const errors: FieldError[] = [];
  // A road named by id takes its zone, class and night corridor from the registry.
  let input = body;
  const rawRoad = isObj(body) && isObj(body.road) ? body.road : null;
  const roadId = rawRoad && typeof rawRoad.roadId === 'string' ? rawRoad.roadId.trim() : '';
  if (roadId) {
    const road = snap.roads.get(roadId);
    if (!road) errors.push({ path: 'road.roadId', code: 'road_not_found' });
    else input = { ...body as object, road: { ...rawRoad, roadId, inRestrictedZone: road.inRestrictedZone, class: road.roadClass, nightCorridor: road.nightCorridor } };
  }
  const parsed = parseAccessCheck(input);
  if (!parsed.ok) errors.push(...parsed.errors.filter((e) => !(roadId && e.path === 'road.roadId')));
  const rawPlate = isObj(body) && isObj(body.vehicle) ? body.vehicle.plate : undefined;
  let plate: string | undefined;
  if (typeof rawPlate === 'string' && rawPlate.trim() !== '') {
    const p = checkPlate(rawPlate.trim());
    if (!p.valid) errors.push(...p.errors.map((e) => ({ path: 'vehicle.plate', code: e.code, ...(e.params ? { params: e.params } : {}) })));
    else plate = p.normalized ?? rawPlate.trim();
  }
  if (errors.length || !parsed.ok || !plate) {
    throw new DomainError('validation_failed', { kind: 'invalid', errors: sortErrors(errors) });
  }
  const { vehicle, road, at } = parsed.value;
  const compiled = inForce(snap, at);
  const db = ctx.database.db;
  const [codes, filings] = await Promise.all([repo.passCodesOfPlate(db, plate, at), repo.filingsOfPlate(db, plate, at)]);
  const d = compiled.evaluate({
    vehicle: { ...vehicle, plate },
    road,
    at,
    passCodes: codes.map(passCodeGrant),
    filings: filings.map(filingGrant),
  });
  return {
    allowed: d.allowed,
    rule: d.rule,
    vehicleClass: d.vehicleClass,
    treatedAs: d.treatedAs,
    reason: formatMessage(locale, d.reasonCode, d.reasonParams),
    ...(d.adviceCode ? { advice: formatMessage(locale, d.adviceCode, d.reasonParams) } : {}),
    ruleSetVersion: compiled.version,
  };
}

const fieldOrder = ['vehicle.plate', 'vehicle.newEnergy', 'vehicle.totalMassKg', 'vehicle.lengthMm', 'vehicle.body', 'vehicle.use', 'road.', 'at'];
function sortErrors(errors: FieldError[]): FieldError[] {
  const rank = (p: string) => {
    const i = fieldOrder.findIndex((f) => p === f || (f.endsWith('.') && p.startsWith(f)) || p === f.replace(/\.$/, ''));
    return i < 0 ? fieldOrder.length : i;
  };
  return [...errors].sort((a, b) => rank(a.path) - rank(b.path));
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// Roads registry

export function presentRoad(r: repo.RoadRow) {
  return { id: r.id, name: r.name, class: r.roadClass, inRestrictedZone: r.inRestrictedZone, nightCorridor: r.nightCorridor, district: r.district };
}

export async function listRoads(ctx: AppContext) {
  return (await repo.listRoads(ctx.database.db)).map(presentRoad);
}

export interface RoadInput {
  name: string;
  class: RoadClass;
  inRestrictedZone: boolean;
  nightCorridor: boolean;
  district?: string | null;
}

export async function createRoad(ctx: AppContext, actor: UserActor, input: RoadInput & { id: string }, ip: string) {
  const now = ctx.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const ok = await repo.insertRoad(tx, { id: input.id, ...roadColumns(input), updatedAt: now });
    if (!ok) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'id', code: 'road_exists' }] });
    await recordAudit(tx, { actor, action: 'traffic.road.create', subject: `road:${input.id}`, detail: { ...input }, ip, at: now });
    return (await repo.findRoad(tx, input.id))!;
  });
  dropTrafficCache(ctx);
  return presentRoad(row);
}

export async function updateRoad(ctx: AppContext, actor: UserActor, id: string, input: RoadInput, ip: string) {
  const now = ctx.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const before = await repo.findRoad(tx, id);
    if (!before) throw new DomainError('not_found', { kind: 'not-found' });
    const after = (await repo.updateRoad(tx, id, { ...roadColumns(input), updatedAt: now }))!;
    await recordAudit(tx, { actor, action: 'traffic.road.update', subject: `road:${id}`, detail: { before: presentRoad(before), after: presentRoad(after) }, ip, at: now });
    return after;
  });
  dropTrafficCache(ctx);
  return presentRoad(row);
}

function roadColumns(i: RoadInput) {
  return { name: i.name.trim(), roadClass: i.class, inRestrictedZone: i.inRestrictedZone, nightCorridor: i.nightCorridor, district: i.district ?? null };
}

// Rule sets: every version kept

export async function listRuleSets(ctx: AppContext) {
  const rows = await repo.listRuleSets(ctx.database.db);
  const now = ctx.now().getTime();
  const current = rows.filter((r) => r.effectiveFrom.getTime() <= now).sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime() || b.version - a.version)[0];
  return {
    ruleSets: rows.map((r) => ({
      version: r.version,
      effectiveFrom: formatShanghai(r.effectiveFrom),
      rules: r.rules,
      note: r.note,
      createdBy: r.createdBy,
      createdAt: formatShanghai(r.createdAt),
      inForce: r.version === current?.version,
    })),
  };
}

/**
 * A new version N+1, validated field by field. It may not take effect before now: answers already given
 * stay explainable by the version that gave them.
 */
export async function createRuleSet(ctx: AppContext, actor: UserActor, body: { effectiveFrom?: unknown; rules?: unknown; note?: string }, ip: string) {
  const now = ctx.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    await repo.lockRuleSets(tx);
    const version = (await repo.latestRuleSetVersion(tx)) + 1;
    const checked = validateRuleSet({ version, effectiveFrom: body.effectiveFrom, rules: body.rules });
    const errors: FieldError[] = checked.ok ? [] : [...checked.errors];
    const from = typeof body.effectiveFrom === 'string' ? parseIsoInstant(body.effectiveFrom) : null;
    if (from && from.getTime() < now.getTime()) errors.push({ path: 'effectiveFrom', code: 'rule_set_effective_past' });
    if (errors.length || !checked.ok || !from) throw new DomainError('rule_set_invalid', { kind: 'invalid', errors });
    compileRuleSet(checked.ruleSet);
    await repo.insertRuleSet(tx, { version, effectiveFrom: from, rules: checked.ruleSet.rules, note: body.note ?? '', createdBy: actor.id, createdAt: now });
    await recordAudit(tx, { actor, action: 'traffic.rule-set.create', subject: `rule-set:${version}`, detail: { effectiveFrom: formatShanghai(from), note: body.note ?? '' }, ip, at: now });
    return { version, effectiveFrom: formatShanghai(from), rules: checked.ruleSet.rules, note: body.note ?? '' };
  });
  dropTrafficCache(ctx);
  return result;
}

