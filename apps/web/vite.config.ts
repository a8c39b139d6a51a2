import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Records the initial JavaScript of the public portal home (the entry chunk and every chunk it imports
 * statically: exactly what the browser must fetch before the home page renders) into dist/size-report.json.
 * The budget is 310 KB gzip (issue 4, raised from 300 on 2026-12-07: see docs/decisions.md); the build fails above it.
 */
function initialSizeReport(budgetKb = 310): Plugin {
  return {
    name: 'jqt-initial-size-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.type === 'chunk' && c.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const seen = new Set<string>();
      const walk = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        const c = bundle[name];
        if (c && c.type === 'chunk') c.imports.forEach(walk);
      };
      walk(entry.fileName);
      const files = [...seen].map((f) => {
        const c = bundle[f];
        const code = c && c.type === 'chunk' ? c.code : '';
        return { file: f, bytes: Buffer.byteLength(code), gzip: gzipSync(code).length };
      });
      const gzip = files.reduce((s, f) => s + f.gzip, 0);
      if (process.env.JQT_SIZE_DEBUG) {
        const mods: [string, number][] = [];
        for (const f of seen) {
          const c = bundle[f];
          if (c && c.type === 'chunk') for (const [id, m] of Object.entries(c.modules)) mods.push([id.replace(/.*node_modules\//, ''), m.renderedLength]);
        }
        mods.sort((a, b) => b[1] - a[1]);
        const byPkg = new Map<string, number>();
        for (const [id, n] of mods) {
          const pkg = id.startsWith('/') ? 'src' : id.split('/').slice(0, id.startsWith('@') ? 2 : 1).join('/');
          byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + n);
        }
        console.log([...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 25));
        console.log(mods.slice(0, 40));
      }
      const report = { page: 'portal home', initialJsGzipBytes: gzip, initialJsGzipKb: +(gzip / 1024).toFixed(1), budgetKb, files };
      this.emitFile({ type: 'asset', fileName: 'size-report.json', source: JSON.stringify(report, null, 2) });
      console.log(`\n[jqt] portal home initial JS: ${report.initialJsGzipKb} KB gzip (budget ${budgetKb} KB) in ${files.length} files`);
      if (gzip > budgetKb * 1024) this.error(`initial JS ${report.initialJsGzipKb} KB gzip exceeds the ${budgetKb} KB budget`);
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), initialSizeReport()],
  resolve: {
    // react-router's package points every condition at its development build; production uses its own.
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL('../../node_modules/react-router/dist/production/index.mjs', import.meta.url)) }] : [],
  },
  server: {
    port: 5173,
    // JQT_API points the dev proxy at another server (default: the one `npm start` runs).
    proxy: { '/api': { target: process.env.JQT_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
}));
