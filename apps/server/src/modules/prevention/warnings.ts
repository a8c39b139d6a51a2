import { randomUUID } from 'node:crypto';
import {
  acknowledgementDue,
  DomainError,
  formatShanghai,
  RISK_LEVELS,
  validateWarningDraft,
  warningAbilities,
  warningTransition,
  type FieldError,
  type WarningAction,
  type WarningAudience,
  type WarningStatus,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { userIdsInUnit } from '../accounts/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { calendarOf } from '../calendar/work-calendar.ts';
import { insertPublication } from '../content/repository.ts';
import { searchTokens } from '../content/search-tokens.ts';
import { personalDataIn } from '@jqt/domain';
import { wake } from '../items/service.ts';
import { insertNotifications } from '../notifications/repository.ts';
import * as repo from './warnings-repository.ts';

const levelLabel = (level: string) => RISK_LEVELS.find((l) => l.value === level)?.label ?? { zh: level, en: level };
const police = (a: UserActor) => a.role === 'officer' || a.role === 'unit-leader';
/** A stored audience; warnings drafted before industries and departments have neither list. */
const audienceOf = (w: repo.WarningRow): WarningAudience => ({ industries: [], partnerUnitIds: [], ...(w.audience as Partial<WarningAudience>) }) as WarningAudience;
type Counts = { delivered: number; acknowledged: number; escalated: number };

/** Enterprise and department deliveries counted together: a department is one delivery, acknowledged once. */
async function countsOf(ctx: AppContext, ids: string[]) {
  const [e, u] = await Promise.all([repo.deliveryCounts(ctx.database.db, ids), repo.unitDeliveryCounts(ctx.database.db, ids)]);
  const out = new Map<string, Counts>();
  for (const id of ids) {
    const a = e.get(id) ?? { delivered: 0, acknowledged: 0, escalated: 0 };
    const b = u.get(id) ?? { delivered: 0, acknowledged: 0 };
    out.set(id, { delivered: a.delivered + b.delivered, acknowledged: a.acknowledged + b.acknowledged, escalated: a.escalated });
  }
  return out;
}

/** The sender's view: the warning, its counts and what the actor may do. */
function present(w: repo.WarningRow, actor: UserActor, counts?: Counts) {
  return {
    id: w.id,
    title: w.title,
    body: w.body,
    riskKind: w.riskKind,
    level: w.level,
    audience: audienceOf(w),
    public: w.public,
    status: w.status as WarningStatus,
    unitId: w.unitId,
    authorId: w.authorId,
    createdAt: formatShanghai(w.createdAt),
    submittedAt: w.submittedAt ? formatShanghai(w.submittedAt) : null,
    publishedAt: w.publishedAt ? formatShanghai(w.publishedAt) : null,
    decisionNote: w.decisionNote,
    publicationId: w.publicationId,
    counts: counts ?? { delivered: 0, acknowledged: 0, escalated: 0 },
    abilities: warningAbilities({ status: w.status as WarningStatus, unitId: w.unitId, authorId: w.authorId }, actor),
  };
}

/** A warning the actor may read: their unit's (police), any (supervisors); otherwise 404. */
async function readable(ctx: AppContext, actor: UserActor, id: string) {
  const w = await repo.findWarning(ctx.database.db, id);
  if (!w || !(actor.role === 'supervisor' || (police(actor) && actor.unitId === w.unitId))) throw new DomainError('not_found', { kind: 'not-found' });
  return w;
}

/** 起草: every bad field at once (tags and enterprises checked against the registry); nothing saved on an error. */
export async function draftWarning(ctx: AppContext, actor: UserActor, input: unknown, ip: string) {
  if (!police(actor) || !actor.unitId) throw new DomainError('forbidden', { kind: 'forbidden' });
  const db = ctx.database.db;
  const { value, errors } = validateWarningDraft(input, await repo.tagCodes(db), await repo.partnerUnitIds(db));
  const known = await repo.existingEnterprises(db, value.audience.enterpriseIds);
  const asked = (input as { audience?: { enterpriseIds?: unknown } } | null)?.audience?.enterpriseIds;
  if (Array.isArray(asked)) asked.forEach((x, i) => typeof x === 'string' && !known.has(x) && !errors.some((e) => e.path === `audience.enterpriseIds.${i}`) && errors.push({ path: `audience.enterpriseIds.${i}`, code: 'enterprise_unknown' }));
  // A public warning is a public text: no phone or ID numbers.
  if (value.public) for (const f of ['title', 'body'] as const) if (personalDataIn(value[f]).length) errors.push({ path: f, code: 'personal_data_in_text' });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors: errors as FieldError[] });
  const id = randomUUID();
  const now = ctx.now();
  await db.transaction(async (tx) => {
    await repo.insertWarning(tx, { id, ...value, audience: value.audience, status: 'draft', unitId: actor.unitId!, authorId: actor.id, createdAt: now });
    await recordAudit(tx, { actor, action: 'risk-warning.draft', subject: `risk-warning:${id}`, detail: { riskKind: value.riskKind, level: value.level }, ip, at: now });
  });
  return getWarning(ctx, actor, id);
}

export async function listWarnings(ctx: AppContext, actor: UserActor) {
  const rows = await repo.listWarnings(ctx.database.db, actor.role === 'supervisor' ? null : actor.unitId, 200);
  const counts = await countsOf(ctx, rows.map((r) => r.id));
  return { warnings: rows.map((w) => present(w, actor, counts.get(w.id))) };
}

/** One warning with every delivery: who has read it, who was escalated to their liaison officer. */
export async function getWarning(ctx: AppContext, actor: UserActor, id: string) {
  const w = await readable(ctx, actor, id);
  const counts = (await countsOf(ctx, [id])).get(id);
  const deliveries = (await repo.deliveriesOf(ctx.database.db, id)).map((d) => ({
    enterpriseId: d.enterpriseId,
    enterpriseName: d.enterpriseName,
    district: d.district,
    deliveredAt: formatShanghai(d.deliveredAt),
    dueAt: formatShanghai(d.dueAt),
    acknowledgedAt: d.acknowledgedAt ? formatShanghai(d.acknowledgedAt) : null,
    escalatedAt: d.escalatedAt ? formatShanghai(d.escalatedAt) : null,
    escalatedTo: d.escalatedToName,
  }));
  const departments = (await repo.unitDeliveriesOf(ctx.database.db, id)).map((d) => ({
    unitId: d.unitId,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    deliveredAt: formatShanghai(d.deliveredAt),
    dueAt: formatShanghai(d.dueAt),
    acknowledgedAt: d.acknowledgedAt ? formatShanghai(d.acknowledgedAt) : null,
    acknowledgedBy: d.acknowledgedByName,
  }));
  return { ...present(w, actor, counts), deliveries, departments };
}

/**
 * 提交审核 / 审核发布 / 退回. Approval publishes: every targeted enterprise gets a delivery (due in 3 working days)
 * and its people a notification; a public warning also becomes a `warning` publication of the portal. One transaction.
 */
export async function actOnWarning(ctx: AppContext, actor: UserActor, id: string, action: WarningAction, input: { note?: string }, ip: string) {
  const db = ctx.database.db;
  const calendar = action === 'approve' ? await calendarOf(ctx) : null;
  const now = ctx.now();
  let woken: string[] = [];
  if (action === 'return' && !input.note?.trim()) throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'note', code: 'required' }] });
  await db.transaction(async (tx) => {
    const w = await repo.findWarning(tx, id, true);
    if (!w || !(actor.role === 'supervisor' || (police(actor) && actor.unitId === w.unitId))) throw new DomainError('not_found', { kind: 'not-found' });
    const next = warningTransition({ status: w.status as WarningStatus, unitId: w.unitId, authorId: w.authorId }, action, actor);
    const params = { warningId: id, title: w.title, level: levelLabel(w.level) };
    if (action === 'submit') {
      await repo.updateWarning(tx, id, { status: next, submittedAt: now, decisionNote: null });
      const leaders = (await userIdsInUnit(tx, w.unitId, ['unit-leader'])).filter((u) => u !== actor.id);
      await insertNotifications(tx, leaders.map((userId) => ({ userId, kind: 'risk_warning_submitted', params, createdAt: now })));
      woken = leaders;
    } else if (action === 'return') {
      await repo.updateWarning(tx, id, { status: next, decidedBy: actor.id, decisionNote: input.note!.trim() });
      await insertNotifications(tx, [{ userId: w.authorId, kind: 'risk_warning_returned', params: { ...params, note: input.note!.trim() }, createdAt: now }]);
      woken = [w.authorId];
    } else {
      let publicationId: string | null = null;
      if (w.public) {
        publicationId = randomUUID();
        await insertPublication(tx, {
          id: publicationId,
          kind: 'warning',
          title: w.title,
          summary: w.body.slice(0, 120),
          body: w.body,
          district: null,
          status: 'published',
          authorId: w.authorId,
          unitId: w.unitId,
          publishedBy: actor.id,
          publishedAt: now,
          createdAt: now,
          searchTokens: searchTokens(`${w.title} ${w.body}`).join(' '),
        });
      }
      await repo.updateWarning(tx, id, { status: next, decidedBy: actor.id, publishedAt: now, publicationId });
      const audience = audienceOf(w);
      const targets = await repo.audienceEnterprises(tx, audience);
      const dueAt = acknowledgementDue(calendar!, now);
      await repo.insertDeliveries(tx, targets.map((e) => ({ warningId: id, enterpriseId: e.id, deliveredAt: now, dueAt })));
      const people = await repo.enterpriseUserIds(tx, targets.map((e) => e.id));
      await insertNotifications(tx, people.map((userId) => ({ userId, kind: 'risk_warning', params, createdAt: now })));
      // Partner departments: one delivery per department, every partner user of it told.
      await repo.insertUnitDeliveries(tx, audience.partnerUnitIds.map((unitId) => ({ warningId: id, unitId, deliveredAt: now, dueAt })));
      const partners = await repo.partnerUserIds(tx, audience.partnerUnitIds);
      await insertNotifications(tx, partners.map((userId) => ({ userId, kind: 'risk_warning_department', params, createdAt: now })));
      woken = [...people, ...partners];
    }
    await recordAudit(tx, { actor, action: `risk-warning.${action}`, subject: `risk-warning:${id}`, detail: { from: w.status, to: next }, ip, at: now });
  });
  await wake(ctx, woken);
  return getWarning(ctx, actor, id);
}

/** Enterprises by name or USCC for a warning's audience. */
export async function searchAudienceEnterprises(ctx: AppContext, q: string) {
  return { enterprises: await repo.searchEnterprises(ctx.database.db, q, 20) };
}

/** A warning as its recipient (an enterprise or a department) sees it, with the recipient's own delivery. */
function presentDelivered(w: { id: string; title: string; body: string; riskKind: string; level: string }, d: { deliveredAt: Date; dueAt: Date; acknowledgedAt: Date | null }) {
  return {
    id: w.id,
    title: w.title,
    body: w.body,
    riskKind: w.riskKind,
    level: w.level,
    publishedAt: formatShanghai(d.deliveredAt),
    dueAt: formatShanghai(d.dueAt),
    acknowledgedAt: d.acknowledgedAt ? formatShanghai(d.acknowledgedAt) : null,
    abilities: { canAcknowledge: !d.acknowledgedAt },
  };
}

/** The enterprise's side: the warnings delivered to it, newest first, with its own acknowledgement. */
export async function enterpriseWarnings(ctx: AppContext, actor: UserActor) {
  if (!actor.enterpriseId) throw new DomainError('forbidden', { kind: 'forbidden' });
  const rows = await repo.warningsOfEnterprise(ctx.database.db, actor.enterpriseId, 100);
  return {
    warnings: rows.map(({ w, d }) => presentDelivered(w, d)),
  };
}

/** 已阅知: once per enterprise; a warning not delivered to the actor's enterprise is not theirs to know (404). */
export async function acknowledgeWarning(ctx: AppContext, actor: UserActor, id: string, ip: string) {
  if (!actor.enterpriseId) throw new DomainError('forbidden', { kind: 'forbidden' });
  const db = ctx.database.db;
  const d = await repo.findDelivery(db, id, actor.enterpriseId);
  if (!d) throw new DomainError('not_found', { kind: 'not-found' });
  if (!d.acknowledgedAt) {
    const now = ctx.now();
    await db.transaction(async (tx) => {
      await repo.acknowledge(tx, id, actor.enterpriseId!, actor.id, now);
      await recordAudit(tx, { actor, action: 'risk-warning.acknowledge', subject: `risk-warning:${id}`, ip, at: now });
    });
  }
  return (await enterpriseWarnings(ctx, actor)).warnings.find((w) => w.id === id)!;
}

/** The partner department's side: the warnings delivered to the actor's department, with its acknowledgement. */
export async function departmentWarnings(ctx: AppContext, actor: UserActor) {
  if (actor.role !== 'partner' || !actor.unitId) throw new DomainError('forbidden', { kind: 'forbidden' });
  const rows = await repo.warningsOfUnit(ctx.database.db, actor.unitId, 100);
  return {
    warnings: rows.map(({ w, d, by }) => ({ ...presentDelivered(w, d), acknowledgedBy: by })),
  };
}

/** 已阅知 for the department: any of its partner users, once; a warning not delivered to the department is 404. */
export async function acknowledgeForDepartment(ctx: AppContext, actor: UserActor, id: string, ip: string) {
  if (actor.role !== 'partner' || !actor.unitId) throw new DomainError('forbidden', { kind: 'forbidden' });
  const db = ctx.database.db;
  const d = await repo.findUnitDelivery(db, id, actor.unitId);
  if (!d) throw new DomainError('not_found', { kind: 'not-found' });
  if (!d.acknowledgedAt) {
    const now = ctx.now();
    await db.transaction(async (tx) => {
      await repo.acknowledgeForUnit(tx, id, actor.unitId!, actor.id, now);
      await recordAudit(tx, { actor, action: 'risk-warning.acknowledge-department', subject: `risk-warning:${id}`, detail: { unitId: actor.unitId }, ip, at: now });
    });
  }
  return (await departmentWarnings(ctx, actor)).warnings.find((w) => w.id === id)!;
}

/**
 * The sweeper's part: deliveries unacknowledged 3 working days after publication go to the enterprise's liaison
 * officer (一企一警) as a notification; one without an officer is marked escalated with nobody to tell. Once each.
 */
export async function escalateUnacknowledgedWarnings(ctx: AppContext): Promise<{ escalated: number; woken: string[] }> {
  const now = ctx.now();
  let escalated = 0;
  const woken: string[] = [];
  for (;;) {
    const count = await ctx.database.db.transaction(async (tx) => {
      const rows = await repo.claimOverdueDeliveries(tx, now, 500);
      await repo.markEscalated(tx, rows.map((r) => ({ warningId: r.warning_id, enterpriseId: r.enterprise_id, to: r.liaison_officer_id })), now);
      const told = rows.filter((r) => r.liaison_officer_id);
      await insertNotifications(
        tx,
        told.map((r) => ({ userId: r.liaison_officer_id!, kind: 'risk_warning_escalated', params: { warningId: r.warning_id, title: r.title, enterprise: r.enterprise_name, enterpriseId: r.enterprise_id }, createdAt: now })),
      );
      woken.push(...told.map((r) => r.liaison_officer_id!));
      escalated += rows.length;
      return rows.length;
    });
    if (count < 500) break;
  }
  return { escalated, woken: [...new Set(woken)] };
}

