/**
 * The bench's city: a seeded, deterministic data set (same seed and anchor → same rows).
 * Items are walked through their lifecycle by the domain's own `createItem` and `transition`,
 * and their rows are built by the server's own `insertItem`/`insertEvent` (captured, not executed),
 * then written in big `json_populate_recordset` statements: one parameter per thousands of rows,
 * the same SQL on PGlite and on PostgreSQL.
 */
import { createHash } from "node:crypto";
import { getTableColumns, sql, type Table } from "drizzle-orm";
import {
  createItem,
  districts,
  escalate,
  itemType,
  makeUscc,
  transition,
  type DistrictCode,
  type ItemAction,
  type ItemState,
  prng,
  type WorkCalendar,
} from "@jqt/domain";
import type { AppContext } from "../apps/server/src/context.ts";
import type { Queryable } from "../apps/server/src/db/client.ts";
import type { UserActor } from "../apps/server/src/modules/accounts/actor.ts";
import {
  enterprises,
  itemEvents,
  items,
  passCodes,
  publications,
  sessions,
  units,
  users,
} from "../apps/server/src/db/schema.ts";
import { calendarOf } from "../apps/server/src/modules/calendar/service.ts";
import {
  insertEvent,
  insertItem,
} from "../apps/server/src/modules/items/repository.ts";
import { searchTokens } from "../apps/server/src/modules/content/search-tokens.ts";

/** A v4-shaped uuid from the seeded generator. */
export function uuidFrom(rand: () => number): string {
  const h = Array.from({ length: 32 }, () =>
    Math.floor(rand() * 16).toString(16),
  );
  h[12] = "4";
  h[16] = "89ab"[Math.floor(rand() * 4)];
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export const sha256 = (s: string) =>
  createHash("sha256").update(s).digest("hex");

/** A SQL literal of a value for a column of this SQL type (bench data only: every string is quoted and escaped). */
function literal(v: unknown, sqlType: string): string {
  if (v === null || v === undefined) return "NULL";
  if (sqlType === "jsonb" || sqlType === "json")
    return `'${JSON.stringify(v).replace(/'/g, "''")}'`;
  if (sqlType.endsWith("[]")) {
    const items = (v as unknown[]).map(
      (x) => `"${String(x).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`,
    );
    return `'{${items.join(",").replace(/'/g, "''")}}'`;
  }
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  return `'${String(v).replace(/'/g, "''")}'`;
}

/**
 * Inserts rows (camelCase keys as drizzle's schema names them) with big multi-row INSERT … VALUES statements:
 * on PGlite through `exec` (simple protocol), on PostgreSQL through one query per chunk.
 */
export async function bulkInsert(
  db: Queryable,
  table: Table,
  tableName: string,
  rows: Record<string, unknown>[],
  chunk = 2000,
  pglite?: { exec(q: string): Promise<unknown> },
) {
  if (!rows.length) return;
  const cols = getTableColumns(table) as Record<
    string,
    { name: string; getSQLType(): string }
  >;
  const keys = Object.keys(rows[0]).filter(
    (k) => rows[0][k] !== undefined && cols[k],
  );
  const names = keys.map((k) => `"${cols[k].name}"`).join(", ");
  const types = keys.map((k) => cols[k].getSQLType());
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows
      .slice(i, i + chunk)
      .map((r) => `(${keys.map((k, j) => literal(r[k], types[j])).join(",")})`)
      .join(",\n");
    const text = `insert into ${tableName} (${names}) values ${values}`;
    if (pglite) await pglite.exec(text);
    else await db.execute(sql.raw(text));
  }
}

/**
 * Secondary indexes of the big tables are dropped during the load and rebuilt from their own definitions
 * (read from pg_indexes, so they are exactly the migrations' indexes): a bulk load is far faster that way.
 */
export async function dropSecondaryIndexes(
  db: Queryable,
  tables: string[],
): Promise<string[]> {
  const r = (await db.execute(sql`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = 'public' and i.tablename in (${sql.join(
      tables.map((t) => sql`${t}`),
      sql`, `,
    )})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`)) as unknown as {
    rows: { indexname: string; indexdef: string }[];
  };
  for (const x of r.rows)
    await db.execute(sql.raw(`drop index "${x.indexname}"`));
  return r.rows.map((x) => x.indexdef);
}

export async function recreateIndexes(
  db: Queryable,
  defs: string[],
  parallel: boolean,
) {
  if (parallel) await Promise.all(defs.map((d) => db.execute(sql.raw(d))));
  else for (const d of defs) await db.execute(sql.raw(d));
}

/** Captures what the server's repository would insert, without a database. */
function capture() {
  const rows: Record<string, unknown>[] = [];
  const fake = {
    insert: () => ({
      values: (v: Record<string, unknown>) => (rows.push(v), Promise.resolve()),
    }),
  } as unknown as Queryable;
  return { rows, fake };
}

type Step = ItemAction | "rate-bad" | "supervise-listed" | "transfer-away";
/** Lifecycles of recent items (the demo's paths, plus transfers to a station or a brigade). */
const recentPlans: [number, Step[]][] = [
  [10, []],
  [3, ["refuse"]],
  [6, ["accept"]],
  [8, ["accept", "assign"]],
  [5, ["accept", "request-supplement"]],
  [4, ["accept", "request-supplement", "resume"]],
  [7, ["accept", "answer"]],
  [8, ["accept", "assign", "answer", "rate"]],
  [30, ["accept", "answer", "rate", "close"]],
  [6, ["accept", "request-supplement", "resume", "answer", "rate", "close"]],
  [3, ["accept", "extend", "approve-extension"]],
  [3, ["accept", "answer", "rate-bad", "reopen"]],
  [3, ["supervise", "accept"]],
  [3, ["accept", "supervise-listed"]],
  [
    12,
    ["transfer-away", "accept-transfer", "accept", "answer", "rate", "close"],
  ],
  [4, ["transfer-away"]],
];
/** Old items: their lifecycle is over (answered, rated, closed, refused), a few reopened and answered again. */
const oldPlans: [number, Step[]][] = [
  [4, ["refuse"]],
  [10, ["accept", "answer"]],
  [10, ["accept", "assign", "answer", "rate"]],
  [45, ["accept", "answer", "rate", "close"]],
  [8, ["accept", "request-supplement", "resume", "answer", "rate", "close"]],
  [3, ["accept", "extend", "approve-extension", "answer", "rate", "close"]],
  [2, ["accept", "answer", "rate-bad", "reopen", "answer", "rate", "close"]],
  [3, ["supervise", "accept", "answer", "rate", "close"]],
  [
    15,
    ["transfer-away", "accept-transfer", "accept", "answer", "rate", "close"],
  ],
];
const pickWeighted = <T>(rand: () => number, xs: [number, T][]) => {
  let r = rand() * xs.reduce((a, [w]) => a + w, 0);
  for (const [w, x] of xs) if ((r -= w) <= 0) return x;
  return xs[xs.length - 1][1];
};

const samples: Record<string, Record<string, unknown>[]> = {
  appeal: [
    {
      category: "policy",
      title: "咨询外籍技术人员居留许可办理时限",
      content:
        "公司拟聘用两名德国工程师，想了解工作许可和居留许可能否同时办理。",
    },
    {
      category: "guidance",
      title: "批量办理员工居住证的材料要求",
      content:
        "新入职外地员工约 80 人，希望了解集中代办居住证需要准备哪些材料。",
    },
    {
      category: "difficulty",
      title: "厂区周边道路货车通行受限影响发货",
      content: "我司物流车辆白天进入限行区域受限，请求协调通行码办理。",
    },
    {
      category: "other",
      title: "希望安排安全防范宣讲",
      content: "年底前希望公安机关到企业开展防范电信诈骗宣讲。",
    },
  ],
  "public-order-complaint": [
    {
      problem: "obstruction",
      location: "厂区东门施工现场",
      content: "有人员多次到施工现场阻工，要求承揽土方工程。",
    },
    {
      problem: "theft",
      location: "仓库后院",
      content: "近两周仓库电缆多次被盗，损失约两万元。",
    },
  ],
  petition: [
    {
      title: "反映案件办理进度",
      content: "我司被合同诈骗一案报案已三个月，希望了解办理进度。",
    },
  ],
  "conduct-complaint": [
    {
      subject: "某派出所窗口",
      content: "窗口工作人员办理业务时态度生硬，未一次性告知所需材料。",
    },
  ],
};
const itemTypesMix = [
  "appeal",
  "appeal",
  "appeal",
  "appeal",
  "public-order-complaint",
  "public-order-complaint",
  "petition",
  "conduct-complaint",
];
/** Share of enterprises per district (张店 is the city centre). */
const districtWeights: [number, DistrictCode][] = [
  [30, "zhangdian"],
  [14, "zichuan"],
  [9, "boshan"],
  [15, "linzi"],
  [9, "zhoucun"],
  [10, "huantai"],
  [6, "gaoqing"],
  [7, "yiyuan"],
] as [number, DistrictCode][];

/** A generated user as the server's policies see one (without how it signed in). */
export type Staff = Omit<UserActor, "via">;

export interface Fixture {
  now: Date;
  items: number;
  events: number;
  enterprises: number;
  units: number;
  byStatus: Record<string, number>;
  /** Officers (one per unit that handles items) and the supervisor. */
  officer: Record<string, Staff>;
  supervisor: Staff;
  /** Enterprise users of 张店 (W1 submitters). */
  zhangdianSubmitters: Staff[];
  /** Items of 张店分局 (W3 details), a sample. */
  zhangdianItemIds: string[];
  /** Plates with pass codes / filings (W8). */
  plates: string[];
  searchTerms: string[];
}

const words = [
  "人才落户",
  "居住证",
  "出入境",
  "外籍人才",
  "工作许可",
  "货车通行",
  "通行码",
  "大件运输",
  "电信诈骗",
  "合同诈骗",
  "职务侵占",
  "营商环境",
  "企业服务",
  "安全防范",
  "消防检查",
  "治安管理",
  "交通管理",
  "户籍办理",
  "证件办理",
  "网上办理",
  "绿色通道",
  "联办窗口",
  "零跑腿",
  "上门服务",
  "经济犯罪",
  "知识产权",
  "网络安全",
  "数据保护",
  "危险化学品",
  "道路运输",
  "新能源货车",
  "夜间通道",
  "限行区域",
  "招投标",
  "保证金",
  "财务人员",
  "转账核实",
  "风险提示",
  "案件通报",
  "挽回损失",
  "惠企政策",
  "政策解读",
  "办理指南",
  "时限承诺",
];
const places = [
  "张店区",
  "淄川区",
  "博山区",
  "临淄区",
  "周村区",
  "桓台县",
  "高青县",
  "沂源县",
  "高新区",
  "经开区",
  "文昌湖区",
];

export interface GenerateOptions {
  ctx: AppContext;
  items: number;
  seed: number;
  now: Date;
  publications: number;
  log: (s: string) => void;
}

export async function generate(o: GenerateOptions): Promise<Fixture> {
  const db = o.ctx.database.db;
  const rand = prng(o.seed);
  const uuid = () => uuidFrom(rand);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const cal: WorkCalendar = await calendarOf(o.ctx);
  const ins = (
    table: Table,
    name: string,
    rows: Record<string, unknown>[],
    chunk?: number,
  ) => bulkInsert(db, table, name, rows, chunk, o.ctx.database.pglite);
  const now = o.now;
  const t0 = Date.now();
  const passwordHash =
    "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hiZW5jaGJlbmNo$bm90LWEtcmVhbC1oYXNoLWJlbmNoLW9ubHkxMjM0"; // no one signs in

  // Staff: one officer and one leader per handling unit, a supervisor.
  const unitRows = await db.select().from(units);
  const staff: Staff[] = [];
  const officer: Record<string, Staff> = {};
  const leader: Record<string, Staff> = {};
  const handling = unitRows.filter(
    (u) => u.unitType !== "partner" && u.unitType !== "liaison-office",
  );
  for (const u of handling) {
    for (const role of ["officer", "unit-leader"] as const) {
      const s: Staff = {
        id: uuid(),
        role,
        username: `bench.${role}.${u.id}`,
        displayName: `${u.nameZh} ${role === "officer" ? "民警" : "负责人"}`,
        unitId: u.id,
        enterpriseId: null,
      };
      staff.push(s);
      (role === "officer" ? officer : leader)[u.id] = s;
    }
  }
  // A second and third officer in 张店分局, so its window queue has several readers.
  for (const n of [2, 3]) {
    const s: Staff = {
      id: uuid(),
      role: "officer",
      username: `bench.officer${n}.zhangdian-branch`,
      displayName: `张店分局 民警${n}`,
      unitId: "zhangdian-branch",
      enterpriseId: null,
    };
    staff.push(s);
  }
  const supervisor: Staff = {
    id: uuid(),
    role: "supervisor",
    username: "bench.supervisor",
    displayName: "警企联络办 督察员",
    unitId: "zb-liaison",
    enterpriseId: null,
  };
  staff.push(supervisor);

  // Enterprises and one enterprise user each: about 1 enterprise per 7 items, at most the city's 150,000.
  const nEnt = Math.max(200, Math.min(150_000, Math.round(o.items / 7)));
  const ents: { id: string; district: DistrictCode; user: Staff }[] = [];
  const entRows: Record<string, unknown>[] = [];
  for (let i = 0; i < nEnt; i++) {
    const district = pickWeighted(rand, districtWeights);
    const d = districts.find((x) => x.code === district)!;
    const id = uuid();
    entRows.push({
      id,
      uscc: makeUscc(10_000_000 + i, d.division),
      name: `淄博${pick(words)}${i}号有限公司`,
      district,
      address: `${d.zh}工业路 ${i} 号`,
      createdAt: new Date(now.getTime() - 4 * 365 * 86400_000),
    });
    const user: Staff = {
      id: uuid(),
      role: "enterprise-admin",
      username: `bench.ent${i}`,
      displayName: `企业联系人${i}`,
      unitId: null,
      enterpriseId: id,
    };
    ents.push({ id, district, user });
  }
  await ins(enterprises, "enterprises", entRows);
  const userRow = (s: Staff) => ({
    id: s.id,
    username: s.username,
    passwordHash,
    role: s.role,
    displayName: s.displayName,
    unitId: s.unitId,
    enterpriseId: s.enterpriseId,
    mobile: "13905330000",
    failedLogins: 0,
    passwordChangedAt: now,
    isDemo: false,
    disabled: false,
    createdAt: now,
  });
  await ins(
    users,
    "users",
    [...staff, ...ents.map((e) => e.user)].map(userRow),
  );
  o.log(
    `  ${nEnt} enterprises, ${staff.length + nEnt} users (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );

  // Where each district's items go when transferred: its stations and traffic brigade.
  const transferTargets = new Map<string, string[]>();
  for (const u of unitRows) {
    if (!u.district || u.unitType === "branch") continue;
    const list = transferTargets.get(`${u.district}-branch`) ?? [];
    list.push(u.id);
    transferTargets.set(`${u.district}-branch`, list);
  }
  for (const [k, v] of transferTargets)
    transferTargets.set(k, [
      ...v,
      "zb-econ",
      "zb-exit-entry",
      "zb-hukou",
      "zb-cyber",
    ]);
  const routeUnit = (unitType: string, district: string | null) =>
    unitRows
      .filter(
        (u) =>
          u.unitType === unitType &&
          (district ? u.district === district : !u.district),
      )
      .sort((a, b) => a.id.localeCompare(b.id))[0];

  const dropped = await dropSecondaryIndexes(db, ["items", "item_events"]);
  const span = 3 * 365 * 86400_000;
  const byStatus: Record<string, number> = {};
  const zhangdianItemIds: string[] = [];
  let nEvents = 0;
  let itemBatch: Record<string, unknown>[] = [];
  let eventBatch: Record<string, unknown>[] = [];
  // Batches are written while the next ones are generated (the database works while the domain walks lifecycles);
  // on PostgreSQL two batches at once, on two connections of the pool.
  const parallel = o.ctx.database.pglite ? 1 : 2;
  let insertMs = 0;
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    const its = itemBatch;
    const evs = eventBatch;
    itemBatch = [];
    eventBatch = [];
    while (inFlight.length >= parallel) await inFlight.shift();
    inFlight.push(
      (async () => {
        const tf = Date.now();
        await ins(items, "items", its, 2500);
        await ins(itemEvents, "item_events", evs, 8000);
        insertMs += Date.now() - tf;
      })(),
    );
  };
  // Numbers: JQ + Shanghai date + a running number; the server's sequence is moved past them afterwards.
  // Submissions spread over three years; open items are recent, a few old ones are stuck open (45–90 days old).
  // Drawn first and written oldest first, as a live table grows: recent items share recent pages.
  const submissions = Array.from({ length: o.items }, () => {
    let at = now.getTime() - rand() * span;
    const recent = (now.getTime() - at) / 86400_000 < 45 || rand() < 0.004;
    if (!recent && rand() < 0.5)
      at = now.getTime() - rand() * 45 * 86400_000 - 45 * 86400_000;
    return { at, recent };
  }).sort((a, b) => a.at - b.at);
  for (let i = 0; i < o.items; i++) {
    let at = new Date(submissions[i].at);
    const recent = submissions[i].recent;
    const plan = recent
      ? pickWeighted(rand, recentPlans)
      : pickWeighted(rand, oldPlans);
    const typeCode = pick(itemTypesMix);
    const type = itemType(typeCode)!;
    const ent = pick(ents);
    const anonymous = typeCode === "conduct-complaint" && rand() < 0.5;
    const target = type.route({ data: {}, enterpriseDistrict: ent.district });
    const unit = routeUnit(target.unitType, target.district ?? null);
    let off = officer[unit.id];
    let lead = leader[unit.id];
    const data = {
      ...pick(samples[typeCode]),
      contactName: "企业联系人",
      contactPhone: "13905331234",
    };
    let state: ItemState = createItem({
      id: uuid(),
      type,
      data,
      submitterId: anonymous ? null : ent.user.id,
      enterpriseId: anonymous ? null : ent.id,
      unitId: unit.id,
      now: at,
      calendar: cal,
    });
    const sub = ent.user;
    const events: Record<string, unknown>[] = [
      {
        itemId: state.id,
        at,
        actorId: anonymous ? null : sub.id,
        actorName: anonymous ? "公众" : sub.displayName,
        actorRole: anonymous ? "public" : sub.role,
        action: "submit",
        fromStatus: null,
        toStatus: "submitted",
        note: null,
        detail: { unitId: unit.id },
      },
    ];
    for (const step of plan) {
      const next = new Date(
        at.getTime() + (recent ? 2 + rand() * 40 : 2 + rand() * 60) * 3600_000,
      );
      if (next > now) break;
      at = next;
      let action = step as ItemAction;
      let fields: Record<string, unknown> = {};
      let actor: Staff = off;
      switch (step) {
        case "accept":
          fields =
            typeCode === "conduct-complaint" ? { major: rand() < 0.3 } : {};
          break;
        case "refuse":
          fields = { note: "不属于公安机关职责范围，已告知向市场监管部门反映" };
          break;
        case "assign":
          actor = lead;
          fields = { assigneeId: off.id };
          break;
        case "request-supplement":
          fields = { note: "请补充营业执照副本和相关合同复印件" };
          break;
        case "resume":
          if (anonymous) continue;
          actor = sub;
          fields = { note: "已上传补充材料" };
          break;
        case "answer":
          fields = {
            note: "经核查，已按规定办理完毕，具体情况已电话告知企业联系人。",
          };
          break;
        case "rate":
        case "rate-bad":
          if (anonymous) continue;
          actor = sub;
          action = "rate";
          fields = {
            rating:
              step === "rate-bad" || rand() < 0.08
                ? "dissatisfied"
                : rand() < 0.8
                  ? "satisfied"
                  : "basically-satisfied",
            note: "",
          };
          break;
        case "close":
          break;
        case "reopen":
          if (anonymous || !state.rating?.bad) continue;
          actor = sub;
          fields = { note: "问题仍未解决，请重新处理" };
          break;
        case "extend":
          fields = { days: 3, note: "需协调相关部门共同核查" };
          break;
        case "approve-extension":
          actor = lead;
          break;
        case "supervise":
        case "supervise-listed":
          actor = supervisor;
          action = "supervise";
          fields = {
            note: "请按期办结并报告结果",
            listed: step === "supervise-listed",
          };
          break;
        case "transfer-away": {
          const targets = transferTargets.get(state.unitId);
          if (!targets) continue;
          action = "transfer";
          fields = {
            toUnitId: pick(targets),
            note: "属辖区派出所/大队职责，转办",
          };
          break;
        }
        case "accept-transfer":
          if (!state.pendingTransfer) continue;
          actor = officer[state.pendingTransfer.toUnitId];
          if (!actor) continue;
          break;
        default:
          break; // the bench plans use no other action; one would run with no fields, by the officer
      }
      try {
        const res = transition(state, action, fields, {
          actor,
          now: at,
          calendar: cal,
          type,
          newId: uuid,
        });
        state = res.next;
        events.push({
          itemId: state.id,
          at,
          actorId: actor.id,
          actorName: actor.displayName,
          actorRole: actor.role,
          action,
          fromStatus: res.event.fromStatus,
          toStatus: res.event.toStatus,
          note: res.event.note,
          detail: res.event.detail,
        });
        if (action === "accept-transfer") {
          off = officer[state.unitId];
          lead = leader[state.unitId];
        }
      } catch {
        break;
      }
    }
    const number = `JQ${new Date(state.submittedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, "")}${String(i + 1).padStart(7, "0")}`;
    const cap = capture();
    await insertItem(cap.fake, state, number, cal, null);
    // Escalations the past already passed count as sent (as the demo seed does), so the first sweep sees only what is newly due.
    const esc = escalate(state, cal, now);
    const row = {
      ...cap.rows[0],
      escalationStage: esc.stage,
      nextEscalationAt: esc.nextAt,
      updatedAt: at,
    };
    itemBatch.push(row);
    for (const e of events) {
      const ce = capture();
      await insertEvent(ce.fake, e as never);
      eventBatch.push(ce.rows[0]);
    }
    nEvents += events.length;
    byStatus[state.status] = (byStatus[state.status] ?? 0) + 1;
    if (
      state.unitId === "zhangdian-branch" &&
      zhangdianItemIds.length < 5000 &&
      rand() < 0.05
    )
      zhangdianItemIds.push(state.id);
    if (itemBatch.length >= 10_000) {
      await flush();
      if ((i + 1) % 100_000 === 0 || o.items <= 100_000)
        o.log(
          `  ${i + 1} items, ${nEvents} events (${((Date.now() - t0) / 1000).toFixed(0)} s, of which inserting ${(insertMs / 1000).toFixed(0)} s)`,
        );
    }
  }
  await flush();
  await Promise.all(inFlight);
  await db.execute(sql`select setval('item_number_seq', ${o.items + 1})`);
  const ti = Date.now();
  await recreateIndexes(db, dropped, !o.ctx.database.pglite);
  o.log(
    `  ${dropped.length} indexes rebuilt in ${((Date.now() - ti) / 1000).toFixed(1)} s`,
  );
  o.log(
    `  ${o.items} items, ${nEvents} events (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );

  // 10,000 published policies, bulletins and warnings, with the search tokens the server would store.
  const pubRows: Record<string, unknown>[] = [];
  // Rare words too: each text carries a few three-character names from a large pool, so a search for one matches a handful.
  const pool =
    "鑫泰华瑞恒昌隆盛达源兴旺宏远丰茂嘉禾德润博信诚安和祥瑞福康宁顺利通汇聚鼎新宇航星辰海川岳峰林森炎淼磊鑫垚犇骉晶琳璐瑶".split(
      "",
    );
  const rareWord = () => `${pick(pool)}${pick(pool)}${pick(pool)}`;
  const rareTerms: string[] = [];
  const kinds = ["policy", "bulletin", "warning"] as const;
  for (let i = 0; i < o.publications; i++) {
    const kind = kinds[i % 3];
    const ws = Array.from({ length: 3 }, () => pick(words));
    const place = pick(places);
    const title = `${place}${ws[0]}${kind === "policy" ? "办理指南" : kind === "bulletin" ? "案件通报" : "风险提示"}（第${i + 1}期）`;
    const summary = `${ws[1]}与${ws[2]}相关事项说明`;
    const rare = [rareWord(), rareWord()];
    if (i % 1000 === 7) rareTerms.push(rare[0]);
    const body =
      Array.from(
        { length: 8 },
        () =>
          `${pick(places)}公安机关围绕${pick(words)}和${pick(words)}，推出${pick(words)}等措施，企业可通过${pick(words)}办理。`,
      ).join("") + `涉及企业：${rare.join("、")}。`;
    const at = new Date(now.getTime() - rand() * span);
    pubRows.push({
      id: uuid(),
      kind,
      title,
      summary,
      body,
      district: null,
      status: "published",
      authorId: supervisor.id,
      unitId: "zb-liaison",
      publishedBy: supervisor.id,
      publishedAt: at,
      createdAt: at,
      searchTokens: searchTokens(`${title} ${summary} ${body}`).join(" "),
    });
  }
  await ins(publications, "publications", pubRows, 2000);

  // Pass codes and NEV filings for W8's plates.
  const plates = Array.from(
    { length: 200 },
    (_, i) => `鲁C${String(10000 + i * 37).slice(-5)}`,
  );
  await ins(
    passCodes,
    "pass_codes",
    plates.map((plate, i) => ({
      id: uuid(),
      code: `BENCH${String(i).padStart(6, "0")}`,
      itemId: null,
      enterpriseId: pick(ents).id,
      plate,
      kind: i % 2 ? "short-term" : "long-term",
      roadClasses: ["ordinary"],
      roadIds: null,
      validFrom: new Date(now.getTime() - 30 * 86400_000),
      validTo: new Date(now.getTime() + (i % 3 === 0 ? -1 : 60) * 86400_000),
      status: "valid",
      signature: sha256(plate),
      createdAt: now,
    })),
  );
  const zhangdianSubmitters = ents
    .filter((e) => e.district === "zhangdian")
    .slice(0, 2000)
    .map((e) => e.user);
  o.log(
    `  ${o.publications} publications; generation done in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return {
    now,
    items: o.items,
    events: nEvents,
    enterprises: nEnt,
    units: new Set(handling.map((u) => u.id)).size,
    byStatus,
    officer,
    supervisor,
    zhangdianSubmitters,
    zhangdianItemIds,
    plates,
    // Half common words (match thousands of texts), half rare names (match a handful).
    searchTerms: [
      "人才落户",
      "货车通行",
      "电信诈骗",
      "居住证办理",
      ...rareTerms.slice(0, 4),
    ],
  };
}

/** Sessions as the login would leave them (the cookie's sha-256 is the id); returns the cookie values. */
export async function createSessions(
  db: Queryable,
  userIds: string[],
  now: Date,
  seed: number,
  pglite?: { exec(q: string): Promise<unknown> },
): Promise<Map<string, string>> {
  const rand = prng(seed);
  const tokens = new Map<string, string>();
  const rows = userIds.map((userId) => {
    const token = Array.from(
      { length: 43 },
      () =>
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[
          Math.floor(rand() * 62)
        ],
    ).join("");
    tokens.set(userId, token);
    return {
      id: sha256(token),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 7 * 86400_000),
      lastSeenAt: now,
    };
  });
  await bulkInsert(db, sessions, "sessions", rows, 2000, pglite);
  return tokens;
}
