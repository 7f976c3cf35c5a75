// Starts the server: one process serves the API, the staff console and the citizen portal.
// Start it with `npm start`: package.json "start" carries the V8 heap flags (see scripts/start.ts).
import { loadConfig, ConfigError } from './config.ts';
import { boot } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { DEMO_PASSWORD, demoUsers } from './seed/reference-data.ts';
import { startJobs } from './jobs/scheduler.ts';

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`配置错误 Configuration error: ${e.message}`);
    process.exit(2);
  }
  throw e;
}

const booted = await boot(config, { log: (s) => console.log(s) });
const app = await buildApp(booted.ctx, { logger: config.logLevel !== 'silent' && config.logLevel !== 'info' });
const address = await app.listen({ host: config.host, port: config.port });
const stopJobs = startJobs(booted.ctx);
const url = address.replace('127.0.0.1', 'localhost');

console.log(`
xinfang 信访业务系统 — ${booted.ctx.engine === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL server'}
  信访工作台 Staff console : ${url}/
  网上信访 Citizen portal  : ${url}/portal
  API reference            : ${url}/api/docs   (OpenAPI: ${url}/api/openapi.json)
`);
if (booted.ctx.engine === 'pglite' || booted.seeded) {
  const orgs = booted.seeded?.orgs;
  if (orgs) {
    console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
    for (const u of demoUsers(orgs)) console.log(`  ${u.username.padEnd(16)} ${u.note}`);
  } else {
    console.log(`Demo logins: admin, clerk, supervisor, leader, bureau.head, hrss.handler, hrss.head, town.handler, county.handler … (password ${DEMO_PASSWORD}); see README.`);
  }
}

const shutdown = async () => {
  stopJobs();
  await app.close();
  await booted.handle.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
