import type { Config } from './config.ts';
import type { Database } from './db/client.ts';

/** What every service needs: the database, the configuration and a clock that tests can set. */
export interface AppContext {
  database: Database;
  config: Config;
  now: () => Date;
}
