/**
 * W9: 千警联千企 coverage (issue 12) at city scale: the enterprises topped up to the city's 150,000 (at 1,000,000
 * items), a tenth of them key, ~1,200 liaison officers, one open assignment for most key enterprises, and as many
 * visits as items (1,000,000 on PostgreSQL) over three years with their problems. The coverage the office reads is
 * then measured in process (the ceiling: the server's own service function) and over HTTP, and its counts are
 * checked against direct counts.
 */
import { sql } from "drizzle-orm";
import { addDays, districts, makeUscc, prng, shanghaiDate } from "@jqt/domain";
import type { AppContext } from "../apps/server/src/context.ts";
import type { UserActor } from "../apps/server/src/modules/accounts/actor.ts";
import { coverage } from "../apps/server/src/modules/liaison/coverage.ts";
import {
  enterprises,
  liaisonAssignments,
  liaisonVisits,
  users,
  visitProblems,
} from "../apps/server/src/db/schema.ts";
import { bulkInsert, uuidFrom } from "./generate.ts";

export interface W9Fixture {
  enterprises: number;
  keyEnterprises: number;
  officers: number;
  assignments: number;
  visits: number;
  problems: number;
  seconds: number;
}

const OFFICERS = 1_200;
const tags = ["time-honored", "good-quality-shandong", "high-tech", "above-scale", "major-project"];
const ways = ["on-site", "on-site", "phone", "online", "service-centre"];

export async function generateLiaison(o: {
  ctx: AppContext;
  items: number;
  seed: number;
  now: Date;
  supervisorId: string;
  log: (s: string) => void;
}): Promise<W9Fixture> {
  const t0 = Date.now();
  const { database } = o.ctx;
  const db = database.db;
  const pglite = database.pglite as { exec(q: string): Promise<unknown> } | undefined;
  const ins = (table: Parameters<typeof bulkInsert>[1], name: string, rows: Record<string, unknown>[]) =>
    bulkInsert(db, table, name, rows, 2000, pglite);
  const rand = prng(o.seed + 9);
  const uuid = () => uuidFrom(rand);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

  // Enterprises: the city's 150,000 at 1,000,000 items (the item generator makes one per ~7 items).
  const existing = await database.rows<{ id: string; district: string }>(sql`select id, district from enterprises`);
  const target = Math.min(150_000, Math.max(existing.length, Math.round(o.items * 0.15)));
  const all = existing.map((e) => ({ id: e.id, district: e.district }));
  const extra: Record<string, unknown>[] = [];
  for (let i = existing.length; i < target; i++) {
    const d = pick(districts);
    const id = uuid();
    extra.push({ id, uscc: makeUscc(20_000_000 + i, d.division), name: `淄博联络${i}号有限公司`, district: d.code, address: `${d.zh}园区路 ${i} 号`, createdAt: new Date(o.now.getTime() - 3 * 365 * 86400_000) });
    all.push({ id, district: d.code });
  }
  await ins(enterprises, "enterprises", extra);

  // 千警: liaison officers in every district's branch, in proportion to its enterprises.
  const byDistrict = new Map<string, { id: string; district: string }[]>();
  for (const e of all) (byDistrict.get(e.district) ?? byDistrict.set(e.district, []).get(e.district)!).push(e);
  const officers = new Map<string, string[]>();
  const officerRows: Record<string, unknown>[] = [];
  const [{ hash }] = await database.rows<{ hash: string }>(sql`select password_hash as hash from users limit 1`);
  for (const d of districts) {
    const n = Math.max(10, Math.round((OFFICERS * (byDistrict.get(d.code)?.length ?? 0)) / all.length));
    const ids: string[] = [];
    for (let k = 0; k < n; k++) {
      const id = uuid();
      ids.push(id);
      officerRows.push({ id, username: `bench.liaison.${d.code}.${k}`, passwordHash: hash, role: "officer", displayName: `${d.zh} 联络民警${k}`, unitId: `${d.code}-branch`, enterpriseId: null, mobile: "13905330000", failedLogins: 0, passwordChangedAt: o.now, isDemo: false, disabled: false, createdAt: o.now });
    }
    officers.set(d.code, ids);
  }
  await ins(users, "users", officerRows);

  // Key enterprises (a tenth), most with an open assignment; the officer of each key enterprise is remembered.
  const key = all.filter(() => rand() < 0.1);
  const officerOf = new Map<string, string>();
  const assignments: Record<string, unknown>[] = [];
  for (const e of key) {
    if (rand() < 0.05) continue; // not assigned yet
    const pool = officers.get(e.district)!;
    const officerId = pick(pool);
    const deputyId = rand() < 0.2 ? pick(pool) : null;
    officerOf.set(e.id, officerId);
    assignments.push({ id: uuid(), enterpriseId: e.id, projectId: null, officerId, deputyId: deputyId === officerId ? null : deputyId, fromAt: new Date(o.now.getTime() - rand() * 900 * 86400_000), toAt: null, assignedBy: o.supervisorId, reason: "首批“一企一警”结对", endedBy: null, endReason: null });
  }
  await ins(liaisonAssignments, "liaison_assignments", assignments);
  const keyIds = key.map((e) => e.id);
  for (let i = 0; i < keyIds.length; i += 5000) {
    const chunk = keyIds.slice(i, i + 5000);
    const tagOf = pick(tags);
    await db.execute(sql`update enterprises set key = true, tags = ${`{${tagOf}}`}::text[] where id in (${sql.join(chunk.map((id) => sql`${id}::uuid`), sql`, `)})`);
  }
  await db.execute(sql`update enterprises e set liaison_officer_id = a.officer_id from liaison_assignments a where a.enterprise_id = e.id and a.to_at is null`);

  // Visits: as many as items, over three years, oldest first; 80 % to key enterprises by their officer.
  const nVisits = o.items;
  const districtOf = new Map(all.map((e) => [e.id, e.district]));
  const assigned = [...officerOf.entries()];
  const span = 3 * 365 * 86400_000;
  let problems = 0;
  const BATCH = 20_000;
  for (let start = 0; start < nVisits; start += BATCH) {
    const visits: Record<string, unknown>[] = [];
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(nVisits, start + BATCH); i++) {
      const at = new Date(o.now.getTime() - span + (span * i) / nVisits);
      let enterpriseId: string;
      let district: string;
      let officerId: string;
      if (rand() < 0.8 && assigned.length) {
        [enterpriseId, officerId] = pick(assigned);
        district = districtOf.get(enterpriseId)!;
      } else {
        const e = pick(all);
        enterpriseId = e.id;
        district = e.district;
        officerId = pick(officers.get(e.district)!);
      }
      const id = uuid();
      const visitedOn = shanghaiDate(at);
      visits.push({ id, enterpriseId, projectId: null, district, officerId, visitedOn, way: pick(ways), centreId: null, met: "企业负责人", summary: "走访了解企业生产经营情况", pledge: true, createdAt: at, confirmDueAt: new Date(at.getTime() + 7 * 86400_000), verdict: rand() < 0.7 ? "confirmed" : null, verdictNote: null, verdictAt: null, verdictBy: null });
      const n = Math.floor(rand() * 3); // 0–2 problems, one on average
      for (let k = 0; k < n; k++) {
        // problems still open are recent: older ones were solved or filed as items since
        const r = rand();
        const recent = o.now.getTime() - at.getTime() < 90 * 86400_000;
        const outcome = recent && r < 0.3 ? "open" : r < 0.75 ? "solved" : "item";
        rows.push({ id: uuid(), visitId: id, position: k, district, visitedOn, text: "企业反映的问题", outcome, resolution: outcome === "solved" ? "现场解答" : null, itemId: null, updatedAt: at });
      }
    }
    for (const v of visits) if (v.verdict) v.verdictAt = v.createdAt; // a verdict has its moment
    await ins(liaisonVisits, "liaison_visits", visits);
    await ins(visitProblems, "visit_problems", rows);
    problems += rows.length;
  }
  await db.execute(sql`update enterprises e set last_visit_on = v.last from (select enterprise_id, max(visited_on) as last from liaison_visits group by enterprise_id) v where v.enterprise_id = e.id`);
  // as autovacuum leaves a live table: statistics, and the visibility map that index-only counts need
  for (const t of ["enterprises", "users", "liaison_assignments", "liaison_visits", "visit_problems"]) await db.execute(sql.raw(`vacuum analyze ${t}`));
  const fx: W9Fixture = { enterprises: all.length, keyEnterprises: key.length, officers: officerRows.length, assignments: assignments.length, visits: nVisits, problems, seconds: Math.round((Date.now() - t0) / 100) / 10 };
  o.log(`  W9 liaison: ${fx.enterprises} enterprises (${fx.keyEnterprises} key), ${fx.officers} liaison officers, ${fx.assignments} assignments, ${fx.visits} visits, ${fx.problems} problems (${fx.seconds} s)`);
  return fx;
}

/** The coverage the office reads, against direct counts of the same facts: the numbers must agree. */
export async function w9Check(ctx: AppContext, supervisor: UserActor, days = 30): Promise<{ correct: boolean; counts: Record<string, number>; direct: Record<string, number> }> {
  const c = await coverage(ctx, supervisor, { days });
  const before = addDays(shanghaiDate(ctx.now()), -days);
  const [d] = await ctx.database.rows<{ key: number; with_officer: number; not_visited: number; open: number }>(sql`
    select
      (select count(*)::int from enterprises where key) as key,
      (select count(*)::int from enterprises e where key and exists (select 1 from liaison_assignments a where a.enterprise_id = e.id and a.to_at is null)) as with_officer,
      (select count(*)::int from enterprises where key and (last_visit_on is null or last_visit_on < ${before}::date)) as not_visited,
      (select count(*)::int from visit_problems where outcome = 'open') as open`);
  const counts = c.counts as unknown as Record<string, number>;
  const direct = { keyEnterprises: d.key, keyWithOfficer: d.with_officer, notVisited: d.not_visited, problemsOpen: d.open };
  const correct = counts.keyEnterprises === direct.keyEnterprises && counts.keyWithOfficer === direct.keyWithOfficer && counts.problemsOpen === direct.problemsOpen && counts.notVisited === direct.notVisited;
  return { correct, counts, direct };
}
