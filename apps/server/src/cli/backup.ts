import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { backupPglite, backupPostgres } from '../db/backup.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run db:backup -- FILE');
  process.exit(2);
}
const config = loadConfig();
const target = resolve(process.env.INIT_CWD ?? process.cwd(), file);
if (config.databaseUrl) {
  backupPostgres(config.databaseUrl, target);
  console.log(`PostgreSQL backup written to ${target}`);
} else {
  const bytes = await backupPglite(config.dataDir, target);
  console.log(`embedded database ${config.dataDir} backed up to ${target} (${bytes} bytes)`);
}
