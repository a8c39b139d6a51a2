import { randomUUID } from 'node:crypto';
import { activeDeadline, visitItemTypes, confirmationDueAt, DomainError, formatShanghai, isOverdue, readerScope, shanghaiDate, validateVisit, type FieldError, type ItemTypeDeclaration } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit, recordAuditLater } from '../audit/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { checkFilingForEnterprise, fileForEnterprise, wake } from '../items/service.ts';
import { canReadEnterprise, liaisonActor } from './policy.ts';
import { presentAssignment, presentVisit } from './present.ts';
import * as repo from './repository.ts';
import { peopleOf, presentOneEnterprise, presentProjects } from './service.ts';
import { invalid, notFound, isUuid } from './errors.ts';


type ItemPlan = { type: ItemTypeDeclaration; value: Record<string, unknown> };

/** Each problem turned into an item, checked by that item type's own form, its errors under `problems.N.item`. */
function checkProblemItems(raw: unknown, today: string, outcomes: (string | undefined)[]): { plans: Map<number, ItemPlan>; errors: FieldError[] } {
  const plans = new Map<number, ItemPlan>();
  const errors: FieldError[] = [];
  const list = Array.isArray(raw) ? raw : [];
  outcomes.forEach((outcome, i) => {
    const item = (list[i] as { item?: { type?: unknown; data?: unknown } } | undefined)?.item;
    if (outcome !== 'item' || typeof item !== 'object' || item === null) return;
    if (!(visitItemTypes as readonly unknown[]).includes(item.type)) {
      errors.push({ path: `problems.${i}.item.type`, code: 'item_type_not_for_visit' });
      return;
    }
    const r = checkFilingForEnterprise(item.type, item.data, today, `problems.${i}.item`);
    errors.push(...r.errors);
    if (r.type && !r.errors.length) plans.set(i, { type: r.type, value: r.value });
  });
  return { plans, errors };
}

/** The visits with their problems, names and people, as the presenter wants them. */
async function presentVisits(db: Queryable, visits: repo.VisitRow[]) {
  const problems = await repo.problemsOfVisits(db, visits.map((v) => v.id));
  const names = await repo.enterpriseNames(db, [...new Set(visits.map((v) => v.enterpriseId))]);
  const centreIds = [...new Set(visits.flatMap((v) => (v.centreId ? [v.centreId] : [])))];
  const centres = new Map((await Promise.all(centreIds.map((id) => repo.findCentre(db, id)))).flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
  const people = await peopleOf(db, visits.map((v) => v.officerId));
  return visits.map((v) =>
    presentVisit(v, problems.filter((p) => p.p.visitId === v.id), { enterprise: names.get(v.enterpriseId), centre: v.centreId ? centres.get(v.centreId) : null }, people),
  );
}

/**
 * 一企一策: an officer logs a contact. Only the enterprise's liaison officer (or deputy), or the staff of the service
 * centre it was held at, may; problems turned into items are filed on the engine in the same transaction.
 */
export async function logVisit(ctx: AppContext, user: UserActor, body: Record<string, unknown> & { enterpriseId: string; projectId?: string | null }, ip: string) {
  const db = ctx.database.db;
  const now = ctx.now();
  const today = shanghaiDate(now);
  const { enterpriseId, projectId, ...record } = body;
  const enterprise = await repo.findEnterprise(db, enterpriseId);
  if (!enterprise) throw invalid([{ path: 'enterpriseId', code: 'enterprise_unknown' }]);
  const v = validateVisit(record, today);
  const items = checkProblemItems(record.problems, today, Array.isArray(record.problems) ? record.problems.map((p) => (p as { outcome?: string } | null)?.outcome) : []);
  const errors = [...v.errors, ...items.errors];
  const centre = v.value.centreId && isUuid(v.value.centreId) ? await repo.findCentre(db, v.value.centreId) : undefined;
  if (v.value.centreId && !centre) errors.push({ path: 'centreId', code: 'centre_unknown' });
  if (projectId) {
    const p = isUuid(projectId) ? await repo.findProject(db, projectId) : undefined;
    if (!p || p.enterpriseId !== enterpriseId) errors.push({ path: 'projectId', code: 'project_unknown' });
  }
  const atCentre = v.value.way === 'service-centre' && centre?.staffIds.includes(user.id);
  if (!atCentre && !(await repo.liaises(db, user.id, enterpriseId))) throw new DomainError('not_your_enterprise', { kind: 'forbidden' });
  if (errors.length) throw invalid(errors);

  const id = randomUUID();
  let notified: string[] = [];
  const calendar = await calendarOf(ctx);
  await db.transaction(async (tx) => {
    const problems = [];
    for (const [i, p] of v.value.problems.entries()) {
      const plan = items.plans.get(i);
      const filed = plan ? await fileForEnterprise(tx, ctx, calendar, user, { type: plan.type, data: plan.value, enterprise, via: 'visit', ip }) : undefined;
      if (filed) notified.push(...filed.notified);
      problems.push({ id: randomUUID(), visitId: id, position: i, district: enterprise.district, visitedOn: v.value.date, text: p.text, outcome: p.outcome, resolution: p.resolution ?? null, itemId: filed?.id ?? null, updatedAt: now });
    }
    await repo.insertVisit(
      tx,
      { id, enterpriseId, projectId: projectId ?? null, district: enterprise.district, officerId: user.id, visitedOn: v.value.date, way: v.value.way, centreId: v.value.centreId ?? null, met: v.value.met, summary: v.value.summary ?? '', pledge: true, createdAt: now, confirmDueAt: confirmationDueAt(now) },
      problems,
    );
    await recordAudit(tx, { actor: user, action: 'liaison.visit', subject: `enterprise:${enterpriseId}`, detail: { visitId: id, problems: problems.length, items: problems.filter((p) => p.itemId).length }, ip, at: now });
  });
  notified = [...new Set(notified)];
  await wake(ctx, notified);
  const [presented] = await presentVisits(db, [(await repo.findVisit(db, id))!]);
  return presented!;
}

/** An open problem of a visit solved later, or turned into an item, by the visit's officer. */
export async function resolveProblem(ctx: AppContext, user: UserActor, visitId: string, problemId: string, body: { outcome: 'solved' | 'item'; resolution?: string; item?: { type: string; data: unknown } }, ip: string) {
  const db = ctx.database.db;
  const now = ctx.now();
  const visit = await repo.findVisit(db, visitId);
  if (!visit || visit.officerId !== user.id) throw notFound();
  const enterprise = (await repo.findEnterprise(db, visit.enterpriseId))!;
  const errors: FieldError[] = [];
  let plan: ItemPlan | undefined;
  if (body.outcome === 'solved' && !body.resolution?.trim()) errors.push({ path: 'resolution', code: 'required' });
  if (body.outcome === 'item') {
    if (!body.item) errors.push({ path: 'item', code: 'required' });
    else if (!(visitItemTypes as readonly string[]).includes(body.item.type)) errors.push({ path: 'item.type', code: 'item_type_not_for_visit' });
    else {
      const r = checkFilingForEnterprise(body.item.type, body.item.data, shanghaiDate(now), 'item');
      errors.push(...r.errors);
      if (r.type) plan = { type: r.type, value: r.value };
    }
  }
  if (errors.length) throw invalid(errors);
  let notified: string[] = [];
  const calendar = await calendarOf(ctx);
  await db.transaction(async (tx) => {
    const problem = await repo.findProblem(tx, visitId, problemId);
    if (!problem) throw notFound();
    if (problem.outcome !== 'open') throw new DomainError('problem_not_open', { kind: 'invalid' });
    const filed = plan ? await fileForEnterprise(tx, ctx, calendar, user, { type: plan.type, data: plan.value, enterprise, via: 'visit', ip }) : undefined;
    notified = filed?.notified ?? [];
    await repo.updateProblem(tx, problemId, { outcome: body.outcome, resolution: body.outcome === 'solved' ? body.resolution!.trim() : null, itemId: filed?.id ?? null, updatedAt: now });
    await recordAudit(tx, { actor: user, action: 'liaison.problem', subject: `enterprise:${visit.enterpriseId}`, detail: { visitId, problemId, outcome: body.outcome }, ip, at: now });
  });
  await wake(ctx, notified);
  const [presented] = await presentVisits(db, [visit]);
  return presented!;
}

export async function listVisits(ctx: AppContext, user: UserActor, q: { enterpriseId?: string; mine?: boolean; limit: number }) {
  const a = await liaisonActor(ctx, user);
  const db = ctx.database.db;
  if (q.enterpriseId) {
    const e = await repo.findEnterprise(db, q.enterpriseId);
    if (!e || !(await canReadEnterprise(ctx, a, e))) throw notFound();
    return { visits: await presentVisits(db, await repo.listVisits(db, { enterpriseId: e.id, limit: q.limit })) };
  }
  const scope = readerScope(a);
  if (q.mine || scope.kind === 'none') return { visits: await presentVisits(db, await repo.listVisits(db, { officerId: a.id, limit: q.limit })) };
  const district = scope.kind === 'district' ? scope.district : null;
  return { visits: await presentVisits(db, await repo.listVisits(db, { district, orOfficerId: district ? a.id : undefined, limit: q.limit })) };
}

export async function enterpriseVisits(ctx: AppContext, user: UserActor) {
  if (!user.enterpriseId) throw notFound();
  const db = ctx.database.db;
  return { visits: await presentVisits(db, await repo.listVisits(db, { enterpriseId: user.enterpriseId, limit: 200 })) };
}

/** The enterprise confirms a visit record, or disputes it with a note, within 7 days. */
export async function confirmVisit(ctx: AppContext, user: UserActor, id: string, body: { verdict: 'confirmed' | 'disputed'; note?: string }, ip: string) {
  const db = ctx.database.db;
  const now = ctx.now();
  const note = body.note?.trim() || null;
  if (body.verdict === 'disputed' && !note) throw invalid([{ path: 'note', code: 'required' }]);
  await db.transaction(async (tx) => {
    const v = await repo.findVisit(tx, id, true);
    if (!v || v.enterpriseId !== user.enterpriseId) throw notFound();
    if (v.verdict) throw new DomainError('confirmation_given', { kind: 'invalid' });
    if (now.getTime() > v.confirmDueAt.getTime()) throw new DomainError('confirmation_window_closed', { kind: 'invalid' });
    await repo.setVerdict(tx, id, { verdict: body.verdict, verdictNote: note, verdictAt: now, verdictBy: user.id });
    await recordAudit(tx, { actor: user, action: `liaison.visit.${body.verdict}`, subject: `enterprise:${v.enterpriseId}`, detail: { visitId: id }, ip, at: now });
  });
  const [presented] = await presentVisits(db, [(await repo.findVisit(db, id))!]);
  return presented!;
}

/** 一企一档: one enterprise's profile, officers, projects, contacts, items and pass codes, for staff who may see it. */
export async function enterpriseFile(ctx: AppContext, user: UserActor, id: string, ip: string) {
  const a = await liaisonActor(ctx, user);
  const db = ctx.database.db;
  const e = await repo.findEnterprise(db, id);
  if (!e || !(await canReadEnterprise(ctx, a, e))) throw notFound();
  const now = ctx.now();
  const [history, projects, visits, items, passCodes] = await Promise.all([
    repo.assignmentHistory(db, { enterpriseId: id }),
    repo.listProjects(db, { district: null, enterpriseId: id }),
    repo.listVisits(db, { enterpriseId: id, limit: 100 }),
    repo.itemsOfEnterprise(db, id),
    repo.passCodesOfEnterprise(db, id),
  ]);
  const people = await peopleOf(db, history.flatMap((r) => [r.officerId, r.deputyId, r.assignedBy]));
  await recordAuditLater(db, { actor: user, action: 'enterprise-file.view', subject: `enterprise:${id}`, ip, at: now });
  return {
    enterprise: await presentOneEnterprise(db, e),
    assignments: history.map((r) => presentAssignment(r, people)),
    projects: await presentProjects(db, projects),
    visits: await presentVisits(db, visits),
    itemsTotal: items.total,
    items: items.list.map((i) => {
      const due = activeDeadline({ status: i.status as never, acceptDueAt: i.acceptDueAt, dueAt: i.dueAt });
      return { id: i.id, number: i.number, type: i.type, status: i.status, dueAt: due ? formatShanghai(due) : null, overdue: isOverdue({ status: i.status, activeDueAt: due }, now), createdAt: formatShanghai(i.submittedAt) };
    }),
    passCodes: passCodes.map((p) => ({
      code: p.code,
      plate: p.plate,
      kind: p.kind,
      validFrom: formatShanghai(p.validFrom),
      validTo: formatShanghai(p.validTo),
      status: p.revokedAt ? 'revoked' : p.validTo.getTime() < now.getTime() ? 'expired' : p.validFrom.getTime() > now.getTime() ? 'not-yet-valid' : 'valid',
    })),
  };
}
