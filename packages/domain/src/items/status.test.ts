import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isOverdue } from './status.ts';

const now = new Date('2026-12-07T10:00:00+08:00');
const past = new Date('2026-12-07T09:59:59+08:00');
const future = new Date('2026-12-07T10:00:01+08:00');

test('overdue: a running clock past its deadline; a paused, finished or unclocked item never', () => {
  const rows: [string, Date | null, boolean][] = [
    ['submitted', past, true],
    ['accepted', past, true],
    ['in_progress', past, true],
    ['in_progress', now, true], // the deadline instant itself is late
    ['in_progress', future, false],
    ['awaiting_supplement', past, false], // the clock is paused while the enterprise supplements
    ['answered', past, false],
    ['closed', past, false],
    ['refused', past, false],
    ['in_progress', null, false],
  ];
  for (const [status, activeDueAt, expected] of rows) assert.equal(isOverdue({ status, activeDueAt }, now), expected, `${status} ${activeDueAt?.toISOString()}`);
});
