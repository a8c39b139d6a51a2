// Runs node's test runner over one suite's files. Node 20's --test does not expand globs, so we list them here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const suites = {
  domain: ['packages/domain/src'],
  server: ['apps/server/test'],
  e2e: ['apps/web/e2e'],
};
const which = process.argv[2] ?? 'all';
const roots = which === 'all' ? [...suites.domain, ...suites.server, ...suites.e2e] : suites[which];
if (!roots) {
  console.error(`unknown suite ${which}; one of: all, ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

function walk(dir) {
  let out = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
// The whole suite starts with the linter (the architecture's boundaries, see eslint.config.js): a lint error fails the run.
if (which === 'all') {
  console.log('== npm run lint');
  const lint = spawnSync('npm', ['run', 'lint'], { stdio: 'inherit' });
  if (lint.status !== 0) {
    console.error('lint failed: fix it (npm run lint) before the tests run');
    process.exit(lint.status ?? 1);
  }
}

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
// The browser tests run after the others, not beside them: each starts a server and a browser, and on two cores
// they should not share the machine with the server suite's databases.
const groups = which === 'all' ? [[...suites.domain, ...suites.server], suites.e2e] : [roots];
let status = 0;
for (const group of groups) {
  const files = group.flatMap(walk).sort();
  if (files.length === 0) {
    console.error(`no test files found in ${group.join(', ')}`);
    process.exit(1);
  }
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', NODE_ENV: 'test' } },
  );
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
