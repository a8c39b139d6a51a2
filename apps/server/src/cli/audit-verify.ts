import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { chainPendingAudit, verifyAuditChain } from '../modules/audit/service.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
// Records still waiting (a server stopped before its chainer ran) join the chain first, so none is left out.
await chainPendingAudit(database.db);
const r = await verifyAuditChain(database.db);
await database.close();
if (r.ok) {
  console.log(`audit chain intact: ${r.checked} entries`);
} else {
  console.error(`audit chain BROKEN at entry ${r.brokenAt!.id} (${r.brokenAt!.reason}); ${r.checked} entries before it are intact`);
  process.exit(1);
}
