import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileRuleSet, type AccessInput } from './evaluate.ts';
import { DEFAULT_RULE_SET } from './rules.ts';

/** A loose floor (the target is 200,000/s on one core) so that a noisy CI machine still passes. */
const FLOOR_PER_SECOND = 100_000;

test('a compiled rule set answers over 100,000 checks per second', () => {
  const engine = compileRuleSet(DEFAULT_RULE_SET);
  const plate = '鲁C12345';
  const vehicles = [
    { plate, newEnergy: false, totalMassKg: 10000, lengthMm: 8000, body: 'other', use: 'general' },
    { plate, newEnergy: true, totalMassKg: 10000, lengthMm: 8000, body: 'other', use: 'general' },
    { plate, newEnergy: true, totalMassKg: 4000, lengthMm: 5000, body: 'box', use: 'general' },
    { plate, newEnergy: true, totalMassKg: 16000, lengthMm: 9000, body: 'other', use: 'sanitation' },
  ] as const;
  const roads = [
    { inRestrictedZone: true, class: 'ordinary', nightCorridor: true, roadId: 'R1' },
    { inRestrictedZone: true, class: 'expressway', nightCorridor: false, roadId: 'X1' },
    { inRestrictedZone: false, class: 'ordinary', nightCorridor: false },
  ] as const;
  const from = new Date('2026-01-01T00:00:00+08:00');
  const to = new Date('2026-01-08T00:00:00+08:00');
  // Realistic grants: a revoked code and a live one, a filing on another road.
  const passCodes = [
    { plate, validFrom: from, validTo: to, roadClasses: ['ordinary' as const], status: 'revoked' as const },
    { plate, validFrom: from, validTo: to, roadClasses: ['expressway' as const], roadIds: ['X9'], status: 'valid' as const },
  ];
  const filings = [{ plate, use: 'sanitation' as const, roadIds: ['R2'], windows: [{ start: '05:00', end: '09:00' }], validFrom: from, validTo: to, status: 'approved' as const }];
  const inputs: AccessInput[] = [];
  for (let i = 0; i < 1024; i++) {
    inputs.push({
      vehicle: vehicles[i % vehicles.length],
      road: roads[i % roads.length],
      at: new Date(from.getTime() + ((i * 7919) % 1440) * 60_000),
      ...(i % 2 ? { passCodes, filings } : {}),
    });
  }
  let allowed = 0;
  const run = (n: number) => {
    for (let i = 0; i < n; i++) if (engine.evaluate(inputs[i & 1023]).allowed) allowed++;
  };
  run(50_000); // warm up the JIT
  const n = 500_000;
  const start = performance.now();
  run(n);
  const seconds = (performance.now() - start) / 1000;
  const rate = Math.round(n / seconds);
  console.log(`access checks: ${rate.toLocaleString('en')} per second (${n.toLocaleString('en')} in ${seconds.toFixed(3)} s)`);
  assert.ok(allowed > 0);
  assert.ok(rate > FLOOR_PER_SECOND, `${rate} checks/s`);
});
