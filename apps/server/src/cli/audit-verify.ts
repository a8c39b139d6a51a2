import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { parseHead } from '../modules/audit/anchor.ts';
import { verifyAndAnchor } from '../modules/audit/service.ts';

// `npm run audit:verify [-- --head <seq>:<hash>]`: the head is one kept off the database (the log's `audit head anchored`).
const arg = process.argv.indexOf('--head');
const expectedHead = arg > 0 ? parseHead(process.argv[arg + 1] ?? '') : undefined;
if (expectedHead === null) {
  console.error('--head takes <seq>:<hash>, e.g. 1234:9f86d0…, as the log line "audit head anchored" gives it');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
// Records still waiting (a server stopped before its chainer ran) join the chain first, so none is left out.
const r = await verifyAndAnchor(database.db, config.auditSigningKey, new Date(), expectedHead);
await database.close();
const anchor = r.anchor ? `; anchor ${r.anchor.seq} of ${r.anchor.at}${r.anchor.signed ? (r.anchor.signatureValid === null ? ', signed (no key here to check it)' : ', signature valid') : ', unsigned'}` : '; no anchor yet';
if (r.ok) {
  console.log(`audit chain intact: ${r.checked} entries, head ${r.head ? `${r.head.seq}:${r.head.hash}` : 'none'}${anchor}`);
} else if (r.brokenAt!.reason === 'tail_truncated') {
  console.error(`audit chain TRUNCATED: entry ${r.brokenAt!.id} was anchored but the chain now ends at ${r.head?.seq ?? 0}${anchor}`);
  process.exit(1);
} else {
  console.error(`audit chain BROKEN at entry ${r.brokenAt!.id} (${r.brokenAt!.reason}); ${r.checked} entries before it are intact${anchor}`);
  process.exit(1);
}
