import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const units = pgTable('units', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unitType: text('unit_type').notNull(),
  district: text('district'),
  parentId: text('parent_id'),
});

export const enterprises = pgTable('enterprises', {
  id: uuid('id').primaryKey(),
  uscc: text('uscc').notNull().unique(),
  name: text('name').notNull(),
  district: text('district').notNull(),
  address: text('address').notNull().default(''),
  liaisonOfficerId: uuid('liaison_officer_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    displayName: text('display_name').notNull(),
    unitId: text('unit_id').references(() => units.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    mobile: text('mobile'),
    idNumber: text('id_number'),
    totpSecret: text('totp_secret'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('users_unit_idx').on(t.unitId, t.role), index('users_role_idx').on(t.role)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha-256 of the cookie value: a stolen table gives no session
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
});

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  notice: text('notice').notNull(),
  title: text('title').notNull(),
  loadedAt: ts('loaded_at').notNull().defaultNow(),
  loadedBy: uuid('loaded_by'),
});

/** Days that differ from the weekday rule (holidays, make-up workdays, amended days), keyed by date. */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(),
  name: text('name'),
  notice: text('notice').notNull(),
});

export const calendarChanges = pgTable('calendar_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  date: date('date', { mode: 'string' }).notNull(),
  oldKind: text('old_kind'),
  newKind: text('new_kind').notNull(),
  notice: text('notice').notNull(),
  reason: text('reason').notNull(),
  actorId: uuid('actor_id'),
  at: ts('at').notNull().defaultNow(),
});

export const items = pgTable(
  'items',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    version: integer('version').notNull(),
    data: jsonb('data').notNull(),
    acceptInput: jsonb('accept_input').notNull().default({}),
    submitterId: uuid('submitter_id'),
    enterpriseId: uuid('enterprise_id'),
    unitId: text('unit_id').notNull(),
    firstUnitId: text('first_unit_id').notNull(),
    assigneeId: uuid('assignee_id'),
    submittedAt: ts('submitted_at').notNull(),
    acceptedAt: ts('accepted_at'),
    answeredAt: ts('answered_at'),
    closedAt: ts('closed_at'),
    acceptDueAt: ts('accept_due_at'),
    dueAt: ts('due_at'),
    /** The clock the unit works against now (accept or handle), null once its part is done: queues sort by it. */
    activeDueAt: ts('active_due_at'),
    handleRule: jsonb('handle_rule').notNull(),
    provisional: boolean('provisional').notNull().default(false),
    pausedAt: ts('paused_at'),
    pausedFrom: text('paused_from'),
    pauses: jsonb('pauses').notNull().default([]),
    transferCount: integer('transfer_count').notNull().default(0),
    pendingTransfer: jsonb('pending_transfer'),
    pendingUnitId: text('pending_unit_id'),
    extension: jsonb('extension'),
    supervision: jsonb('supervision'),
    supervised: boolean('supervised').notNull().default(false),
    listed: boolean('listed').notNull().default(false),
    rating: jsonb('rating'),
    ratingLevel: text('rating_level'),
    followUpRating: jsonb('follow_up_rating'),
    afterRating: jsonb('after_rating'),
    /** Due date of an open rectification (整改件), null when none is open. */
    rectificationDueAt: ts('rectification_due_at'),
    reopenedAt: ts('reopened_at'),
    branches: jsonb('branches').notNull().default([]),
    branchUnitIds: text('branch_unit_ids').array().notNull().default(sql`'{}'::text[]`),
    answer: text('answer'),
    escalationStage: integer('escalation_stage').notNull().default(0),
    nextEscalationAt: ts('next_escalation_at'),
    queryCodeHash: text('query_code_hash'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** 居住证集中申办: the enterprise upload this item came from (M5). */
    batchId: uuid('batch_id'),
    /** 打包办: items opened together by one submission share this id (M6). */
    packageId: uuid('package_id'),
  },
  (t) => [
    index('items_unit_due_idx').on(t.unitId, t.activeDueAt),
    index('items_enterprise_due_idx').on(t.enterpriseId, t.activeDueAt),
    index('items_submitter_idx').on(t.submitterId),
    index('items_pending_unit_idx').on(t.pendingUnitId),
    index('items_branch_units_idx').using('gin', t.branchUnitIds),
    index('items_escalation_idx').on(t.nextEscalationAt).where(sql`next_escalation_at is not null`),
    index('items_provisional_idx').on(t.id).where(sql`provisional`),
    index('items_due_idx').on(t.activeDueAt),
    index('items_submitted_idx').on(t.submittedAt),
    index('items_answered_idx').on(t.answeredAt),
    // Statistics count by each of these instants and by "open and overdue now": each arm of their OR has an index.
    index('items_accepted_idx').on(t.acceptedAt),
    index('items_open_due_idx')
      .on(t.activeDueAt)
      .where(sql`status in ('submitted','accepted','in_progress','awaiting_supplement')`),
    index('items_rectification_idx').on(t.rectificationDueAt).where(sql`rectification_due_at is not null`),
    index('items_batch_idx').on(t.batchId, t.status).where(sql`batch_id is not null`),
    index('items_package_idx').on(t.packageId).where(sql`package_id is not null`),
    // 居住证: one open or issued application per enterprise and ID number (the batch import checks by this).
    index('items_residence_person_idx').on(t.enterpriseId, sql`(${t.data}->>'idNumber')`).where(sql`type = 'residence-permit'`),
  ],
);

/** The timeline: one row per change, never updated (a trigger refuses UPDATE and DELETE). */
export const itemEvents = pgTable(
  'item_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: uuid('item_id').notNull().references(() => items.id),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [index('item_events_item_idx').on(t.itemId, t.id)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorKey: text('actor_key').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    itemId: uuid('item_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorKey, t.key] })],
);

export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull(),
    itemId: uuid('item_id'),
    kind: text('kind').notNull(),
    params: jsonb('params').notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), index('notifications_item_idx').on(t.itemId, t.kind)],
);

/** Append-only, hash-chained (SPEC §8). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  subject: text('subject').notNull(),
  detail: jsonb('detail').notNull().default({}),
  ip: text('ip'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey(),
  uploaderId: uuid('uploader_id'),
  filename: text('filename').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Published texts: policies (惠企政策), case bulletins (涉企案件通报), risk warnings; searchable in Chinese. */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    district: text('district'),
    status: text('status').notNull(),
    authorId: uuid('author_id'),
    unitId: text('unit_id'),
    publishedBy: uuid('published_by'),
    publishedAt: ts('published_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Chinese words segmented by the application (PGlite has no zhparser), space-joined for to_tsvector('simple'). */
    searchTokens: text('search_tokens').notNull().default(''),
  },
  (t) => [
    index('publications_published_idx').on(t.kind, t.publishedAt),
    index('publications_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchTokens})`),
  ],
);

/** Road segments the truck access checker knows by id (M8). */
export const roads = pgTable('roads', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  roadClass: text('road_class').notNull(),
  inRestrictedZone: boolean('in_restricted_zone').notNull(),
  nightCorridor: boolean('night_corridor').notNull(),
  district: text('district'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Every version of the access rules is kept; the one in force is the latest effective at the checked time. */
export const accessRuleSets = pgTable('access_rule_sets', {
  version: integer('version').primaryKey(),
  effectiveFrom: ts('effective_from').notNull(),
  rules: jsonb('rules').notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 货车通行码: temporary ones issued instantly, short- and long-term ones after review. */
export const passCodes = pgTable(
  'pass_codes',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    itemId: uuid('item_id'),
    enterpriseId: uuid('enterprise_id'),
    plate: text('plate').notNull(),
    kind: text('kind').notNull(),
    roadClasses: text('road_classes').array().notNull(),
    roadIds: text('road_ids').array(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to').notNull(),
    status: text('status').notNull(),
    signature: text('signature').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('pass_codes_plate_idx').on(t.plate, t.validTo)],
);

/** NEV sanitation / muck / concrete route and time filings (M8, SPEC §5 rule 3). */
export const nevFilings = pgTable(
  'nev_filings',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id'),
    enterpriseId: uuid('enterprise_id'),
    plate: text('plate').notNull(),
    use: text('use').notNull(),
    roadIds: text('road_ids').array().notNull(),
    windows: jsonb('windows').notNull(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to').notNull(),
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('nev_filings_plate_idx').on(t.plate, t.validTo)],
);

/** M7: freight-vehicle accidents handled by the simple procedure, with time from accident to release. */
export const freightAccidents = pgTable('freight_accidents', {
  id: uuid('id').primaryKey(),
  plate: text('plate').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  releasedAt: ts('released_at').notNull(),
  simpleProcedure: boolean('simple_procedure').notNull(),
  vehicleDetained: boolean('vehicle_detained').notNull().default(false),
  licenceDetained: boolean('licence_detained').notNull().default(false),
  unitId: text('unit_id').notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Values the server generates once and keeps (e.g. the pass-code signing key): never a secret in the repository. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * 居住证集中申办 (M5): one spreadsheet uploaded by an enterprise coordinator; its valid rows are items with this
 * batch id, its rejected rows are kept in `report` for correction. The station works the batch as one and tracks
 * the delivery to the enterprise to the signature (零跑腿).
 */
export const residenceBatches = pgTable(
  'residence_batches',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    enterpriseId: uuid('enterprise_id').notNull(),
    submitterId: uuid('submitter_id').notNull(),
    unitId: text('unit_id').notNull(),
    /** submitted → accepted → produced → delivered */
    status: text('status').notNull(),
    filename: text('filename').notNull(),
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    createdCount: integer('created_count').notNull(),
    rejectedCount: integer('rejected_count').notNull(),
    duplicateCount: integer('duplicate_count').notNull(),
    /** The rows not accepted: `[{row, errors: [{field, code, params?}]}]`. */
    report: jsonb('report').notNull().default([]),
    createdAt: ts('created_at').notNull(),
    acceptedAt: ts('accepted_at'),
    producedAt: ts('produced_at'),
    deliveredAt: ts('delivered_at'),
    deliveredBy: uuid('delivered_by'),
    signerName: text('signer_name'),
    deliveryNote: text('delivery_note'),
  },
  (t) => [index('residence_batches_enterprise_idx').on(t.enterpriseId, t.createdAt), index('residence_batches_unit_idx').on(t.unitId, t.status)],
);

/** M9: periodic hazard inspections around major projects, with findings and a rectification deadline. */
export const projectHazardInspections = pgTable(
  'project_hazard_inspections',
  {
    id: uuid('id').primaryKey(),
    project: text('project').notNull(),
    location: text('location').notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    findings: text('findings').notNull(),
    hazardCount: integer('hazard_count').notNull(),
    rectificationDueOn: date('rectification_due_on', { mode: 'string' }),
    rectifiedAt: ts('rectified_at'),
    rectificationNote: text('rectification_note'),
    unitId: text('unit_id').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('project_hazard_inspections_due_idx').on(t.rectificationDueOn)],
);
