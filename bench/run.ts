/**
 * `npm run bench [-- --db postgres] [--items N] [--quick] [--seed S] [--duration SECONDS]`
 *
 * Generates a seeded city, measures each workload's ceiling (the server's own SQL, sent from this process over
 * the same driver, no HTTP), then starts the real server as a child process and drives it over HTTP with
 * autocannon at 1, 10 and 50 connections; writes bench/results/<date>-<db>.json and appends to bench/RESULTS.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
  existsSync,
  openSync,
} from "node:fs";
import { cpus, totalmem, tmpdir, loadavg } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import {
  DEFAULT_RULE_SET,
  compileRuleSet,
  createItem,
  itemType,
  type ItemState,
} from "@jqt/domain";
import { loadConfig } from "../apps/server/src/config.ts";
import type { AppContext } from "../apps/server/src/context.ts";
import {
  openDatabase,
  type Database,
  type Db,
} from "../apps/server/src/db/client.ts";
import * as schema from "../apps/server/src/db/schema.ts";
import { seedReference } from "../apps/server/src/db/seed/reference.ts";
import { sweepDeadlines } from "../apps/server/src/jobs/deadline-sweeper.ts";
import { actorFromSession } from "../apps/server/src/modules/accounts/service.ts";
import {
  findEnterprise,
  findUnitByRoute,
  listUnits,
} from "../apps/server/src/modules/accounts/repository.ts";
import {
  recordAudit,
  recordAuditLater,
} from "../apps/server/src/modules/audit/service.ts";
import { calendarOf } from "../apps/server/src/modules/calendar/service.ts";
import * as itemsRepo from "../apps/server/src/modules/items/repository.ts";
import { visibleArms } from "../apps/server/src/modules/items/policy.ts";
import { deliverNotices } from "../apps/server/src/modules/items/notices.ts";
import * as statsRepo from "../apps/server/src/modules/stats/repository.ts";
import { parsePeriod } from "../apps/server/src/modules/stats/service.ts";
import { listPublished } from "../apps/server/src/modules/content/repository.ts";
import { searchQuery } from "../apps/server/src/modules/content/search-tokens.ts";
import {
  filingsOfPlate,
  passCodesOfPlate,
} from "../apps/server/src/modules/traffic/repository.ts";
import { createSessions, generate, type Fixture } from "./generate.ts";
import { w7Files, w7InProcess, w7OverHttp, type W7Run } from "./w7.ts";
import { generateLiaison, w9Check, type W9Fixture } from "./w9-liaison.ts";
import { coverage } from "../apps/server/src/modules/liaison/coverage.ts";
import {
  closedLoop,
  http,
  warm,
  type Figures,
  type HttpRequest,
} from "./load.ts";

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const flag = (name: string) => argv.includes(`--${name}`);
const dbKind: "pglite" | "postgres" =
  arg("db") === "postgres" ? "postgres" : "pglite";
const quick = flag("quick");
const nItems = Number(
  arg("items") ??
    (quick ? 10_000 : dbKind === "postgres" ? 1_000_000 : 100_000),
);
const seed = Number(arg("seed") ?? 20261125);
const httpSeconds = Number(arg("duration") ?? (quick ? 2 : 6));
const ceilSeconds = quick ? 1 : Math.max(2, Math.round(httpSeconds / 2));
const connectionLevels = [1, 10, 50];
const nPublications = quick ? 2000 : 10_000;
const t0 = Date.now();
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
const log = (s: string) =>
  console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);

/** Targets from issue 7. */
const targets = {
  W1: "c10: ≥50% of ceiling rps, p99 < 50 ms",
  W2: "c50: p99 < 25 ms, ≥50% of ceiling",
  W3: "c50: p99 < 25 ms, ≥50% of ceiling",
  W4: "< 100 ms",
  W5: "< 1 s per sweep",
  W6: "p95 < 30 ms",
  W7: "< 10 s",
  W8: "≥ 200,000 checks/s in process",
  W9: "c1 p99 < 200 ms (PostgreSQL, 150,000 enterprises, 1,000,000 visits)",
  memory: "server peak RSS < 512 MB",
};

// ---------------------------------------------------------------- database
const defaultUrl = "postgres://postgres@127.0.0.1:5432/test";
const adminUrl = process.env.DATABASE_URL || defaultUrl;
const benchDbName = `jqt_bench_${new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14)}`;
const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
let dataDir: string | null = null;
/** The bench's own open database, closed before the PostgreSQL database is dropped. */
let openDb: Database | null = null;
let databaseUrl: string | null = null;

async function adminQuery(q: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await c.query(q);
  } finally {
    await c.end();
  }
}

async function openBenchDatabase(): Promise<Database> {
  openDb = await openDatabase({
    databaseUrl,
    dataDir: databaseUrl ? null : dataDir,
  });
  return openDb;
}

/** A raw statement with parameters, on the bench's own connection (EXPLAIN). */
type Raw = (
  text: string,
  params?: unknown[],
) => Promise<Record<string, unknown>[]>;
function rawOf(database: Database, pool: pg.Pool | null): Raw {
  if (database.pglite)
    return async (text, params) =>
      (
        await database.pglite!.query<Record<string, unknown>>(
          text,
          params as unknown[],
        )
      ).rows;
  return async (text, params) =>
    (await pool!.query(text, params as unknown[])).rows;
}

/** A context whose drizzle logs every statement: the SQL the server's repositories issue, for EXPLAIN. */
function capturingCtx(
  ctx: AppContext,
  pool: pg.Pool | null,
  into: { q: string; p: unknown[] }[],
): AppContext {
  const logger = {
    logQuery: (q: string, p: unknown[]) => void into.push({ q, p }),
  };
  const db = (ctx.database.pglite
    ? drizzlePglite(ctx.database.pglite, { schema, logger })
    : drizzlePg(pool!, { schema, logger })) as unknown as Db;
  const database: Database = {
    ...ctx.database,
    db,
    rows: async (q, on = db) =>
      ((await on.execute(q)) as unknown as { rows: never[] }).rows,
  };
  return { ...ctx, database };
}

// ---------------------------------------------------------------- results
interface WorkloadResult {
  id: string;
  name: string;
  http: Figures[];
  ceiling: Figures[];
  notes: string[];
  extra?: Record<string, unknown>;
}
const results: Record<string, WorkloadResult> = {};
const explains: {
  workload: string;
  statement: string;
  plan: string;
  seqScanOnItems: boolean;
}[] = [];
/** A Seq Scan on the big tables, or an index walk that throws away more than 10,000 of their rows: both read the table per request. */
const scansItems = (plan: string) =>
  /Seq Scan on (items|item_events)\b/.test(plan) ||
  [
    ...plan.matchAll(
      /Scan (?:using \S+ )?on (?:items|item_events)\b[^\n]*\n(?:[^\n]*\n){0,3}?\s*Rows Removed by Filter: (\d+)/g,
    ),
  ].some((m) => Number(m[1]) > 10_000);
const wl = (id: string, name: string) =>
  (results[id] ??= { id, name, http: [], ceiling: [], notes: [] });

// ---------------------------------------------------------------- server child process
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(
  logFile: string,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const out = openSync(logFile, "a");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "apps/server/src/main.ts"],
    {
      cwd: new URL("..", import.meta.url).pathname,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TZ: "UTC",
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
        ...(databaseUrl
          ? { DATABASE_URL: databaseUrl }
          : { DATA_DIR: dataDir! }),
      },
      stdio: ["ignore", out, out],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok) return { child, base };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not become healthy");
}

/** Waits until the server answers its health check promptly: the backlog of the previous run is served. */
async function drain(base: string) {
  const start = Date.now();
  while (Date.now() - start < 240_000) {
    const t = performance.now();
    try {
      await (await fetch(`${base}/api/v1/health`)).text();
    } catch {
      /* retry */
    }
    if (performance.now() - t < 250) break;
  }
  const waited = (Date.now() - start) / 1000;
  if (waited > 2)
    log(`  (waited ${waited.toFixed(0)} s for the server to drain its queue)`);
}

function memoryOf(pid: number): { vmHWM_MB: number; vmRSS_MB: number } {
  const s = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k: string) =>
    Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? NaN);
  return {
    vmHWM_MB: Math.round(kb("VmHWM") / 1024),
    vmRSS_MB: Math.round(kb("VmRSS") / 1024),
  };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await done;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- main
async function main() {
  const started = new Date();
  log(
    `bench on ${dbKind}: ${nItems} items, seed ${seed}, HTTP ${httpSeconds} s per run, ceiling ${ceilSeconds} s per run`,
  );
  if (dbKind === "postgres") {
    await adminQuery(`create database ${benchDbName}`);
    databaseUrl = withDb(adminUrl, benchDbName);
    log(`database ${benchDbName} created`);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "jqt-bench-"));
  }
  const resultsDir = new URL("./results/", import.meta.url).pathname;
  mkdirSync(resultsDir, { recursive: true });
  const serverLog = join(tmpdir(), `jqt-bench-server-${process.pid}.log`);
  let child: ChildProcess | null = null;
  let pool: pg.Pool | null = null;
  try {
    // ---------------- data
    let database = await openBenchDatabase();
    pool = databaseUrl
      ? new pg.Pool({ connectionString: databaseUrl, max: 10 })
      : null;
    pool?.on("error", (e) => console.warn("bench pool:", e.message));
    const anchor = new Date(Math.floor(Date.now() / 3600_000) * 3600_000);
    const ctx: AppContext = {
      database,
      config: loadConfig({ NODE_ENV: "production" }, { logLevel: "silent" }),
      now: () => new Date(),
    };
    await seedReference(ctx);
    const dbVersion = String(
      (await database.rows<{ version: string }>(sql`select version()`))[0]
        .version,
    );
    log(`generating (anchor ${anchor.toISOString()})`);
    const tg = Date.now();
    const fx = await generate({
      ctx,
      items: nItems,
      seed,
      now: anchor,
      publications: nPublications,
      log,
    });
    await database.db.execute(sql`analyze`);
    const w9fx = await generateLiaison({
      ctx,
      items: nItems,
      seed,
      now: anchor,
      supervisorId: fx.supervisor.id,
      log,
    });
    const generationSeconds = (Date.now() - tg) / 1000;
    log(
      `data ready in ${generationSeconds.toFixed(0)} s: ${fx.items} items, ${fx.events} events, ${fx.enterprises} enterprises`,
    );

    // ---------------- sessions (as login leaves them)
    const zdOfficer = fx.officer["zhangdian-branch"];
    const submitters = fx.zhangdianSubmitters;
    const tokens = await createSessions(
      database.db,
      [zdOfficer.id, fx.supervisor.id, ...submitters.map((s) => s.id)],
      new Date(),
      seed + 1,
      database.pglite,
    );
    const cookie = (userId: string) => `jqt_session=${tokens.get(userId)}`;
    const officerCookie = cookie(zdOfficer.id);
    const supervisorCookie = cookie(fx.supervisor.id);
    const submitterCookies = submitters.map((s) => cookie(s.id));
    const itemIds = fx.zhangdianItemIds;
    const to = new Date(anchor.getTime() + 8 * 3600_000)
      .toISOString()
      .slice(0, 10);
    const from = new Date(anchor.getTime() + 8 * 3600_000 - 29 * 86400_000)
      .toISOString()
      .slice(0, 10);
    const appealBody = (i: number) =>
      JSON.stringify({
        type: "appeal",
        data: {
          category: "policy",
          title: `咨询人才落户政策（压测 ${i}）`,
          content: "我公司新引进三名博士，想了解人才落户绿色通道如何办理。",
          contactName: "王经理",
          contactPhone: "13912345678",
        },
      });
    const roadIds = [
      "zd-liuquan-rd",
      "zd-renmin-rd",
      "zd-huaguang-rd-night",
      "zd-zhangzhou-rd",
      "zd-beijing-rd",
    ];
    const accessBody = (i: number) =>
      JSON.stringify({
        vehicle: {
          plate: fx.plates[i % fx.plates.length],
          newEnergy: i % 3 === 0,
          totalMassKg: 4500 + (i % 7) * 2000,
          lengthMm: 6000 + (i % 5) * 1000,
          body: i % 2 ? "box" : "other",
          use: "general",
        },
        road: { roadId: roadIds[i % roadIds.length] },
        at: new Date(anchor.getTime() + (i % 24) * 3600_000).toISOString(),
      });
    const clientAddress = (i: number) =>
      `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const requests: Record<string, (i: number) => HttpRequest> = {
      W1: (i) => ({
        method: "POST",
        path: "/api/v1/items",
        headers: { cookie: submitterCookies[i % submitterCookies.length] },
        body: appealBody(i),
      }),
      W2: () => ({
        method: "GET",
        path: "/api/v1/items?limit=20",
        headers: { cookie: officerCookie },
      }),
      W3: (i) => ({
        method: "GET",
        path: `/api/v1/items/${itemIds[i % itemIds.length]}`,
        headers: { cookie: officerCookie },
      }),
      W4: () => ({
        method: "GET",
        path: `/api/v1/stats/overview?from=${from}&to=${to}`,
        headers: { cookie: supervisorCookie },
      }),
      // Many readers and checkers behind the city's proxy: the server trusts X-Forwarded-For in production, so the
      // per-address limits of these public routes apply per client.
      W6: (i) => ({
        method: "GET",
        path: `/api/v1/public/publications?q=${encodeURIComponent(fx.searchTerms[i % fx.searchTerms.length])}`,
        headers: { "x-forwarded-for": clientAddress(i) },
      }),
      W9: () => ({
        method: "GET",
        path: "/api/v1/liaison/coverage",
        headers: { cookie: supervisorCookie },
      }),
      W8: (i) => ({
        method: "POST",
        path: "/api/v1/traffic/access-checks",
        headers: { "x-forwarded-for": clientAddress(i) },
        body: accessBody(i),
      }),
    };

    // ---------------- ceilings: the server's SQL for each request, from this process, same driver, no HTTP
    const cctx: AppContext = {
      database,
      config: ctx.config,
      now: () => new Date(),
    };
    const cal = await calendarOf(cctx);
    const appeal = itemType("appeal")!;
    const zdEnterprise = submitters[0];
    const template: ItemState = createItem({
      id: randomUUID(),
      type: appeal,
      data: JSON.parse(appealBody(0)).data,
      submitterId: zdEnterprise.id,
      enterpriseId: zdEnterprise.enterpriseId,
      unitId: "zhangdian-branch",
      now: new Date(),
      calendar: cal,
    });
    const tokenOf = (userId: string) => tokens.get(userId)!;
    const ops: Record<string, (c: AppContext, i: number) => Promise<unknown>> =
      {
        W1: async (c, i) => {
          const s = submitters[i % submitters.length];
          const actor = (await actorFromSession(c, tokenOf(s.id)))!;
          const db = c.database.db;
          await findEnterprise(db, actor.enterpriseId!);
          const unit = (await findUnitByRoute(db, "branch", "zhangdian"))!;
          const now = c.now();
          const state: ItemState = {
            ...template,
            id: randomUUID(),
            submitterId: actor.id,
            enterpriseId: actor.enterpriseId,
            submittedAt: now,
          };
          await db.transaction(async (tx) => {
            const number = await itemsRepo.nextItemNumber(tx, "JQ20261125");
            await itemsRepo.insertItem(tx, state, number, cal, null);
            await itemsRepo.insertEvent(tx, {
              itemId: state.id,
              at: now,
              actorId: actor.id,
              actorName: actor.displayName,
              actorRole: actor.role,
              action: "submit",
              fromStatus: null,
              toStatus: "submitted",
              note: null,
              detail: { unitId: unit.id },
            });
            await recordAudit(tx, {
              actor,
              action: "item.submit",
              subject: `item:${state.id}`,
              detail: { type: "appeal", number },
              ip: "127.0.0.1",
              at: now,
            });
            await deliverNotices(
              tx,
              { ...state, number },
              [{ to: "handler", kind: "new_item" }],
              now,
            );
          });
          await c.database.notify(
            "jqt_notifications",
            JSON.stringify([zdOfficer.id]),
          );
          await itemsRepo.findItem(db, state.id);
          await itemsRepo.timelineOf(db, state.id);
        },
        W2: async (c) => {
          const actor = (await actorFromSession(c, tokenOf(zdOfficer.id)))!;
          await itemsRepo.listItems(c.database.db, visibleArms(actor),
            {},
            c.now(),
            null,
            21,
          );
        },
        W3: async (c, i) => {
          const actor = (await actorFromSession(c, tokenOf(zdOfficer.id)))!;
          const id = itemIds[i % itemIds.length];
          await itemsRepo.findItem(c.database.db, id);
          await itemsRepo.timelineOf(c.database.db, id);
          // The officer of the owning unit sees unmasked personal data: the server records that view (PIPL),
          // for the audit chainer to chain later.
          await recordAuditLater(c.database.db, {
            actor,
            action: "personal-data.view",
            subject: `item:${id}`,
            ip: "127.0.0.1",
            at: c.now(),
          });
        },
        W4: async (c) => {
          await actorFromSession(c, tokenOf(fx.supervisor.id));
          const period = parsePeriod(from, to);
          const now = c.now();
          await Promise.all([
            statsRepo.countsByUnitAndType(c.database, period, now, null),
            statsRepo.answeredSpans(c.database, period, null),
            statsRepo.byDay(c.database, period, null),
            listUnits(c.database.db),
          ]);
        },
        W9: async (c) => {
          const actor = (await actorFromSession(c, tokenOf(fx.supervisor.id)))!;
          await coverage(c, actor, {});
        },
        W6: async (c, i) => {
          await listPublished(c.database.db, {
            tsquery: searchQuery(fx.searchTerms[i % fx.searchTerms.length]),
            before: null,
            limit: 21,
          });
        },
        W8: async (c, i) => {
          const plate = fx.plates[i % fx.plates.length];
          const at = new Date(anchor.getTime() + (i % 24) * 3600_000);
          await Promise.all([
            passCodesOfPlate(c.database.db, plate, at),
            filingsOfPlate(c.database.db, plate, at),
          ]);
        },
      };
    const names: Record<string, string> = {
      W1: "create an appeal",
      W2: "officer's queue: 20 nearest deadlines",
      W3: "item detail with timeline",
      W4: "dashboard statistics, all units, last 30 days",
      W5: "deadline sweeper",
      W6: "Chinese full-text search (10,000 publications)",
      W7: "residence-permit spreadsheet import (10,000 rows)",
      W8: "truck access checks",
      W9: "liaison coverage (千警联千企), city-wide",
    };
    const levels: Record<string, number[]> = {
      W1: connectionLevels,
      W2: connectionLevels,
      W3: connectionLevels,
      W4: [1, 10],
      W6: connectionLevels,
      W8: connectionLevels,
      W9: [1, 10],
    };
    /** A level is skipped when the previous one shows that its queue alone would take over a minute to serve. */
    const tooSlow = (prev: Figures | undefined, c: number) =>
      !!prev && (prev.requests === 0 || (prev.p50 * c) / 1000 > 60);
    const runCeiling = async (id: string) => {
      for (const c of levels[id]) {
        const prev = wl(id, names[id]).ceiling.at(-1);
        if (tooSlow(prev, c)) {
          wl(id, names[id]).notes.push(
            `ceiling c${c} skipped: at c${prev!.connections} p50 was ${prev!.p50} ms, ${c} callers would queue for ${Math.round((prev!.p50 * c) / 1000)} s`,
          );
          log(`ceiling ${id} c${c}: skipped (too slow)`);
          continue;
        }
        const f = await closedLoop((i) => ops[id](cctx, i), c, ceilSeconds);
        wl(id, names[id]).ceiling.push(f);
        log(
          `ceiling ${id} c${c}: ${f.rps} ops/s, p50 ${f.p50} ms, p99 ${f.p99} ms${f.errors ? `, ${f.errors} errors` : ""}`,
        );
      }
    };
    // The slowest workload last.
    const order = ["W2", "W3", "W4", "W9", "W8", "W1", "W6"];
    // W9's numbers against direct counts of the same facts, before anything is measured.
    {
      const actor = (await actorFromSession(cctx, tokenOf(fx.supervisor.id)))!;
      const check = await w9Check(cctx, actor);
      wl("W9", names.W9).extra = { fixture: w9fx, check };
      log(`W9 coverage counts ${check.correct ? "agree with" : "DISAGREE with"} direct counts: ${JSON.stringify(check.direct)}`);
    }
    // PGlite: all ceilings now, before the server takes the directory. PostgreSQL: each ceiling right before its
    // HTTP runs (below), so both see the same machine (it is shared, and its load drifts).
    if (database.pglite) for (const id of order) await runCeiling(id);

    // W7: two enterprises of 张店, one imports in process (the ceiling), the other through the server.
    const w7 = await w7Files("370303");
    const w7Http = await w7Files("370302");
    const w7Ceiling = async () => {
      const coordinator = submitters[submitters.length - 1];
      const actor = (await actorFromSession(cctx, tokenOf(coordinator.id)))!;
      const r = await w7InProcess(cctx, actor, w7);
      wl("W7", names.W7).extra = { ...wl("W7", names.W7).extra, inProcess: r };
      log(
        `ceiling W7: ${r.firstSeconds} s for 10,000 rows (${r.created} filed, ${r.rejected} reported), corrected file ${r.correctedSeconds} s (${r.createdOnCorrection} new, ${r.duplicatesOnCorrection} refused as already filed)${r.correct ? "" : " — WRONG COUNTS"}`,
      );
    };
    if (database.pglite) await w7Ceiling();

    // ---------------- EXPLAIN of the statements behind W2, W3, W4
    const raw = rawOf(database, pool);
    const explainOp = async (
      id: string,
      run: (c: AppContext) => Promise<unknown>,
    ) => {
      const captured: { q: string; p: unknown[] }[] = [];
      await run(capturingCtx(cctx, pool, captured));
      for (const s of captured) {
        if (
          !/^\s*(select|with)\b/i.test(s.q) ||
          /pg_advisory|nextval|^select 1$/i.test(s.q)
        )
          continue;
        const rows = await raw(`explain (analyze, buffers) ${s.q}`, s.p);
        const plan = rows.map((r) => String(Object.values(r)[0])).join("\n");
        explains.push({
          workload: id,
          statement: s.q,
          plan,
          seqScanOnItems: scansItems(plan),
        });
      }
    };
    await explainOp("W2", (c) => ops.W2(c, 0));
    await explainOp("W3", (c) => ops.W3(c, 0));
    await explainOp("W4", (c) => ops.W4(c, 0));
    await explainOp("W6", (c) => ops.W6(c, 0));
    await explainOp("W9", (c) => ops.W9(c, 0));
    // The same queue for a small unit (a police station with few open items): the shape that walks the due index furthest.
    const small = fx.officer["gaoqing-station-tianzhen"];
    if (small) {
      const smallTokens = await createSessions(
        database.db,
        [small.id],
        new Date(),
        seed + 2,
        database.pglite,
      );
      await explainOp("W2 (small unit)", async (c) => {
        const actor = (await actorFromSession(c, smallTokens.get(small.id)!))!;
        await itemsRepo.listItems(c.database.db, visibleArms(actor), {}, c.now(), null, 21);
      });
      const f = await closedLoop(
        async () => {
          const actor = (await actorFromSession(
            cctx,
            smallTokens.get(small.id)!,
          ))!;
          await itemsRepo.listItems(cctx.database.db, visibleArms(actor),
            {},
            cctx.now(),
            null,
            21,
          );
        },
        1,
        ceilSeconds,
      );
      wl("W2", names.W2).extra = { smallUnitCeilingC1: f };
      log(
        `ceiling W2 for a small unit (gaoqing-station-tianzhen) c1: ${f.rps} ops/s, p50 ${f.p50} ms, p99 ${f.p99} ms`,
      );
    }
    log(`EXPLAIN recorded for W2–W4 (${explains.length} statements)`);

    // ---------------- W8 in process: the domain's evaluator
    {
      const compiled = compileRuleSet(DEFAULT_RULE_SET);
      const inputs = Array.from({ length: 64 }, (_, i) => ({
        vehicle: {
          plate: fx.plates[i % fx.plates.length],
          newEnergy: i % 3 === 0,
          totalMassKg: 4500 + (i % 7) * 2000,
          lengthMm: 6000 + (i % 5) * 1000,
          body: (i % 2 ? "box" : "other") as "box" | "other",
          use: "general" as const,
        },
        road: {
          inRestrictedZone: i % 4 !== 0,
          class: (i % 9 === 0 ? "expressway" : "ordinary") as
            "expressway" | "ordinary",
          nightCorridor: i % 5 === 0,
        },
        at: new Date(anchor.getTime() + (i % 24) * 3600_000),
        passCodes: [],
        filings: [],
      }));
      let n = 0;
      let sink = 0;
      const end = performance.now() + 1000;
      while (performance.now() < end)
        for (let k = 0; k < 1000; k++)
          sink += compiled.evaluate(inputs[n++ & 63] as never).allowed ? 1 : 0;
      const startM = performance.now();
      n = 0;
      const endM = startM + (quick ? 1000 : 3000);
      while (performance.now() < endM)
        for (let k = 0; k < 1000; k++)
          sink += compiled.evaluate(inputs[n++ & 63] as never).allowed ? 1 : 0;
      const perSec = Math.round(n / ((performance.now() - startM) / 1000));
      wl("W8", names.W8).extra = {
        inProcessChecksPerSecond: perSec,
        sink: sink > 0,
      };
      log(`W8 in process: ${perSec} checks/s`);
    }

    // PGlite: one process owns the directory — hand it to the server.
    if (database.pglite) {
      await database.close();
      openDb = null;
    }

    // ---------------- HTTP against the real server
    const server = await startServer(serverLog);
    child = server.child;
    const base = server.base;
    log(`server pid ${child.pid} on ${base} (NODE_ENV=production)`);
    // Before each run the server's queue is drained (requests autocannon gave up on are still being served).
    const expectStatus: Record<string, number> = { W1: 201 };
    const runHttp = async (id: string) => {
      await drain(base);
      await warm(base, requests[id], quick ? 50 : 200, expectStatus[id] ?? 200);
      for (const c of levels[id]) {
        await drain(base);
        const prev = wl(id, names[id]).http.at(-1);
        if (tooSlow(prev, c)) {
          wl(id, names[id]).notes.push(
            `HTTP c${c} skipped: at c${prev!.connections} p50 was ${prev!.p50} ms, ${c} connections would queue for ${Math.round((prev!.p50 * c) / 1000)} s`,
          );
          log(`http ${id} c${c}: skipped (too slow)`);
          continue;
        }
        const f = await http(
          base,
          requests[id],
          c,
          httpSeconds,
          expectStatus[id] ?? 200,
        );
        wl(id, names[id]).http.push(f);
        log(
          `http ${id} c${c}: ${f.rps} req/s, p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms${f.non2xx ? `, ${f.non2xx} unexpected statuses` : ""}${f.errors ? `, ${f.errors} errors` : ""}`,
        );
      }
    };
    // The server's peak after start and after each workload, to tell which one grows it.
    const peaks: Record<string, number> = { started: memoryOf(child.pid!).vmHWM_MB };
    for (const id of order) {
      if (!database.pglite) await runCeiling(id);
      await runHttp(id);
      peaks[`after ${id}`] = memoryOf(child.pid!).vmHWM_MB;
    }
    log(`server peak RSS (VmHWM) by phase: ${Object.entries(peaks).map(([k, v]) => `${k} ${v} MB`).join(", ")}`);
    if (!database.pglite) await w7Ceiling();
    {
      await drain(base);
      // The peak before the import, so the report can tell what the spreadsheet itself costs.
      const before = memoryOf(child.pid!);
      wl("W7", names.W7).extra = { ...wl("W7", names.W7).extra, serverPeakBeforeMB: before.vmHWM_MB };
      log(`server peak RSS before W7 (VmHWM) ${before.vmHWM_MB} MB`);
      const r = await w7OverHttp(
        base,
        submitterCookies[submitterCookies.length - 2],
        w7Http,
      );
      wl("W7", names.W7).extra = { ...wl("W7", names.W7).extra, http: r };
      log(
        `http W7: ${r.firstSeconds} s for 10,000 rows (${r.created} filed, ${r.rejected} reported), corrected file ${r.correctedSeconds} s (${r.createdOnCorrection} new, ${r.duplicatesOnCorrection} refused as already filed)${r.correct ? "" : " — WRONG COUNTS"}`,
      );
    }
    const memory = { ...memoryOf(child.pid!), peaksByPhase: peaks };
    log(`server peak RSS (VmHWM) ${memory.vmHWM_MB} MB`);
    await stopServer(child);
    child = null;

    // ---------------- W5: the sweeper, in process, on the same database, with the clock moved forward
    if (database.pglite) database = await openBenchDatabase();
    const sweeps: {
      label: string;
      now: string;
      dueBefore: number;
      escalated: number;
      notices: number;
      ms: number;
    }[] = [];
    {
      const base5: AppContext = {
        database,
        config: ctx.config,
        now: () => anchor,
      };
      // The statement behind a sweep, with nothing new due (first sweep after generation).
      const captured: { q: string; p: unknown[] }[] = [];
      const cap5 = capturingCtx(base5, pool, captured);
      const tEmpty = performance.now();
      await sweepDeadlines(base5);
      const emptyMs = performance.now() - tEmpty;
      await sweepDeadlines(cap5);
      const rawNow = rawOf(database, pool);
      for (const s of captured.filter(
        (x) => /^\s*select/i.test(x.q) && /"items"/.test(x.q),
      )) {
        const plan = (await rawNow(`explain (analyze, buffers) ${s.q}`, s.p))
          .map((r) => String(Object.values(r)[0]))
          .join("\n");
        explains.push({
          workload: "W5",
          statement: s.q,
          plan,
          seqScanOnItems: scansItems(plan),
        });
      }
      sweeps.push({
        label: "nothing newly due",
        now: anchor.toISOString(),
        dueBefore: 0,
        escalated: 0,
        notices: 0,
        ms: Math.round(emptyMs * 10) / 10,
      });
      // Then the clock moves as the production sweeper's would (60 s), then after an hour and a day without sweeps.
      let t = anchor.getTime();
      for (const [label, step] of [
        ["+60 s (production cadence)", 60_000],
        ["+1 h", 3600_000],
        ["+1 working day (24 h)", 86400_000],
      ] as const) {
        t += step;
        const at = new Date(t);
        const due = Number(
          (
            await database.rows<{ n: number }>(
              sql`select count(*)::int as n from items where next_escalation_at is not null and next_escalation_at <= ${at}`,
            )
          )[0].n,
        );
        const c5: AppContext = { database, config: ctx.config, now: () => at };
        const ts = performance.now();
        const r = await sweepDeadlines(c5);
        const ms = performance.now() - ts;
        sweeps.push({
          label,
          now: at.toISOString(),
          dueBefore: due,
          escalated: r.escalated,
          notices: r.notices,
          ms: Math.round(ms * 10) / 10,
        });
        log(
          `W5 sweep ${label}: ${due} due, ${r.escalated} escalated, ${r.notices} notices, ${ms.toFixed(0)} ms`,
        );
      }
      const openCount = Number(
        (
          await database.rows<{ n: number }>(
            sql`select count(*)::int as n from items where status in ('submitted','accepted','in_progress','awaiting_supplement')`,
          )
        )[0].n,
      );
      wl("W5", names.W5).extra = { openItems: openCount, sweeps };
    }
    await database.close();
    openDb = null;
    if (pool) await pool.end();
    pool = null;

    // ---------------- report
    const machine = {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      database: dbVersion,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
    };
    const report = buildReport({
      started,
      machine,
      fx,
      memory,
      generationSeconds,
    });
    const date = started.toISOString().slice(0, 10);
    const file = join(
      resultsDir,
      `${date}-${dbKind}${quick ? "-quick" : ""}.json`,
    );
    writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
    const md = renderMarkdown(report);
    const resultsMd = new URL("./RESULTS.md", import.meta.url).pathname;
    if (!existsSync(resultsMd))
      writeFileSync(
        resultsMd,
        "# Benchmark results\n\nAppended by `npm run bench`; newest last. See README.md for how to read them.\n",
      );
    appendFileSync(resultsMd, md);
    console.log(md);
    log(`wrote ${file} and appended to bench/RESULTS.md`);
  } catch (e) {
    console.error("bench failed:", e);
    process.exitCode = 1;
  } finally {
    if (child) await stopServer(child);
    if (pool) await pool.end().catch(() => {});
    if (openDb) await openDb.close().catch(() => {});
    if (dbKind === "postgres" && databaseUrl)
      await adminQuery(
        `drop database if exists ${benchDbName} with (force)`,
      ).catch((e) => console.warn("drop failed", e.message));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report building
const r2 = (x: number) => Math.round(x * 1000) / 1000;
function at(list: Figures[], c: number) {
  return list.find((f) => f.connections === c);
}

interface Row {
  workload: string;
  name: string;
  measure: string;
  figure: string;
  ceiling: string;
  ratio: string;
  target: string;
  status: "met" | "missed" | "n/a" | "not yet landed";
}

function buildReport(o: {
  started: Date;
  machine: Record<string, unknown>;
  fx: Fixture;
  memory: { vmHWM_MB: number; vmRSS_MB: number; peaksByPhase?: Record<string, number> };
  generationSeconds: number;
}) {
  const rows: Row[] = [];
  const ratio = (a: number, b: number) => (b > 0 ? r2(a / b) : NaN);
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  // W1
  {
    const w = results.W1;
    const h = at(w.http, 10)!;
    const c = at(w.ceiling, 10)!;
    const q = ratio(h.rps, c.rps);
    rows.push({
      workload: "W1",
      name: w.name,
      measure: "c10 throughput, p99",
      figure: `${h.rps} req/s, p99 ${h.p99} ms`,
      ceiling: `${c.rps} ops/s, p99 ${c.p99} ms`,
      ratio: pct(q),
      target: targets.W1,
      status: q >= 0.5 && h.p99 < 50 ? "met" : "missed",
    });
  }
  for (const id of ["W2", "W3"]) {
    const w = results[id];
    const h = at(w.http, 50);
    const c = at(w.ceiling, 50);
    if (!h || !c) {
      rows.push({
        workload: id,
        name: w.name,
        measure: "c50 throughput, p99",
        figure: h
          ? `${h.rps} req/s, p99 ${h.p99} ms`
          : "c50 skipped (too slow)",
        ceiling: c
          ? `${c.rps} ops/s, p99 ${c.p99} ms`
          : "c50 skipped (too slow)",
        ratio: "—",
        target: targets[id as "W2"],
        status: "missed",
      });
      continue;
    }
    const q = ratio(h.rps, c.rps);
    rows.push({
      workload: id,
      name: w.name,
      measure: "c50 throughput, p99",
      figure: `${h.rps} req/s, p99 ${h.p99} ms`,
      ceiling: `${c.rps} ops/s, p99 ${c.p99} ms`,
      ratio: pct(q),
      target: targets[id as "W2"],
      status: q >= 0.5 && h.p99 < 25 ? "met" : "missed",
    });
  }
  {
    const w = results.W4;
    const h = at(w.http, 1)!;
    const c = at(w.ceiling, 1)!;
    rows.push({
      workload: "W4",
      name: w.name,
      measure: "c1 latency p50 / p99",
      figure: `${h.p50} / ${h.p99} ms`,
      ceiling: `${c.p50} / ${c.p99} ms`,
      ratio: pct(ratio(c.p50, h.p50)),
      target: targets.W4,
      status: h.p99 < 100 ? "met" : "missed",
    });
  }
  {
    const w = results.W9;
    const h = at(w.http, 1)!;
    const c = at(w.ceiling, 1)!;
    const f = w.extra!.fixture as W9Fixture;
    const check = w.extra!.check as { correct: boolean };
    rows.push({
      workload: "W9",
      name: `${w.name} (${f.enterprises} enterprises, ${f.visits} visits)`,
      measure: "c1 latency p50 / p99; counts against direct counts",
      figure: `${h.p50} / ${h.p99} ms; counts ${check.correct ? "agree" : "DISAGREE"}`,
      ceiling: `${c.p50} / ${c.p99} ms`,
      ratio: pct(ratio(c.p50, h.p50)),
      target: targets.W9,
      status: h.p99 < 200 && check.correct ? "met" : "missed",
    });
  }
  {
    const w = results.W5;
    const sweeps = (
      w.extra!.sweeps as {
        label: string;
        ms: number;
        escalated: number;
        dueBefore: number;
      }[]
    ).filter((s) => s.label !== "nothing newly due");
    const worstRealistic = sweeps.find((s) => s.label === "+1 h")!;
    rows.push({
      workload: "W5",
      name: w.name,
      measure: "time per sweep (+60 s / +1 h / +24 h)",
      figure: sweeps.map((s) => `${s.ms} ms (${s.escalated})`).join(" / "),
      ceiling: "in process (is the ceiling)",
      ratio: "—",
      target: `${targets.W5} (judged on +1 h)`,
      status: worstRealistic.ms < 1000 ? "met" : "missed",
    });
  }
  {
    const w = results.W6;
    const h = at(w.http, 10) ?? at(w.http, 1)!;
    const c = at(w.ceiling, h.connections) ?? at(w.ceiling, 1)!;
    const unfinished =
      h.unfinished && h.unfinished > h.connections
        ? ` (${h.unfinished} unanswered at the end: p95 of survivors)`
        : "";
    rows.push({
      workload: "W6",
      name: w.name,
      measure: `c${h.connections} p95, throughput`,
      figure: `p95 ${h.p95} ms, ${h.rps} req/s${unfinished}`,
      ceiling: `p95 ${c.p95} ms, ${c.rps} ops/s`,
      ratio: pct(ratio(h.rps, c.rps)),
      target: targets.W6,
      status: h.p95 < 30 ? "met" : "missed",
    });
  }
  {
    const w = results.W7;
    const h = w.extra!.http as W7Run;
    const c = w.extra!.inProcess as W7Run;
    rows.push({
      workload: "W7",
      name: `${w.name}, 2 % bad rows; then the corrected file`,
      measure: "seconds (first file / corrected file)",
      figure: `${h.firstSeconds} s / ${h.correctedSeconds} s${h.correct ? "" : " (wrong counts)"}`,
      ceiling: `${c.firstSeconds} s / ${c.correctedSeconds} s (in process)`,
      ratio: pct(ratio(c.firstSeconds, h.firstSeconds)),
      target: targets.W7,
      status: h.firstSeconds < 10 && h.correct && c.correct ? "met" : "missed",
    });
  }
  {
    const w = results.W8;
    const perSec = w.extra!.inProcessChecksPerSecond as number;
    const h = at(w.http, 10)!;
    const c = at(w.ceiling, 10)!;
    rows.push({
      workload: "W8",
      name: `${w.name} (in process)`,
      measure: "checks/s",
      figure: `${perSec.toLocaleString("en")} checks/s`,
      ceiling: "—",
      ratio: "—",
      target: targets.W8,
      status: perSec >= 200_000 ? "met" : "missed",
    });
    rows.push({
      workload: "W8",
      name: `${w.name} (HTTP)`,
      measure: "c10 throughput, p99",
      figure: `${h.rps} req/s, p99 ${h.p99} ms`,
      ceiling: `${c.rps} ops/s, p99 ${c.p99} ms`,
      ratio: pct(ratio(h.rps, c.rps)),
      target: "record",
      status: "n/a",
    });
  }
  rows.push({
    workload: "memory",
    name: "server peak resident memory",
    measure: "VmHWM",
    figure: `${o.memory.vmHWM_MB} MB`,
    ceiling: "—",
    ratio: "—",
    target: targets.memory,
    status: o.memory.vmHWM_MB < 512 ? "met" : "missed",
  });

  return {
    date: o.started.toISOString(),
    db: dbKind,
    quick,
    machine: o.machine,
    options: {
      items: nItems,
      seed,
      httpSeconds,
      ceilingSeconds: ceilSeconds,
      connections: connectionLevels,
    },
    data: {
      items: o.fx.items,
      events: o.fx.events,
      enterprises: o.fx.enterprises,
      units: o.fx.units,
      publications: nPublications,
      byStatus: o.fx.byStatus,
      anchor: o.fx.now.toISOString(),
      generationSeconds: Math.round(o.generationSeconds),
    },
    serverMemory: o.memory,
    summary: rows,
    workloads: results,
    explain: explains,
  };
}

function renderMarkdown(rep: ReturnType<typeof buildReport>): string {
  const m = rep.machine as Record<string, unknown>;
  const lines: string[] = [];
  lines.push(
    `\n## ${rep.date.slice(0, 16).replace("T", " ")} UTC — ${rep.db}${rep.quick ? " (quick)" : ""}, ${rep.data.items.toLocaleString("en")} items\n`,
  );
  lines.push(
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGB} GB, Node ${m.node}; ${m.database}. Load average (1/5/15 min) at the start ${(m.loadAverageAtStart as number[]).join(" / ")}, at the end ${(m.loadAverageAtEnd as number[]).join(" / ")} (the machine is shared: other work runs beside the bench).`,
  );
  lines.push(
    `Data: ${rep.data.items.toLocaleString("en")} items over three years (${Object.entries(
      rep.data.byStatus,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ", ",
      )}), ${rep.data.events.toLocaleString("en")} timeline events, ${rep.data.enterprises.toLocaleString("en")} enterprises, ${rep.data.units} units, ${rep.data.publications.toLocaleString("en")} publications; generated in ${rep.data.generationSeconds} s (seed ${rep.options.seed}). HTTP runs ${rep.options.httpSeconds} s, ceiling runs ${rep.options.ceilingSeconds} s each.\n`,
  );
  lines.push(
    "| workload | measure | HTTP figure | ceiling | ratio | target | status |",
  );
  lines.push("|---|---|---|---|---|---|---|");
  for (const r of rep.summary)
    lines.push(
      `| ${r.workload} ${r.name} | ${r.measure} | ${r.figure} | ${r.ceiling} | ${r.ratio} | ${r.target} | **${r.status}** |`,
    );
  lines.push(
    "\nAll connection levels (req/s HTTP ÷ ops/s ceiling; p99 ms HTTP / ceiling):\n",
  );
  lines.push(
    "| workload | c1 req/s | c1 ratio | c1 p99 | c10 req/s | c10 ratio | c10 p99 | c50 req/s | c50 ratio | c50 p99 |",
  );
  lines.push("|---|---|---|---|---|---|---|---|---|---|");
  for (const w of Object.values(rep.workloads) as WorkloadResult[]) {
    if (!w.http.length) continue;
    const cells = [1, 10, 50].flatMap((c) => {
      const h = at(w.http, c);
      const ce = at(w.ceiling, c);
      if (!h || !ce) return ["—", "—", "—"];
      return [
        `${h.rps} / ${ce.rps}`,
        `${Math.round((h.rps / ce.rps) * 100)} %`,
        `${h.p99} / ${ce.p99}`,
      ];
    });
    lines.push(`| ${w.id} | ${cells.join(" | ")} |`);
  }
  const w5 = rep.workloads.W5 as WorkloadResult;
  for (const w of Object.values(rep.workloads) as WorkloadResult[])
    for (const n of w.notes) lines.push(`- ${w.id}: ${n}`);
  lines.push(
    `\nW5 sweeps (${(w5.extra!.openItems as number).toLocaleString("en")} open items):\n`,
  );
  lines.push("| clock | items due | escalated | notices | time |");
  lines.push("|---|---|---|---|---|");
  for (const s of w5.extra!.sweeps as {
    label: string;
    dueBefore: number;
    escalated: number;
    notices: number;
    ms: number;
  }[])
    lines.push(
      `| ${s.label} | ${s.dueBefore} | ${s.escalated} | ${s.notices} | ${s.ms} ms |`,
    );
  const phases = rep.serverMemory.peaksByPhase;
  lines.push(
    `\nServer peak RSS (VmHWM): ${rep.serverMemory.vmHWM_MB} MB${phases ? ` (by phase: ${Object.entries(phases).map(([k, v]) => `${k} ${v} MB`).join(", ")})` : ""}.`,
  );
  const seq = rep.explain.filter((e) => e.seqScanOnItems);
  lines.push(
    `\n### EXPLAIN (ANALYZE, BUFFERS) — ${rep.db}, ${rep.data.items.toLocaleString("en")} items${seq.length ? ` — **${seq.length} statement(s) read items per request (Seq Scan, or an index walk filtering out > 10,000 rows)**` : " — no Seq Scan on items"}\n`,
  );
  for (const e of rep.explain) {
    lines.push(
      `<details><summary>${e.workload}${e.seqScanOnItems ? " ⚠ reads items per request (Seq Scan, or an index walk filtering > 10,000 rows)" : ""}: <code>${e.statement.replace(/\s+/g, " ").slice(0, 140).replace(/</g, "&lt;")}…</code></summary>\n`,
    );
    lines.push(
      "```sql\n" +
        e.statement.trim() +
        "\n```\n```\n" +
        e.plan +
        "\n```\n</details>\n",
    );
  }
  return lines.join("\n") + "\n";
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
