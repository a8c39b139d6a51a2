import { randomUUID } from 'node:crypto';
import {
  DomainError,
  checkValidity,
  formatShanghai,
  parseIdList,
  parseTimeWindows,
  screenTia,
  tiaScreeningOf,
  tiaThresholdsInForce,
  INSPECTION_SLOTS,
  TIA_THRESHOLD_BOUNDS,
  inspectionStation,
  type FieldError,
  type ItemState,
  type TiaFigures,
  type TiaScreening,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { timelineOf } from '../items/repository.ts';
import type { ItemOutputs } from '../items/service.ts';
import { checkTruckPassData, issuePassCode, presentPassCode, unknownRoads } from './pass-codes.ts';
import * as repo from './repository.ts';
import { tiaThresholdVersions } from './tia-thresholds.ts';

const FILING_MAX_DAYS = 366;

/** 货车通行码: checked at submission; a temporary code is issued and the item closed in the submitting request. */
const truckPassOutputs: ItemOutputs = {
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
};

async function checkFilingData(tx: Queryable, data: Record<string, unknown>, now: Date) {
  const errors: FieldError[] = [];
  const validity = checkValidity({ validFrom: String(data.validFrom), validTo: String(data.validTo) }, now, FILING_MAX_DAYS);
  if (!validity.ok) errors.push(...validity.errors);
  const roadIds = parseIdList(data.roadIds);
  if (!roadIds.length) errors.push({ path: 'data.roadIds', code: 'required' });
  errors.push(...(await unknownRoads(tx, roadIds)));
  const windows = parseTimeWindows(data.timeWindows);
  if (!windows) errors.push({ path: 'data.timeWindows', code: 'time_windows_invalid' });
  if (errors.length || !validity.ok || !windows) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  return { roadIds, windows, validFrom: validity.validFrom, validTo: validity.validTo };
}

/** NEV special-vehicle filing: checked at submission; approving (answer) files the route the checker uses (SPEC §5 rule 3). */
const nevSpecialFilingOutputs: ItemOutputs = {
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
};

/** The fields the latest answer booked (a survey, an inspection), from its timeline event; null before any. */
async function bookedOnAnswer(ctx: AppContext, itemId: string): Promise<Record<string, unknown> | null> {
  const answers = (await timelineOf(ctx.database.db, itemId)).filter((e) => e.action === 'answer');
  const detail = answers[answers.length - 1]?.detail as { answer?: Record<string, unknown> } | undefined;
  return detail?.answer ?? null;
}

const metText = (s: TiaScreening) => s.met.map((k) => TIA_THRESHOLD_BOUNDS[k].label.zh).join('、');

/**
 * 交通影响评价初筛: screened at submission by the threshold version then in force; the result (with the version that
 * decided) is recorded on the item's data and its timeline, so a later version never changes it.
 */
const tiaScreeningOutputs: ItemOutputs = {
  async afterSubmit(tx, { item, now }) {
    const screening = screenTia(item.data as unknown as TiaFigures, tiaThresholdsInForce(await tiaThresholdVersions(tx), now));
    const note =
      screening.result === 'assessment-required'
        ? `初筛结果：须开展交通影响评价（达到阈值：${metText(screening)}；阈值版本 ${screening.thresholdsVersion}）Screening: a traffic impact assessment is required`
        : `初筛结果：未达到交通影响评价启动阈值，将组织专家现场踏勘（阈值版本 ${screening.thresholdsVersion}）Screening: an expert site survey`;
    const next: ItemState = { ...item, version: item.version + 1, data: { ...item.data, screening } };
    return { next, event: { action: 'screen', fromStatus: 'submitted', toStatus: 'submitted', note, detail: { screening } } };
  },
  async describe(ctx, item) {
    const booked = await bookedOnAnswer(ctx, item.id);
    return {
      screening: tiaScreeningOf(item.data),
      survey: booked?.surveyDate ? { date: booked.surveyDate, time: booked.surveyTime, place: booked.surveyPlace } : null,
    };
  },
};

const stationView = (id: unknown) => {
  const s = inspectionStation(id);
  return s ? { id: s.id, name: s.name, address: s.address, district: s.district } : null;
};

/** 批量新车上线查验: what the enterprise asked for, and the booking the vehicle office answered with. */
const batchInspectionOutputs: ItemOutputs = {
  async describe(ctx, item) {
    const booked = await bookedOnAnswer(ctx, item.id);
    const slot = INSPECTION_SLOTS.find((x) => x.value === booked?.inspectionSlot);
    return {
      preferred: { station: stationView(item.data.preferredStation), date: item.data.preferredDate ?? null },
      inspection: booked?.inspectionDate
        ? { station: stationView(booked.inspectionStation), date: booked.inspectionDate, slot: booked.inspectionSlot, slotLabel: slot?.label ?? null }
        : null,
    };
  },
};

/** This module's item types and what each produces, for the one list in registries.ts. */
export const trafficOutputs: Record<string, ItemOutputs> = {
  'truck-pass': truckPassOutputs,
  'nev-special-filing': nevSpecialFilingOutputs,
  'tia-screening': tiaScreeningOutputs,
  'batch-inspection': batchInspectionOutputs,
};
