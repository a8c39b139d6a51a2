import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmationDueAt, isPoliceUser, officeScope, readerScope, scopeCovers, validateVisit } from './liaison.ts';
import { formatShanghai } from '../calendar/local-time.ts';

const good = { date: '2026-12-04', way: 'on-site', met: '王经理', pledge: true, problems: [] };
const codes = (data: unknown, today = '2026-12-05') => validateVisit(data, today).errors.map((e) => `${e.path}:${e.code}`).sort();

test('a complete visit record passes', () => {
  assert.deepEqual(codes(good), []);
  assert.deepEqual(codes({ ...good, date: '2026-12-05' }), [], 'today is allowed');
});

test('visit records report every bad field at once', () => {
  assert.deepEqual(codes({ date: '2026-12-06', way: 'fax', pledge: false, problems: [] }), ['date:date_in_future', 'met:required', 'pledge:pledge_required', 'way:not_in_options']);
  assert.deepEqual(codes({ ...good, date: '2026-02-30' }), ['date:invalid_date']);
  assert.deepEqual(codes({ ...good, way: 'service-centre' }), ['centreId:centre_required']);
  assert.deepEqual(codes({ ...good, pledge: undefined }), ['pledge:required']);
  assert.deepEqual(codes({ ...good, extra: 1 }), ['extra:unknown_field']);
  assert.deepEqual(codes('nonsense'), ['date:required', 'met:required', 'pledge:required', 'way:required']);
});

test('each problem needs its outcome, and what that outcome requires', () => {
  const problems = [
    { text: '停车难', outcome: 'solved' },
    { text: '证照办理慢', outcome: 'item' },
    { text: '', outcome: 'open' },
    { text: '夜间噪音', outcome: 'maybe' },
    { text: '已办结', outcome: 'solved', resolution: '当场协调' },
    { text: '转办', outcome: 'item', item: { type: 'appeal', data: {} } },
  ];
  assert.deepEqual(codes({ ...good, problems }), ['problems.0.resolution:required', 'problems.1.item:required', 'problems.2.text:required', 'problems.3.outcome:not_in_options']);
  assert.deepEqual(codes({ ...good, problems: Array.from({ length: 21 }, () => ({ text: 'x', outcome: 'open' })) }), ['problems:too_large']);
});

test('the enterprise has until the end of the 7th day after the record to confirm it', () => {
  assert.equal(formatShanghai(confirmationDueAt(new Date('2026-12-04T16:30:00Z'))), '2026-12-12T23:59:59+08:00');
  assert.equal(formatShanghai(confirmationDueAt(new Date('2026-12-04T15:59:00Z'))), '2026-12-11T23:59:59+08:00');
});

test('only police users can be liaison officers', () => {
  assert.equal(isPoliceUser({ role: 'officer', unitType: 'station' }), true);
  assert.equal(isPoliceUser({ role: 'unit-leader', unitType: 'cyber' }), true);
  assert.equal(isPoliceUser({ role: 'partner', unitType: 'partner' }), false);
  assert.equal(isPoliceUser({ role: 'officer', unitType: 'partner' }), false);
  assert.equal(isPoliceUser({ role: 'supervisor', unitType: 'liaison-office' }), false);
  assert.equal(isPoliceUser({ role: 'enterprise-admin', unitType: null }), false);
});

test('the city office runs every district, a district bureau its own, other staff read their district', () => {
  const city = officeScope({ role: 'supervisor', unitType: 'liaison-office', unitDistrict: null });
  const desk = officeScope({ role: 'unit-leader', unitType: 'branch', unitDistrict: 'zhangdian' });
  assert.deepEqual(city, { kind: 'city' });
  assert.deepEqual(desk, { kind: 'district', district: 'zhangdian' });
  assert.equal(scopeCovers(desk, 'zhangdian'), true);
  assert.equal(scopeCovers(desk, 'zhoucun'), false);
  assert.deepEqual(officeScope({ role: 'unit-leader', unitType: 'station', unitDistrict: 'zhangdian' }), { kind: 'none' });
  assert.deepEqual(officeScope({ role: 'officer', unitType: 'branch', unitDistrict: 'zhangdian' }), { kind: 'none' });
  assert.deepEqual(readerScope({ role: 'officer', unitType: 'station', unitDistrict: 'zhangdian' }), { kind: 'district', district: 'zhangdian' });
  assert.deepEqual(readerScope({ role: 'officer', unitType: 'cyber', unitDistrict: null }), { kind: 'none' });
  assert.deepEqual(readerScope({ role: 'partner', unitType: 'partner', unitDistrict: 'zhangdian' }), { kind: 'none' });
  assert.deepEqual(readerScope({ role: 'enterprise-admin', unitType: null, unitDistrict: null }), { kind: 'none' });
});
