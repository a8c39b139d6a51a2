/**
 * Browser test support: builds the web app once per test run, starts the real server on a free port with a
 * fresh data folder (demo data seeded), launches Debian's Chromium through playwright-core, and cleans up.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { readLedgerBook } from '../../../test-support/ledger-book.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DEMO_PASSWORD = 'Jqt#2026demo';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const SCREENSHOTS = process.env.SCREENSHOTS === '1';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each started server's log by origin, so a helper that sees only a page can print it beside a failure. */
const serverLogs = new Map<string, () => string>();
const lastServerLog = (origin: string) => `server log (tail):\n${(serverLogs.get(origin)?.() ?? '(not started here)').slice(-3000)}`;

const TOTP_MS = 30_000;
/** The last TOTP step each user signed in with, per server (each test file starts its own). */
const lastStep = new Map<string, number>();

/**
 * A TOTP code this user has not used yet on this server. The server accepts the current step and its neighbours
 * but never a step not newer than the last one it accepted (replay protection), so a user who signs in twice in
 * one window takes the next step's code, and waits only for a third sign-in in the same window.
 */
async function freshTotp(server: string, username: string): Promise<string> {
  const key = `${server} ${username}`;
  let current = Math.floor(Date.now() / TOTP_MS);
  const wanted = Math.max(current, (lastStep.get(key) ?? -1) + 1);
  if (wanted > current + 1) {
    const wait = (wanted - 1) * TOTP_MS - Date.now() + 300;
    console.log(`# e2e: ${username} waits ${Math.round(wait / 1000)} s for an unused TOTP step`);
    await sleep(wait);
    current = wanted - 1;
  }
  lastStep.set(key, wanted);
  return generateHOTP(decodeBase32IgnorePadding(TOTP_SECRET), BigInt(wanted), 6);
}

/**
 * Runs `work` once per `node --test` run, however many files ask (files run in parallel share the parent's pid as
 * the run id): the first takes a lock folder, the others wait for its stamp; a failed attempt frees the lock, so a
 * waiting file tries again itself.
 */
async function oncePerRun(name: string, what: string, work: () => Promise<void>): Promise<void> {
  const base = join(tmpdir(), `jqt-${name}-${process.ppid}`);
  const stamp = `${base}.ok`;
  const lock = `${base}.lock`;
  if (existsSync(stamp)) return;
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    /* another file is at it */
  }
  if (mine) {
    try {
      await work();
    } catch (e) {
      rmSync(lock, { recursive: true, force: true });
      throw e;
    }
    writeFileSync(stamp, 'ok');
    return;
  }
  for (let i = 0; i < 600 && !existsSync(stamp); i++) {
    if (!existsSync(lock)) return oncePerRun(name, what, work);
    await sleep(500);
  }
  if (!existsSync(stamp)) throw new Error(`timed out waiting for ${what}`);
}

/** Builds apps/web once per test run. */
async function buildWebOnce() {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(ROOT, 'apps/web/dist/index.html'))) return;
  await oncePerRun('web-build', 'the web build', async () => {
    // the test runner sets NODE_ENV=test, which would make Vite bundle React's development build
    const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
  });
}

/**
 * Seeds one data folder with the demo per test run and gives every file a copy: seeding takes about 20 s and a
 * restart on a seeded folder about 4 s, and the seed is the same for every file (it is made of the same run's
 * "today"). The server is stopped cleanly before the folder is copied, so the embedded database is closed.
 */
async function seededDataOnce(): Promise<string> {
  const template = join(tmpdir(), `jqt-e2e-seed-${process.ppid}`);
  await oncePerRun('e2e-seed', 'the seeded demo data', async () => {
    // earlier runs' seeds (a run leaves its own behind: files of the run copy it until the last one starts)
    for (const name of readdirSync(tmpdir())) {
      const p = join(tmpdir(), name);
      if (name.startsWith('jqt-e2e-seed-') && !p.startsWith(template) && Date.now() - statSync(p).mtimeMs > 6 * 3600_000) rmSync(p, { recursive: true, force: true });
    }
    rmSync(template, { recursive: true, force: true });
    const port = await freePort();
    const { server, log } = spawnServer(port, join(template, 'data'));
    await waitHealthy(`http://127.0.0.1:${port}`, server, log);
    if (!(await stopServer(server, 15_000))) throw new Error(`the seeding server did not stop:\n${log().slice(-3000)}`);
  });
  return template;
}

/** The real server on a port and a data folder, its output kept for failure messages. */
function spawnServer(port: number, dataDir: string, env: Record<string, string> = {}) {
  let log = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  return { server: server as ChildProcess, log: () => log };
}

/** SIGTERM (the server closes its database), waiting up to `ms`; whether it exited. */
async function stopServer(server: ChildProcess, ms: number): Promise<boolean> {
  if (server.exitCode !== null) return true;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, sleep(ms)]);
  return server.exitCode !== null;
}

async function waitHealthy(baseURL: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${log().slice(-3000)}`);
    try {
      const r = await fetch(`${baseURL}/api/v1/health`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${log().slice(-3000)}`);
    await sleep(300);
  }
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

export interface Stack {
  baseURL: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) with the UI language preset. */
  newPage(opts?: { lang?: 'zh-CN' | 'en'; phone?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  /** Fails the suite (from `after`) when a page logged an error or warning, threw, or got a 5xx (issue 16). */
  stop(): Promise<void>;
  serverLog(): string;
  /** What the pages logged so far that a normal journey must not: console errors and warnings, page errors, 5xx. */
  consoleProblems(): string[];
  /** Lines a test provokes on purpose (e.g. requests it aborts) are not problems, for the rest of the suite. */
  allowConsole(pattern: RegExp): void;
}

/**
 * Console lines of a 4xx the browser loaded are left to the response listener: tests provoke 422s and 403s on
 * purpose, and which statuses are normal depends on the request, not on the line's text.
 */
const LOADED_STATUS = /^Failed to load resource: the server responded with a status of 4\d\d/;

/**
 * E2E_BASE_URL=http://127.0.0.1:3000 runs the tests against a server you already started (no build, no spawn).
 * `env` adds to the server's environment (e.g. `SMTP_URL`, to turn the e-mail channel on).
 */
export async function startStack(opts: { env?: Record<string, string> } = {}): Promise<Stack> {
  const external = process.env.E2E_BASE_URL;
  if (!external) await buildWebOnce();
  const port = external ? 0 : await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'jqt-e2e-'));
  if (!external) cpSync(join(await seededDataOnce(), 'data'), join(dataDir, 'data'), { recursive: true });
  const { server, log: serverLog } = external ? { server: spawn(process.execPath, ['-e', 'setInterval(()=>{},1e6)'], { stdio: 'ignore' }) as ChildProcess, log: () => '' } : spawnServer(port, join(dataDir, 'data'), opts.env);
  const baseURL = external ?? `http://127.0.0.1:${port}`;
  serverLogs.set(new URL(baseURL).origin, serverLog);
  await waitHealthy(baseURL, server, serverLog);
  // playwright gives every launch its own empty temporary profile (the --user-data-dir of STACK.md)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];
  const allowed: RegExp[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (e) => problems.push(`page error at ${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if ((m.type() === 'error' || m.type() === 'warning') && !LOADED_STATUS.test(m.text())) problems.push(`console ${m.type()} at ${page.url()}: ${m.text().slice(0, 400)}`);
    });
  };
  return {
    baseURL,
    browser,
    serverLog,
    consoleProblems: () => problems.filter((p) => !allowed.some((a) => a.test(p))),
    allowConsole: (pattern: RegExp) => {
      allowed.push(pattern);
      problems = problems.filter((p) => !pattern.test(p));
    },
    async newPage({ lang = 'zh-CN', phone = false } = {}) {
      const context = await browser.newContext({
        baseURL,
        viewport: phone ? PHONE : DESKTOP,
        deviceScaleFactor: 1,
        isMobile: phone,
        hasTouch: phone,
        locale: lang,
        timezoneId: 'Asia/Shanghai',
      });
      await context.addInitScript((l) => {
        try {
          if (!localStorage.getItem('jqt.lang')) localStorage.setItem('jqt.lang', l);
        } catch {
          /* about:blank */
        }
      }, lang);
      context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 45_000));
      contexts.push(context);
      // A refused action shows in the UI as "nothing happened": print the server's reason beside the test's failure.
      context.on('response', (r) => {
        if (r.status() >= 400 && /\/transitions$/.test(r.url())) void r.text().then((b) => console.log(`# e2e: ${r.status()} ${r.request().method()} ${r.url()}: ${b.slice(0, 500)}`), () => {});
        // a visit reads as the signed-in user or as nobody: a 401 on a read is a page asking for what it may not
        if (r.status() >= 500 || (r.status() === 401 && r.request().method() === 'GET')) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
      context.on('page', watch);
      const page = await context.newPage();
      return { context, page };
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => {});
      const unclean = problems.filter((p) => !allowed.some((a) => a.test(p)));
      await browser.close().catch(() => {});
      if (!(await stopServer(server, 5000))) server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      assert.deepEqual(unclean, [], 'a normal journey leaves the browser console clean');
    },
  };
}

/**
 * Saves docs/screenshots/<name>.png when SCREENSHOTS=1 (so CI never rewrites them): the top of the page, or with
 * `{ here: true }` the viewport where the test scrolled to (e.g. a row with its error), or `{ fullPage: true }`.
 */
export async function shot(page: Page, name: string, opts: { here?: boolean; fullPage?: boolean } = {}) {
  if (!SCREENSHOTS) return;
  const dir = join(ROOT, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  if (!opts.here) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: !!opts.fullPage });
}

/** Runs axe and returns the serious and critical violations (empty when the page passes). */
export async function seriousViolations(page: Page) {
  // A dialog, popup or message still fading in or out (antd's *-enter/-appear/-leave motion classes and their
  // animations) would be read as low-contrast text; endless animations (spinners, skeletons) never settle.
  await page
    .waitForFunction(
      () =>
        !document.querySelector('[class*="-leave-active"], [class*="-leave-start"], [class*="-leave-prepare"], [class*="-fade-leave"], [class*="-enter-active"], [class*="-appear-active"]') &&
        !document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) }));
}

/** Signs in through the login page; staff accounts get the TOTP field after the first answer. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.getByTestId('login-submit').click();
  const totpField = page.locator('#login_totp');
  const t0 = Date.now();
  const landed = page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 45_000 }).then(() => 'landed' as const, () => 'timeout' as const);
  const asked = totpField.waitFor({ state: 'visible', timeout: 15_000 }).then(() => 'totp' as const, () => 'timeout' as const);
  const first = await Promise.race([landed, asked]);
  if (first === 'timeout') throw new Error(`sign-in of ${username} neither landed nor asked for a TOTP`);
  if (first === 'totp') {
    const server = new URL(page.url()).origin;
    for (let attempt = 0; ; attempt++) {
      await totpField.fill(await freshTotp(server, username));
      // The server's answer decides, not what the form shows (an error of the previous attempt may still be on it);
      // landing off the login page is success too.
      const notLogin = (u: URL) => !u.pathname.startsWith('/login');
      const answered = page
        .waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/login' && r.request().method() === 'POST', { timeout: 60_000 })
        .then((r) => (r.ok() ? ('ok' as const) : ('rejected' as const)), () => ('none' as const));
      const landed = page.waitForURL(notLogin, { timeout: 60_000 }).then(() => 'ok' as const, () => 'none' as const);
      const submit = page.getByTestId('login-submit');
      await submit.and(page.locator(':not(.ant-btn-loading)')).waitFor();
      await submit.click();
      const outcome = await Promise.race([answered, landed]);
      if (outcome === 'none') throw new Error(`sign-in of ${username}: no answer to the TOTP step in 60 s\n${lastServerLog(server)}`);
      if (outcome === 'ok') {
        await page.waitForURL(notLogin, { timeout: 45_000 });
        break;
      }
      if (attempt >= 1) throw new Error(`TOTP sign-in of ${username} rejected twice`);
    }
  }
  if (process.env.E2E_DEBUG) console.log(`signed in ${username} in ${Date.now() - t0} ms`);
}

/** Fills any ItemForm from its item type's JSON Schema (by the antd ids `<formName>_<field>`). */
export async function fillItemForm(page: Page, formName: string, schema: { properties: Record<string, { 'x-widget'?: string; type: string; enum?: unknown[] }>; required?: string[] }, values: Record<string, string | boolean>) {
  for (const [name, f] of Object.entries(schema.properties)) {
    const v = values[name];
    if (v === undefined) continue;
    const el = page.locator(`#${formName}_${name}`);
    const w = f['x-widget'] ?? (f.enum ? 'select' : 'text');
    if (w === 'select') {
      await el.click();
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${String(v)}"], .ant-select-dropdown:visible .ant-select-item-option:has-text("${String(v)}")`).first().click();
    } else if (w === 'boolean') {
      if (v) await el.click();
    } else if (w === 'date') {
      await el.click();
      await el.fill(String(v));
      await el.press('Enter');
    } else {
      await el.fill(String(v));
    }
  }
}

export function readJson<T>(p: string): T {
  return JSON.parse(readFileSync(p, 'utf8')) as T;
}

/** A valid fictional USCC (GB 32100-2015 check character) built from a 17-character body. */
export function makeUscc(seed: number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const digits = String(seed).padStart(9, '0').slice(-9);
  const body = `91370303${digits}`; // 91 + 370303 (张店区) + organization code
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body[i]) * weights[i];
  const c = (31 - (sum % 31)) % 31;
  return body + alphabet[c];
}

export interface ApiSession {
  /** JSON request as this user (throws with the problem's text on an error status). */
  json<T = unknown>(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<T>;
  /** Raw text (e.g. an HTML receipt). */
  text(path: string): Promise<string>;
}

/** Signs in through the API, for test set-up and side steps that are not the journey under test (staff with a TOTP code). */
export async function apiSession(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const login = async (extra: Record<string, string>) =>
    fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, ...extra }) });
  let res = await login({});
  if (res.status === 401 && ((await res.clone().json()) as { code?: string }).code === 'totp_required') {
    res = await login({ totp: await freshTotp(new URL(baseURL).origin, username) });
  }
  if (!res.ok) throw new Error(`API sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const call = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const r = await fetch(`${baseURL}/api/v1${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { cookie, accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path} as ${username}: ${r.status} ${await r.text()}`);
    return r;
  };
  return {
    json: async <T,>(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }) => (await (await call(path, init)).json()) as T,
    text: async (path: string) => (await call(path)).text(),
  };
}

/** Today and later dates in Beijing, for forms that take a date (YYYY-MM-DD). */
export function beijingDate(plusDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/** Whether the page scrolls sideways (nothing may overflow at 390 px). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Confirms the open action dialog and waits for it to close; a field error in the dialog fails at once with its
 * text (under load a dialog can refuse for a reason the test did not expect, which would otherwise be a timeout).
 */
export async function confirmAction(page: Page) {
  const errors = page.locator('.ant-modal-wrap:visible .ant-form-item-explain-error');
  // Errors of an earlier attempt clear once the fields hold their values; one that stays means a value did not take.
  const cleared = await errors.first().waitFor({ state: 'detached', timeout: 15_000 }).then(() => true, () => false);
  assert.ok(cleared, `the dialog still shows: ${await errors.allInnerTexts()}`);
  await page.getByTestId('action-confirm').click();
  const closed = page
    .locator('.ant-modal-wrap:visible')
    .waitFor({ state: 'detached' })
    .then(() => 'closed' as const, () => 'still open' as const);
  const refused = page
    .locator('.ant-modal-wrap:visible .ant-form-item-explain-error')
    .first()
    .waitFor()
    .then(
      async () => `refused: ${await page.locator('.ant-modal-wrap:visible .ant-form-item-explain-error').allInnerTexts()}`,
      () => 'closed' as const,
    );
  const outcome = await Promise.race([closed, refused]);
  assert.equal(outcome, 'closed', `the action dialog did not close (${outcome})`);
}

/**
 * Picks an option of an antd Select by its text: waits until the select shows it and its dropdown has closed. On a
 * loaded machine a click can land while the dropdown still animates open; then it opens the dropdown again.
 */
export async function choose(page: Page, id: string, option: string) {
  const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
  for (let attempt = 0; ; attempt++) {
    await page.locator(`#${id}`).click();
    await page.locator(`${open} .ant-select-item-option`, { hasText: option }).last().click();
    const shown = await page.locator(`.ant-select:has(#${id})`).filter({ hasText: option }).first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (shown) break;
    if (attempt >= 2) throw new Error(`the select #${id} does not show ${option}`);
    await page.keyboard.press('Escape');
  }
  const closed = await page.waitForFunction((sel) => !document.querySelector(sel), open, { timeout: 10_000 }).then(() => true, () => false);
  if (!closed) await page.keyboard.press('Escape');
}

/** Clicks a ledger button (导出台账), waits for the download named `jqt-<name>-<minute>.xlsx` and reads the book back. */
export async function downloadLedger(page: Page, testId: string, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  assert.match(file.suggestedFilename(), new RegExp(`^jqt-${name}-\\d{12}\\.xlsx$`));
  return readLedgerBook(readFileSync(await file.path()));
}
