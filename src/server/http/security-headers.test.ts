import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t.close());

describe('security headers', () => {
  it('go with every response: data, errors, sign-in, the API reference', async () => {
    const responses = {
      health: await t.anonymous.get('/api/health'),
      notFound: await t.anonymous.get('/api/v1/nothing-here'),
      unauthenticated: await t.anonymous.get('/api/v1/cases'),
      badLogin: await t.anonymous.post('/api/v1/auth/login', { username: 'clerk', password: 'wrong' }),
      docs: await t.anonymous.get('/api/docs/'),
      portalBadInput: await t.anonymous.post('/api/v1/portal/lookup', { queryCode: 'x' }),
    };
    expect(responses.health.statusCode).toBe(200);
    expect(responses.notFound.statusCode).toBe(404);
    expect(responses.unauthenticated.statusCode).toBe(401);
    expect(responses.portalBadInput.statusCode).toBe(400);
    for (const [name, res] of Object.entries(responses)) {
      expect(res.headers['x-frame-options'], name).toBe('DENY');
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
      expect(res.headers['referrer-policy'], name).toBe('no-referrer');
      expect(res.headers['content-security-policy'], name).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['strict-transport-security'], name).toBeUndefined(); // not served over HTTPS here
    }
  });

  it('allow only the server itself to run scripts and be framed by nobody; HTTPS is kept to when served so', () => {
    const csp = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => { const [k, ...v] = d.split(' '); return [k, v.join(' ')]; }));
    expect(csp['script-src']).toBe("'self'");
    expect(csp['connect-src']).toBe("'self'");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp['object-src']).toBe("'none'");
    expect(securityHeaders(true)['strict-transport-security']).toMatch(/^max-age=\d+/);
  });
});
