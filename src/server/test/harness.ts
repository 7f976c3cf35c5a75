// Integration tests start the real app on a real database of their own: a PGlite copy of the
// template (default) or a fresh PostgreSQL database cloned from it (TEST_DATABASE_URL).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestClock } from '../../domain/clock.ts';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { databaseFromUrl, openPgliteThread, type DatabaseHandle } from '../db/database.ts';
import { buildApp } from '../app.ts';
import { createMemoryStorage } from '../storage/file-storage.ts';
import { DEMO_PASSWORD } from '../seed/reference-data.ts';

export type TestClock = ReturnType<typeof createTestClock>;

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  handle: DatabaseHandle;
  /** Signs in a demo user and returns a request function carrying their session. */
  as(username: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  raw(opts: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: string | Buffer; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

async function openTestDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const template = inject('templateDb');
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `xf_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const handle = databaseFromUrl(u.toString(), 4);
    const drop = async () => {
      // the pool's end() resolves before its sockets finish closing; a forced DROP would kill those
      // backends and the closing client would raise an unhandled error: wait until they are gone
      for (let i = 0; i < 50; i++) {
        const r = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((res) => setTimeout(res, 40));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    return { handle, drop };
  }
  // the engine in a thread of its own, as the server runs it
  return { handle: await openPgliteThread({ loadFile: template }), drop: async () => {} };
}

/** Starts the app on a fresh database with a clock at `now` (default 2026-03-02 10:00 China time). */
export async function startTestApp(now: string = '2026-03-02T10:00:00+08:00'): Promise<TestApp> {
  const { handle, drop } = await openTestDatabase();
  const clock = createTestClock(now);
  // tests travel in time: sessions must outlive the journey, which in a property test that fails goes on
  // through every shrinking attempt (ten years was not enough: the failure then showed as a lapsed session)
  // as if behind a reverse proxy, so tests can speak for many client addresses (X-Forwarded-For)
  const config = loadConfig({}, { seedDemo: false, lockoutThreshold: 5, lockoutMinutes: 15, sessionTtlHours: 24 * 365 * 1000, trustProxy: true });
  const ctx: AppContext = { db: handle.db, reader: handle.db, engine: handle.engine, clock, config, storage: createMemoryStorage() };
  const app = await buildApp(ctx);
  const client = (cookie?: string): Client => {
    const h = (extra?: Record<string, string>) => ({ ...(cookie ? { cookie } : {}), ...extra });
    return {
      get: (url) => app.inject({ method: 'GET', url, headers: h() }),
      post: (url, body, headers) => app.inject({ method: 'POST', url, headers: h(headers), ...(body !== undefined && { payload: body as object }) }),
      put: (url, body) => app.inject({ method: 'PUT', url, headers: h(), payload: body as object }),
      patch: (url, body) => app.inject({ method: 'PATCH', url, headers: h(), payload: body as object }),
      raw: (o) => app.inject({ method: o.method, url: o.url, payload: o.payload, headers: h(o.headers) }),
    };
  };
  const sessions = new Map<string, Client>();
  return {
    app, ctx, clock, handle,
    anonymous: client(),
    async as(username) {
      const known = sessions.get(username);
      if (known) return known;
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const c = client(cookie);
      sessions.set(username, c);
      return c;
    },
    async close() {
      await app.close();
      await handle.close();
      await drop();
    },
  };
}
