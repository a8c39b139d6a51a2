import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

/** One interface over PGlite and node-postgres: the same schema, migrations and queries on both. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query surface. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Rows of a raw statement, the same shape on both back ends. */
  rows<T = Record<string, unknown>>(q: SQL, on?: Queryable): Promise<T[]>;
  /** Subscribe to a NOTIFY channel (cross-instance events). */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
  pglite?: PGlite;
}

const migrationsFolder = new URL('./migrations', import.meta.url).pathname;

async function rowsOf<T>(on: Queryable, q: SQL): Promise<T[]> {
  const r = (await on.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}

/** PGlite keeps its folder with one process: a second one must refuse, not corrupt it (STACK.md). */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'jqt.lock');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    let alive = false;
    try {
      if (pid && pid !== process.pid) {
        process.kill(pid, 0);
        alive = true;
      }
    } catch {
      alive = false;
    }
    if (alive) {
      throw new Error(`DATA_DIR ${dir} is in use by process ${pid}. One process owns an embedded database; run several instances on PostgreSQL (DATABASE_URL).`);
    }
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string | null }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder });
    let listener: pg.PoolClient | null = null;
    const handlers = new Map<string, Set<(p: string) => void>>();
    return {
      db,
      kind: 'postgres',
      rows: (q, on = db) => rowsOf(on, q),
      async listen(channel, onPayload) {
        if (!listener) {
          listener = await pool.connect();
          listener.on('notification', (m) => handlers.get(m.channel)?.forEach((h) => h(m.payload ?? '')));
        }
        if (!handlers.has(channel)) {
          handlers.set(channel, new Set());
          await listener.query(`LISTEN "${channel.replace(/"/g, '')}"`);
        }
        handlers.get(channel)!.add(onPayload);
        return async () => {
          handlers.get(channel)?.delete(onPayload);
        };
      },
      async notify(channel, payload) {
        await db.execute(sql`select pg_notify(${channel}, ${payload})`);
      },
      async close() {
        listener?.release();
        await pool.end();
      },
    };
  }
  const unlock = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  const client = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    pglite: client,
    rows: (q, on = db) => rowsOf(on, q),
    async listen(channel, onPayload) {
      return client.listen(channel, onPayload);
    },
    async notify(channel, payload) {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await client.close();
      unlock();
    },
  };
}
