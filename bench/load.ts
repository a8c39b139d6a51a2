/** The two ways the bench drives a workload: closed-loop calls in this process (ceilings), and autocannon over HTTP. */
import autocannon from "autocannon";

export interface Figures {
  connections: number;
  seconds: number;
  requests: number;
  /** Successful operations per second. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** HTTP answers other than the expected status (counted as errors). */
  non2xx?: number;
  /** HTTP requests sent but not answered when the run ended: their latency is not in the percentiles (survivor bias). */
  unfinished?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[i];
}

function summarize(
  connections: number,
  seconds: number,
  lat: number[],
  errors: number,
  non2xx?: number,
): Figures {
  lat.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    connections,
    seconds: r(seconds),
    requests: lat.length,
    rps: r(lat.length / seconds),
    p50: r(percentile(lat, 50)),
    p95: r(percentile(lat, 95)),
    p99: r(percentile(lat, 99)),
    max: r(lat[lat.length - 1] ?? NaN),
    errors,
    ...(non2xx !== undefined ? { non2xx } : {}),
  };
}

/** `connections` workers each calling `op` back to back for `seconds` (after a short warm-up). */
export async function closedLoop(
  op: (i: number) => Promise<unknown>,
  connections: number,
  seconds: number,
  warmup = 0.5,
): Promise<Figures> {
  let i = 0;
  const warmEnd = Date.now() + warmup * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < warmEnd) await op(i++);
    }),
  );
  const lat: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let firstError: unknown = null;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await op(i++);
          lat.push(performance.now() - t);
        } catch (e) {
          errors += 1;
          firstError ??= e;
        }
      }
    }),
  );
  if (firstError)
    console.warn(
      "  ceiling error:",
      (firstError as Error).message?.slice(0, 300),
    );
  return summarize(
    connections,
    (performance.now() - start) / 1000,
    lat,
    errors,
  );
}

export interface HttpRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** autocannon against the server; `make(i)` gives the i-th request (rotating sessions, ids, queries). */
export async function http(
  base: string,
  make: (i: number) => HttpRequest,
  connections: number,
  seconds: number,
  expect: number,
): Promise<Figures> {
  let n = 0;
  const lat: number[] = [];
  let bad = 0;
  const statuses: Record<number, number> = {};
  let sample: string | null = null;
  const first = make(0);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: first.method,
            path: first.path,
            setupRequest: (req: Record<string, unknown>) => {
              const r = make(n++);
              return {
                ...req,
                method: r.method,
                path: r.path,
                headers: {
                  ...(r.body ? { "content-type": "application/json" } : {}),
                  ...(r.headers ?? {}),
                },
                body: r.body,
              };
            },
          },
        ],
      } as autocannon.Options,
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on(
      "response",
      (_client: unknown, status: number, _bytes: number, ms: number) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === expect) lat.push(ms);
        else bad += 1;
      },
    );
    inst.on("reqError", (e: Error) => {
      sample ??= e.message;
    });
  });
  if (bad)
    console.warn(
      `  ${bad} answers were not ${expect}: ${JSON.stringify(statuses)}`,
    );
  if (sample) console.warn("  request error:", sample);
  const f = summarize(
    connections,
    result.duration,
    lat,
    result.errors + result.timeouts,
    bad,
  );
  const unfinished = Math.max(
    0,
    n - lat.length - bad - result.errors - result.timeouts,
  );
  if (unfinished > connections)
    console.warn(
      `  ${unfinished} requests were still unanswered when the run ended: percentiles cover finished requests only`,
    );
  return { ...f, unfinished };
}

/** Warm-up: a few hundred requests so the server's JIT, caches and pools are warm. */
export async function warm(
  base: string,
  make: (i: number) => HttpRequest,
  n = 200,
  expect = 200,
) {
  const end = Date.now() + 3000;
  for (let i = 0; i < n && Date.now() < end; i++) {
    const r = make(1_000_000 + i);
    const res = await fetch(base + r.path, {
      method: r.method,
      headers: {
        ...(r.body ? { "content-type": "application/json" } : {}),
        ...(r.headers ?? {}),
      },
      body: r.body,
    });
    const text = await res.text();
    if (res.status !== expect && i === 0)
      console.warn(
        `  warm-up ${r.method} ${r.path}: ${res.status} ${text.slice(0, 400)}`,
      );
  }
}
