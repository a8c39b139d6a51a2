import type { FieldError } from '../errors.ts';
import type { Road, Vehicle } from './grants.ts';
import { parseIsoInstant } from '../calendar/local-time.ts';

/** The body of `POST /api/v1/traffic/access-checks`, parsed. */
export interface AccessCheckRequest {
  vehicle: Vehicle;
  road: Road;
  at: Date;
}

export const MASS_KG_RANGE = { min: 1, max: 100_000 } as const;
export const LENGTH_MM_RANGE = { min: 1, max: 30_000 } as const;
const ROAD_ID_MAX = 100;
const bodies = ['box', 'other'] as const;
const uses = ['general', 'sanitation', 'muck', 'concrete'] as const;
const roadClasses = ['expressway', 'ordinary'] as const;

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** null and undefined are both "not given", as in the item forms. */
function missing(x: unknown): boolean {
  return x === undefined || x === null;
}

/**
 * Validates the access-check request and reports every bad field at once, with its path.
 * Unknown fields are ignored (an API client may send more); the plate's format is the plate validator's job.
 */
export function parseAccessCheck(body: unknown): { ok: true; value: AccessCheckRequest } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const bad = (path: string, code: string, params?: Record<string, unknown>) =>
    errors.push({ path, code, ...(params ? { params } : {}) });
  if (!isObj(body)) return { ok: false, errors: [{ path: '', code: 'invalid_type' }] };

  const section = (name: string): Obj | null => {
    const s = body[name];
    if (missing(s)) bad(name, 'required');
    else if (!isObj(s)) bad(name, 'invalid_type');
    else return s;
    return null;
  };
  const field = <T>(o: Obj | null, prefix: string, key: string, check: (v: unknown, path: string) => T | undefined): T | undefined => {
    if (!o) return undefined;
    const path = `${prefix}.${key}`;
    if (missing(o[key])) return void bad(path, 'required');
    return check(o[key], path);
  };
  const bool = (v: unknown, path: string) => (typeof v === 'boolean' ? v : void bad(path, 'invalid_type'));
  const oneOf =
    <T extends string>(options: readonly T[]) =>
    (v: unknown, path: string) =>
      typeof v === 'string' && (options as readonly string[]).includes(v) ? (v as T) : void bad(path, 'not_in_options', { options });
  const integer = (range: { min: number; max: number }) => (v: unknown, path: string) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return void bad(path, 'invalid_type');
    if (v < range.min) return void bad(path, 'too_small', { min: range.min });
    if (v > range.max) return void bad(path, 'too_large', { max: range.max });
    return v;
  };

  const v = section('vehicle');
  const r = section('road');
  const plate = field(v, 'vehicle', 'plate', (x, path) => {
    if (typeof x !== 'string') return void bad(path, 'invalid_type');
    return x.trim() === '' ? void bad(path, 'required') : x.trim();
  });
  const newEnergy = field(v, 'vehicle', 'newEnergy', bool);
  const totalMassKg = field(v, 'vehicle', 'totalMassKg', integer(MASS_KG_RANGE));
  const lengthMm = field(v, 'vehicle', 'lengthMm', integer(LENGTH_MM_RANGE));
  const bodyKind = field(v, 'vehicle', 'body', oneOf(bodies));
  const use = field(v, 'vehicle', 'use', oneOf(uses));
  const inRestrictedZone = field(r, 'road', 'inRestrictedZone', bool);
  const roadClass = field(r, 'road', 'class', oneOf(roadClasses));
  const nightCorridor = field(r, 'road', 'nightCorridor', bool);
  // roadId is optional: a blank one from a form means "not given".
  let roadId: string | undefined;
  const rawRoadId = r?.roadId;
  if (typeof rawRoadId === 'string') {
    if (rawRoadId.trim().length > ROAD_ID_MAX) bad('road.roadId', 'too_long', { max: ROAD_ID_MAX });
    else if (rawRoadId.trim() !== '') roadId = rawRoadId.trim();
  } else if (!missing(rawRoadId)) bad('road.roadId', 'invalid_type');

  let at: Date | undefined;
  if (missing(body.at)) bad('at', 'required');
  else if (typeof body.at !== 'string' || !(at = parseIsoInstant(body.at) ?? undefined)) bad('at', 'invalid_datetime');

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      vehicle: { plate: plate!, newEnergy: newEnergy!, totalMassKg: totalMassKg!, lengthMm: lengthMm!, body: bodyKind!, use: use! },
      road: { inRestrictedZone: inRestrictedZone!, class: roadClass!, nightCorridor: nightCorridor!, ...(roadId ? { roadId } : {}) },
      at: at!,
    },
  };
}
