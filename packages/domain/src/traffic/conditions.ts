import type { FieldError } from '../errors.ts';

/**
 * The small JSON condition language of the access rules: `{all: [...]}`, `{any: [...]}`,
 * `{not: c}` and `{fact, op, value}`. `{all: []}` always holds (the default rule uses it).
 */
export type Scalar = string | number | boolean;
export type Op = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';
export interface FactTest {
  fact: Fact;
  op: Op;
  value: Scalar | Scalar[];
}
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FactTest;

type FactSpec = { type: 'boolean' } | { type: 'number' } | { type: 'enum'; options: readonly string[] };

const classes = ['light', 'medium', 'heavy'] as const;

/** Every fact a rule may test, with its type; an admin UI builds its condition editor from this. */
export const ACCESS_FACTS = {
  'road.inRestrictedZone': { type: 'boolean' },
  'road.class': { type: 'enum', options: ['expressway', 'ordinary'] },
  'road.nightCorridor': { type: 'boolean' },
  'vehicle.newEnergy': { type: 'boolean' },
  'vehicle.use': { type: 'enum', options: ['general', 'sanitation', 'muck', 'concrete'] },
  'vehicle.body': { type: 'enum', options: ['box', 'other'] },
  'vehicle.totalMassKg': { type: 'number' },
  'vehicle.lengthMm': { type: 'number' },
  'vehicle.vehicleClass': { type: 'enum', options: classes },
  'vehicle.treatedAs': { type: 'enum', options: classes },
  /** Derived before evaluation: a valid pass code covers this plate, time and road. */
  'passCode.valid': { type: 'boolean' },
  /** Derived before evaluation: an approved NEV special-vehicle filing covers this road and time. */
  'filing.valid': { type: 'boolean' },
} as const satisfies Record<string, FactSpec>;

export type Fact = keyof typeof ACCESS_FACTS;

const opsByType: Record<FactSpec['type'], readonly Op[]> = {
  boolean: ['eq', 'ne'],
  enum: ['eq', 'ne', 'in'],
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'],
};
const allOps: readonly string[] = opsByType.number;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function fitsFact(spec: FactSpec, v: unknown): boolean {
  if (spec.type === 'boolean') return typeof v === 'boolean';
  if (spec.type === 'number') return typeof v === 'number' && Number.isFinite(v);
  return typeof v === 'string' && spec.options.includes(v);
}

const maxDepth = 12;

/** Checks an admin-edited condition; pushes every problem with its path. */
export function checkCondition(x: unknown, path: string, errors: FieldError[], depth = 0): void {
  const bad = (code: string, at = path, params?: Record<string, unknown>) =>
    errors.push({ path: at, code, ...(params ? { params } : {}) });
  if (!isRecord(x) || depth > maxDepth) return void bad('rule_invalid_condition');
  const keys = Object.keys(x);
  for (const group of ['all', 'any'] as const) {
    if (!(group in x)) continue;
    if (keys.length !== 1) return void bad('rule_invalid_condition');
    const list = x[group];
    if (!Array.isArray(list)) return void bad('invalid_type', `${path}.${group}`);
    list.forEach((c, i) => checkCondition(c, `${path}.${group}.${i}`, errors, depth + 1));
    return;
  }
  if ('not' in x) {
    if (keys.length !== 1) return void bad('rule_invalid_condition');
    return checkCondition(x.not, `${path}.not`, errors, depth + 1);
  }
  if (keys.some((k) => k !== 'fact' && k !== 'op' && k !== 'value') || !('fact' in x)) return void bad('rule_invalid_condition');
  const fact = x.fact;
  if (typeof fact !== 'string' || !Object.hasOwn(ACCESS_FACTS, fact)) return void bad('rule_unknown_fact', `${path}.fact`, { fact: String(fact) });
  const spec: FactSpec = ACCESS_FACTS[fact as Fact];
  const op = x.op;
  if (typeof op !== 'string' || !allOps.includes(op)) return void bad('rule_unknown_operator', `${path}.op`, { op: String(op) });
  if (!opsByType[spec.type].includes(op as Op)) return void bad('rule_operator_not_allowed', `${path}.op`, { op, fact });
  const value = x.value;
  const ok = op === 'in' ? Array.isArray(value) && value.length > 0 && value.every((v) => fitsFact(spec, v)) : fitsFact(spec, value);
  if (!ok) bad('rule_invalid_value', `${path}.value`, { fact });
}

/** A compiled condition: a plain closure over a fact reader, so evaluation does no interpretation. */
export type Predicate<C> = (ctx: C) => boolean;
export type FactReaders<C> = Record<Fact, (ctx: C) => Scalar>;

export function compileCondition<C>(cond: Condition, read: FactReaders<C>): Predicate<C> {
  if ('all' in cond) {
    const parts = cond.all.map((c) => compileCondition(c, read));
    return (ctx) => {
      for (const p of parts) if (!p(ctx)) return false;
      return true;
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => compileCondition(c, read));
    return (ctx) => {
      for (const p of parts) if (p(ctx)) return true;
      return false;
    };
  }
  if ('not' in cond) {
    const inner = compileCondition(cond.not, read);
    return (ctx) => !inner(ctx);
  }
  const get = read[cond.fact];
  const v = cond.value;
  switch (cond.op) {
    case 'eq': return (ctx) => get(ctx) === v;
    case 'ne': return (ctx) => get(ctx) !== v;
    case 'lt': return (ctx) => (get(ctx) as number) < (v as number);
    case 'lte': return (ctx) => (get(ctx) as number) <= (v as number);
    case 'gt': return (ctx) => (get(ctx) as number) > (v as number);
    case 'gte': return (ctx) => (get(ctx) as number) >= (v as number);
    case 'in': {
      const set = v as Scalar[];
      return (ctx) => set.includes(get(ctx));
    }
  }
}
