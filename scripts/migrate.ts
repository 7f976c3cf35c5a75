// `npm run migrate`: applies pending migrations to the configured database and exits.
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';

const config = loadConfig();
const h = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
const applied = await migrate(h.db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await h.close();
