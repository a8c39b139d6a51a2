import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseStageOf, caseStageSelector, discloseCase, nextCaseStages } from './case-file.ts';
import { crimeCaseFile as decl, crimeReport } from './types/crime-report.ts';
import { crimeCategories } from '../cases/categories.ts';
import { handlingClock } from './item-type.ts';

const cases: [Parameters<typeof caseStageOf>[1], string][] = [
  [{ status: 'submitted', decision: null, progress: null }, 'reported'],
  [{ status: 'refused', decision: null, progress: null }, 'not-accepted'],
  [{ status: 'accepted', decision: null, progress: null }, 'registered'],
  [{ status: 'in_progress', decision: null, progress: null }, 'registered'],
  [{ status: 'answered', decision: 'file', progress: null }, 'filed'],
  [{ status: 'answered', decision: 'not-file', progress: null }, 'not-filed'],
  [{ status: 'closed', decision: 'not-file', progress: null }, 'not-filed'],
  [{ status: 'answered', decision: 'file', progress: 'investigating' }, 'investigating'],
  [{ status: 'answered', decision: 'file', progress: 'prosecution' }, 'prosecution'],
  [{ status: 'closed', decision: 'file', progress: 'withdrawn' }, 'withdrawn'],
  [{ status: 'closed', decision: 'file', progress: 'concluded' }, 'concluded'],
];
for (const [facts, stage] of cases) {
  test(`stage of ${JSON.stringify(facts)} is ${stage}`, () => assert.equal(caseStageOf(decl, facts).code, stage));
}

test('progress after 立案 only: filed → investigating | withdrawn; nothing after a closing stage', () => {
  assert.deepEqual(nextCaseStages(decl, { status: 'answered', decision: 'file', progress: null }).map((s) => s.code), ['investigating', 'withdrawn']);
  assert.deepEqual(nextCaseStages(decl, { status: 'accepted', decision: null, progress: null }), []);
  assert.deepEqual(nextCaseStages(decl, { status: 'answered', decision: 'not-file', progress: null }), []);
  assert.deepEqual(nextCaseStages(decl, { status: 'closed', decision: 'file', progress: 'concluded' }), []);
});

test('every stage the law names has its Chinese name', () => {
  const names = decl.stages.map((s) => s.label.zh);
  for (const n of ['受案', '立案', '不予立案', '侦查中', '移送审查起诉', '撤案', '结案']) assert.ok(names.includes(n), n);
});

test('disclosure fails closed: undeclared keys and staff fields never reach the enterprise or the public', () => {
  const view = {
    number: 'X',
    stage: 'filed',
    workPhone: '0533',
    tier: 'major',
    investigationNote: 'secret',
    somethingNew: 1,
    recoveries: [{ id: 'r', kind: 'recovered', amount: 5, on: '2026-01-01', note: 'secret', recordedBy: 'u' }],
  };
  const ent = discloseCase(decl, 'enterprise', view);
  assert.deepEqual(ent, { number: 'X', stage: 'filed', workPhone: '0533', recoveries: [{ id: 'r', kind: 'recovered', amount: 5, on: '2026-01-01' }] });
  assert.deepEqual(discloseCase(decl, 'public', view), { number: 'X', stage: 'filed' });
  assert.equal(Object.keys(discloseCase(decl, 'staff', view)).includes('somethingNew'), false);
});

test('routing is the category table; the overseas category needs a country and a project', () => {
  assert.deepEqual(crimeReport.route({ data: { category: 'contract-fraud' }, enterpriseDistrict: 'linzi' }), { unitType: 'econ-crime' });
  assert.deepEqual(crimeReport.route({ data: { category: 'trade-secret' } }), { unitType: 'fde-ip' });
  assert.deepEqual(crimeReport.route({ data: { category: 'overseas' } }), { unitType: 'exit-entry' });
  assert.deepEqual(crimeReport.route({ data: { category: 'forced-trade' }, enterpriseDistrict: 'linzi' }), { unitType: 'branch', district: 'linzi' });
  assert.equal(crimeCategories.length, 23);
  const errs = crimeReport.refine!({ category: 'overseas', occurredOn: '2026-01-01' }, '2026-02-01').map((e) => e.path);
  assert.deepEqual(errs, ['data.country', 'data.project']);
});

test('3 days from registration, 7 when the lead needs verification', () => {
  assert.deepEqual(handlingClock(crimeReport, {}, {}).rule, { kind: 'calendarDays', n: 3 });
  assert.deepEqual(handlingClock(crimeReport, {}, { verification: true }).rule, { kind: 'calendarDays', n: 7 });
});

test('the stage selector is the inverse of caseStageOf: every fact in the table is selected by its own stage only', () => {
  const matches = (sel: NonNullable<ReturnType<typeof caseStageSelector>>, f: (typeof cases)[number][0]) =>
    'progress' in sel ? f.progress === sel.progress : 'decision' in sel ? !f.progress && f.decision === sel.decision : !f.progress && !f.decision && sel.statuses.includes(f.status);
  for (const s of decl.stages) {
    const sel = caseStageSelector(decl, s.code)!;
    for (const [f, stage] of cases) assert.equal(matches(sel, f), stage === s.code, `${s.code} on ${JSON.stringify(f)}`);
  }
  assert.equal(caseStageSelector(decl, 'nope'), undefined);
});
