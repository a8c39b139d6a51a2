import { DomainError } from '../errors.ts';
import { compileCondition, type Condition, type Fact, type FactReaders, type Predicate } from './conditions.ts';
import { filingCovers, passCodeCovers, type FilingGrant, type PassCodeGrant, type Road, type Vehicle } from './grants.ts';
import { formatShanghaiMinute } from '../calendar/local-time.ts';
import { formatClock, insideWindow, parseClock, shanghaiTimeOfDayMs } from './local-time.ts';
import { DEFAULT_DENIAL, validateRuleSet, type AccessEffect, type RuleSet } from './rules.ts';
import { classifyVehicle, type VehicleClass } from './vehicle-class.ts';

export interface AccessInput {
  vehicle: Vehicle;
  road: Road;
  at: Date;
  /** The plate's pass codes (others are ignored anyway). */
  passCodes?: PassCodeGrant[];
  /** The plate's NEV special-vehicle filings. */
  filings?: FilingGrant[];
}

export interface AccessDecision {
  allowed: boolean;
  /** The id of the deciding rule (SPEC §5), e.g. 'nev-heavy-peak'. */
  rule: string;
  vehicleClass: VehicleClass;
  treatedAs: VehicleClass;
  reasonCode: string;
  reasonParams?: Record<string, unknown>;
  adviceCode?: string;
}

/** A rule set turned into closures once; evaluate it as often as needed. */
export interface CompiledRuleSet {
  readonly version: number;
  readonly effectiveFrom: string;
  evaluate(input: AccessInput): AccessDecision;
}

/** Per-check facts. The derived grant facts are looked up lazily, at most once, and only if a rule asks. */
interface Ctx {
  input: AccessInput;
  vehicleClass: VehicleClass;
  treatedAs: VehicleClass;
  tod: number;
  passCode: PassCodeGrant | null | undefined;
  filing: FilingGrant | null | undefined;
}

function passCodeOf(c: Ctx): PassCodeGrant | null {
  if (c.passCode === undefined) {
    const { vehicle, road, at, passCodes } = c.input;
    c.passCode = passCodes?.find((g) => passCodeCovers(g, vehicle.plate, road, at)) ?? null;
  }
  return c.passCode;
}

function filingOf(c: Ctx): FilingGrant | null {
  if (c.filing === undefined) {
    const { vehicle, road, at, filings } = c.input;
    c.filing = filings?.find((g) => filingCovers(g, vehicle, road, at)) ?? null;
  }
  return c.filing;
}

const readers: FactReaders<Ctx> = {
  'road.inRestrictedZone': (c) => c.input.road.inRestrictedZone,
  'road.class': (c) => c.input.road.class,
  'road.nightCorridor': (c) => c.input.road.nightCorridor,
  'vehicle.newEnergy': (c) => c.input.vehicle.newEnergy,
  'vehicle.use': (c) => c.input.vehicle.use,
  'vehicle.body': (c) => c.input.vehicle.body,
  'vehicle.totalMassKg': (c) => c.input.vehicle.totalMassKg,
  'vehicle.lengthMm': (c) => c.input.vehicle.lengthMm,
  'vehicle.vehicleClass': (c) => c.vehicleClass,
  'vehicle.treatedAs': (c) => c.treatedAs,
  'passCode.valid': (c) => passCodeOf(c) !== null,
  'filing.valid': (c) => filingOf(c) !== null,
};

interface Outcome {
  rule: string;
  effect: AccessEffect;
  reasonCode: string;
  adviceCode?: string;
}

interface CompiledRule {
  test: Predicate<Ctx>;
  /** Flat [start0, end0, start1, end1, …] in ms of the local day; null when the rule has no windows. */
  windows: number[] | null;
  windowsText: string;
  outside: boolean;
  stop: boolean;
  usesPassCode: boolean;
  usesFiling: boolean;
  primary: Outcome;
  otherwise: Outcome | null;
}

const defaultOutcome: Outcome = { ...DEFAULT_DENIAL, effect: 'deny' };

function decide(c: Ctx, o: Outcome, rule: CompiledRule | null): AccessDecision {
  const d: AccessDecision = {
    allowed: o.effect === 'allow',
    rule: o.rule,
    vehicleClass: c.vehicleClass,
    treatedAs: c.treatedAs,
    reasonCode: o.reasonCode,
  };
  if (rule?.windows) d.reasonParams = { windows: rule.windowsText, time: formatClock(c.tod) };
  // Tell the driver until when the grant that let them through lasts.
  const grant = o.effect !== 'allow' ? null : rule?.usesPassCode && c.passCode ? c.passCode : rule?.usesFiling && c.filing ? c.filing : null;
  if (grant) d.reasonParams = { ...d.reasonParams, validTo: formatShanghaiMinute(grant.validTo) };
  if (o.adviceCode) d.adviceCode = o.adviceCode;
  return d;
}

function mentions(cond: Condition, fact: Fact): boolean {
  if ('all' in cond) return cond.all.some((x) => mentions(x, fact));
  if ('any' in cond) return cond.any.some((x) => mentions(x, fact));
  if ('not' in cond) return mentions(cond.not, fact);
  return cond.fact === fact;
}

/**
 * Compiles a rule set into closures (validated first: a broken set throws rather than answering wrongly).
 * Keep the result and reuse it; that is what makes a check take a microsecond or so.
 */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const checked = validateRuleSet(ruleSet);
  if (!checked.ok) throw new DomainError('rule_set_invalid', { kind: 'invalid', errors: checked.errors });
  const ordered = checked.ruleSet.rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.priority - b.r.priority || a.i - b.i)
    .map(({ r }) => r);
  const rules: CompiledRule[] = ordered.map((r) => ({
    test: compileCondition(r.when, readers),
    windows: r.windows ? r.windows.flatMap((w) => [parseClock(w.start) as number, parseClock(w.end) as number]) : null,
    windowsText: (r.windows ?? []).map((w) => `${w.start}–${w.end}`).join(', '),
    outside: r.windowsMode === 'outside',
    stop: r.stop === true,
    usesPassCode: mentions(r.when, 'passCode.valid'),
    usesFiling: mentions(r.when, 'filing.valid'),
    primary: { rule: r.id, effect: r.effect, reasonCode: r.reasonCode, adviceCode: r.adviceCode },
    otherwise: r.otherwise
      ? { rule: r.otherwise.ruleId, effect: r.otherwise.effect, reasonCode: r.otherwise.reasonCode, adviceCode: r.otherwise.adviceCode }
      : null,
  }));

  function evaluate(input: AccessInput): AccessDecision {
    const { vehicleClass, treatedAs } = classifyVehicle(input.vehicle);
    const c: Ctx = { input, vehicleClass, treatedAs, tod: shanghaiTimeOfDayMs(input.at), passCode: undefined, filing: undefined };
    for (const rule of rules) {
      if (!rule.test(c)) continue;
      const w = rule.windows;
      if (w === null) return decide(c, rule.primary, rule);
      let inside = false;
      for (let i = 0; i < w.length && !inside; i += 2) inside = insideWindow(w[i], w[i + 1], c.tod);
      if (inside !== rule.outside) return decide(c, rule.primary, rule);
      if (rule.otherwise) return decide(c, rule.otherwise, rule);
      if (rule.stop) return decide(c, defaultOutcome, null);
    }
    return decide(c, defaultOutcome, null);
  }

  return { version: checked.ruleSet.version, effectiveFrom: checked.ruleSet.effectiveFrom, evaluate };
}

function isCompiled(x: RuleSet | CompiledRuleSet): x is CompiledRuleSet {
  return typeof (x as CompiledRuleSet).evaluate === 'function';
}

/** Compiled forms of frozen rule sets only: an unfrozen one could be edited in place after caching. */
const compiledFrozen = new WeakMap<RuleSet, CompiledRuleSet>();

function isDeepFrozen(x: unknown): boolean {
  return typeof x !== 'object' || x === null || (Object.isFrozen(x) && Object.values(x).every(isDeepFrozen));
}

function compiledFor(ruleSet: RuleSet): CompiledRuleSet {
  let compiled = compiledFrozen.get(ruleSet);
  if (!compiled) {
    compiled = compileRuleSet(ruleSet);
    if (isDeepFrozen(ruleSet)) compiledFrozen.set(ruleSet, compiled);
  }
  return compiled;
}

/**
 * May this vehicle be on this road at this time, by which rule, and what to do if not (SPEC §5).
 * Fast for a compiled or frozen rule set (see freezeRuleSet); any other is compiled on every call.
 */
export function evaluateAccess(ruleSet: RuleSet | CompiledRuleSet, input: AccessInput): AccessDecision {
  return (isCompiled(ruleSet) ? ruleSet : compiledFor(ruleSet)).evaluate(input);
}
