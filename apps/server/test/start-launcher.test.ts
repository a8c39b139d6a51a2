import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Issue 16, point 18: `npm start` stopped with SIGTERM or SIGINT stops the server too, and exits when it exits.
 * Starts the real thing (without the web build) on a free port with its own embedded database.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Every process under `pid` (children, grandchildren …), read from ps. */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of rows) if (pp === p) (out.push(c!), walk(c!));
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(what: string, ok: () => Promise<boolean> | boolean, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function startAndStop(command: string, args: string[], signal: NodeJS.Signals) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'jqt-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'data'), NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const launcher: ChildProcess = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  launcher.stderr!.on('data', (d) => (stderr += d));
  let tree: number[] = [];
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => launcher.on('exit', (code, sig) => resolve({ code, signal: sig })));
  try {
    await waitFor(`the server on port ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/api/v1/health`).catch(() => null))?.ok === true, 60_000);
    tree = descendants(launcher.pid!);
    assert.ok(tree.length >= 1, 'the server runs as a child');
    launcher.kill(signal);
    const r = await Promise.race([exited, new Promise<null>((res) => setTimeout(() => res(null), 20_000))]);
    assert.ok(r, `${command} did not exit after ${signal}`);
    await waitFor('every child to be gone', () => tree.every((p) => !alive(p)), 10_000);
    assert.equal(await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(() => 'answered', () => 'refused'), 'refused');
    return r;
  } finally {
    // Whatever this test started and is still running (the bug this test is about) is killed, by its own ids.
    for (const p of new Set([...(alive(launcher.pid!) ? [launcher.pid!, ...descendants(launcher.pid!)] : []), ...tree])) if (alive(p)) process.kill(p, 'SIGKILL');
    launcher.stderr!.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.START_DEBUG) console.log(stderr);
  }
}

test('npm start, then SIGTERM to npm: the server stops and npm exits', { timeout: 120_000 }, async () => {
  await startAndStop('npm', ['start', '--silent', '--', '--no-build'], 'SIGTERM');
});

test('the launcher, then SIGINT: the server stops and the launcher exits with the server\'s code', { timeout: 120_000 }, async () => {
  const r = await startAndStop(process.execPath, ['scripts/start.mjs', '--no-build'], 'SIGINT');
  assert.equal(r.code, 0);
});
