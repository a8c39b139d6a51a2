/**
 * The store behind @fastify/rate-limit (issue 18 point 3). A route whose limit guards the deployment — sign-in,
 * registration, the public forms — declares `rateLimit: { shared: true, … }` and is counted in PostgreSQL, so N
 * instances allow what one does; other limits (abuse guards on public look-ups) stay in each process's memory,
 * where they cost nothing per request.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Queryable } from '../db/client.ts';
import { countHit, dropEndedWindows } from '../db/rate-limits.ts';

type Hit = { current: number; ttl: number };
type Callback = (err: Error | null, res?: Hit) => void;
interface Store {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void;
  /** Called with the route's merged limit options (the plugin's typings say otherwise; its code passes these). */
  child(routeOptions: unknown): Store;
}
interface RouteLimit {
  shared?: boolean | ((key: string) => boolean);
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo: { method?: string | string[]; url?: string };
}
type LocalStoreClass = new (continueExceeding: boolean, exponentialBackoff: boolean) => Store;
// The plugin's own in-memory store, for the limits each process keeps for itself.
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore') as LocalStoreClass;

/** A store class for the plugin's `store` option, bound to the database and the app's clock. */
export function deploymentStore(db: Queryable, now: () => Date) {
  let hits = 0;
  class SharedStore implements Store {
    /** The plugin constructs the root store with its options; children are per route. */
    constructor(
      _options: unknown,
      private readonly prefix = '',
      private readonly local: Store | null = null,
      private readonly sharedKey: (key: string) => boolean = () => true,
    ) {}
    incr(key: string, cb: Callback, timeWindow: number, max: number) {
      if (this.local && !this.sharedKey(key)) return this.local.incr(key, cb, timeWindow, max);
      // Keys carry what the client sent (a username): hashed, they have one length and reveal nothing at rest.
      const hashed = createHash('sha256').update(this.prefix).update('\n').update(key).digest('base64url');
      const at = now();
      const tidy = ++hits % 1000 === 0 ? dropEndedWindows(db, at) : Promise.resolve();
      Promise.all([countHit(db, hashed, timeWindow, at), tidy]).then(
        ([hit]) => cb(null, hit),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      );
    }
    child(options: unknown): Store {
      const route = options as RouteLimit;
      const local = new LocalStore(!!route.continueExceeding, !!route.exponentialBackoff);
      if (!route.shared) return local;
      const prefix = `${String(route.routeInfo.method)} ${route.routeInfo.url ?? ''}`;
      return typeof route.shared === 'function' ? new SharedStore(null, prefix, local, route.shared) : new SharedStore(null, prefix);
    }
  }
  return SharedStore;
}

declare module '@fastify/rate-limit' {
  interface RateLimitOptions {
    /**
     * Counted for the whole deployment (in PostgreSQL) rather than per process: limits that guard accounts and forms;
     * a function says which keys (e.g. anonymous senders' addresses, not signed-in sessions).
     */
    shared?: boolean | ((key: string) => boolean);
  }
}
