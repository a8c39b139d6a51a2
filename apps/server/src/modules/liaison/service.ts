import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { randomUUID } from 'node:crypto';
import {
  assignmentSheet,
  DomainError,
  isIndustry,
  isPoliceUser,
  projectForm,
  readerScope,
  tagCodePattern,
  validateForm,
  type FieldError,
  type UnitType,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { buildTemplate, readRows, SpreadsheetError } from '../applications/spreadsheet.ts';
import { submitItem } from '../items/service.ts';
import { canReadEnterprise, districtFor, liaisonActor, requireOffice, requireOfficeOver } from './policy.ts';
import { presentAssignment, presentContact, presentEnterprise, presentProject, type People } from './present.ts';
import * as repo from './repository.ts';
import { invalid, notFound } from './errors.ts';


/** Everyone named on these assignments, read once. */
export async function peopleOf(db: Queryable, ids: (string | null | undefined)[]): Promise<People> {
  const rows = await repo.peopleByIds(db, [...new Set(ids.filter((x): x is string => !!x))]);
  return new Map(rows.map((r) => [r.id, r]));
}

// Tags

export async function listTags(ctx: AppContext) {
  return { tags: (await repo.listTags(ctx.database.db)).map((t) => ({ code: t.code, nameZh: t.nameZh, nameEn: t.nameEn })) };
}

export async function createTag(ctx: AppContext, actor: UserActor, t: { code: string; nameZh: string; nameEn: string }, ip: string) {
  if (!tagCodePattern.test(t.code)) throw invalid([{ path: 'code', code: 'tag_code_invalid' }]);
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.insertTag(tx, { ...t, createdAt: ctx.now() }))) throw invalid([{ path: 'code', code: 'tag_exists' }]);
    await recordAudit(tx, { actor, action: 'liaison.tag.create', subject: `tag:${t.code}`, detail: t, ip, at: ctx.now() });
  });
  return t;
}

export async function updateTag(ctx: AppContext, actor: UserActor, code: string, set: { nameZh?: string; nameEn?: string }, ip: string) {
  return ctx.database.db.transaction(async (tx) => {
    const t = await repo.updateTag(tx, code, set);
    if (!t) throw notFound();
    await recordAudit(tx, { actor, action: 'liaison.tag.update', subject: `tag:${code}`, detail: set, ip, at: ctx.now() });
    return { code: t.code, nameZh: t.nameZh, nameEn: t.nameEn };
  });
}

async function checkTags(db: Queryable, tags: string[]): Promise<FieldError[]> {
  const known = new Set((await repo.listTags(db)).map((t) => t.code));
  return tags.flatMap((tag, i) => (known.has(tag) ? [] : [{ path: `tags.${i}`, code: 'tag_unknown', params: { tag } }]));
}

// Key enterprises

export interface EnterpriseQuery {
  district?: string;
  tag?: string;
  key?: boolean;
  unassigned?: boolean;
  mine?: boolean;
  q?: string;
  cursor?: string;
  limit: number;
}

export async function listEnterprises(ctx: AppContext, user: UserActor, q: EnterpriseQuery) {
  const a = await liaisonActor(ctx, user);
  const scope = readerScope(a);
  const db = ctx.database.db;
  const at = decodeCursor(q.cursor, (name) => name !== null);
  const after = at ? { name: at.key!, id: at.id } : null;
  const base = { tag: q.tag, key: q.key, unassigned: q.unassigned, q: q.q, afterName: after, limit: q.limit + 1 };
  let rows: repo.EnterpriseRow[];
  if (q.mine || scope.kind === 'none') rows = await repo.listEnterprises(db, { ...base, district: null, liaisonOf: a.id });
  else if (scope.kind === 'district') rows = await repo.listEnterprises(db, { ...base, district: districtFor(scope, q.district), orLiaisonOf: a.id });
  else rows = await repo.listEnterprises(db, { ...base, district: q.district ?? null });
  const { page, nextCursor } = pageOf(rows, q.limit, (e) => e.name);
  const open = await repo.openAssignmentsOf(db, page.map((e) => e.id));
  const byEnterprise = new Map(open.map((o) => [o.enterpriseId!, o]));
  const people = await peopleOf(db, open.flatMap((o) => [o.officerId, o.deputyId]));
  return { enterprises: page.map((e) => presentEnterprise(e, byEnterprise.get(e.id), people)), nextCursor };
}

export async function presentOneEnterprise(db: Queryable, e: repo.EnterpriseRow) {
  const open = await repo.openAssignment(db, { enterpriseId: e.id });
  return presentEnterprise(e, open, await peopleOf(db, [open?.officerId, open?.deputyId]));
}

export async function setEnterpriseProfile(ctx: AppContext, user: UserActor, id: string, p: { key: boolean; tags: string[]; industry?: string | null }, ip: string) {
  const a = await liaisonActor(ctx, user);
  const db = ctx.database.db;
  const tags = [...new Set(p.tags)];
  return db.transaction(async (tx) => {
    const e = await repo.findEnterprise(tx, id, true);
    if (!e) throw notFound();
    requireOfficeOver(a, e.district);
    const errors = await checkTags(tx, tags);
    if (p.industry != null && !isIndustry(p.industry)) errors.push({ path: 'industry', code: 'industry_unknown', params: { tag: p.industry } });
    if (errors.length) throw invalid(errors);
    await repo.setProfile(tx, id, p.key, tags, p.industry);
    await recordAudit(tx, { actor: user, action: 'liaison.enterprise.profile', subject: `enterprise:${id}`, detail: { key: p.key, tags, ...(p.industry !== undefined ? { industry: p.industry } : {}) }, ip, at: ctx.now() });
    return presentOneEnterprise(tx, (await repo.findEnterprise(tx, id))!);
  });
}

// Major projects

export async function listProjects(ctx: AppContext, user: UserActor, q: { district?: string; enterpriseId?: string }) {
  const a = await liaisonActor(ctx, user);
  const scope = readerScope(a);
  const db = ctx.database.db;
  const rows =
    scope.kind === 'none'
      ? await repo.listProjects(db, { district: null, orLiaisonOf: a.id, enterpriseId: q.enterpriseId })
      : await repo.listProjects(db, { district: districtFor(scope, q.district), orLiaisonOf: scope.kind === 'district' ? a.id : undefined, enterpriseId: q.enterpriseId });
  return { projects: await presentProjects(db, rows) };
}

export async function presentProjects(db: Queryable, rows: { p: repo.ProjectRow; enterpriseName: string }[]) {
  const open = await repo.openProjectAssignments(db, rows.map((r) => r.p.id));
  const byProject = new Map(open.map((o) => [o.projectId!, o]));
  const people = await peopleOf(db, open.flatMap((o) => [o.officerId, o.deputyId]));
  return rows.map((r) => presentProject(r.p, r.enterpriseName, byProject.get(r.p.id), people));
}

type ProjectInput = { name: string; enterpriseId: string; district: string; address: string; stage: string; startOn: string; endOn?: string | null };

async function checkProject(db: Queryable, data: Record<string, unknown>): Promise<ProjectInput> {
  const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined));
  const r = validateForm(projectForm, clean, '');
  const errors = r.errors.map((e) => ({ ...e, path: e.path.replace(/^\./, '') }));
  const v = r.value as ProjectInput;
  if (v.startOn && v.endOn && v.endOn < v.startOn) errors.push({ path: 'endOn', code: 'end_before_start' });
  if (v.enterpriseId && (!/^[0-9a-f-]{36}$/.test(v.enterpriseId) || !(await repo.findEnterprise(db, v.enterpriseId)))) errors.push({ path: 'enterpriseId', code: 'enterprise_unknown' });
  if (errors.length) throw invalid(errors);
  return v;
}

export async function createProject(ctx: AppContext, user: UserActor, body: Record<string, unknown>, ip: string) {
  const a = await liaisonActor(ctx, user);
  requireOffice(a);
  const db = ctx.database.db;
  const v = await checkProject(db, body);
  requireOfficeOver(a, v.district);
  const id = randomUUID();
  return db.transaction(async (tx) => {
    await repo.insertProject(tx, { id, ...v, endOn: v.endOn ?? null, createdBy: a.id, createdAt: ctx.now() });
    await recordAudit(tx, { actor: user, action: 'liaison.project.create', subject: `project:${id}`, detail: { name: v.name }, ip, at: ctx.now() });
    const [p] = await presentProjects(tx, [{ p: (await repo.findProject(tx, id))!, enterpriseName: (await repo.findEnterprise(tx, v.enterpriseId))!.name }]);
    return p!;
  });
}

export async function updateProject(ctx: AppContext, user: UserActor, id: string, patch: Record<string, unknown>, ip: string) {
  const a = await liaisonActor(ctx, user);
  const db = ctx.database.db;
  const before = await repo.findProject(db, id);
  if (!before) throw notFound();
  requireOfficeOver(a, before.district);
  const { id: _id, createdAt: _c, createdBy: _b, liaisonOfficerId: _l, ...fields } = before;
  const v = await checkProject(db, { ...fields, ...patch });
  requireOfficeOver(a, v.district);
  return db.transaction(async (tx) => {
    await repo.updateProject(tx, id, { ...v, endOn: v.endOn ?? null });
    await recordAudit(tx, { actor: user, action: 'liaison.project.update', subject: `project:${id}`, detail: patch, ip, at: ctx.now() });
    const [p] = await presentProjects(tx, [{ p: (await repo.findProject(tx, id))!, enterpriseName: (await repo.findEnterprise(tx, v.enterpriseId))!.name }]);
    return p!;
  });
}

// Assignments (一企一警)

type Subject = { enterpriseId: string } | { projectId: string };

async function subjectDistrict(db: Queryable, s: Subject): Promise<string | null> {
  if ('enterpriseId' in s) return (await repo.findEnterprise(db, s.enterpriseId))?.district ?? null;
  return (await repo.findProject(db, s.projectId))?.district ?? null;
}

function policeErrors(person: { role: string; unitType: string | null; disabled: boolean } | undefined, path: string, unknownCode = 'officer_not_police'): FieldError[] {
  if (!person) return [{ path, code: unknownCode }];
  if (person.disabled || !isPoliceUser({ role: person.role as never, unitType: person.unitType as UnitType | null })) return [{ path, code: 'officer_not_police' }];
  return [];
}

export interface AssignInput {
  enterpriseId?: string;
  projectId?: string;
  officerId: string;
  deputyId?: string | null;
  reason: string;
}

/** Names a subject's liaison officer: the open assignment ends (history kept) and a new one opens, in one transaction. */
export async function assign(ctx: AppContext, user: UserActor, input: AssignInput, ip: string) {
  const a = await liaisonActor(ctx, user);
  requireOffice(a);
  const db = ctx.database.db;
  if (!!input.enterpriseId === !!input.projectId) throw invalid([{ path: 'enterpriseId', code: 'assignment_subject_required' }]);
  const subject: Subject = input.enterpriseId ? { enterpriseId: input.enterpriseId } : { projectId: input.projectId! };
  const district = await subjectDistrict(db, subject);
  const errors: FieldError[] = [];
  if (!district) errors.push('enterpriseId' in subject ? { path: 'enterpriseId', code: 'enterprise_unknown' } : { path: 'projectId', code: 'project_unknown' });
  errors.push(...policeErrors(await repo.findPerson(db, { id: input.officerId }), 'officerId'));
  if (input.deputyId) {
    if (input.deputyId === input.officerId) errors.push({ path: 'deputyId', code: 'deputy_same_as_officer' });
    else errors.push(...policeErrors(await repo.findPerson(db, { id: input.deputyId }), 'deputyId'));
  }
  if (errors.length) throw invalid(errors);
  requireOfficeOver(a, district!);
  const now = ctx.now();
  return db.transaction(async (tx) => {
    const open = await repo.openAssignment(tx, subject, true);
    if (open && open.officerId === input.officerId && (open.deputyId ?? null) === (input.deputyId ?? null)) throw invalid([{ path: 'officerId', code: 'assignment_duplicate' }]);
    const row = await writeAssignment(tx, subject, open, { officerId: input.officerId, deputyId: input.deputyId ?? null, reason: input.reason, by: a.id, at: now });
    await recordAudit(tx, { actor: user, action: 'liaison.assign', subject: 'enterpriseId' in subject ? `enterprise:${subject.enterpriseId}` : `project:${subject.projectId}`, detail: { officerId: input.officerId, deputyId: input.deputyId ?? null, ended: open?.id ?? null }, ip, at: now });
    return presentAssignment(row, await peopleOf(tx, [row.officerId, row.deputyId, row.assignedBy]));
  });
}

async function writeAssignment(tx: Queryable, subject: Subject, open: repo.AssignmentRow | undefined, n: { officerId: string; deputyId: string | null; reason: string; by: string; at: Date }) {
  if (open) await repo.endAssignment(tx, open.id, n.at, n.by, n.reason);
  const row: repo.AssignmentRow = {
    id: randomUUID(),
    enterpriseId: 'enterpriseId' in subject ? subject.enterpriseId : null,
    projectId: 'projectId' in subject ? subject.projectId : null,
    officerId: n.officerId,
    deputyId: n.deputyId,
    fromAt: n.at,
    toAt: null,
    assignedBy: n.by,
    reason: n.reason,
    endedBy: null,
    endReason: null,
  };
  await repo.insertAssignments(tx, [row]);
  await repo.setCurrentOfficer(tx, subject, n.officerId);
  return row;
}

export async function endAssignment(ctx: AppContext, user: UserActor, id: string, reason: string, ip: string) {
  const a = await liaisonActor(ctx, user);
  requireOffice(a);
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await repo.findAssignment(tx, id);
    if (!row) throw notFound();
    const subject: Subject = row.enterpriseId ? { enterpriseId: row.enterpriseId } : { projectId: row.projectId! };
    requireOfficeOver(a, (await subjectDistrict(tx, subject)) ?? '');
    if (row.toAt) throw new DomainError('assignment_ended', { kind: 'invalid' });
    await repo.endAssignment(tx, id, now, a.id, reason);
    await repo.setCurrentOfficer(tx, subject, null);
    await recordAudit(tx, { actor: user, action: 'liaison.assignment.end', subject: `assignment:${id}`, detail: { reason }, ip, at: now });
    const ended = { ...row, toAt: now, endedBy: a.id, endReason: reason };
    return presentAssignment(ended, await peopleOf(tx, [row.officerId, row.deputyId, row.assignedBy]));
  });
}

export async function assignmentHistory(ctx: AppContext, user: UserActor, q: { enterpriseId?: string; projectId?: string }) {
  const a = await liaisonActor(ctx, user);
  const db = ctx.database.db;
  if (!!q.enterpriseId === !!q.projectId) throw invalid([{ path: 'enterpriseId', code: 'assignment_subject_required' }]);
  let enterprise: repo.EnterpriseRow | undefined;
  if (q.enterpriseId) enterprise = await repo.findEnterprise(db, q.enterpriseId);
  else {
    const p = await repo.findProject(db, q.projectId!);
    enterprise = p ? await repo.findEnterprise(db, p.enterpriseId) : undefined;
    if (p && enterprise) enterprise = { ...enterprise, district: p.district };
  }
  if (!enterprise || !(await canReadEnterprise(ctx, a, enterprise))) throw notFound();
  const rows = await repo.assignmentHistory(db, q.enterpriseId ? { enterpriseId: q.enterpriseId } : { projectId: q.projectId! });
  const people = await peopleOf(db, rows.flatMap((r) => [r.officerId, r.deputyId, r.assignedBy]));
  return { assignments: rows.map((r) => presentAssignment(r, people)) };
}

export function assignmentTemplate(): Promise<Buffer> {
  return buildTemplate(assignmentSheet, { zh: '一企一警 联络民警批量指定', en: 'Liaison officers: bulk assignment' }, [
    { zh: '1. 第一行为表头，请勿修改；带 * 的列必填；每行一家企业，最多 2000 行。', en: '1. Keep the header row; columns with * are required; one enterprise per row, up to 2,000 rows.' },
    { zh: '2. 民警账号为警企通登录账号（如 officer.zhangdian）；企业须已在平台注册。', en: '2. Officers are named by their platform username (e.g. officer.zhangdian); enterprises must be registered.' },
    { zh: '3. 任一行有误则整表不导入，请按逐行提示修改后整表重新上传；已是当前联络民警的行不会重复指定。', en: '3. If any row is wrong nothing is imported: correct the rows as reported and upload the whole sheet again. Rows naming the current officer change nothing.' },
  ]);
}

const MAX_ASSIGNMENT_ROWS = 2_000;

/** The office's list of hundreds: every row checked first, then all saved in one transaction or none. */
export async function importAssignments(ctx: AppContext, user: UserActor, bytes: Buffer, ip: string) {
  const a = await liaisonActor(ctx, user);
  const scope = requireOffice(a);
  const db = ctx.database.db;
  let rows;
  try {
    rows = await readRows(bytes, assignmentSheet, MAX_ASSIGNMENT_ROWS);
  } catch (e) {
    if (e instanceof SpreadsheetError) throw invalid(e.errors);
    throw e;
  }
  const errors: FieldError[] = [];
  const checked = rows.map((r) => {
    const v = validateForm(assignmentSheet, r.data, `rows.${r.row}`);
    errors.push(...r.cellErrors.map((c) => ({ path: `rows.${r.row}.${c.field}`, code: c.code })), ...v.errors);
    return { row: r.row, value: v.value as { uscc?: string; officerUsername?: string; deputyUsername?: string; reason?: string } };
  });
  const found = new Map((await repo.enterprisesByUscc(db, checked.flatMap((c) => (c.value.uscc ? [c.value.uscc] : [])))).map((e) => [e.uscc, e]));
  const people = new Map(
    (await repo.peopleByUsernames(db, [...new Set(checked.flatMap((c) => [c.value.officerUsername, c.value.deputyUsername].filter((x): x is string => !!x)))])).map((p) => [p.username, p]),
  );
  const seen = new Map<string, number>();
  const plan: { enterpriseId: string; officerId: string; deputyId: string | null; reason: string }[] = [];
  for (const c of checked) {
    const path = (f: string) => `rows.${c.row}.${f}`;
    const e = c.value.uscc ? found.get(c.value.uscc) : undefined;
    if (c.value.uscc && !e) errors.push({ path: path('uscc'), code: 'enterprise_unknown' });
    if (e && scope.kind === 'district' && e.district !== scope.district) errors.push({ path: path('uscc'), code: 'outside_your_district' });
    if (c.value.uscc) {
      const first = seen.get(c.value.uscc);
      if (first !== undefined) errors.push({ path: path('uscc'), code: 'duplicate_row', params: { row: first } });
      else seen.set(c.value.uscc, c.row);
    }
    const officer = c.value.officerUsername ? people.get(c.value.officerUsername) : undefined;
    if (c.value.officerUsername) errors.push(...policeErrors(officer, path('officerUsername'), 'officer_unknown'));
    const deputy = c.value.deputyUsername ? people.get(c.value.deputyUsername) : undefined;
    if (c.value.deputyUsername) {
      if (c.value.deputyUsername === c.value.officerUsername) errors.push({ path: path('deputyUsername'), code: 'deputy_same_as_officer' });
      else errors.push(...policeErrors(deputy, path('deputyUsername'), 'officer_unknown'));
    }
    if (e && officer && c.value.reason) plan.push({ enterpriseId: e.id, officerId: officer.id, deputyId: deputy?.id ?? null, reason: c.value.reason });
  }
  if (errors.length) {
    throw invalid(errors);
  }
  const now = ctx.now();
  return db.transaction(async (tx) => {
    let created = 0;
    const open = new Map((await repo.openAssignmentsOf(tx, plan.map((p) => p.enterpriseId))).map((o) => [o.enterpriseId!, o]));
    for (const p of plan) {
      const current = open.get(p.enterpriseId);
      // Uploading the same sheet again changes nothing.
      if (current && current.officerId === p.officerId && (current.deputyId ?? null) === p.deputyId) continue;
      await writeAssignment(tx, { enterpriseId: p.enterpriseId }, current, { officerId: p.officerId, deputyId: p.deputyId, reason: p.reason, by: a.id, at: now });
      created += 1;
    }
    await recordAudit(tx, { actor: user, action: 'liaison.assign.import', subject: 'liaison:assignments', detail: { rows: plan.length, created }, ip, at: now });
    return { rows: plan.length, created, unchanged: plan.length - created };
  });
}

// The enterprise's side

async function enterpriseLiaison(db: Queryable, enterpriseId: string) {
  const open = await repo.openAssignment(db, { enterpriseId });
  if (!open) return { open: undefined, people: new Map() as People };
  return { open, people: await repo.peopleByIds(db, [open.officerId, ...(open.deputyId ? [open.deputyId] : [])]).then((r) => new Map(r.map((p) => [p.id, p]))) as People };
}

export async function myLiaison(ctx: AppContext, user: UserActor) {
  if (!user.enterpriseId) throw notFound();
  const { open, people } = await enterpriseLiaison(ctx.database.db, user.enterpriseId);
  return {
    officer: open ? presentContact(people.get(open.officerId)) : null,
    deputy: open?.deputyId ? presentContact(people.get(open.deputyId)) : null,
    since: open ? open.fromAt.toISOString() : null,
  };
}

/** "Ask my liaison officer": an appeal on the appeal's own clocks, routed to the officer's unit and assigned to the officer. */
export async function askLiaison(ctx: AppContext, user: UserActor, data: Record<string, unknown>, ip: string) {
  if (!user.enterpriseId) throw notFound();
  const { open, people } = await enterpriseLiaison(ctx.database.db, user.enterpriseId);
  const officer = open ? people.get(open.officerId) : undefined;
  if (!open || !officer?.unitId) throw new DomainError('no_liaison_officer', { kind: 'invalid' });
  const r = await submitItem(ctx, user, { type: 'appeal', data: { category: 'difficulty', ...data }, ip, placement: { unitId: officer.unitId, assigneeId: officer.id, via: 'liaison' } });
  return r.item;
}
