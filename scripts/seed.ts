// `npm run seed -- --cases N [--database-url URL] [--seed S] [--fresh] [--as-of YYYY-MM-DD]`:
// generates a province-sized data set by bulk load (see bench/generator). Without --database-url it
// uses DATABASE_URL, else the embedded database folder of the configuration.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import { seedBulk } from '../bench/generator/load.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    seed: { type: 'string', default: '20261125' },
    fresh: { type: 'boolean', default: false },
    'as-of': { type: 'string' },
  },
});
const cases = Number(values.cases);
if (!Number.isInteger(cases) || cases < 1 || cases > 10_000_000) {
  console.error('--cases must be a whole number from 1 to 10,000,000');
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error('--seed must be a whole number');
  process.exit(2);
}
const asOf = values['as-of'] ? new Date(`${values['as-of']}T18:00:00+08:00`) : new Date();
if (Number.isNaN(asOf.getTime())) {
  console.error('--as-of must be a date YYYY-MM-DD');
  process.exit(2);
}
const config = loadConfig();
const databaseUrl = values['database-url'] ?? config.databaseUrl;
const dataDir = values['data-dir'] ?? config.dataDir;
console.log(`seeding ${cases.toLocaleString('en')} cases into ${databaseUrl ? databaseUrl.replace(/\/\/[^@/]*@/, '//…@') : `PGlite ${dataDir}`}${values.fresh ? ' (fresh)' : ''}`);
try {
  const r = await seedBulk({ cases, seed, databaseUrl, dataDir, fresh: values.fresh, asOf, log: (s) => console.log(s) });
  const s = r.stats;
  const pct = (n: number) => `${((100 * n) / s.cases).toFixed(1)}%`;
  console.log(`done in ${r.seconds.total.toFixed(1)} s: ${s.cases.toLocaleString('en')} cases, ${s.petitioners.toLocaleString('en')} petitioners, ${s.events.toLocaleString('en')} events, ${s.audit.toLocaleString('en')} audit entries, ${r.orgs} organisations`);
  console.log(`  repeats ${pct(s.repeats)}, collective ${pct(s.collective)}, overdue ${pct(s.overdue)}`);
  console.log(`  channels: ${Object.entries(s.byChannel).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
  console.log(`  states: ${Object.entries(s.byState).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
} catch (e) {
  console.error(`seed failed: ${(e as Error).message}`);
  process.exit(1);
}
