import type { FieldError } from '../errors.ts';
import { checkCondition, type Condition } from './conditions.ts';
import { parseIsoInstant } from '../calendar/local-time.ts';
import { parseClock } from './local-time.ts';

export type AccessEffect = 'allow' | 'deny';

/** A local (Asia/Shanghai) half-open window [start, end) in 'HH:MM'; end ≤ start wraps midnight (23:00–06:00). */
export interface TimeWindow {
  start: string;
  end: string;
}

/**
 * One access rule, as data an admin edits. Rules are tried by ascending `priority` (ties: list order);
 * the first rule whose condition holds, and whose windows apply, decides.
 */
export interface AccessRule {
  id: string;
  priority: number;
  /** Names shown in the admin screen. */
  name?: { zh: string; en: string };
  when: Condition;
  effect: AccessEffect;
  windows?: TimeWindow[];
  /** The effect applies when the time is inside (default) or outside the windows. */
  windowsMode?: 'inside' | 'outside';
  /** When the condition holds but the windows do not apply, decide this instead (nev-heavy: peak → deny). */
  otherwise?: { effect: AccessEffect; ruleId: string; reasonCode: string; adviceCode?: string };
  reasonCode: string;
  adviceCode?: string;
  /**
   * When the condition holds but the windows do not apply and there is no `otherwise`, later rules are
   * normally tried (night-corridor at noon falls through). `stop: true` ends there with the default denial.
   */
  stop?: boolean;
}

export interface RuleSet {
  version: number;
  /** ISO date-time with offset from which this version is in force. */
  effectiveFrom: string;
  rules: AccessRule[];
}

/** The answer when no rule decides: SPEC §5 step 8. */
export const DEFAULT_DENIAL = {
  rule: 'pass-code-required',
  reasonCode: 'access_pass_code_required',
  adviceCode: 'access_advice_temporary_pass_code',
} as const;

const nev = { fact: 'vehicle.newEnergy', op: 'eq', value: true } as const;

/**
 * Deep-freezes a rule set so that it can never change under a compiled copy; evaluateAccess caches the
 * compiled form of frozen sets. Returns the same object.
 */
export function freezeRuleSet<T extends RuleSet>(ruleSet: T): T {
  const freeze = (x: unknown) => {
    if (typeof x !== 'object' || x === null || Object.isFrozen(x)) return;
    Object.freeze(x);
    for (const v of Object.values(x)) freeze(v);
  };
  freeze(ruleSet);
  return ruleSet;
}

/** SPEC §5's eight steps, from M8 of 淄公通〔2023〕34号. Frozen: edit a structuredClone. */
export const DEFAULT_RULE_SET: RuleSet = freezeRuleSet({
  version: 1,
  effectiveFrom: '2023-06-16T00:00:00+08:00',
  rules: [
    {
      id: 'outside-zone',
      priority: 10,
      name: { zh: '限行区域外', en: 'Outside the restricted zone' },
      when: { fact: 'road.inRestrictedZone', op: 'eq', value: false },
      effect: 'allow',
      reasonCode: 'access_outside_zone',
    },
    {
      id: 'pass-code',
      priority: 20,
      name: { zh: '持有效通行码', en: 'Valid pass code' },
      when: { fact: 'passCode.valid', op: 'eq', value: true },
      effect: 'allow',
      reasonCode: 'access_pass_code',
    },
    {
      id: 'nev-special-filing',
      priority: 30,
      name: { zh: '新能源环卫/渣土/混凝土车备案', en: 'Filed NEV sanitation, muck or concrete truck' },
      when: {
        all: [
          nev,
          { fact: 'vehicle.use', op: 'in', value: ['sanitation', 'muck', 'concrete'] },
          { fact: 'filing.valid', op: 'eq', value: true },
        ],
      },
      effect: 'allow',
      reasonCode: 'access_nev_special_filing',
    },
    {
      // Before the NEV and night rules: none of them opens a city expressway.
      id: 'expressway',
      priority: 40,
      name: { zh: '城市快速路', en: 'City expressway' },
      when: { fact: 'road.class', op: 'eq', value: 'expressway' },
      effect: 'deny',
      reasonCode: 'access_expressway',
      adviceCode: 'access_advice_expressway',
    },
    {
      id: 'nev-light',
      priority: 50,
      name: { zh: '新能源轻型货车（4.5 吨及以下）', en: 'NEV truck up to 4.5 t' },
      when: {
        all: [
          nev,
          { any: [{ fact: 'vehicle.totalMassKg', op: 'lte', value: 4500 }, { fact: 'vehicle.treatedAs', op: 'eq', value: 'light' }] },
        ],
      },
      effect: 'allow',
      reasonCode: 'access_nev_light',
    },
    {
      id: 'nev-heavy-offpeak',
      priority: 60,
      name: { zh: '新能源货车（4.5 吨以上）错峰通行', en: 'NEV truck over 4.5 t outside peak hours' },
      when: {
        all: [nev, { fact: 'vehicle.totalMassKg', op: 'gt', value: 4500 }, { fact: 'vehicle.treatedAs', op: 'ne', value: 'light' }],
      },
      effect: 'allow',
      windows: [
        { start: '07:00', end: '08:30' },
        { start: '17:00', end: '19:00' },
      ],
      windowsMode: 'outside',
      otherwise: { effect: 'deny', ruleId: 'nev-heavy-peak', reasonCode: 'access_nev_heavy_peak', adviceCode: 'access_advice_avoid_peak' },
      reasonCode: 'access_nev_heavy_offpeak',
    },
    {
      // By GA 802 class, not treatedAs: the box-truck privilege adds rights, it never removes this one.
      id: 'night-corridor',
      priority: 70,
      name: { zh: '中重型货车夜间通道', en: 'Night corridor for medium and heavy trucks' },
      when: {
        all: [
          { fact: 'road.nightCorridor', op: 'eq', value: true },
          { fact: 'vehicle.vehicleClass', op: 'in', value: ['medium', 'heavy'] },
        ],
      },
      effect: 'allow',
      windows: [{ start: '23:00', end: '06:00' }],
      windowsMode: 'inside',
      reasonCode: 'access_night_corridor',
    },
    {
      id: DEFAULT_DENIAL.rule,
      priority: 80,
      name: { zh: '其他情形须持通行码', en: 'Otherwise a pass code is required' },
      when: { all: [] },
      effect: 'deny',
      reasonCode: DEFAULT_DENIAL.reasonCode,
      adviceCode: DEFAULT_DENIAL.adviceCode,
    },
  ],
});

const ruleKeys = new Set(['id', 'priority', 'name', 'when', 'effect', 'windows', 'windowsMode', 'otherwise', 'reasonCode', 'adviceCode', 'stop']);
const otherwiseKeys = new Set(['effect', 'ruleId', 'reasonCode', 'adviceCode']);
const idPattern = /^[a-z][a-z0-9-]{0,63}$/;
const codePattern = /^[a-z][a-z0-9_]{0,63}$/;
const effects = ['allow', 'deny'];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks an admin's edit of the rule set before it is saved; reports every problem with its path. */
export function validateRuleSet(x: unknown): { ok: true; ruleSet: RuleSet } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const bad = (path: string, code: string, params?: Record<string, unknown>) =>
    errors.push({ path, code, ...(params ? { params } : {}) });
  if (!isRecord(x)) return { ok: false, errors: [{ path: '', code: 'invalid_type' }] };
  for (const k of Object.keys(x)) if (!['version', 'effectiveFrom', 'rules'].includes(k)) bad(k, 'unknown_field');
  if (x.version === undefined) bad('version', 'required');
  else if (!Number.isInteger(x.version)) bad('version', 'invalid_type');
  else if ((x.version as number) < 1) bad('version', 'too_small', { min: 1 });
  if (x.effectiveFrom === undefined) bad('effectiveFrom', 'required');
  else if (typeof x.effectiveFrom !== 'string' || !parseIsoInstant(x.effectiveFrom)) bad('effectiveFrom', 'invalid_datetime');

  const code = (v: unknown, path: string, required: boolean) => {
    if (v === undefined) return void (required && bad(path, 'required'));
    if (typeof v !== 'string' || !codePattern.test(v)) bad(path, 'rule_invalid_code');
  };
  const effect = (v: unknown, path: string) => {
    if (v === undefined) bad(path, 'required');
    else if (typeof v !== 'string' || !effects.includes(v)) bad(path, 'not_in_options', { options: effects });
  };
  const seen = new Set<string>();
  const id = (v: unknown, path: string) => {
    if (v === undefined) return void bad(path, 'required');
    if (typeof v !== 'string' || !idPattern.test(v)) return void bad(path, 'rule_invalid_id');
    if (seen.has(v)) bad(path, 'rule_duplicate_id', { id: v });
    seen.add(v);
  };

  if (x.rules === undefined) bad('rules', 'required');
  else if (!Array.isArray(x.rules)) bad('rules', 'invalid_type');
  else if (x.rules.length === 0) bad('rules', 'too_small', { min: 1 });
  else {
    x.rules.forEach((r: unknown, i: number) => {
      const p = `rules.${i}`;
      if (!isRecord(r)) return void bad(p, 'invalid_type');
      for (const k of Object.keys(r)) if (!ruleKeys.has(k)) bad(`${p}.${k}`, 'unknown_field');
      id(r.id, `${p}.id`);
      if (r.priority === undefined) bad(`${p}.priority`, 'required');
      else if (typeof r.priority !== 'number' || !Number.isFinite(r.priority)) bad(`${p}.priority`, 'invalid_type');
      if (r.name !== undefined && !(isRecord(r.name) && typeof r.name.zh === 'string' && typeof r.name.en === 'string')) {
        bad(`${p}.name`, 'invalid_type');
      }
      if (r.when === undefined) bad(`${p}.when`, 'required');
      else checkCondition(r.when, `${p}.when`, errors);
      effect(r.effect, `${p}.effect`);
      code(r.reasonCode, `${p}.reasonCode`, true);
      code(r.adviceCode, `${p}.adviceCode`, false);
      if (r.stop !== undefined && typeof r.stop !== 'boolean') bad(`${p}.stop`, 'invalid_type');
      if (r.windows !== undefined) {
        if (!Array.isArray(r.windows)) bad(`${p}.windows`, 'invalid_type');
        else if (r.windows.length === 0) bad(`${p}.windows`, 'too_small', { min: 1 });
        else r.windows.forEach((w: unknown, j: number) => checkWindow(w, `${p}.windows.${j}`, bad));
      }
      if (r.windowsMode !== undefined && r.windowsMode !== 'inside' && r.windowsMode !== 'outside') {
        bad(`${p}.windowsMode`, 'not_in_options', { options: ['inside', 'outside'] });
      }
      for (const k of ['windowsMode', 'otherwise', 'stop'] as const) {
        if (r[k] !== undefined && r.windows === undefined) bad(`${p}.${k}`, 'rule_windows_required');
      }
      if (r.otherwise !== undefined) {
        const o = r.otherwise;
        if (!isRecord(o)) return void bad(`${p}.otherwise`, 'invalid_type');
        for (const k of Object.keys(o)) if (!otherwiseKeys.has(k)) bad(`${p}.otherwise.${k}`, 'unknown_field');
        effect(o.effect, `${p}.otherwise.effect`);
        id(o.ruleId, `${p}.otherwise.ruleId`);
        code(o.reasonCode, `${p}.otherwise.reasonCode`, true);
        code(o.adviceCode, `${p}.otherwise.adviceCode`, false);
      }
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, ruleSet: structuredClone(x) as unknown as RuleSet };
}

function checkWindow(w: unknown, path: string, bad: (path: string, code: string, params?: Record<string, unknown>) => void): void {
  if (!isRecord(w)) return bad(path, 'invalid_type');
  for (const k of Object.keys(w)) if (k !== 'start' && k !== 'end') bad(`${path}.${k}`, 'unknown_field');
  let ok = true;
  for (const k of ['start', 'end'] as const) {
    if (typeof w[k] !== 'string' || parseClock(w[k]) === null) {
      bad(`${path}.${k}`, 'rule_invalid_window', { value: w[k] === undefined ? '' : String(w[k]) });
      ok = false;
    }
  }
  if (ok && w.start === w.end) bad(path, 'rule_empty_window');
}

/** The rule set in force at a time: the latest `effectiveFrom` not after it (null when none yet). */
export function ruleSetInForce<T extends { effectiveFrom: string }>(sets: readonly T[], at: Date): T | null {
  let best: T | null = null;
  let bestFrom = -Infinity;
  for (const s of sets) {
    const from = parseIsoInstant(s.effectiveFrom)?.getTime();
    if (from !== undefined && from <= at.getTime() && from >= bestFrom) [best, bestFrom] = [s, from];
  }
  return best;
}
