import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUTORY_SCHEDULES, WorkCalendar, checkAppointmentDate } from '../calendar/index.ts';
import { DomainError } from '../errors.ts';
import { transition, type Actor } from '../items/actions.ts';
import { formJsonSchema } from '../items/form.ts';
import { createItem, type ItemState } from '../items/item.ts';
import { batchInspection } from '../items/types/batch-inspection.ts';
import { tiaScreening } from '../items/types/tia-screening.ts';
import { formatMessage } from '../messages/index.ts';
import { INSPECTION_SLOTS, INSPECTION_STATIONS, SURVEY_TIMES } from './appointments.ts';
import { screenTia } from './tia.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const officer: Actor = { id: 'u-off', role: 'officer', unitId: 'unit-a' };
// 2026-09-29 is a Tuesday: 10-01…10-07 are the National Day holiday, 10-10 (a Saturday) a make-up workday.
const NOW = new Date('2026-09-29T10:00:00+08:00');

test('an appointment is a working day after today, at most 90 days ahead', () => {
  const table: [string, string | null][] = [
    ['2026-09-29', 'appointment_not_future'],
    ['2026-09-28', 'appointment_not_future'],
    ['2026-09-30', null],
    ['2026-10-01', 'appointment_not_workday'],
    ['2026-10-07', 'appointment_not_workday'],
    ['2026-10-08', null],
    ['2026-10-10', null],
    ['2026-10-11', 'appointment_not_workday'],
    ['2026-12-28', null],
    ['2026-12-29', 'appointment_too_far'],
    ['2026-02-30', 'invalid_date'],
    ['tomorrow', 'invalid_date'],
  ];
  for (const [date, code] of table) {
    const errors = checkAppointmentDate(cal, date, '2026-09-29', 'd');
    assert.deepEqual(errors.map((e) => e.code), code ? [code] : [], date);
  }
});

function accepted(type: typeof tiaScreening, data: Record<string, unknown>): ItemState {
  const item = createItem({ id: 'i1', type, data, submitterId: 'u-ent', enterpriseId: 'e1', unitId: 'unit-a', now: new Date('2026-09-28T09:00:00+08:00'), calendar: cal });
  return { ...item, status: 'accepted', acceptedAt: new Date('2026-09-28T10:00:00+08:00') };
}
function answer(item: ItemState, type: typeof tiaScreening, input: Record<string, unknown>) {
  return transition(item, 'answer', { note: '答复', ...input }, { actor: officer, now: NOW, calendar: cal, type });
}
function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return (e.details.errors ?? []).map((x) => `${x.path} ${x.code}`).sort();
    throw e;
  }
  throw new Error('expected a DomainError');
}

const figures = { projectName: '某项目', location: '张店区', projectKind: 'commercial', buildingAreaM2: 5000, parkingSpaces: 40, peakHourTrips: 80, contactName: '孙', contactPhone: '13612345678' };

test('TIA: an expert-survey project is answered with a survey on a future working day; the submitter is told when and where', () => {
  const item = accepted(tiaScreening, { ...figures, screening: screenTia(figures) });
  assert.deepEqual(errorsOf(() => answer(item, tiaScreening, {})), ['surveyDate required', 'surveyPlace required', 'surveyTime required']);
  assert.deepEqual(errorsOf(() => answer(item, tiaScreening, { surveyDate: '2026-10-01', surveyTime: '09:00', surveyPlace: '项目东门' })), ['surveyDate appointment_not_workday']);
  assert.deepEqual(errorsOf(() => answer(item, tiaScreening, { surveyDate: '2026-09-29', surveyTime: '25:00', surveyPlace: 'x' })), [
    'surveyDate appointment_not_future',
    'surveyPlace too_short',
    'surveyTime not_in_options',
  ]);
  const r = answer(item, tiaScreening, { surveyDate: '2026-10-10', surveyTime: '09:30', surveyPlace: '项目现场东门' });
  assert.equal(r.next.status, 'answered');
  assert.deepEqual(r.event.detail.answer, { surveyDate: '2026-10-10', surveyTime: '09:30', surveyPlace: '项目现场东门' });
  assert.deepEqual(r.notices, [{ to: 'submitter', kind: 'survey_scheduled', params: { date: '2026-10-10', time: '09:30', place: '项目现场东门' } }]);
  assert.match(formatMessage('zh-CN', 'notice.survey_scheduled', { number: 'JQ1', ...r.notices[0].params }), /2026-10-10 09:30，集合地点：项目现场东门/);
});

test('TIA: a project that needs an assessment is answered without a survey; survey fields are refused', () => {
  const big = { ...figures, buildingAreaM2: 50_000 };
  const item = accepted(tiaScreening, { ...big, screening: screenTia(big) });
  assert.deepEqual(errorsOf(() => answer(item, tiaScreening, { surveyDate: '2026-10-09' })), ['surveyDate survey_not_applicable']);
  const r = answer(item, tiaScreening, {});
  assert.equal(r.event.detail.answer, undefined);
  assert.deepEqual(r.notices, [{ to: 'submitter', kind: 'item_answered' }]);
  // The recorded screening decides, not today's figures against the defaults.
  const recorded = accepted(tiaScreening, { ...big, screening: { ...screenTia(big), result: 'expert-survey', met: [] } });
  assert.deepEqual(errorsOf(() => answer(recorded, tiaScreening, {})), ['surveyDate required', 'surveyPlace required', 'surveyTime required']);
});

test('batch inspection: the enterprise prefers a listed station and a later date; the office books station, working day and slot', () => {
  const vehicles = Array.from({ length: 5 }, () => ({ vin: 'LSVAU2180N2183294' }));
  const data = { business: 'freight', vehicles, preferredStation: 'zhangdian-north', preferredDate: '2026-10-09', contactName: '钱', contactPhone: '13712345678' };
  const item = accepted(batchInspection, data);
  assert.deepEqual(errorsOf(() => answer(item, batchInspection, {})), ['inspectionDate required', 'inspectionSlot required', 'inspectionStation required']);
  assert.deepEqual(errorsOf(() => answer(item, batchInspection, { inspectionStation: 'nowhere', inspectionDate: '2026-10-04', inspectionSlot: 'noon' })), [
    'inspectionDate appointment_not_workday',
    'inspectionSlot not_in_options',
    'inspectionStation not_in_options',
  ]);
  const r = answer(item, batchInspection, { inspectionStation: 'zhangdian-east', inspectionDate: '2026-10-09', inspectionSlot: '08:30-10:30' });
  assert.deepEqual(r.event.detail.answer, { inspectionStation: 'zhangdian-east', inspectionDate: '2026-10-09', inspectionSlot: '08:30-10:30' });
  assert.equal(r.notices[0].kind, 'inspection_scheduled');
  assert.match(formatMessage('zh-CN', 'notice.inspection_scheduled', { number: 'JQ1', ...r.notices[0].params }), /2026-10-09 08:30-10:30，张店区东部机动车检测站（张店区人民东路 66 号）/);
  assert.match(formatMessage('en', 'notice.inspection_scheduled', { number: 'JQ1', ...r.notices[0].params }), /at Zhangdian East Vehicle Inspection Station \(66 Renmin Rd East, Zhangdian\)/);
});

test('the forms offer exactly the declared stations, slots and survey times', () => {
  const form = formJsonSchema(batchInspection.form) as { properties: Record<string, { enum?: string[] }> };
  assert.deepEqual(form.properties.preferredStation.enum, INSPECTION_STATIONS.map((s) => s.id));
  const answerForm = formJsonSchema(batchInspection.answerForm!.form) as { properties: Record<string, { enum?: string[] }>; required: string[] };
  assert.deepEqual(answerForm.properties.inspectionSlot.enum, INSPECTION_SLOTS.map((s) => s.value));
  assert.deepEqual(answerForm.required, ['inspectionStation', 'inspectionDate', 'inspectionSlot']);
  const survey = formJsonSchema(tiaScreening.answerForm!.form) as { properties: Record<string, { enum?: string[] }>; required: string[] };
  assert.deepEqual(survey.properties.surveyTime.enum, [...SURVEY_TIMES]);
  assert.deepEqual(survey.required, [], 'required only for expert-survey items, said by the refine rule');
});
