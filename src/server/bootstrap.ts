// Start-up: open the database, apply migrations, install reference data (and the demo on a new
// embedded database), and build the application context.
import type { Clock } from '../domain/clock.ts';
import { systemClock } from '../domain/clock.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { createDiskStorage, type FileStorage } from './storage/file-storage.ts';
import { installCategories } from './seed/reference-data.ts';
import { seedDemo, type SeedSummary } from './seed/seed-demo.ts';
import { rebuildRollups } from './services/rebuild-rollups.ts';

export interface Booted { ctx: AppContext; handle: DatabaseHandle; seeded: SeedSummary | null; migrations: string[] }

export async function boot(config: Config, opts: { clock?: Clock; storage?: FileStorage; log?: (s: string) => void; handle?: DatabaseHandle } = {}): Promise<Booted> {
  const log = opts.log ?? (() => {});
  const handle = opts.handle ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize, readReplicaUrls: config.readReplicaUrls }));
  const migrations = await migrate(handle.db);
  if (migrations.length) log(`migrations applied: ${migrations.join(', ')}`);
  const ctx: AppContext = {
    db: handle.db, reader: handle.reader, engine: handle.engine, clock: opts.clock ?? systemClock, config,
    storage: opts.storage ?? createDiskStorage(config.storageDir),
  };
  const orgCount = Number((await handle.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let seeded: SeedSummary | null = null;
  if (orgCount === 0 && config.seedDemo) {
    log(`seeding demo data (${config.demoCases} cases)…`);
    const t0 = performance.now();
    seeded = await seedDemo(ctx, config.demoCases, log);
    log(`demo data ready: ${seeded.cases} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    await installCategories(handle.db);
    // cases that predate the statistics tables get their contributions once
    if (orgCount > 0 && migrations.some((m) => m.startsWith('0002_'))) {
      log('building statistics rollups for existing cases…');
      await rebuildRollups(handle.db);
    }
  }
  return { ctx, handle, seeded, migrations };
}
