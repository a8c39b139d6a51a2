import type { DeadlineRule } from '../calendar/index.ts';
import type { DistrictCode, UnitType } from '../org/index.ts';
import type { FieldError } from '../errors.ts';
import { validateForm, type Form, type FormResult, type Label } from './form.ts';

/** Where a promised time limit comes from (SPEC §3 catalog). */
export type DeadlineBasis = 'seed' | 'law' | 'default';

/** A handling clock variant: the first whose condition holds decides the rule. */
export interface ClockVariant {
  /** A field of the submitted data (`data.route`) or of the acceptance (`accept.major`) and the value that selects it. */
  when?: { source: 'data' | 'accept'; field: string; equals: unknown };
  rule: DeadlineRule;
  basis: DeadlineBasis;
  label?: Label;
}

export type RatingScale = 'three-level' | 'five-level';
export const ratingScales: Record<RatingScale, readonly string[]> = {
  'three-level': ['satisfied', 'basically-satisfied', 'dissatisfied'],
  'five-level': ['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied'],
};
/** 差评: dissatisfied or worse. */
export function isBadRating(level: string): boolean {
  return level === 'dissatisfied' || level === 'very-dissatisfied';
}

/** Who may submit: enterprise people, individual applicants, or anyone without an account. */
export type Submitter = 'enterprise' | 'applicant' | 'public';

export interface RoutingContext {
  data: Record<string, unknown>;
  /** The submitting enterprise's district, when an enterprise submits. */
  enterpriseDistrict?: DistrictCode;
}
/** Where an item goes: a unit type, in a district for local units. */
export interface RouteTarget {
  unitType: UnitType;
  district?: DistrictCode;
}

export interface ServiceGuide {
  /** What to bring; materials of one channel or option are prefixed with its name (人才落户's three channels). */
  materials: Label[];
  steps: Label[];
  basis: Label;
  handledBy: Label;
}

/** One item type, declared once: it drives validation, the browser form, the guide, routing and the clocks. */
export interface ItemTypeDeclaration {
  code: string;
  names: Label;
  measure: number;
  submitters: readonly Submitter[];
  form: Form;
  /** Extra fields the accepting officer gives (e.g. `major` for a conduct complaint). */
  acceptForm?: Form;
  route: (ctx: RoutingContext) => RouteTarget;
  /** A short description of the routing for the guide and the catalog. */
  routingNote: Label;
  clocks: {
    accept: { rule: DeadlineRule; basis: DeadlineBasis };
    handle: readonly ClockVariant[];
  };
  ratingScale: RatingScale;
  /** Most working days one extension (延期) may add. */
  maxExtensionDays: number;
  guide: ServiceGuide;
  /**
   * Joint handling opened by the declaration (联办, M3/M4): accepting the item opens one branch per entry,
   * each with the item's handling deadline; the item can be answered only when every branch is done.
   */
  branchesOnAccept?: readonly { unitId: string; note: Label }[];
  /** The notice kind the submitter gets on the answer, instead of `item_answered` (e.g. pick up at the joint window). */
  answeredNotice?: string;
  /**
   * Rules across fields (an end date after a start date), run after the form's own checks; paths as the form's
   * (`data.endDate`). `today` is the Shanghai date of submission.
   */
  refine?: (value: Record<string, unknown>, today: string) => FieldError[];
}

export function defineItemType(decl: ItemTypeDeclaration): ItemTypeDeclaration {
  if (decl.clocks.handle.length === 0) throw new Error(`${decl.code}: a handling clock is required`);
  if (decl.clocks.handle[decl.clocks.handle.length - 1].when) throw new Error(`${decl.code}: the last clock variant must be unconditional`);
  return decl;
}

/** The handling rule that applies to an item, from its data and what the officer gave on acceptance. */
export function handlingClock(decl: ItemTypeDeclaration, data: Record<string, unknown>, accept: Record<string, unknown> = {}): ClockVariant {
  for (const v of decl.clocks.handle) {
    if (!v.when) return v;
    const source = v.when.source === 'data' ? data : accept;
    if (source[v.when.field] === v.when.equals) return v;
  }
  throw new Error('unreachable: last variant is unconditional');
}

/** The submitted data checked against the declaration: the form's fields, then its cross-field rules. */
export function validateItemData(decl: ItemTypeDeclaration, data: unknown, today: string, prefix = 'data'): FormResult {
  const r = validateForm(decl.form, data, prefix);
  if (!decl.refine) return r;
  const failed = new Set(r.errors.map((e) => e.path));
  // A field already reported is not reported twice.
  const extra = decl.refine(r.value, today)
    .map((e) => ({ ...e, path: e.path.replace(/^data/, prefix) }))
    .filter((e) => !failed.has(e.path));
  return { value: r.value, errors: [...r.errors, ...extra] };
}
