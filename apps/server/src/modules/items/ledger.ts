import { formatMessage, formatShanghaiMinute, isOverdue, itemType, type Locale } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { enterpriseNames, listUnits } from '../accounts/repository.ts';
import type { UserActor } from '../accounts/actor.ts';
import { streamLedger, type Ledger, type LedgerColumn, type LedgerRequest } from '../ledgers/ledger.ts';
import { seesPersonalData, visibleArms } from './policy.ts';
import * as repo from './repository.ts';

type Row = repo.ItemRow & { enterpriseName: string | null };
const PAGE = 1000;

/** The type's first field of a kind (its phone, its ID number), as the type's form declares it. */
const fieldOf = new Map<string, string | null>();
function checkedField(type: string, check: 'mobile' | 'idcard'): string | null {
  const key = `${type}:${check}`;
  if (!fieldOf.has(key)) fieldOf.set(key, itemType(type)?.form.find((f) => f.kind === 'checked' && f.check === check)?.name ?? null);
  return fieldOf.get(key)!;
}
const text = (v: unknown) => (typeof v === 'string' ? v : null);
const at = (d: Date | null) => (d ? formatShanghaiMinute(d) : null);

function columns(locale: Locale, unitName: (id: string) => string, now: Date): LedgerColumn<Row>[] {
  const yes = (b: boolean) => formatMessage(locale, b ? 'ledger.yes' : 'ledger.no');
  const data = (r: Row) => r.data as Record<string, unknown>;
  return [
    { key: 'number', header: 'ledger.col.number', width: 18, value: (r) => r.number },
    { key: 'type', header: 'ledger.col.type', width: 22, value: (r) => { const n = itemType(r.type)?.names; return n ? (locale === 'en' ? n.en : n.zh) : r.type; } },
    { key: 'title', header: 'ledger.col.title', width: 36, value: (r) => text(data(r).title) ?? text(data(r).subject) },
    { key: 'enterprise', header: 'ledger.col.enterprise', width: 28, value: (r) => r.enterpriseName },
    { key: 'unit', header: 'ledger.col.unit', width: 22, value: (r) => unitName(r.unitId) },
    { key: 'status', header: 'ledger.col.status', width: 12, value: (r) => formatMessage(locale, `ledger.status.${r.status}`) },
    { key: 'submittedAt', header: 'ledger.col.submittedAt', width: 17, value: (r) => at(r.submittedAt) },
    { key: 'dueAt', header: 'ledger.col.dueAt', width: 17, value: (r) => at(r.activeDueAt) },
    { key: 'overdue', header: 'ledger.col.overdue', width: 8, value: (r) => yes(isOverdue({ status: r.status, activeDueAt: r.activeDueAt }, now)) },
    { key: 'supervised', header: 'ledger.col.supervised', width: 8, value: (r) => yes(r.supervised) },
    { key: 'listed', header: 'ledger.col.listed', width: 8, value: (r) => yes(r.listed) },
    { key: 'rectifying', header: 'ledger.col.rectifying', width: 8, value: (r) => yes(r.rectificationDueAt !== null) },
    { key: 'answeredAt', header: 'ledger.col.answeredAt', width: 17, value: (r) => at(r.answeredAt) },
    { key: 'contactName', header: 'ledger.col.contactName', width: 12, value: (r) => text(data(r).contactName) ?? text(data(r).name) },
    { key: 'phone', header: 'ledger.col.phone', width: 14, personal: 'mobile', value: (r) => { const f = checkedField(r.type, 'mobile'); return f ? text(data(r)[f]) : null; } },
    { key: 'idNumber', header: 'ledger.col.idNumber', width: 20, personal: 'idcard', value: (r) => { const f = checkedField(r.type, 'idcard'); return f ? text(data(r)[f]) : null; } },
  ];
}

/** The queue's rows with the queue's filters and visibility, page after page in the queue's order. */
async function* pagesOf(ctx: AppContext, actor: UserActor, filter: repo.ItemFilter, now: Date): AsyncIterable<Row[]> {
  const arms = visibleArms(actor);
  let cursor: { due: string | null; id: string } | null = null;
  for (;;) {
    const rows = await repo.listItems(ctx.database.db, arms, filter, now, cursor, PAGE);
    if (!rows.length) return;
    const names = await enterpriseNames(ctx.database.db, [...new Set(rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))]);
    yield rows.map((r) => ({ ...r, enterpriseName: r.enterpriseId ? (names.get(r.enterpriseId) ?? null) : null }));
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    cursor = { due: last.activeDueAt?.toISOString() ?? null, id: last.id };
  }
}

/** 受理事项台账: `GET /items` as xlsx, the same filters and visibility; numbers unmasked only for the owner unit. */
export async function exportItemsLedger(ctx: AppContext, req: LedgerRequest, filter: repo.ItemFilter, query: Record<string, unknown>) {
  const now = ctx.now();
  const { actor } = req;
  const [byStatus, units] = await Promise.all([repo.countItemsByStatus(ctx.database.db, visibleArms(actor), filter, now), listUnits(ctx.database.db)]);
  const count = filter.status ? (byStatus[filter.status] ?? 0) : Object.values(byStatus).reduce((a, b) => a + b, 0);
  const unitNames = new Map(units.map((u) => [u.id, { zh: u.nameZh, en: u.nameEn }]));
  const unitName = (id: string, locale: Locale) => { const n = unitNames.get(id); return n ? (locale === 'en' ? n.en : n.zh) : id; };
  const ledger: Ledger<Row> = {
    name: 'items',
    title: 'ledger.items.title',
    columns: columns(req.locale, (id) => unitName(id, req.locale), now),
    filters: query,
    filterText: (key, value, locale) => {
      if (key === 'unitId') return unitName(String(value), locale);
      if (key === 'status') return formatMessage(locale, `ledger.status.${String(value)}`);
      if (key === 'type') { const n = itemType(String(value))?.names; return n ? (locale === 'en' ? n.en : n.zh) : undefined; }
      return undefined;
    },
    count,
    pages: () => pagesOf(ctx, actor, filter, now),
    unmasked: (r) => seesPersonalData(repo.rowToState(r), actor),
    subjectOf: (r) => `item:${r.id}`,
  };
  return streamLedger(ctx, ledger, req);
}
