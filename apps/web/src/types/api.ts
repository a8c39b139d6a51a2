/** Shapes of the /api/v1 responses the web app reads (the server's presenters are the source of truth). */

export type Localized = { zh: string; en: string };
export type Role = 'enterprise-admin' | 'enterprise-staff' | 'applicant' | 'officer' | 'unit-leader' | 'supervisor' | 'partner' | 'admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  enterpriseId: string | null;
}

export type DeadlineRule =
  | { kind: 'workdays'; n: number }
  | { kind: 'sameday' }
  | { kind: 'calendarDays'; n: number }
  | { kind: 'hours'; n: number }
  | { kind: 'instant' };

export type FieldWidget = 'text' | 'textarea' | 'select' | 'checked' | 'date' | 'number' | 'boolean' | 'attachments' | 'list';
export type CheckKind = 'mobile' | 'uscc' | 'idcard' | 'plate' | 'vin';

export interface FormField {
  title: string;
  'x-label-en'?: string;
  description?: string;
  'x-help-en'?: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array';
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  enum?: (string | number)[];
  'x-enum-labels'?: Record<string, Localized>;
  'x-widget'?: FieldWidget;
  'x-check'?: CheckKind;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  /** `list` fields: the form of one row, and the bounds on the number of rows. */
  items?: FormSchema;
  minItems?: number;
  format?: string;
}

export interface FormSchema {
  type: 'object';
  properties: Record<string, FormField>;
  required?: string[];
}

export type RatingScale = 'three-level' | 'five-level';

export interface ItemType {
  code: string;
  names: Localized;
  measure: number;
  submitters: ('enterprise' | 'applicant' | 'public')[];
  routing: Localized;
  deadlines: {
    accept: { rule: DeadlineRule; basis: string } | null;
    handle: { when: unknown; rule: DeadlineRule; basis: string; label: Localized | null }[];
  };
  ratingScale: RatingScale;
  maxExtensionDays: number;
  guide: { materials: Localized[]; steps: Localized[]; basis: Localized; handledBy: Localized };
  form: FormSchema;
  acceptForm: FormSchema | null;
  /** Fields the answering officer gives (an inspection booking, a survey's date and place). */
  answerForm?: FormSchema | null;
  /** Types that issue documents: the documents, and the decision (准予 / 不予许可) the answer and the issuing branch take. */
  certificates?: { kind: string; names: Localized; prefix: string; issuedOn: 'answer' | { branchUnitId: string } }[];
  answerDecisionForm?: FormSchema | null;
  branchDecisionForm?: { unitIds: string[]; form: FormSchema } | null;
  /** Filed through another screen that links it to its parent (申请复议 from a refused case), never picked here. */
  filedVia?: string | null;
}

export type ItemStatus = 'submitted' | 'accepted' | 'refused' | 'in_progress' | 'awaiting_supplement' | 'answered' | 'closed';

export interface Abilities {
  canAccept: boolean;
  canRefuse: boolean;
  canAssign: boolean;
  canRequestSupplement: boolean;
  canResume: boolean;
  canTransfer: boolean;
  canAcceptTransfer: boolean;
  canReturn: boolean;
  canOpenBranch: boolean;
  canCompleteBranch: boolean;
  canAcknowledgeBranch?: boolean;
  canAnswer: boolean;
  canClose: boolean;
  canRate: boolean;
  canReopen: boolean;
  canSupervise: boolean;
  canExtend: boolean;
  canApproveExtension: boolean;
  canRefuseExtension: boolean;
  canApproveAnswer: boolean;
  canReturnAnswer: boolean;
}

export interface Branch {
  id: string;
  unitId: string;
  status: string;
  note: string | null;
  openedAt: string;
  doneAt: string | null;
  answer: string | null;
  dueAt?: string | null;
  /** 联动 (M10): branches with their own clocks are acknowledged by this instant. */
  ackDueAt?: string | null;
  ackedAt?: string | null;
}

export interface Item {
  id: string;
  number: string;
  /** The submitting enterprise's name: sent to staff only (the queue's company column). */
  enterpriseName?: string | null;
  type: string;
  typeName: Localized;
  status: ItemStatus;
  version: number;
  data: Record<string, unknown>;
  enterpriseId: string | null;
  submitterId: string | null;
  unitId: string | null;
  firstUnitId: string | null;
  assigneeId: string | null;
  /** 服务专员: the window's specialist serving this item (talent items, once accepted); shown to everyone who sees it. */
  specialist?: { displayName: string };
  submittedAt: string;
  acceptedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  acceptDueAt: string | null;
  dueAt: string | null;
  activeDueAt: string | null;
  provisional: boolean;
  overdue: boolean;
  remainingSeconds: number | null;
  paused: boolean;
  transferCount: number;
  pendingTransfer: { fromUnitId: string; toUnitId: string; note: string; at: string } | null;
  extension: { days: number; note: string; status: string; requestedAt: string } | null;
  /** An answer waiting for a leader's review (审核); staff only. */
  pendingAnswer?: { note: string; fields: Record<string, unknown>; by: string | null; at: string } | null;
  /** An answer given now waits for a leader's review (the unit reviews this type). */
  answerReview?: boolean;
  supervision: { listed: boolean; dueAt: string | null; note: string; at: string; reason?: string } | null;
  rating: { level: string; note: string | null; at: string; bad: boolean } | null;
  followUpRating: unknown;
  reopenedAt: string | null;
  branches: Branch[];
  answer: string | null;
  abilities: Abilities;
  queryCode?: string;
}

export interface TimelineEvent {
  id: string;
  at: string;
  actor: { id: string | null; name: string; role: string } | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  detail: unknown;
}

/** A truck pass code issued for a truck-pass item (the holder's view, with its signed verification link). */
export interface PassCodeOutput {
  id: string;
  code: string;
  plate: string;
  kind: string;
  roadClasses: string[];
  roadIds: string[];
  validFrom: string;
  validTo: string;
  status: 'valid' | 'expired' | 'revoked' | 'not-yet-valid';
  revokedAt: string | null;
  revokeReason: string | null;
  verifyUrl: string;
  qrUrl: string;
}

/** A document (permit, certificate) issued for the item, with its number (淄公出入境居〔2026〕第000123号). */
export interface CertificateOutput {
  kind: string;
  name: Localized;
  number: string;
  issuedAt: string;
  unitId?: string;
  unit: Localized | null;
}

export interface StationOutput {
  id: string;
  name: Localized;
  address?: Localized | null;
  district?: string | null;
}

export interface LectureOutput {
  schedule: { date: string; startTime: string; durationMinutes: number; speaker: string; place: string } | null;
  record: { attendance: number | null; materials: string | null } | null;
}

/** What an item type's outputs hook adds to the item (pass codes, documents, bookings, a screening result …). */
export interface ItemOutputs {
  passCodes?: PassCodeOutput[];
  /** Types that issue documents: how the item was decided (null until it is) and the documents' numbers. */
  decision?: 'approved' | 'denied' | null;
  certificates?: CertificateOutput[];
  /** Batch inspection: what was asked for and the booking the vehicle office answered with. */
  preferred?: { station: StationOutput | null; date: string | null };
  inspection?: { station: StationOutput | null; date: string; slot: string; slotLabel: Localized | null } | null;
  /** Traffic impact screening: the result, and the expert survey booked with the answer. */
  screening?: { result: 'assessment-required' | 'expert-survey'; met: string[]; thresholds: Record<string, number>; thresholdsVersion: number };
  survey?: { date: string; time: string | null; place: string | null } | null;
  /** 平安宣讲: the confirmed schedule, and the record of the lecture once given. */
  lecture?: LectureOutput;
  [other: string]: unknown;
}

export type ItemDetail = Item & {
  timeline: TimelineEvent[];
  outputs?: ItemOutputs;
  /** For the staff who handle it: whose item it is. */
  enterprise?: { id: string; name: string; uscc: string; address: string; district: string };
};

export interface Unit {
  id: string;
  nameZh: string;
  nameEn: string;
  unitType: string;
  district: string | null;
}

export interface Notification {
  id: string;
  itemId: string | null;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
}

export interface Metrics {
  received: number;
  accepted: number;
  answered: number;
  answeredOnTime: number;
  onTimeRate: number | null;
  overdueNow: number;
  rated: number;
  satisfactionRate: number | null;
  badRatingRate: number | null;
  avgHandlingWorkdays: number | null;
}

export interface StatsOverview {
  from: string;
  to: string;
  totals: Metrics;
  byUnit: (Metrics & { unitId: string; unitName: Localized })[];
  byType: (Metrics & { type: string; typeName: Localized })[];
  byDay: { date: string; received: number; answered: number }[];
  byDistrict: { district: string; received: number }[];
}
