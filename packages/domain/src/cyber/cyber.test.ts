import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../calendar/calendar.ts';
import { STATUTORY_SCHEDULES } from '../calendar/schedules.ts';
import { formatShanghai } from '../calendar/local-time.ts';
import { findingTransition, isFindingOverdue, type FindingAction, type FindingStatus } from './findings.ts';
import { CYBER_SEVERITIES, rectificationDue } from './severities.ts';
import { validateFindingAnswer, validateFindingReview, validateInspectionPlan, validateInspectionResult } from './validate.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const paths = (errors: { path: string }[]) => errors.map((e) => e.path).sort();

test('severities are declared once, each with its working days', () => {
  assert.deepEqual(CYBER_SEVERITIES.map((s) => s.value), ['high', 'medium', 'low']);
  for (const s of CYBER_SEVERITIES) assert.ok(s.workdays > 0 && s.label.zh && s.label.en);
});

test('rectification deadlines count working days from the day after, end of day in Shanghai', () => {
  const rows: [string, 'high' | 'medium' | 'low', string][] = [
    // Monday 2026-06-01: five working days → Monday 06-08
    ['2026-06-01T10:00:00+08:00', 'high', '2026-06-08T23:59:59+08:00'],
    // across the National Day holiday (10-01…10-07): 10-08, 10-09, Saturday 10-10 (make-up), 10-12, 10-13
    ['2026-09-30T10:00:00+08:00', 'high', '2026-10-13T23:59:59+08:00'],
    // the Dragon Boat Festival (Friday 06-19) does not count
    ['2026-06-01T10:00:00+08:00', 'medium', '2026-06-23T23:59:59+08:00'],
  ];
  for (const [from, severity, due] of rows) assert.equal(formatShanghai(rectificationDue(cal, severity, new Date(from)).due), due, `${severity} from ${from}`);
  const low = rectificationDue(cal, 'low', new Date('2026-06-01T10:00:00+08:00')).due;
  const medium = rectificationDue(cal, 'medium', new Date('2026-06-01T10:00:00+08:00')).due;
  assert.ok(low > medium);
});

test('a finding moves open → answered → closed, or back through reopened; nothing else', () => {
  const rows: [FindingStatus, FindingAction, FindingStatus | null][] = [
    ['open', 'answer', 'answered'],
    ['reopened', 'answer', 'answered'],
    ['answered', 'verify', 'closed'],
    ['answered', 'reopen', 'reopened'],
    ['open', 'verify', null],
    ['open', 'reopen', null],
    ['answered', 'answer', null],
    ['closed', 'answer', null],
    ['closed', 'reopen', null],
    ['reopened', 'verify', null],
  ];
  for (const [from, action, to] of rows) {
    if (to) assert.equal(findingTransition(from, action), to, `${from} ${action}`);
    else assert.throws(() => findingTransition(from, action), (e: { code: string }) => e.code === 'cyber_finding_not_in_status', `${from} ${action}`);
  }
});

test('overdue means waiting for the enterprise past the deadline', () => {
  const due = new Date('2026-06-08T15:59:59Z');
  const after = new Date('2026-06-08T16:00:00Z');
  const rows: [FindingStatus, Date, boolean][] = [
    ['open', after, true],
    ['reopened', after, true],
    ['open', due, false],
    ['answered', after, false],
    ['closed', after, false],
  ];
  for (const [status, now, want] of rows) assert.equal(isFindingOverdue({ status, dueAt: due }, now), want, `${status} ${now.toISOString()}`);
});

test('a plan reports every bad field at once', () => {
  const ok = validateInspectionPlan({ enterpriseId: '0b8e4a52-8f6a-4c1e-9d1f-5a7f7c0a1b2c', plannedDate: '2026-06-10', scope: '门户网站与客户数据库', inspectors: ['王警官', '李警官'] }, '2026-06-01');
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.value.projectName, null);
  const bad = validateInspectionPlan({ enterpriseId: 'x', plannedDate: '2026-05-31', scope: '短', inspectors: ['王', '李警官', '李警官'], extra: 1 }, '2026-06-01');
  assert.deepEqual(paths(bad.errors), ['enterpriseId', 'extra', 'inspectors.0', 'inspectors.2', 'plannedDate', 'scope']);
  assert.deepEqual(paths(validateInspectionPlan(null, '2026-06-01').errors), ['enterpriseId', 'inspectors', 'plannedDate', 'scope']);
  assert.deepEqual(paths(validateInspectionPlan({ plannedDate: '2026-02-30' }, '2026-01-01').errors), ['enterpriseId', 'inspectors', 'plannedDate', 'scope']);
});

test('a result reports every bad field, findings included', () => {
  const ok = validateInspectionResult({ inspectedOn: '2026-06-01', summary: '检查了门户网站', findings: [{ severity: 'high', description: '后台弱口令 admin/123456' }] }, '2026-06-01');
  assert.deepEqual(ok.errors, []);
  const bad = validateInspectionResult({ inspectedOn: '2026-06-02', findings: [{ severity: 'urgent', description: '' }, { description: '缺少日志审计' }, 'x'] }, '2026-06-01');
  assert.deepEqual(paths(bad.errors), ['findings.0.description', 'findings.0.severity', 'findings.1.severity', 'findings.2.description', 'findings.2.severity', 'inspectedOn', 'summary']);
});

test('answers and reviews report every bad field', () => {
  assert.deepEqual(paths(validateFindingAnswer({ text: '已改', attachmentIds: ['nope'] }).errors), ['attachmentIds.0', 'text']);
  assert.deepEqual(validateFindingAnswer({ text: '已修改全部后台口令并启用双因素认证' }).errors, []);
  assert.deepEqual(paths(validateFindingReview({ action: 'close', extra: true }).errors), ['action', 'extra', 'note']);
  assert.equal(validateFindingReview({ action: 'reopen', note: '日志仍未开启' }).value.action, 'reopen');
});
