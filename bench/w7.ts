/**
 * W7: a coordinator's 10,000-row residence-permit spreadsheet with 2 % bad rows, then the corrected file.
 * In process (the server's own import, no HTTP: the ceiling) and through the real server's upload route.
 */
import ExcelJS from "exceljs";
import { makeIdCard } from "@jqt/domain";
import type { AppContext } from "../apps/server/src/context.ts";
import type { UserActor } from "../apps/server/src/modules/accounts/actor.ts";
import { importResidenceBatch } from "../apps/server/src/modules/applications/residence-batches.ts";

export const W7_ROWS = 10_000;
/** Every 50th row has a wrong ID check digit: 2 %. */
const isBad = (i: number) => i % 50 === 7;

export interface W7Files {
  first: Buffer;
  corrected: Buffer;
  bad: number;
}

export interface W7Run {
  /** Seconds for the file with bad rows, and for the corrected file. */
  firstSeconds: number;
  correctedSeconds: number;
  created: number;
  rejected: number;
  /** Of the corrected upload: new items (must be the bad rows) and rows refused as already filed. */
  createdOnCorrection: number;
  duplicatesOnCorrection: number;
  /** Every good row filed once, every bad row reported, nothing doubled. */
  correct: boolean;
}

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名单");
  ws.addRow(["姓名", "公民身份号码", "手机号码", "居住地址", "居住起始日期"]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `prefix` keeps two runs' people apart (each enterprise files its own employees). */
export async function w7Files(prefix: string): Promise<W7Files> {
  const idOf = (i: number) =>
    makeIdCard(
      prefix,
      `1985-${String((Math.floor(i / 1000) % 12) + 1).padStart(2, "0")}-${String((Math.floor(i / 1000) % 28) + 1).padStart(2, "0")}`,
      i % 1000,
    );
  const rows = (fix: boolean) =>
    Array.from({ length: W7_ROWS }, (_, i) => {
      const id = idOf(i);
      const wrong = id.slice(0, 17) + (id[17] === "0" ? "1" : "0");
      return [
        `员工${i}`,
        isBad(i) && !fix ? wrong : id,
        `139${String(i).padStart(8, "0")}`,
        `淄博市张店区华光路 ${i} 号职工宿舍`,
        "2026-01-15",
      ];
    });
  const bad = Array.from({ length: W7_ROWS }, (_, i) => i).filter(
    isBad,
  ).length;
  return {
    first: await sheet(rows(false)),
    corrected: await sheet(rows(true)),
    bad,
  };
}

type Outcome = { created: number; rejected: { errors: { code: string }[] }[] };

function judge(
  files: W7Files,
  a: Outcome,
  b: Outcome,
  firstSeconds: number,
  correctedSeconds: number,
): W7Run {
  const duplicates = b.rejected.filter(
    (r) => r.errors[0]?.code === "duplicate",
  ).length;
  return {
    firstSeconds,
    correctedSeconds,
    created: a.created,
    rejected: a.rejected.length,
    createdOnCorrection: b.created,
    duplicatesOnCorrection: duplicates,
    correct:
      a.created === W7_ROWS - files.bad &&
      a.rejected.length === files.bad &&
      b.created === files.bad &&
      duplicates === W7_ROWS - files.bad,
  };
}

const seconds = (t: number) =>
  Math.round((performance.now() - t) / 10) / 100;

export async function w7InProcess(
  ctx: AppContext,
  actor: UserActor,
  files: W7Files,
): Promise<W7Run> {
  const t1 = performance.now();
  const a = await importResidenceBatch(ctx, actor, files.first);
  const s1 = seconds(t1);
  const t2 = performance.now();
  const b = await importResidenceBatch(ctx, actor, files.corrected);
  return judge(files, a, b, s1, seconds(t2));
}

export async function w7OverHttp(
  base: string,
  cookie: string,
  files: W7Files,
): Promise<W7Run> {
  const upload = async (bytes: Buffer) => {
    const form = new FormData();
    form.append(
      "file",
      new Blob([new Uint8Array(bytes)], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
      "名单.xlsx",
    );
    const r = await fetch(`${base}/api/v1/residence-permits/batches`, {
      method: "POST",
      headers: { cookie },
      body: form,
    });
    if (r.status !== 201)
      throw new Error(`W7 upload: ${r.status} ${(await r.text()).slice(0, 300)}`);
    return (await r.json()) as Outcome;
  };
  const t1 = performance.now();
  const a = await upload(files.first);
  const s1 = seconds(t1);
  const t2 = performance.now();
  const b = await upload(files.corrected);
  return judge(files, a, b, s1, seconds(t2));
}
