// The case page's clocks: exactly the clock of the current state is marked running, even when an
// earlier clock happens to fall due on the same day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp('2026-03-02T10:00:00+08:00'); });
afterAll(async () => t.close());

describe('case detail clocks', () => {
  it('marks the clock of the current state as running, by name', async () => {
    const clerk = await t.as('clerk');
    const reg = (await clerk.post('/api/v1/cases', await buildRegistration(t, {}))).json() as { caseId: number };
    let c = (await clerk.get(`/api/v1/cases/${reg.caseId}`)).json() as { version: number; clocks: { name: string; due: string; running: boolean }[] };
    expect(c.clocks.filter((k) => k.running).map((k) => k.name)).toEqual(['route']);
    // routing on the day of registration: the acceptance clock falls due on the same day as the routing clock
    const res = await clerk.post(`/api/v1/cases/${reg.caseId}/forward`, { version: c.version, targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    const route = c.clocks.find((k) => k.name === 'route')!;
    const accept = c.clocks.find((k) => k.name === 'accept')!;
    expect(route.due).toBe(accept.due);
    expect(c.clocks.filter((k) => k.running).map((k) => k.name)).toEqual(['accept']);
  });
});
