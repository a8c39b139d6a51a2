import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { compileRuleSet, evaluateAccess, type AccessInput } from './evaluate.ts';
import { DEFAULT_RULE_SET, freezeRuleSet, ruleSetInForce, validateRuleSet, type AccessRule, type RuleSet } from './rules.ts';

const nevHeavy = { plate: '鲁C12345', newEnergy: true, totalMassKg: 10000, lengthMm: 8000, body: 'other', use: 'general' } as const;
const dieselMedium = { ...nevHeavy, newEnergy: false } as const;
const zone = { inRestrictedZone: true, class: 'ordinary', nightCorridor: false } as const;
const corridor = { ...zone, nightCorridor: true } as const;
const at = (hms: string) => new Date(`2026-01-05T${hms}+08:00`);
const input = (over: Partial<AccessInput>): AccessInput => ({ vehicle: nevHeavy, road: zone, at: at('12:00:00'), ...over });

/** A deep copy an admin edits, as the admin screen would. */
function edit(change: (rules: AccessRule[]) => void): RuleSet {
  const copy = structuredClone(DEFAULT_RULE_SET);
  change(copy.rules);
  return copy;
}
const rule = (rules: AccessRule[], id: string) => rules.find((r) => r.id === id)!;

test('the default rule set is valid, also after a JSON round trip (as stored in the database)', () => {
  assert.equal(validateRuleSet(DEFAULT_RULE_SET).ok, true);
  const stored = JSON.parse(JSON.stringify(DEFAULT_RULE_SET));
  const r = validateRuleSet(stored);
  assert.ok(r.ok);
  assert.deepEqual(r.ruleSet, DEFAULT_RULE_SET);
  assert.deepEqual(
    DEFAULT_RULE_SET.rules.flatMap((x) => [x.id, ...(x.otherwise ? [x.otherwise.ruleId] : [])]),
    ['outside-zone', 'pass-code', 'nev-special-filing', 'expressway', 'nev-light', 'nev-heavy-offpeak', 'nev-heavy-peak', 'night-corridor', 'pass-code-required'],
  );
});

test('an admin moving the morning window to 07:00–09:00 changes the answer at 08:30', () => {
  assert.equal(evaluateAccess(DEFAULT_RULE_SET, input({ at: at('08:30:00') })).rule, 'nev-heavy-offpeak');
  const edited = edit((rules) => {
    rule(rules, 'nev-heavy-offpeak').windows![0] = { start: '07:00', end: '09:00' };
  });
  const d = evaluateAccess(edited, input({ at: at('08:30:00') }));
  assert.equal(d.rule, 'nev-heavy-peak');
  assert.equal(d.allowed, false);
  assert.deepEqual(d.reasonParams, { windows: '07:00–09:00, 17:00–19:00', time: '08:30' });
  assert.equal(evaluateAccess(edited, input({ at: at('09:00:00') })).rule, 'nev-heavy-offpeak');
});

test('an admin widening the night corridor to 22:00 changes the answer at 22:30', () => {
  const before = evaluateAccess(DEFAULT_RULE_SET, input({ vehicle: dieselMedium, road: corridor, at: at('22:30:00') }));
  assert.equal(before.rule, 'pass-code-required');
  const edited = edit((rules) => {
    rule(rules, 'night-corridor').windows = [{ start: '22:00', end: '06:00' }];
  });
  assert.equal(evaluateAccess(edited, input({ vehicle: dieselMedium, road: corridor, at: at('22:30:00') })).rule, 'night-corridor');
});

test('an admin adding a rule without code: muck trucks banned by day', () => {
  const edited = edit((rules) => {
    rules.push({
      id: 'muck-day-ban',
      priority: 35,
      when: { fact: 'vehicle.use', op: 'eq', value: 'muck' },
      effect: 'deny',
      windows: [{ start: '06:00', end: '22:00' }],
      reasonCode: 'access_pass_code_required',
      adviceCode: 'access_advice_temporary_pass_code',
    });
  });
  const muck = { ...nevHeavy, use: 'muck' } as const;
  assert.equal(evaluateAccess(edited, input({ vehicle: muck })).rule, 'muck-day-ban');
  assert.equal(evaluateAccess(edited, input({ vehicle: muck, at: at('22:00:00') })).rule, 'nev-heavy-offpeak');
  assert.equal(evaluateAccess(DEFAULT_RULE_SET, input({ vehicle: muck })).rule, 'nev-heavy-offpeak');
});

test('priority orders rules, not their place in the list', () => {
  const edited = edit((rules) => {
    rules.push({ id: 'all-closed', priority: 5, when: { all: [] }, effect: 'deny', reasonCode: 'access_pass_code_required' });
  });
  assert.equal(evaluateAccess(edited, input({ road: { ...zone, inRestrictedZone: false } })).rule, 'all-closed');
});

test('when no rule decides, the answer is the default denial with its advice', () => {
  const edited = edit((rules) => rules.splice(rules.findIndex((r) => r.id === 'pass-code-required'), 1));
  const d = evaluateAccess(edited, input({ vehicle: dieselMedium }));
  assert.deepEqual([d.rule, d.allowed, d.reasonCode, d.adviceCode], ['pass-code-required', false, 'access_pass_code_required', 'access_advice_temporary_pass_code']);
});

test('stop: a rule outside its windows ends the evaluation instead of falling through', () => {
  const nightOnlyHeavy: AccessRule = {
    id: 'heavy-night-only',
    priority: 15,
    when: { fact: 'vehicle.vehicleClass', op: 'eq', value: 'heavy' },
    effect: 'allow',
    windows: [{ start: '00:00', end: '05:00' }],
    reasonCode: 'access_night_corridor',
  };
  const heavyNev = { ...nevHeavy, totalMassKg: 20000 };
  const falls = edit((rules) => rules.push(nightOnlyHeavy));
  assert.equal(evaluateAccess(falls, input({ vehicle: heavyNev, at: at('04:59:59') })).rule, 'heavy-night-only');
  assert.equal(evaluateAccess(falls, input({ vehicle: heavyNev })).rule, 'nev-heavy-offpeak');
  const stops = edit((rules) => rules.push({ ...nightOnlyHeavy, stop: true }));
  assert.equal(evaluateAccess(stops, input({ vehicle: heavyNev })).rule, 'pass-code-required');
});

test('compiled and plain rule sets answer the same; a broken set is refused, not half-applied', () => {
  const compiled = compileRuleSet(DEFAULT_RULE_SET);
  assert.equal(compiled.version, 1);
  for (const t of ['07:00:00', '12:00:00', '23:30:00']) {
    assert.deepEqual(evaluateAccess(compiled, input({ at: at(t) })), evaluateAccess(DEFAULT_RULE_SET, input({ at: at(t) })));
  }
  const broken = edit((rules) => {
    rule(rules, 'night-corridor').windows = [{ start: '23:00', end: '6:00' }];
  });
  assert.throws(
    () => compileRuleSet(broken),
    (e: unknown) => e instanceof DomainError && e.code === 'rule_set_invalid' && e.details.errors?.[0]?.path === 'rules.6.windows.0.end',
  );
});

test('the default set is frozen; an unfrozen set edited in place is never answered from a stale compile', () => {
  assert.throws(() => DEFAULT_RULE_SET.rules[5].windows!.push({ start: '12:00', end: '13:00' }), TypeError);
  const live = structuredClone(DEFAULT_RULE_SET);
  assert.equal(evaluateAccess(live, input({ at: at('08:30:00') })).rule, 'nev-heavy-offpeak');
  rule(live.rules, 'nev-heavy-offpeak').windows![0].end = '09:00';
  assert.equal(evaluateAccess(live, input({ at: at('08:30:00') })).rule, 'nev-heavy-peak');
  const frozen = freezeRuleSet(structuredClone(live));
  assert.equal(evaluateAccess(frozen, input({ at: at('08:30:00') })).rule, 'nev-heavy-peak');
  assert.equal(Object.isFrozen(frozen.rules[5].windows![0]), true);
});

test('ruleSetInForce picks the latest version already effective', () => {
  const v1 = DEFAULT_RULE_SET;
  const v2 = { ...DEFAULT_RULE_SET, version: 2, effectiveFrom: '2026-03-01T00:00:00+08:00' };
  assert.equal(ruleSetInForce([v2, v1], new Date('2026-02-28T15:59:59Z')), v1);
  assert.equal(ruleSetInForce([v2, v1], new Date('2026-02-28T16:00:00Z')), v2);
  assert.equal(ruleSetInForce([v2], new Date('2026-01-01T00:00:00Z')), null);
});

/** Errors of validateRuleSet on an edited default set, as [path, code]. */
function errorsOf(change: (rules: AccessRule[]) => void, top?: (set: Record<string, unknown>) => void): [string, string][] {
  const set = structuredClone(DEFAULT_RULE_SET) as unknown as Record<string, unknown>;
  change(set.rules as AccessRule[]);
  top?.(set);
  const r = validateRuleSet(set);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}
const bad = <T>(x: unknown) => x as T;

const rejections: [string, (rules: AccessRule[]) => void, [string, string][]][] = [
  ['window without leading zero', (r) => (r[5].windows![0].start = '7:00'), [['rules.5.windows.0.start', 'rule_invalid_window']]],
  ['window hour 24', (r) => (r[5].windows![0].end = '24:00'), [['rules.5.windows.0.end', 'rule_invalid_window']]],
  ['window minute 60', (r) => (r[5].windows![1].end = '18:60'), [['rules.5.windows.1.end', 'rule_invalid_window']]],
  ['window with seconds', (r) => (r[6].windows![0].start = '23:00:00'), [['rules.6.windows.0.start', 'rule_invalid_window']]],
  ['window as a number', (r) => (r[6].windows![0].start = bad(2300)), [['rules.6.windows.0.start', 'rule_invalid_window']]],
  ['window missing its end', (r) => delete bad<{ end?: string }>(r[6].windows![0]).end, [['rules.6.windows.0.end', 'rule_invalid_window']]],
  ['empty window', (r) => (r[6].windows = [{ start: '06:00', end: '06:00' }]), [['rules.6.windows.0', 'rule_empty_window']]],
  ['empty window list', (r) => (r[6].windows = []), [['rules.6.windows', 'too_small']]],
  ['window as a pair', (r) => (r[6].windows = bad(['23:00', '06:00'])), [['rules.6.windows.0', 'invalid_type'], ['rules.6.windows.1', 'invalid_type']]],
  ['windowsMode without windows', (r) => (r[0].windowsMode = 'inside'), [['rules.0.windowsMode', 'rule_windows_required']]],
  ['bad windowsMode', (r) => (r[6].windowsMode = bad('during')), [['rules.6.windowsMode', 'not_in_options']]],
  ['typo in a rule field', (r) => (bad<Record<string, unknown>>(r[6]).windowMode = 'inside'), [['rules.6.windowMode', 'unknown_field']]],
  ['unknown fact', (r) => (r[3].when = bad({ fact: 'road.speedLimit', op: 'eq', value: 60 })), [['rules.3.when.fact', 'rule_unknown_fact']]],
  ['unknown nested fact', (r) => (r[4].when = bad({ all: [{ fact: 'vehicle.newEnergy', op: 'eq', value: true }, { not: { fact: 'vehicle.colour', op: 'eq', value: 'red' } }] })), [['rules.4.when.all.1.not.fact', 'rule_unknown_fact']]],
  ['unknown operator', (r) => (r[3].when = bad({ fact: 'road.class', op: 'like', value: 'express%' })), [['rules.3.when.op', 'rule_unknown_operator']]],
  ['ordering a boolean', (r) => (r[0].when = bad({ fact: 'road.inRestrictedZone', op: 'lt', value: true })), [['rules.0.when.op', 'rule_operator_not_allowed']]],
  ['value not an option', (r) => (r[3].when = bad({ fact: 'road.class', op: 'eq', value: 'highway' })), [['rules.3.when.value', 'rule_invalid_value']]],
  ['mass as a string', (r) => (r[4].when = bad({ fact: 'vehicle.totalMassKg', op: 'lte', value: '4500' })), [['rules.4.when.value', 'rule_invalid_value']]],
  ['empty in-list', (r) => (r[6].when = bad({ fact: 'vehicle.vehicleClass', op: 'in', value: [] })), [['rules.6.when.value', 'rule_invalid_value']]],
  ['all and any in one node', (r) => (r[7].when = bad({ all: [], any: [] })), [['rules.7.when', 'rule_invalid_condition']]],
  ['condition as a string', (r) => (r[7].when = bad('always')), [['rules.7.when', 'rule_invalid_condition']]],
  ['duplicate id', (r) => (r[7].id = 'outside-zone'), [['rules.7.id', 'rule_duplicate_id']]],
  ['otherwise reusing an id', (r) => (r[5].otherwise!.ruleId = 'expressway'), [['rules.5.otherwise.ruleId', 'rule_duplicate_id']]],
  ['id with capitals', (r) => (r[0].id = 'Outside_Zone'), [['rules.0.id', 'rule_invalid_id']]],
  ['missing reason', (r) => delete bad<{ reasonCode?: string }>(r[0]).reasonCode, [['rules.0.reasonCode', 'required']]],
  ['reason code with spaces', (r) => (r[0].adviceCode = 'apply now'), [['rules.0.adviceCode', 'rule_invalid_code']]],
  ['bad effect', (r) => (r[0].effect = bad('permit')), [['rules.0.effect', 'not_in_options']]],
  ['priority as text', (r) => (r[0].priority = bad('first')), [['rules.0.priority', 'invalid_type']]],
  ['stop as text', (r) => (r[6].stop = bad('yes')), [['rules.6.stop', 'invalid_type']]],
];

for (const [name, change, expected] of rejections) {
  test(`validateRuleSet rejects: ${name}`, () => assert.deepEqual(errorsOf(change), expected));
}

test('validateRuleSet reports every problem at once, and checks the envelope', () => {
  const errs = errorsOf(
    (r) => {
      r[5].windows![0].start = '7:00';
      r[3].when = bad({ fact: 'road.speedLimit', op: 'eq', value: 60 });
    },
    (set) => {
      set.version = 0;
      set.effectiveFrom = '2026-03-01T00:00:00';
    },
  );
  assert.deepEqual(errs, [
    ['version', 'too_small'],
    ['effectiveFrom', 'invalid_datetime'],
    ['rules.3.when.fact', 'rule_unknown_fact'],
    ['rules.5.windows.0.start', 'rule_invalid_window'],
  ]);
  assert.deepEqual(validateRuleSet(null), { ok: false, errors: [{ path: '', code: 'invalid_type' }] });
  assert.deepEqual(errorsOf((r) => r.splice(0)), [['rules', 'too_small']]);
  assert.deepEqual(errorsOf(() => {}, (s) => delete s.rules), [['rules', 'required']]);
});
