// Import cycles, type-only imports included (import-x/no-cycle in eslint.config.js follows value imports only).
// Reads every .ts/.tsx file of packages/, apps/ and bench/ with TypeScript's own import scanner, resolves relative
// and @jqt/domain imports to files, and prints each strongly connected group of files. Exit 1 when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const domainSrc = join(root, 'packages/domain/src');

function walk(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function resolveFile(base) {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function target(from, spec) {
  if (spec === '@jqt/domain') return join(domainSrc, 'index.ts');
  if (spec.startsWith('@jqt/domain/')) return resolveFile(join(domainSrc, spec.slice('@jqt/domain/'.length)));
  if (spec.startsWith('.')) return resolveFile(resolve(dirname(from), spec));
  return null; // a package: not ours
}

const files = ['packages', 'apps', 'bench'].flatMap((d) => (existsSync(join(root, d)) ? walk(join(root, d)) : []));
const edges = new Map();
for (const f of files) {
  const { importedFiles } = ts.preProcessFile(readFileSync(f, 'utf8'), true, true);
  edges.set(f, [...new Set(importedFiles.map((i) => target(f, i.fileName)).filter((t) => t !== null && t !== f))]);
}

// Tarjan's strongly connected components, iteratively (deep import chains would overflow the stack).
let index = 0;
const idx = new Map();
const low = new Map();
const onStack = new Set();
const stack = [];
const cycles = [];
for (const start of files) {
  if (idx.has(start)) continue;
  const work = [[start, 0]];
  idx.set(start, index);
  low.set(start, index++);
  stack.push(start);
  onStack.add(start);
  while (work.length) {
    const frame = work[work.length - 1];
    const [v, i] = frame;
    const next = edges.get(v) ?? [];
    if (i < next.length) {
      frame[1]++;
      const w = next[i];
      if (!edges.has(w)) continue;
      if (!idx.has(w)) {
        idx.set(w, index);
        low.set(w, index++);
        stack.push(w);
        onStack.add(w);
        work.push([w, 0]);
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    } else {
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(v)));
      }
      if (low.get(v) === idx.get(v)) {
        const group = [];
        let w;
        do {
          w = stack.pop();
          onStack.delete(w);
          group.push(w);
        } while (w !== v);
        if (group.length > 1) cycles.push(group.map((g) => relative(root, g)).sort());
      }
    }
  }
}

if (cycles.length) {
  console.error(`${cycles.length} import cycle(s), type-only imports included:`);
  for (const c of cycles) console.error(`  ${c.join(' ↔ ')}`);
  process.exit(1);
}
console.log(`no import cycles in ${files.length} files (type-only imports included)`);
