import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

/**
 * Backups: the embedded database as PGlite's own data-directory archive, PostgreSQL with pg_dump's custom format.
 * The embedded database is owned by one process: stop the server first (the lock says so if you forget).
 */
export async function backupPglite(dataDir: string, file: string): Promise<number> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  const archive = await db.dumpDataDir('gzip');
  const bytes = Buffer.from(await archive.arrayBuffer());
  writeFileSync(file, bytes);
  await db.close();
  return bytes.length;
}

/** Restores into `dataDir`; an existing folder is kept beside it as `<dataDir>.before-restore-<time>`. */
export async function restorePglite(file: string, dataDir: string, now = new Date()): Promise<string | null> {
  let keptAt: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length) {
    keptAt = `${dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, keptAt);
  }
  const archive = new Blob([readFileSync(file)]);
  const db = new PGlite({ dataDir, loadDataDir: archive });
  await db.waitReady;
  await db.close();
  return keptAt;
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.error) throw new Error(`${cmd} is needed for PostgreSQL backups: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}`);
}

export function backupPostgres(url: string, file: string) {
  run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`]);
}

export function restorePostgres(file: string, url: string) {
  run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, file]);
}
