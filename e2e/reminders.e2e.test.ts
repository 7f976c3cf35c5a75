// The deadline reminders page in a real browser: a supervisor opens it from the menu, sees the
// reminders the server's first deadline sweep raised over the demo data, and filters to 超期.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiJson, settled, shot, browserSuite } from './harness.ts';

const suite = browserSuite({ cases: 120 });

interface Reminders { items: { caseId: number; caseNo: string; kind: string }[]; nextCursor: string | null }

const getJson = <T>(page: Page, apiPath: string) => apiJson<T>(page, suite.server.url, apiPath);

describe('deadline reminders', () => {
  it('a supervisor opens the reminders from the menu, sees rows and filters to overdue only', async () => {
    const page = await suite.as('supervisor');
    // the scheduler runs the first sweep a few seconds after the server starts: wait for it through the API
    await expect.poll(async () => (await getJson<Reminders>(page, '/reminders?kind=overdue&limit=1')).items.length,
      { timeout: 60_000, message: 'the first deadline sweep raised overdue reminders over the demo data' }).toBeGreaterThan(0);
    // the page asks for 30 at a time
    const all = await getJson<Reminders>(page, '/reminders?limit=30');
    const overdue = await getJson<Reminders>(page, '/reminders?kind=overdue&limit=30');

    await page.getByTestId('menu-reminders').click();
    const table = page.getByTestId('reminders-table');
    await table.waitFor();
    const rows = table.getByTestId('reminder-row');
    const kinds = table.getByTestId('reminder-kind');
    await expect.poll(() => rows.count()).toBe(all.items.length);
    await expect.poll(() => rows.first().textContent()).toContain(all.items[0]!.caseNo);
    if (all.items.some((r) => r.kind === 'near')) await expect.poll(() => kinds.allTextContents()).toContain('临期');
    await settled(page);
    await shot(page, 'reminders-zh');

    await page.getByTestId('reminders-filter').getByText('超期').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('overdue');
    await expect.poll(async () => {
      const shown = await kinds.allTextContents();
      return shown.length > 0 && shown.every((k) => k === '超期');
    }).toBe(true);
    await expect.poll(() => rows.count()).toBe(overdue.items.length);
    await expect.poll(() => rows.first().textContent()).toContain(overdue.items[0]!.caseNo);

    // the next page, where the API has one: appended below, still overdue only
    const more = page.getByTestId('reminders-load-more');
    if (overdue.nextCursor) {
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(overdue.items.length);
      expect((await kinds.allTextContents()).every((k) => k === '超期')).toBe(true);
    } else {
      await expect.poll(() => more.isDisabled()).toBe(true);
    }
    await settled(page);
    await shot(page, 'reminders-overdue-zh');
  });
});
