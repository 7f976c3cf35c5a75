// WCAG 2.1 A/AA rules (axe-core) on the main pages of the staff console at 1280x800 and of the
// portal at 390x844: no violations (colour contrast, labels, focusable scroll areas, ...).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, newPage, PHONE } from './harness.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const suite = browserSuite({ cases: 60 });

async function violations(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  // judge the settled page, not a colour half-way through a transition (a button just enabled)
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  await page.waitForTimeout(100);
  // evaluated through the browser's debugging protocol: the pages' content security policy refuses
  // an inline <script>, as it should
  await page.evaluate(AXE);
  const found = await page.evaluate(async () =>
    ((await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations as any[])
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')).join(' | ')}`));
  return found;
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('the staff console pages have no violations', async () => {
    const page = await suite.as('supervisor');
    const found: Record<string, string[]> = { home: await violations(page) };
    // a citizen suggestion, so the suggestions page shows a row and its drawer the decision form
    const sent = await page.request.post(`${suite.server.url}/api/v1/portal/suggestions`, {
      data: { topic: 'environment', title: '加强河道垃圾清理', content: '建议定期清理河道垃圾。', name: '李明', mobile: '13800004321', areaCode: '130534' },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    for (const p of ['cases', 'register', 'dashboard', 'supervision', 'leader', 'leader?tab=reception', 'disputes', 'reminders', 'suggestions', 'password']) {
      await page.goto(`${suite.server.url}/console/${p}`);
      await page.getByTestId('app-shell').waitFor();
      found[p] = await violations(page);
    }
    await page.goto(`${suite.server.url}/console/suggestions`);
    await page.locator('[data-testid^="suggestion-open-"]').first().click();
    await page.getByTestId('suggestion-decide-form').waitFor();
    found['suggestions drawer'] = await violations(page);
    await page.goto(`${suite.server.url}/console/cases`);
    await page.locator('a[href*="/console/cases/"]').first().click();
    await page.getByTestId('case-state').waitFor();
    found.case = await violations(page);
    const admin = await suite.as('admin');
    await admin.goto(`${suite.server.url}/console/admin`);
    await admin.getByTestId('app-shell').waitFor();
    found.admin = await violations(admin);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  it('the portal pages have no violations on a phone', async () => {
    const { page } = await newPage(suite.browser, PHONE);
    const found: Record<string, string[]> = {};
    for (const p of ['/portal', '/portal/submit', '/portal/follow', '/portal/suggestions', '/portal/figures']) {
      await page.goto(`${suite.server.url}${p}`);
      found[p] = await violations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
});
