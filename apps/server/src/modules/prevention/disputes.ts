import { randomUUID } from 'node:crypto';
import { DomainError, followUpState, formatShanghai, isPoliceUser, readerScope, shanghaiDate, validateDispute, validateFollowUp } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { wake } from '../items/service.ts';
import { invalid, isUuid, notFound } from '../liaison/errors.ts';
import { canReadEnterprise, liaisonActor } from '../liaison/policy.ts';
import { findEnterprise } from '../liaison/repository.ts';
import { insertNotifications } from '../notifications/repository.ts';
import * as repo from './disputes-repository.ts';

/**
 * 矛盾纠纷排查 (M15): police who may open an enterprise's file (its liaison officers, the district's staff) record the
 * disputes they screen there and follow them up; the sweeper reminds the enterprise's liaison officer on the day.
 * Internal police work: enterprises and departments never see it.
 */


export interface DisputeQuery {
  enterpriseId?: string;
  /** Only the enterprises I liaise with. */
  mine?: boolean;
  risk?: string;
  state?: 'open' | 'due' | 'resolved';
  limit: number;
}

/** The police actor who may record at this enterprise, or why not (403 for non-police, 404 for an enterprise out of reach). */
async function recorderAt(ctx: AppContext, user: UserActor, e: { id: string; district: string }) {
  const a = await liaisonActor(ctx, user);
  if (!isPoliceUser(a) || !a.unitId) throw new DomainError('forbidden', { kind: 'forbidden' });
  if (!(await canReadEnterprise(ctx, a, e))) throw new DomainError('not_your_enterprise', { kind: 'forbidden' });
  return a;
}

type Listed = Awaited<ReturnType<typeof repo.listDisputes>>[number];

async function present(ctx: AppContext, rows: Listed[]) {
  const today = shanghaiDate(ctx.now());
  const followUps = await repo.followUpsOf(ctx.database.db, rows.map((r) => r.d.id));
  return rows.map(({ d, enterpriseName, recordedByName }) => ({
    id: d.id,
    enterpriseId: d.enterpriseId,
    enterpriseName,
    district: d.district,
    kind: d.kind,
    summary: d.summary,
    risk: d.risk,
    resolved: d.resolved,
    nextFollowUpOn: d.nextFollowUpOn,
    followUpState: followUpState(d, today),
    recordedBy: recordedByName,
    createdAt: formatShanghai(d.createdAt),
    updatedAt: formatShanghai(d.updatedAt),
    resolvedAt: d.resolvedAt ? formatShanghai(d.resolvedAt) : null,
    followUps: followUps
      .filter((f) => f.f.disputeId === d.id)
      .map(({ f, officerName }) => ({ seq: f.seq, note: f.note, risk: f.risk, resolved: f.resolved, nextFollowUpOn: f.nextFollowUpOn, officer: officerName, at: formatShanghai(f.at) })),
  }));
}

async function presentOne(ctx: AppContext, id: string) {
  return (await present(ctx, await repo.listDisputes(ctx.database.db, { district: null, id }, { today: shanghaiDate(ctx.now()) }, 1)))[0]!;
}

export async function recordDispute(ctx: AppContext, user: UserActor, body: Record<string, unknown>, ip: string) {
  const db = ctx.database.db;
  const now = ctx.now();
  const { enterpriseId, ...fields } = body;
  const enterprise = typeof enterpriseId === 'string' && isUuid(enterpriseId) ? await findEnterprise(db, enterpriseId) : undefined;
  const v = validateDispute(fields, shanghaiDate(now));
  const errors = [...(enterprise ? [] : [{ path: 'enterpriseId', code: enterpriseId === undefined ? 'required' : 'enterprise_unknown' }]), ...v.errors];
  if (errors.length) throw invalid(errors);
  const a = await recorderAt(ctx, user, enterprise!);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await repo.insertDispute(tx, { id, enterpriseId: enterprise!.id, district: enterprise!.district, unitId: a.unitId!, ...v.value, recordedBy: user.id, createdAt: now, updatedAt: now });
    await recordAudit(tx, { actor: user, action: 'dispute.record', subject: `enterprise:${enterprise!.id}`, detail: { disputeId: id, kind: v.value.kind, risk: v.value.risk }, ip, at: now });
  });
  return presentOne(ctx, id);
}

/** A follow-up: the risk now and the next day, or 已化解. A resolved dispute takes none (409). */
export async function followUpDispute(ctx: AppContext, user: UserActor, id: string, body: Record<string, unknown>, ip: string) {
  const db = ctx.database.db;
  const now = ctx.now();
  const found = await repo.findDispute(db, id);
  if (!found) throw notFound();
  const enterprise = (await findEnterprise(db, found.enterpriseId))!;
  const a = await liaisonActor(ctx, user);
  if (!(await canReadEnterprise(ctx, a, enterprise))) throw notFound();
  if (!isPoliceUser(a)) throw new DomainError('forbidden', { kind: 'forbidden' });
  const v = validateFollowUp(body, shanghaiDate(now));
  if (v.errors.length) throw invalid(v.errors);
  await db.transaction(async (tx) => {
    const d = await repo.findDispute(tx, id, true);
    if (d!.resolved) throw new DomainError('dispute_resolved', { kind: 'conflict' });
    const { note, risk, resolved, nextFollowUpOn } = v.value;
    await repo.addFollowUp(tx, { id: randomUUID(), disputeId: id, note, risk, resolved, nextFollowUpOn, officerId: user.id, at: now }, { risk, resolved, nextFollowUpOn, updatedAt: now, resolvedAt: resolved ? now : null });
    await recordAudit(tx, { actor: user, action: 'dispute.follow-up', subject: `enterprise:${d!.enterpriseId}`, detail: { disputeId: id, risk, resolved }, ip, at: now });
  });
  return presentOne(ctx, id);
}

/** The list in the reader's scope (the registry's): one enterprise's file, the officer's own enterprises, or the district/city. */
export async function listDisputes(ctx: AppContext, user: UserActor, q: DisputeQuery) {
  const a = await liaisonActor(ctx, user);
  const db = ctx.database.db;
  const filter = { risk: q.risk, state: q.state, today: shanghaiDate(ctx.now()) };
  if (q.enterpriseId) {
    const e = await findEnterprise(db, q.enterpriseId);
    if (!e || !(await canReadEnterprise(ctx, a, e))) throw notFound();
    return { disputes: await present(ctx, await repo.listDisputes(db, { district: null, enterpriseId: e.id }, filter, q.limit)) };
  }
  const scope = readerScope(a);
  if (q.mine || scope.kind === 'none') return { disputes: await present(ctx, await repo.listDisputes(db, { district: null, liaisonOf: a.id }, filter, q.limit)) };
  const district = scope.kind === 'district' ? scope.district : null;
  return { disputes: await present(ctx, await repo.listDisputes(db, { district, orLiaisonOf: district ? a.id : undefined }, filter, q.limit)) };
}

/** The sweeper's part: on a dispute's follow-up day (Shanghai), one reminder to the enterprise's liaison officer (else its recorder). */
export async function remindDueFollowUps(ctx: AppContext): Promise<{ reminded: number; woken: string[] }> {
  const now = ctx.now();
  const today = shanghaiDate(now);
  const woken: string[] = [];
  let reminded = 0;
  for (;;) {
    const count = await ctx.database.db.transaction(async (tx) => {
      const rows = await repo.claimDueFollowUps(tx, today, 500);
      await repo.markReminded(tx, rows.map((r) => ({ id: r.id, day: r.nextFollowUpOn! })));
      await insertNotifications(
        tx,
        rows.map((r) => ({ userId: r.to, kind: 'dispute_follow_up_due', params: { disputeId: r.id, enterprise: r.enterpriseName, enterpriseId: r.enterpriseId, date: r.nextFollowUpOn }, createdAt: now })),
      );
      woken.push(...rows.map((r) => r.to));
      reminded += rows.length;
      return rows.length;
    });
    if (count < 500) break;
  }
  return { reminded, woken: [...new Set(woken)] };
}
