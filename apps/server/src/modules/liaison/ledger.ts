import { contactWayLabels, formatMessage, type ContactWay } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { inLocale, listLedger, type LedgerRequest } from '../ledgers/ledger.ts';
import { findEnterprise, findProject } from './repository.ts';
import { assignmentHistory } from './service.ts';
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
