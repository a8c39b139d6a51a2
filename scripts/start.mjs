// `npm start`: builds the web app, then runs the server, and passes SIGINT, SIGTERM and SIGHUP on to whichever is
// running; exits when the server exits, with its exit code (issue 16). The package.json script `exec`s this file,
// so the signal npm forwards to its child reaches this process rather than an intermediate shell.
//   node scripts/start.mjs [--no-build]     --no-build: serve the web app as last built (or none)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = !process.argv.includes('--no-build');
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const GRACE_MS = 15_000;

let child = null;
let stopping = null;

/** Runs one step in its own process group, so a signal reaches every process of it (npm, its shell, vite …). */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    child = spawn(command, args, { cwd, stdio: 'inherit', detached: true });
    child.on('error', (e) => {
      console.error(`${command}: ${e.message}`);
      resolve({ code: 1, signal: null });
    });
    child.on('exit', (code, signal) => {
      child = null;
      resolve({ code, signal });
    });
  });
}

function forward(signal) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

for (const signal of SIGNALS) {
  process.on(signal, () => {
    stopping ??= signal;
    forward(signal);
    // A server that does not stop in time is killed, so a stop never leaves it behind.
    setTimeout(() => forward('SIGKILL'), GRACE_MS).unref();
  });
}

const exitCode = ({ code, signal }) => (code ?? (signal ? 128 + ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 0) : 1));

if (build) {
  const r = await run('npm', ['run', 'build:web'], root);
  if (stopping || r.code !== 0) process.exit(stopping ? exitCode({ code: null, signal: stopping }) : exitCode(r));
}
const server = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], `${root}apps/server`);
process.exit(exitCode(server));
