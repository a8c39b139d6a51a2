import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { restorePglite, restorePostgres } from '../db/backup.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run db:restore -- FILE');
  process.exit(2);
}
const config = loadConfig();
const source = resolve(process.env.INIT_CWD ?? process.cwd(), file);
if (config.databaseUrl) {
  restorePostgres(source, config.databaseUrl);
  console.log('PostgreSQL restored');
} else {
  const kept = await restorePglite(source, config.dataDir);
  console.log(`embedded database restored into ${config.dataDir}${kept ? `; the previous folder is kept at ${kept}` : ''}`);
}
