import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TIA_THRESHOLD_VERSION, TIA_THRESHOLD_BOUNDS, TIA_THRESHOLD_KEYS, screenTia, tiaScreeningOf, tiaThresholdsInForce, type TiaThresholdVersion } from './tia.ts';

const v = (version: number, from: string, buildingAreaM2: number): TiaThresholdVersion => ({
  version,
  effectiveFrom: new Date(from),
  thresholds: { buildingAreaM2, parkingSpaces: 150, peakHourTrips: 300 },
});
const versions = [v(1, '2023-06-16T00:00:00+08:00', 20_000), v(2, '2026-07-01T00:00:00+08:00', 10_000), v(3, '2026-07-01T00:00:00+08:00', 12_000), v(4, '2027-01-01T00:00:00+08:00', 30_000)];

test('the version in force is the latest effective at the instant; a tie goes to the higher version; before the first, the first', () => {
  const cases: [string, number][] = [
    ['2020-01-01T00:00:00+08:00', 1],
    ['2023-06-16T00:00:00+08:00', 1],
    ['2026-06-30T23:59:59+08:00', 1],
    ['2026-07-01T00:00:00+08:00', 3],
    ['2026-06-30T16:00:00Z', 3],
    ['2026-12-31T23:59:59+08:00', 3],
    ['2027-01-01T00:00:00+08:00', 4],
  ];
  for (const [at, expected] of cases) assert.equal(tiaThresholdsInForce(versions, new Date(at)).version, expected, at);
  // Order of the list does not matter.
  assert.equal(tiaThresholdsInForce([...versions].reverse(), new Date('2026-08-01T00:00:00+08:00')).version, 3);
  assert.equal(tiaThresholdsInForce([], new Date()).version, 1, 'nothing stored: the defaults');
});

test('screening: any threshold reached means an assessment; the result names the version that decided', () => {
  const figures = { buildingAreaM2: 15_000, parkingSpaces: 149, peakHourTrips: 299 };
  const old = screenTia(figures, versions[0]);
  assert.deepEqual(old, { result: 'expert-survey', met: [], thresholds: versions[0].thresholds, thresholdsVersion: 1 });
  const now = screenTia(figures, versions[1]);
  assert.equal(now.result, 'assessment-required');
  assert.deepEqual(now.met, ['buildingAreaM2']);
  assert.equal(now.thresholdsVersion, 2);
  // Edges: reaching a threshold exactly meets it.
  assert.deepEqual(screenTia({ buildingAreaM2: 20_000, parkingSpaces: 150, peakHourTrips: 300 }).met, [...TIA_THRESHOLD_KEYS]);
  assert.equal(screenTia({ buildingAreaM2: 19_999.99, parkingSpaces: 149, peakHourTrips: 299 }).result, 'expert-survey');
  assert.equal(screenTia(figures).thresholdsVersion, DEFAULT_TIA_THRESHOLD_VERSION.version);
});

test('the recorded screening is read back; an item from before versions is screened by version 1', () => {
  const recorded = { result: 'assessment-required', met: ['parkingSpaces'], thresholds: versions[1].thresholds, thresholdsVersion: 2 };
  assert.equal(tiaScreeningOf({ buildingAreaM2: 1, parkingSpaces: 1, peakHourTrips: 1, screening: recorded }), recorded);
  assert.deepEqual(tiaScreeningOf({ buildingAreaM2: 1, parkingSpaces: 150, peakHourTrips: 1 }).met, ['parkingSpaces']);
});

test('bounds: every threshold positive, whole numbers for counts, the defaults within them', () => {
  for (const k of TIA_THRESHOLD_KEYS) {
    const b = TIA_THRESHOLD_BOUNDS[k];
    assert.ok(b.min > 0 && b.max > b.min, k);
    assert.ok(DEFAULT_TIA_THRESHOLD_VERSION.thresholds[k] >= b.min && DEFAULT_TIA_THRESHOLD_VERSION.thresholds[k] <= b.max, k);
    assert.ok(b.label.zh && b.label.en, k);
  }
  assert.equal(TIA_THRESHOLD_BOUNDS.parkingSpaces.integer, true);
  assert.equal(TIA_THRESHOLD_BOUNDS.peakHourTrips.integer, true);
});
