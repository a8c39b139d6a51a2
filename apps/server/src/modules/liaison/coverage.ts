import ExcelJS from 'exceljs';
import { addDays, DEFAULT_NOT_VISITED_DAYS, districts, shanghaiDate } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAuditAlone } from '../audit/service.ts';
import { neutralizeCell } from '../stats/service.ts';
import { districtFor, liaisonActor, requireOffice } from './policy.ts';
import { presentPerson } from './present.ts';
import * as repo from './repository.ts';
import { peopleOf } from './service.ts';

const LIST_LIMIT = 200;

/** 千警联千企 for the office and leaders: counts, per district, and the three lists the office works from. */
export async function coverage(ctx: AppContext, user: UserActor, q: { district?: string; days?: number }) {
  const a = await liaisonActor(ctx, user);
  const district = districtFor(requireOffice(a), q.district);
  const days = q.days ?? DEFAULT_NOT_VISITED_DAYS;
  const db = ctx.database.db;
  const today = shanghaiDate(ctx.now());
  const month = today.slice(0, 7);
  const before = addDays(today, -days);
  const rows = <T>(s: Parameters<typeof ctx.database.rows>[0]) => ctx.database.rows<T>(s);
  const [facts, unassigned, notVisited, idle] = await Promise.all([
    repo.coverageFacts(db, { district, notVisitedBefore: before, monthFrom: `${month}-01`, monthTo: today }, rows),
    repo.unassignedKey(db, district, LIST_LIMIT),
    repo.notVisitedKey(db, district, before, LIST_LIMIT),
    repo.idleOfficers(db, district, LIST_LIMIT, rows),
  ]);
  const people = await peopleOf(db, notVisited.map((n) => n.officerId));
  const sum = <T>(list: T[], f: (x: T) => number) => list.reduce((s, x) => s + f(x), 0);
  const byDistrict = districts
    .filter((d) => !district || d.code === district)
    .map((d) => {
      const k = facts.byDistrict.find((r) => r.district === d.code);
      return {
        district: d.code,
        keyEnterprises: k?.keyEnterprises ?? 0,
        keyWithoutOfficer: k?.keyWithoutOfficer ?? 0,
        notVisited: k?.notVisited ?? 0,
        officersLinked: facts.officersByDistrict.find((o) => o.district === d.code)?.linked ?? 0,
        visitsThisMonth: facts.visitsByDistrict.find((v) => v.district === d.code)?.visits ?? 0,
      };
    });
  const keyEnterprises = sum(facts.byDistrict, (r) => r.keyEnterprises);
  const keyWithoutOfficer = sum(facts.byDistrict, (r) => r.keyWithoutOfficer);
  return {
    district,
    days,
    month,
    counts: {
      keyEnterprises,
      keyWithOfficer: keyEnterprises - keyWithoutOfficer,
      keyWithoutOfficer,
      notVisited: sum(facts.byDistrict, (r) => r.notVisited),
      // City units (网安, 经侦 …) have no district: their officers count city-wide only.
      officersLinked: sum(facts.officersByDistrict, (r) => r.linked),
      officersIdle: idle.total,
      enterprisesCovered: facts.enterprisesCovered,
      visitsThisMonth: sum(facts.visitsByDistrict, (r) => r.visits),
      problemsRaised: facts.problems.raised,
      problemsSolved: facts.problems.solved,
      problemsTurnedIntoItems: facts.problems.items,
      problemsOpen: facts.problemsOpen,
    },
    byDistrict,
    unassigned,
    notVisited: notVisited.map((n) => ({ id: n.id, uscc: n.uscc, name: n.name, district: n.district, officer: n.officerId ? presentPerson(people.get(n.officerId)) : null, lastVisitOn: n.lastVisitOn })),
    idleOfficers: idle.list.map((o) => ({ id: o.id, displayName: o.display_name, unitId: o.unit_id, unitName: { zh: o.name_zh, en: o.name_en } })),
  };
}

const districtName = (code: string) => districts.find((d) => d.code === code)?.zh ?? code;

export async function coverageXlsx(ctx: AppContext, user: UserActor, q: { district?: string; days?: number }, ip: string): Promise<Buffer> {
  const c = await coverage(ctx, user, q);
  const wb = new ExcelJS.Workbook();
  wb.creator = '警企通';
  const sheet = (name: string, head: string[], rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(head).font = { bold: true };
    for (const r of rows) ws.addRow(r.map(neutralizeCell));
  };
  const labels: Record<keyof typeof c.counts, string> = {
    keyEnterprises: '重点企业',
    keyWithOfficer: '已明确联络民警',
    keyWithoutOfficer: '未明确联络民警',
    notVisited: `${c.days} 日内未走访`,
    officersLinked: '联系企业民警',
    officersIdle: '未联系企业民警',
    enterprisesCovered: '有联络民警的企业',
    visitsThisMonth: '本月走访',
    problemsRaised: '本月收集问题',
    problemsSolved: '本月当场解决',
    problemsTurnedIntoItems: '本月转为事项',
    problemsOpen: '待解决问题',
  };
  sheet('汇总', ['指标', '数量'], Object.entries(c.counts).map(([k, v]) => [labels[k as keyof typeof labels], v]));
  sheet('按区县', ['区县', '重点企业', '未明确联络民警', `${c.days} 日内未走访`, '联系企业民警', '本月走访'], c.byDistrict.map((d) => [districtName(d.district), d.keyEnterprises, d.keyWithoutOfficer, d.notVisited, d.officersLinked, d.visitsThisMonth]));
  sheet('未明确联络民警', ['统一社会信用代码', '企业名称', '区县'], c.unassigned.map((e) => [e.uscc, e.name, districtName(e.district)]));
  sheet('未走访企业', ['统一社会信用代码', '企业名称', '区县', '联络民警', '最近走访'], c.notVisited.map((e) => [e.uscc, e.name, districtName(e.district), e.officer?.displayName ?? '', e.lastVisitOn ?? '']));
  sheet('未联系企业民警', ['民警', '单位'], c.idleOfficers.map((o) => [o.displayName, o.unitName.zh]));
  await recordAuditAlone(ctx.database.db, { actor: user, action: 'liaison.coverage.export', subject: `coverage:${c.district ?? 'city'}`, ip, at: ctx.now() });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
