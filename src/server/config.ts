// The one validated configuration module. Nothing else reads process.env; a bad value stops the boot
// with a message that says which variable is wrong.
import path from 'node:path';

export interface Config {
  /** PostgreSQL server URL; when absent the embedded PGlite engine is used. */
  databaseUrl: string | null;
  /** Optional read-replica URLs for read-only queries (statistics, lists). */
  readReplicaUrls: string[];
  /** Folder of the embedded database. */
  dataDir: string;
  /** Folder where attachments are stored (outside the database). */
  storageDir: string;
  host: string;
  port: number;
  /** Seed demo data on first start of an empty database. */
  seedDemo: boolean;
  demoCases: number;
  sessionTtlHours: number;
  /** Failed sign-ins before the account is locked, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Secure flag on cookies (set when served over HTTPS). */
  secureCookies: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Public rate limits (per minute). */
  portalSubmitPerMinute: number;
  portalLookupPerMinute: number;
  dbPoolSize: number;
  /** Trust X-Forwarded-For from a reverse proxy (off by default: clients could forge it and slip
   *  past the per-IP limits). */
  trustProxy: boolean;
  /** Key that signs citizens' look-up tokens (XF_PORTAL_TOKEN_SECRET, at least 32 characters); when
   *  unset, a random key is made once and kept in the database's settings, shared by every node. */
  portalTokenSecret: string | null;
}

class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function secret(env: NodeJS.ProcessEnv, name: string, minLength: number): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (raw.length < minLength) throw new ConfigError(`${name} must be at least ${minLength} characters long`);
  return raw;
}

/** Reads and validates the configuration; throws with a clear message on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  const replicas = (env.DATABASE_READ_URLS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const r of replicas) if (!/^postgres(ql)?:\/\//.test(r)) throw new ConfigError('DATABASE_READ_URLS must be a comma-separated list of postgres:// URLs');
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'silent'].includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, silent (got "${logLevel}")`);
  const dataDir = path.resolve(env.XF_DATA_DIR ?? 'data/pglite');
  const config: Config = {
    databaseUrl,
    readReplicaUrls: replicas,
    dataDir,
    storageDir: path.resolve(env.XF_STORAGE_DIR ?? 'data/files'),
    host: env.HOST ?? '127.0.0.1',
    port: int(env, 'PORT', 3000, 0, 65535),
    seedDemo: bool(env, 'XF_SEED_DEMO', true),
    demoCases: int(env, 'XF_DEMO_CASES', 2000, 0, 1_000_000),
    sessionTtlHours: int(env, 'XF_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    lockoutThreshold: int(env, 'XF_LOCKOUT_THRESHOLD', 5, 1, 100),
    lockoutMinutes: int(env, 'XF_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    secureCookies: bool(env, 'XF_SECURE_COOKIES', false),
    logLevel,
    portalSubmitPerMinute: int(env, 'XF_PORTAL_SUBMIT_PER_MINUTE', 10, 1, 1_000_000),
    portalLookupPerMinute: int(env, 'XF_PORTAL_LOOKUP_PER_MINUTE', 20, 1, 1_000_000),
    dbPoolSize: int(env, 'XF_DB_POOL_SIZE', 10, 1, 200),
    trustProxy: bool(env, 'XF_TRUST_PROXY', false),
    portalTokenSecret: secret(env, 'XF_PORTAL_TOKEN_SECRET', 32),
    ...overrides,
  };
  return config;
}

export { ConfigError };
