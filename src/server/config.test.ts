import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from './config.ts';

describe('config', () => {
  it('has working defaults for the embedded engine', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeNull();
    expect(c.port).toBe(3000);
    expect(c.lockoutThreshold).toBe(5);
  });

  it('stops the boot with the variable named when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ XF_SECURE_COOKIES: 'maybe' })).toThrow(/XF_SECURE_COOKIES/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads a PostgreSQL URL and replicas', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d', DATABASE_READ_URLS: 'postgres://r1/d, postgres://r2/d' });
    expect(c.databaseUrl).toBe('postgres://u@h:5432/d');
    expect(c.readReplicaUrls).toEqual(['postgres://r1/d', 'postgres://r2/d']);
  });
});
