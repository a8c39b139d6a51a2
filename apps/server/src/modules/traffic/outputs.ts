import { randomUUID } from 'node:crypto';
import {
  DomainError,
  checkValidity,
  formatShanghai,
  parseIdList,
  parseTimeWindows,
  screenTia,
  type FieldError,
  type ItemState,
  type TiaFigures,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { registerItemOutputs } from '../items/service.ts';
import { checkTruckPassData, issuePassCode, presentPassCode, unknownRoads } from './pass-codes.ts';
import * as repo from './repository.ts';

const FILING_MAX_DAYS = 366;

/** 货车通行码: checked at submission; a temporary code is issued and the item closed in the submitting request. */
registerItemOutputs('truck-pass', {
  async afterSubmit(tx, { ctx, item, now, actor }) {
    await checkTruckPassData(tx, item.data, now);
    if (item.data.kind !== 'temporary') return;
    const code = await issuePassCode(ctx, tx, item, now, actor);
    const answer = `临时通行码 ${code.code} 已即时核发，有效期至 ${formatShanghai(code.validTo)}（Temporary pass code issued）`;
    const next: ItemState = { ...item, version: item.version + 1, status: 'closed', acceptedAt: now, answeredAt: now, closedAt: now, answer };
    return { next, event: { action: 'issue', fromStatus: 'submitted', toStatus: 'closed', note: answer, detail: { passCode: code.code, passCodeId: code.id } } };
  },
  // Short- and long-term codes: approving is answering the accepted application.
  async afterTransition(tx, { ctx, item, action, actor, now }) {
    if (action !== 'answer') return;
    // A reopened application answered again keeps the code it already has.
    if ((await repo.passCodesOfItem(tx, item.id)).some((c) => c.status === 'valid')) return;
    await issuePassCode(ctx, tx, item, now, actor);
  },
  async describe(ctx, item) {
    const rows = await repo.passCodesOfItem(ctx.database.db, item.id);
    const now = ctx.now();
    return { passCodes: rows.map((r) => presentPassCode(r, now)) };
  },
});

async function checkFilingData(tx: Queryable, data: Record<string, unknown>, now: Date) {
  const errors: FieldError[] = [];
  const validity = checkValidity({ validFrom: String(data.validFrom), validTo: String(data.validTo) }, now, FILING_MAX_DAYS);
  if (!validity.ok) errors.push(...validity.errors);
  const roadIds = parseIdList(data.roadIds);
  if (!roadIds.length) errors.push({ path: 'data.roadIds', code: 'required' });
  errors.push(...(await unknownRoads(tx, roadIds)));
  const windows = parseTimeWindows(data.timeWindows);
  if (!windows) errors.push({ path: 'data.timeWindows', code: 'time_windows_invalid' });
  if (errors.length || !validity.ok || !windows) throw new DomainError('validation_failed', { status: 422, errors });
  return { roadIds, windows, validFrom: validity.validFrom, validTo: validity.validTo };
}

/** NEV special-vehicle filing: checked at submission; approving (answer) files the route the checker uses (SPEC §5 rule 3). */
registerItemOutputs('nev-special-filing', {
  async afterSubmit(tx, { item, now }) {
    await checkFilingData(tx, item.data, now);
  },
  async afterTransition(tx, { item, action, now }) {
    if (action !== 'answer' || (await repo.filingsOfItem(tx, item.id)).length) return;
    const f = await checkFilingData(tx, item.data, item.submittedAt);
    await repo.insertFiling(tx, {
      id: randomUUID(),
      itemId: item.id,
      enterpriseId: item.enterpriseId,
      plate: String(item.data.plate),
      use: String(item.data.use),
      roadIds: f.roadIds,
      windows: f.windows,
      validFrom: f.validFrom,
      validTo: f.validTo,
      status: 'approved',
      createdAt: now,
    });
  },
  async describe(ctx, item) {
    const rows = await repo.filingsOfItem(ctx.database.db, item.id);
    return {
      filings: rows.map((r) => ({ id: r.id, plate: r.plate, use: r.use, roadIds: r.roadIds, windows: r.windows, validFrom: formatShanghai(r.validFrom), validTo: formatShanghai(r.validTo), status: r.status })),
    };
  },
});

/** 交通影响评价初筛: the screening result is derived from the figures, shown with the item from submission on. */
registerItemOutputs('tia-screening', {
  async describe(_ctx: AppContext, item) {
    return { screening: screenTia(item.data as unknown as TiaFigures) };
  },
});
