import { INDUSTRIES, contactWayLabels, formatMessage, type ContactWay } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { districtName, inLocale, listLedger, type LedgerRequest } from '../ledgers/ledger.ts';
import { findEnterprise, findProject } from './repository.ts';
import { assignmentHistory, listEnterprises, listTags, type EnterpriseQuery } from './service.ts';
import { listVisits } from './visits.ts';

type Visit = Awaited<ReturnType<typeof listVisits>>['visits'][number];

/** 走访台账: the contacts list with its filters and scope (the list's `limit` replaced by the ledger's cap). */
export async function exportVisitsLedger(ctx: AppContext, req: LedgerRequest, q: { enterpriseId?: string; mine?: boolean }, query: Record<string, unknown>) {
  const { locale } = req;
  const { visits } = await listVisits(ctx, req.actor, { ...q, limit: ctx.config.ledgerMaxRows + 1 });
  return listLedger<Visit>(
    ctx,
    {
      name: 'visits',
      title: 'ledger.visits.title',
      filters: query,
      rows: visits,
      columns: [
        { key: 'date', header: 'ledger.col.visitedOn', width: 12, value: (v) => v.date },
        { key: 'enterprise', header: 'ledger.col.enterprise', width: 28, value: (v) => v.enterpriseName },
        { key: 'way', header: 'ledger.col.way', width: 14, value: (v) => inLocale(contactWayLabels[v.way as ContactWay], locale) ?? v.way },
        { key: 'officer', header: 'ledger.col.officer', width: 14, value: (v) => v.officer?.displayName },
        { key: 'met', header: 'ledger.col.met', width: 14, value: (v) => v.met },
        { key: 'summary', header: 'ledger.col.summary', width: 40, value: (v) => v.summary },
        { key: 'problems', header: 'ledger.col.problems', width: 8, value: (v) => v.problems.length },
        { key: 'openProblems', header: 'ledger.col.openProblems', width: 8, value: (v) => v.problems.filter((p) => p.outcome === 'open').length },
        { key: 'confirmation', header: 'ledger.col.confirmation', width: 10, value: (v) => formatMessage(locale, `ledger.verdict.${v.confirmation?.verdict ?? 'pending'}`) },
      ],
    },
    req,
  );
}

type Assignment = Awaited<ReturnType<typeof assignmentHistory>>['assignments'][number];

/** 联络民警变更台账: who was the liaison of an enterprise or project, from when to when — the history's own query and scope. */
export async function exportAssignmentsLedger(ctx: AppContext, req: LedgerRequest, q: { enterpriseId?: string; projectId?: string }) {
  const { locale } = req;
  const { assignments } = await assignmentHistory(ctx, req.actor, q);
  // the history refused what this user may not read, so the name of its subject may be written in the title row
  const subject = q.enterpriseId ? (await findEnterprise(ctx.database.db, q.enterpriseId))?.name : (await findProject(ctx.database.db, q.projectId!))?.name;
  const person = (p: Assignment['officer']) => (p ? `${p.displayName}${p.unitName.zh ? `（${inLocale(p.unitName, locale)}）` : ''}` : null);
  const minute = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : null);
  return listLedger<Assignment>(
    ctx,
    {
      name: 'liaison-assignments',
      title: 'ledger.assignments.title',
      filters: q,
      filterText: () => subject ?? undefined,
      rows: assignments,
      columns: [
        { key: 'officer', header: 'ledger.col.officer', width: 24, value: (a) => person(a.officer) },
        { key: 'deputy', header: 'ledger.col.deputy', width: 24, value: (a) => person(a.deputy) },
        { key: 'fromAt', header: 'ledger.col.fromAt', width: 17, value: (a) => minute(a.fromAt) },
        { key: 'toAt', header: 'ledger.col.toAt', width: 17, value: (a) => minute(a.toAt) },
        { key: 'assignedBy', header: 'ledger.col.assignedBy', width: 14, value: (a) => a.assignedBy.displayName },
        { key: 'reason', header: 'ledger.col.reason', width: 28, value: (a) => a.reason },
        { key: 'endReason', header: 'ledger.col.endReason', width: 28, value: (a) => a.endReason },
      ],
    },
    req,
  );
}

type Enterprise = Awaited<ReturnType<typeof listEnterprises>>['enterprises'][number];

/**
 * 企业台账 (我联系的企业 and the registry): the enterprises list with its filters and scope, read page after page by the
 * list's own cursor until the end (or one past the ledger's cap, which then refuses the export).
 */
export async function exportEnterprisesLedger(ctx: AppContext, req: LedgerRequest, q: Omit<EnterpriseQuery, 'cursor' | 'limit'>) {
  const { locale } = req;
  const rows: Enterprise[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEnterprises(ctx, req.actor, { ...q, cursor, limit: 200 });
    rows.push(...page.enterprises);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length <= ctx.config.ledgerMaxRows);
  const tags = new Map((await listTags(ctx)).tags.map((t) => [t.code, { zh: t.nameZh, en: t.nameEn }]));
  const person = (p: Enterprise['officer']) => (p ? `${p.displayName}${p.unitName.zh ? `（${inLocale(p.unitName, locale)}）` : ''}` : null);
  return listLedger<Enterprise>(
    ctx,
    {
      name: 'liaison-enterprises',
      title: q.mine ? 'ledger.myEnterprises.title' : 'ledger.enterprises.title',
      filters: q,
      filterText: (key, value) => (key === 'district' ? (districtName(String(value), locale) ?? undefined) : key === 'tag' ? (inLocale(tags.get(String(value)), locale) ?? undefined) : undefined),
      rows,
      columns: [
        { key: 'name', header: 'ledger.col.enterprise', width: 28, value: (e) => e.name },
        { key: 'uscc', header: 'ledger.col.uscc', width: 20, value: (e) => e.uscc },
        { key: 'district', header: 'ledger.col.district', width: 12, value: (e) => districtName(e.district, locale) },
        { key: 'address', header: 'ledger.col.address', width: 30, value: (e) => e.address },
        { key: 'industry', header: 'ledger.col.industry', width: 18, value: (e) => inLocale(INDUSTRIES.find((i) => i.code === e.industry), locale) ?? e.industry },
        { key: 'key', header: 'ledger.col.keyEnterprise', width: 8, value: (e) => formatMessage(locale, e.key ? 'ledger.yes' : 'ledger.no') },
        { key: 'tags', header: 'ledger.col.tags', width: 20, value: (e) => e.tags.map((t) => inLocale(tags.get(t), locale) ?? t).join('、') },
        { key: 'officer', header: 'ledger.col.officer', width: 24, value: (e) => person(e.officer) },
        { key: 'deputy', header: 'ledger.col.deputy', width: 24, value: (e) => person(e.deputy) },
        { key: 'lastVisitOn', header: 'ledger.col.lastVisitOn', width: 12, value: (e) => e.lastVisitOn },
      ],
    },
    req,
  );
}
