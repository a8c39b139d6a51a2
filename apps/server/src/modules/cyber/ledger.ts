import { formatMessage } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { districtName, listLedger, unitNamer, type LedgerRequest } from '../ledgers/ledger.ts';
import { drillList } from './drills.ts';
import { listInspections } from './inspections.ts';

type Inspection = Awaited<ReturnType<typeof listInspections>>['inspections'][number];

/** 网络安全检查台账 (M16): the unit's inspections list (readers: every unit's), its order and scope. */
export async function exportInspectionsLedger(ctx: AppContext, req: LedgerRequest) {
  const { locale } = req;
  const { inspections } = await listInspections(ctx, req.actor);
  const unit = await unitNamer(ctx, locale);
  return listLedger<Inspection>(
    ctx,
    {
      name: 'cyber-inspections',
      title: 'ledger.cyberInspections.title',
      filters: {},
      rows: inspections,
      columns: [
        { key: 'plannedDate', header: 'ledger.col.plannedDate', width: 12, value: (i) => i.plannedDate },
        { key: 'enterprise', header: 'ledger.col.enterprise', width: 28, value: (i) => i.enterpriseName },
        { key: 'project', header: 'ledger.col.project', width: 20, value: (i) => i.projectName },
        { key: 'scope', header: 'ledger.col.scope', width: 30, value: (i) => i.scope },
        { key: 'inspectors', header: 'ledger.col.inspectors', width: 18, value: (i) => i.inspectors.join('、') },
        { key: 'status', header: 'ledger.col.status', width: 10, value: (i) => formatMessage(locale, `ledger.cyberStatus.${i.status}`) },
        { key: 'inspectedOn', header: 'ledger.col.inspectedOn', width: 12, value: (i) => i.inspectedOn },
        { key: 'notice', header: 'ledger.col.noticeNumber', width: 18, value: (i) => i.noticeNumber },
        { key: 'findings', header: 'ledger.col.findingCount', width: 8, value: (i) => i.counts.total },
        { key: 'waiting', header: 'ledger.col.findingsWaiting', width: 8, value: (i) => i.counts.waiting },
        { key: 'closed', header: 'ledger.col.findingsClosed', width: 8, value: (i) => i.counts.closed },
        { key: 'overdue', header: 'ledger.col.findingsOverdue', width: 8, value: (i) => i.counts.overdue },
        { key: 'unit', header: 'ledger.col.unit', width: 20, value: (i) => unit(i.unitId) },
      ],
    },
    req,
  );
}

type Participant = Awaited<ReturnType<typeof drillList>>['enterprises'][number];

/** 护网演练台账: the enterprises taking part in a year's drill, the list's year (this year by default) and access. */
export async function exportDrillsLedger(ctx: AppContext, req: LedgerRequest, q: { year?: number }) {
  const { year, enterprises } = await drillList(ctx, req.actor, q.year);
  return listLedger<Participant>(
    ctx,
    {
      name: 'cyber-drills',
      title: 'ledger.cyberDrills.title',
      filters: { year },
      rows: enterprises,
      columns: [
        { key: 'enterprise', header: 'ledger.col.enterprise', width: 28, value: (e) => e.name },
        { key: 'uscc', header: 'ledger.col.uscc', width: 20, value: (e) => e.uscc },
        { key: 'district', header: 'ledger.col.district', width: 12, value: (e) => districtName(e.district, req.locale) },
        { key: 'markedAt', header: 'ledger.col.markedAt', width: 17, value: (e) => e.markedAt.slice(0, 16).replace('T', ' ') },
      ],
    },
    req,
  );
}
