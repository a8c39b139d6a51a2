/** Shapes of the liaison API (docs/liaison.md; the server's presenters are the source of truth). */

export interface LiaisonTag {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A police user named on an assignment. */
export interface Person {
  id: string;
  displayName: string;
  unitId: string;
  unitName: { zh: string; en: string };
}

export interface LiaisonEnterprise {
  id: string;
  uscc: string;
  name: string;
  district: string;
  address: string;
  key: boolean;
  tags: string[];
  /** 国民经济行业分类 门类 (A–T); null for enterprises registered before it was asked. */
  industry: string | null;
  officer: Person | null;
  deputy: Person | null;
  lastVisitOn: string | null;
}

export type ProjectStage = 'planning' | 'construction' | 'operating';
export const PROJECT_STAGES: ProjectStage[] = ['planning', 'construction', 'operating'];

export interface Project {
  id: string;
  name: string;
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  address: string;
  stage: ProjectStage;
  startOn: string;
  endOn: string | null;
  officer: Person | null;
  deputy: Person | null;
}

export interface Assignment {
  id: string;
  enterpriseId: string | null;
  projectId: string | null;
  officer: Person;
  deputy: Person | null;
  fromAt: string;
  toAt: string | null;
  assignedBy: { displayName: string };
  reason: string;
  endReason: string | null;
}

export type VisitWay = 'on-site' | 'phone' | 'online' | 'service-centre';
export const VISIT_WAYS: VisitWay[] = ['on-site', 'phone', 'online', 'service-centre'];
export type ProblemOutcome = 'solved' | 'item' | 'open';
export const PROBLEM_OUTCOMES: ProblemOutcome[] = ['solved', 'item', 'open'];

export interface VisitProblem {
  id: string;
  text: string;
  outcome: ProblemOutcome;
  resolution: string | null;
  itemId: string | null;
  itemNumber: string | null;
  itemStatus: string | null;
  /** The item type the problem became (e.g. 企业诉求, 治安问题投诉). */
  itemTypeName: { zh: string; en: string } | null;
}

export interface Visit {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  projectId: string | null;
  date: string;
  way: VisitWay;
  centreId: string | null;
  centreName: string | null;
  officer: Person;
  met: string;
  summary: string | null;
  pledge: boolean;
  problems: VisitProblem[];
  confirmation: { verdict: 'confirmed' | 'disputed'; note: string | null; at: string } | null;
  confirmDueAt: string;
  createdAt: string;
}

export interface NewProblem {
  text: string;
  outcome: ProblemOutcome;
  resolution?: string;
  item?: { type: string; data: Record<string, unknown> };
}

export interface NewVisit {
  enterpriseId: string;
  projectId?: string;
  date: string;
  way: VisitWay;
  centreId?: string;
  met: string;
  summary?: string;
  pledge: boolean;
  problems: NewProblem[];
}

/** The enterprise's view of its officer: the unit's duty phone, never a personal number. */
export interface Contact {
  displayName: string;
  unitName: { zh: string; en: string };
  workPhone: string;
}

export interface MyLiaison {
  officer: Contact | null;
  deputy: Contact | null;
  since: string | null;
}

export interface CoverageCounts {
  keyEnterprises: number;
  keyWithOfficer: number;
  keyWithoutOfficer: number;
  notVisited: number;
  officersLinked: number;
  officersIdle: number;
  enterprisesCovered: number;
  visitsThisMonth: number;
  problemsRaised: number;
  problemsSolved: number;
  problemsTurnedIntoItems: number;
  problemsOpen: number;
}

export interface Coverage {
  district: string | null;
  days: number;
  month: string;
  counts: CoverageCounts;
  byDistrict: { district: string; keyEnterprises: number; keyWithoutOfficer: number; notVisited: number; officersLinked: number; visitsThisMonth: number }[];
  unassigned: { id: string; uscc: string; name: string; district: string }[];
  notVisited: { id: string; uscc: string; name: string; district: string; officer: Person | null; lastVisitOn: string | null }[];
  idleOfficers: Person[];
}

export interface ServiceCentre {
  id: string;
  name: string;
  park: string;
  district: string;
  address: string;
  hours: string;
  phone: string;
  services: string[];
  staff: { id: string; displayName: string }[];
}

export interface CentreInput {
  name: string;
  park: string;
  district: string;
  address: string;
  hours: string;
  phone: string;
  services: string[];
  staffIds: string[];
}

export type Slot = 'am' | 'pm';

export interface Booking {
  id: string;
  centreId: string;
  centreName?: string;
  enterpriseName?: string;
  date: string;
  slot: Slot;
  purpose: string;
  createdAt: string;
}

export interface EnterpriseFile {
  enterprise: LiaisonEnterprise;
  assignments: Assignment[];
  projects: Project[];
  visits: Visit[];
  /** The newest 100; `itemsTotal` counts them all. */
  items: { id: string; number: string; type: string; status: string; dueAt: string | null; overdue: boolean; createdAt: string }[];
  itemsTotal: number;
  passCodes: { code: string; plate: string; kind: string; validFrom: string; validTo: string; status: string }[];
}
