import type { DeadlineRule, WorkCalendar } from '../calendar/index.ts';
import type { DistrictCode, UnitType } from '../org/index.ts';
import type { FieldError } from '../errors.ts';
import { validateForm, type Form, type FormResult, type Label } from './form.ts';
import type { CaseFileDeclaration } from './case-file.ts';

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

/**
 * Fields the handler gives with the answer, when answering means booking something for the submitter (an expert
 * site survey, an inspection slot). They are checked with the answer's own fields, recorded on the answer's
 * timeline event (`detail.answer`) and told to the submitter.
 */
export interface AnswerForm {
  form: Form;
  /**
   * Rules beyond the form: which fields this item needs (by its data), dates against the statutory calendar.
   * Paths are the field names; `today` is the Shanghai date of the answer.
   */
  refine?: (value: Record<string, unknown>, env: { data: Record<string, unknown>; accept: Record<string, unknown>; today: string; calendar: WorkCalendar }) => FieldError[];
  /** The submitter's notice when these fields were given (instead of the answered notice), with its message params. */
  notice?: (value: Record<string, unknown>) => { kind: string; params: Record<string, unknown> };
}

export interface ServiceGuide {
  /** What to bring; materials of one channel or option are prefixed with its name (人才落户's three channels). */
  materials: Label[];
  steps: Label[];
  basis: Label;
  handledBy: Label;
}

/**
 * A document a favourable decision issues (证照: a permit, a certificate, a plate approval). The server numbers it in
 * the transaction of the deciding transition: `<prefix>〔<year>〕第<serial>号`, the serial running per kind and year.
 */
export interface CertificateDeclaration {
  /** Stable code of the document; the numbering runs per kind. */
  kind: string;
  names: Label;
  /** The issuing authority's abbreviation (机关代字), e.g. `淄公居证`. */
  prefix: string;
  /**
   * `answer`: issued by the owning unit when it answers the item with approval; `{ branchUnitId }`: issued by that
   * partner when it completes its joint branch with approval (M4's work permit).
   */
  issuedOn: 'answer' | { branchUnitId: string };
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
  /** Rules beyond the accept form (a lecture's date a future working day); paths are the field names. */
  acceptRefine?: (value: Record<string, unknown>, env: { data: Record<string, unknown>; today: string; calendar: WorkCalendar }) => FieldError[];
  /** Extra fields the answering officer gives (e.g. the date, time and place of an expert site survey). */
  answerForm?: AnswerForm;
  route: (ctx: RoutingContext) => RouteTarget;
  /** A short description of the routing for the guide and the catalog. */
  routingNote: Label;
  clocks: {
    accept: { rule: DeadlineRule; basis: DeadlineBasis };
    handle: readonly ClockVariant[];
  };
  ratingScale: RatingScale;
  /** Most days one extension (延期) may add: working days unless `extensionRule` says calendar days. */
  maxExtensionDays: number;
  /** How the extension's days count (立案审查期限 counts calendar days); working days when absent. */
  extensionRule?: 'workdays' | 'calendarDays';
  /** The latest an extended deadline may fall, counted from acceptance (立案审查: 30 days at most). */
  extensionCap?: DeadlineRule;
  /**
   * The item is filed through another module's route that links it to its parent (申请复议 from the refused case),
   * never through `POST /items`; the module's name, for the error.
   */
  filedVia?: string;
  /**
   * A criminal case kept on the item (M10–M13, M17): the police stages mapped onto the engine's statuses, and which
   * case-file fields the enterprise and the public may see.
   */
  caseFile?: CaseFileDeclaration;
  guide: ServiceGuide;
  /**
   * Joint handling opened by the declaration (联办, M3/M4): accepting the item opens one branch per entry,
   * each with the item's handling deadline; the item can be answered only when every branch is done.
   */
  branchesOnAccept?: readonly { unitId: string; note: Label }[];
  /**
   * Clocks of each branch opened by the owner, counted from its opening (M10 联动处置: acknowledge within 2 hours,
   * report back within 1 working day) instead of sharing the item's handling deadline.
   */
  branchClocks?: { acknowledge: DeadlineRule; report: DeadlineRule };
  /** 专员服务: acceptance assigns the item to a service specialist the window designated (SPEC §3, M3). */
  specialistOnAccept?: boolean;
  /**
   * What an approving decision issues (SPEC §3 outputs). A type that declares certificates has a decision
   * (`approved` | `denied`) on its answer, and on its certificate-issuing branches; a denial issues nothing.
   */
  certificates?: readonly CertificateDeclaration[];
  /**
   * The data fields an answer is compared with for relevance (issue 13): an answer sharing none of their key
   * terms needs the officer's confirmation. Types without it (applications) are not compared.
   */
  answerRelevanceFields?: readonly string[];
  /** The notice kind the submitter gets on the answer, instead of `item_answered` (e.g. pick up at the joint window). */
  answeredNotice?: string;
  /**
   * Rules across fields (an end date after a start date), run after the form's own checks; paths as the form's
   * (`data.endDate`). `today` is the Shanghai date of submission; `calendar`, when the caller has it, lets a rule
   * ask for working days (a lecture's preferred dates).
   */
  refine?: (value: Record<string, unknown>, today: string, calendar?: WorkCalendar) => FieldError[];
}

export function defineItemType(decl: ItemTypeDeclaration): ItemTypeDeclaration {
  if (decl.clocks.handle.length === 0) throw new Error(`${decl.code}: a handling clock is required`);
  if (decl.clocks.handle[decl.clocks.handle.length - 1].when) throw new Error(`${decl.code}: the last clock variant must be unconditional`);
  const kinds = (decl.certificates ?? []).map((c) => c.kind);
  if (new Set(kinds).size !== kinds.length) throw new Error(`${decl.code}: certificate kinds must be unique`);
  if ((decl.certificates ?? []).some((c) => !/^[\p{Script=Han}A-Z]{2,12}$/u.test(c.prefix))) throw new Error(`${decl.code}: a certificate prefix is 2–12 Han characters or capitals`);
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
export function validateItemData(decl: ItemTypeDeclaration, data: unknown, today: string, prefix = 'data', calendar?: WorkCalendar): FormResult {
  const r = validateForm(decl.form, data, prefix, { today });
  if (!decl.refine) return r;
  const failed = new Set(r.errors.map((e) => e.path));
  // A field already reported is not reported twice.
  const extra = decl.refine(r.value, today, calendar)
    .map((e) => ({ ...e, path: e.path.replace(/^data/, prefix) }))
    .filter((e) => !failed.has(e.path));
  return { value: r.value, errors: [...r.errors, ...extra] };
}
