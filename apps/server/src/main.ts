import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { buildApp } from './app.ts';
import { seedReference } from './db/seed/reference.ts';
import { seedDemo } from './db/seed/demo.ts';
import { startAuditAnchor, startAuditChainer } from './jobs/audit-chainer.ts';
import { startDeadlineSweeper } from './jobs/deadline-sweeper.ts';
import { startOutboxWorker } from './jobs/outbox-worker.ts';
import type { AppContext } from './context.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
const ctx: AppContext = { database, config, now: () => new Date() };
await seedReference(ctx);
if (config.seedDemo) await seedDemo(ctx);
const app = await buildApp(ctx);
const jobs = [startDeadlineSweeper(ctx, app.log), startAuditChainer(ctx, app.log), startAuditAnchor(ctx, app.log), startOutboxWorker(ctx, app.log)];

let stopping = false;
const shutdown = async () => {
  // Ctrl-C reaches the whole process group and the launcher passes it on too: stop once.
  if (stopping) return;
  stopping = true;
  jobs.forEach((j) => j.stop());
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ port: config.port, host: config.host });
app.log.info(`警企通 on http://localhost:${config.port} (${database.kind})`);
