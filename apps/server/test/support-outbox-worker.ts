/**
 * The outbox worker alone, as a child process of the kill -9 test: PostgreSQL from DATABASE_URL, SMTP from SMTP_URL
 * (the test's own server). It drains until killed.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { configureChannels } from '../src/modules/notifications/channels.ts';
import { drainOutbox } from '../src/jobs/outbox-worker.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: null });
configureChannels(config);
process.send?.('ready');
for (;;) {
  const r = await drainOutbox({ database, config, now: () => new Date() });
  if (r.sent + r.retried + r.failed === 0) await new Promise((res) => setTimeout(res, 50));
}
