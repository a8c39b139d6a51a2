import { DomainError, findingTransition, rectificationDue, validateFindingAnswer, validateFindingReview, type CyberSeverity, type FindingStatus } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { userIdsInUnit } from '../accounts/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { calendarOf } from '../calendar/work-calendar.ts';
import { wake } from '../items/service.ts';
import { insertNotifications } from '../notifications/repository.ts';
import { enterpriseUserIds } from '../prevention/warnings-repository.ts';
import { getInspection, readableInspection, viewerOf } from './inspections.ts';
import { authorizeUnitWrite, type CyberViewer } from './policy.ts';
import { severityLabel } from './present.ts';
import * as repo from './repository.ts';

/** The finding and its inspection, if the viewer may know of them (404 otherwise). */
async function readableFinding(ctx: AppContext, v: CyberViewer, findingId: string, tx: Parameters<typeof repo.findFinding>[0]) {
  const f = await repo.findFinding(tx, findingId, true);
  if (!f) throw new DomainError('not_found', { kind: 'not-found' });
  const r = await readableInspection(ctx, v, f.inspectionId, tx);
  return { f, r };
}

/** 整改答复: the inspected enterprise answers an open (or reopened) finding with text and its own uploads as evidence. */
export async function answerFinding(ctx: AppContext, actor: UserActor, findingId: string, input: unknown, ip: string) {
  const db = ctx.database.db;
  const now = ctx.now();
  // read before the transaction: PGlite has one connection, a read outside `tx` inside it would wait forever
  const v = await viewerOf(ctx, actor);
  const { value, errors } = validateFindingAnswer(input);
  const own = await repo.ownAttachments(db, value.attachmentIds, actor.id);
  value.attachmentIds.forEach((x) => !own.has(x) && errors.push({ path: `attachmentIds.${(input as { attachmentIds: unknown[] }).attachmentIds.indexOf(x)}`, code: 'attachment_unknown' }));
  let told: string[] = [];
  let inspectionId = '';
  await db.transaction(async (tx) => {
    const { f, r } = await readableFinding(ctx, v, findingId, tx);
    if (v.standing !== 'enterprise') throw new DomainError('forbidden', { kind: 'forbidden' });
    inspectionId = r.i.id;
    const next = findingTransition(f.status as FindingStatus, 'answer');
    if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
    await repo.updateFinding(tx, f.id, { status: next, answerText: value.text, answerAttachmentIds: value.attachmentIds, answeredBy: actor.id, answeredAt: now });
    told = (await userIdsInUnit(tx, r.i.unitId, ['officer', 'unit-leader'])).filter((u) => u === r.i.createdBy || u === r.i.completedBy);
    await insertNotifications(tx, told.map((userId) => ({ userId, kind: 'cyber_finding_answered', params: { inspectionId: r.i.id, number: r.i.noticeNumber, enterprise: r.enterpriseName }, createdAt: now })));
    await recordAudit(tx, { actor, action: 'cyber-finding.answer', subject: `cyber-finding:${f.id}`, detail: { from: f.status, to: next, attachments: value.attachmentIds.length }, ip, at: now });
  });
  await wake(ctx, told);
  return getInspection(ctx, actor, inspectionId);
}

/**
 * 核验 / 重新整改: the unit closes an answered finding or reopens it with a note; a reopened finding runs a new
 * deadline of its severity from now, and may escalate again.
 */
export async function reviewFinding(ctx: AppContext, actor: UserActor, findingId: string, input: unknown, ip: string) {
  const db = ctx.database.db;
  const now = ctx.now();
  // read before the transaction: PGlite has one connection, a read outside `tx` inside it would wait forever
  const v = await viewerOf(ctx, actor);
  const { value, errors } = validateFindingReview(input);
  const calendar = await calendarOf(ctx);
  let told: string[] = [];
  let inspectionId = '';
  await db.transaction(async (tx) => {
    const { f, r } = await readableFinding(ctx, v, findingId, tx);
    authorizeUnitWrite(v, r.i);
    inspectionId = r.i.id;
    if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
    const next = findingTransition(f.status as FindingStatus, value.action);
    const reopened = value.action === 'reopen';
    await repo.updateFinding(tx, f.id, {
      status: next,
      verifyNote: value.note,
      reviewedBy: actor.id,
      reviewedAt: now,
      closedAt: reopened ? null : now,
      ...(reopened ? { dueAt: rectificationDue(calendar, f.severity as CyberSeverity, now).due, escalatedAt: null } : {}),
    });
    told = await enterpriseUserIds(tx, [r.i.enterpriseId]);
    const result = reopened ? { zh: '退回重新整改', en: 'reopened' } : { zh: '核验通过', en: 'verified and closed' };
    await insertNotifications(tx, told.map((userId) => ({ userId, kind: 'cyber_finding_reviewed', params: { inspectionId: r.i.id, number: r.i.noticeNumber, result, note: value.note }, createdAt: now })));
    await recordAudit(tx, { actor, action: `cyber-finding.${value.action}`, subject: `cyber-finding:${f.id}`, detail: { from: f.status, to: next }, ip, at: now });
  });
  await wake(ctx, told);
  return getInspection(ctx, actor, inspectionId);
}

/** The sweeper's part: findings past due and unanswered go to the unit's leaders, once each. */
export async function escalateOverdueFindings(ctx: AppContext): Promise<{ escalated: number; woken: string[] }> {
  const now = ctx.now();
  let escalated = 0;
  const woken = new Set<string>();
  for (;;) {
    const count = await ctx.database.db.transaction(async (tx) => {
      const rows = await repo.claimOverdueFindings(tx, now, 500);
      await repo.markFindingsEscalated(tx, rows.map((r) => r.id), now);
      const leaders = new Map<string, string[]>();
      for (const u of new Set(rows.map((r) => r.unit_id))) leaders.set(u, await userIdsInUnit(tx, u, ['unit-leader']));
      const notes = rows.flatMap((r) =>
        leaders.get(r.unit_id)!.map((userId) => ({ userId, kind: 'cyber_finding_overdue', params: { findingId: r.id, number: r.notice_number, enterprise: r.enterprise_name, severity: severityLabel(r.severity) }, createdAt: now })),
      );
      await insertNotifications(tx, notes);
      notes.forEach((n) => woken.add(n.userId));
      escalated += rows.length;
      return rows.length;
    });
    if (count < 500) break;
  }
  return { escalated, woken: [...woken] };
}
