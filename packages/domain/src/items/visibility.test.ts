import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar, STATUTORY_SCHEDULES } from '../calendar/index.ts';
import { abilities, relationsOf, type Actor } from './actions.ts';
import { createItem } from './item.ts';
import { appeal } from './types/appeal.ts';
import { canSee } from './visibility.ts';

const cal = WorkCalendar.fromSchedules(STATUTORY_SCHEDULES);
const at = new Date('2026-03-02T09:00:00+08:00');
const itemIn = (unitId: string) => createItem({ id: `i-${unitId}`, type: appeal, data: {}, submitterId: 'u-ent', enterpriseId: 'e1', unitId, now: at, calendar: cal });

const station = itemIn('zd-station');
const branch = itemIn('zd-branch');
const zhoucun = itemIn('zc-branch');
const actors: Record<string, Actor> = {
  zdHead: { id: 'a', role: 'unit-leader', unitId: 'zd-branch', unitScope: ['zd-station'] },
  city: { id: 'b', role: 'unit-leader', unitId: 'city', unitScope: ['zd-branch', 'zd-station', 'zc-branch'] },
  stationOfficer: { id: 'c', role: 'officer', unitId: 'zd-station' },
  // an officer's scope is never read: only leaders oversee the units below
  officerWithScope: { id: 'd', role: 'officer', unitId: 'zd-branch', unitScope: ['zd-station'] },
  enterprise: { id: 'u-ent', role: 'enterprise-admin', enterpriseId: 'e1' },
  supervisor: { id: 's', role: 'supervisor', unitId: 'liaison' },
  publicUser: { id: null, role: 'public' },
};

test('who sees which item, by the unit tree', () => {
  const table: [string, boolean, boolean, boolean][] = [
    // actor, station item, branch item, 周村 item
    ['zdHead', true, true, false],
    ['city', true, true, true],
    ['stationOfficer', true, false, false],
    ['officerWithScope', false, true, false],
    ['enterprise', true, true, true],
    ['supervisor', true, true, true],
    ['publicUser', false, false, false],
  ];
  for (const [name, s, b, z] of table) {
    assert.deepEqual([canSee(station, actors[name]), canSee(branch, actors[name]), canSee(zhoucun, actors[name])], [s, b, z], name);
  }
});

test('a leader above the owning unit oversees (supervise, assign, extensions) but does not handle', () => {
  const accepted = { ...station, status: 'accepted' as const };
  assert.ok(relationsOf(accepted, actors.zdHead).has('subordinate-unit'));
  const a = abilities(accepted, actors.zdHead);
  assert.equal(a.canSupervise, true);
  assert.equal(a.canAssign, true);
  assert.equal(a.canAnswer, false);
  assert.equal(a.canAccept, false);
  assert.equal(abilities(accepted, actors.stationOfficer).canSupervise, false);
  assert.ok(!relationsOf(branch, actors.zdHead).has('subordinate-unit'), 'their own unit is owner-unit');
});
