// Vitest global setup: builds one template database (migrated, with the test organisations and
// users) and hands it to every test file: a PGlite data-dir dump, or a PostgreSQL template database.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { databaseFromPglite, databaseFromUrl, openPglite } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { installCategories, installDemoOrgs, installDemoUsers } from '../seed/reference-data.ts';
import { replaceCalendarYear } from '../repositories/settings.ts';
import { CALENDAR_2026 } from '../seed/calendar-2026.ts';
import type { Database } from '../db/database.ts';

export const TEMPLATE_DB = `xf_template_${process.pid}`;

async function fill(db: Database) {
  await migrate(db);
  await db.transaction().execute(async (trx) => {
    const cat = await installCategories(trx);
    const orgs = await installDemoOrgs(trx, cat);
    await installDemoUsers(trx, orgs);
    await replaceCalendarYear(trx, 2026, CALENDAR_2026);
  });
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const u = new URL(url);
    u.pathname = `/${TEMPLATE_DB}`;
    const h = databaseFromUrl(u.toString(), 2);
    await fill(h.db);
    await h.close();
    project.provide('templateDb', TEMPLATE_DB);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await admin.end();
    };
  }
  const pglite = await openPglite(undefined);
  const h = databaseFromPglite(pglite);
  await fill(h.db);
  const dump = await pglite.dumpDataDir('none');
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await h.close();
  project.provide('templateDb', file);
  // the dump (about 40 MB) goes with the run
  return () => rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext { templateDb: string }
}
