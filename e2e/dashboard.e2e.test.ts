// The leader's dashboard (信访形势) and the dispute register in a real browser: charts render with the
// engine's numbers, a chart turns into a table, a figure opens its cases, the statistical report
// downloads as .xlsx; a township handler records a dispute and converts it into a case.
// Screenshots at 1280x800 in Chinese and English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { formatPercent } from '../src/shared/figure-text.ts';
import { pickTreeOption, shot, browserSuite } from './harness.ts';

const suite = browserSuite({ cases: 60 });
const as = suite.as;

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${suite.server.url}/api/v1${path}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** The first day of this month in China time, as the dashboard asks by default. */
const monthStart = () => `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)}-01`;

interface FigureValue { value: number | null }
interface Figures { query: { comparedThrough: string | null }; figures: Record<string, FigureValue>; now: { openNow: number; overdueNow: number }; breakdowns: { channel: { key: string; labelZh: string; submissions: FigureValue }[] } }

describe('the leader dashboard', () => {
  it('renders the charts with the engine\'s numbers, toggles a table, opens the cases behind a figure and downloads the report', async () => {
    const page = await as('leader');
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    const f = await getJson<Figures>(page, `/stats/figures?period=month&from=${monthStart()}`);

    // charts are drawn (SVG renderer) and the known figures are shown
    for (const name of ['trend', 'channels', 'categories', 'ranking']) {
      await page.getByTestId(`chart-canvas-${name}`).locator('svg').first().waitFor();
    }
    await expect.poll(() => page.getByTestId('kpi-submissions').textContent()).toContain(String(f.figures.submissions!.value));
    await expect.poll(() => page.getByTestId('kpi-openNow').textContent()).toContain(String(f.now.openNow));
    await expect.poll(() => page.getByTestId('kpi-overdueNow').textContent()).toContain(String(f.now.overdueNow));
    // the month in progress says it is compared with the same days (on its last day it is compared whole)
    if (f.query.comparedThrough) await expect.poll(() => page.getByTestId('compared-through').textContent()).toContain(f.query.comparedThrough);
    else expect(await page.getByTestId('compared-through').count()).toBe(0);
    // the leaders' figures, as the reports count them
    for (const key of ['receptionDays', 'fixedReceptionDays', 'fieldVisitDays', 'appointmentHeadcount', 'receptionVisits', 'instructions', 'ownedCases', 'ownedConcluded']) {
      await expect.poll(() => page.getByTestId(`kpi-${key}`).locator('.ant-statistic-content').textContent(), { message: key }).toBe(String(f.figures[key]!.value));
    }
    await page.waitForTimeout(1000); // let the charts finish drawing
    await shot(page, 'dashboard-zh');
    await page.getByTestId('chart-overdue').scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    await shot(page, 'dashboard-lower-zh');
    await page.getByTestId('dashboard').evaluate(() => window.scrollTo(0, 0));

    // the channel chart as a table: the same numbers
    await page.getByTestId('chart-toggle-channels').locator('.ant-segmented-item').nth(1).click();
    const table = page.getByTestId('chart-table-channels');
    await table.waitFor();
    for (const r of f.breakdowns.channel) {
      await expect.poll(() => table.textContent()).toContain(r.labelZh);
    }
    const letters = f.breakdowns.channel.find((r) => r.key === 'letter');
    if (letters) await expect.poll(() => table.locator('tr', { hasText: '来信' }).first().textContent()).toContain(String(letters.submissions.value));
    await page.getByTestId('chart-toggle-channels').locator('.ant-segmented-item').nth(0).click();
    await page.getByTestId('chart-canvas-channels').locator('svg').first().waitFor();

    // a figure opens the cases behind it, each linking to its case page
    await page.getByTestId('kpi-openNow').click();
    const drill = page.getByTestId('drilldown');
    await drill.waitFor();
    if (f.now.openNow > 0) {
      const link = drill.locator('a[href^="/console/cases/"]').first();
      await link.waitFor();
      await shot(page, 'dashboard-drilldown-zh');
      await link.click();
      await page.getByTestId('case-page').waitFor();
      await page.goBack();
      await page.getByTestId('dashboard').waitFor();
    } else {
      await page.keyboard.press('Escape');
    }

    // the statistical report (a job) downloads as .xlsx with its sheets
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/信访情况统计表\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('信访总量');
    expect(wb.getWorksheet('信访总量')!.getCell('B2').value ?? 0).toBe(f.figures.submissions!.value ?? 0);

    // the bulletin (a job) downloads as .docx
    const [doc] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-docx').click()]);
    expect(doc.suggestedFilename()).toMatch(/^信访简报第\d+期（.+）\.docx$/);
    expect(readFileSync(await doc.path()).subarray(0, 2).toString()).toBe('PK');

    // in English (once the download notices have gone)
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('chart-trend').textContent()).toContain('Submissions by month');
    await page.getByTestId('chart-canvas-trend').locator('svg').first().waitFor();
    await page.waitForTimeout(1000); // let the charts finish drawing
    await shot(page, 'dashboard-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
  });
});

describe('the counting basis (统计口径)', () => {
  it('counts the rates on the basis chosen, names it on their cards, keeps it, and the report states it', async () => {
    const page = await as('leader');
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('period-kind').getByText('年').click();
    const yearStart = `${monthStart().slice(0, 4)}-01-01`;
    const chosen = await getJson<Figures>(page, `/stats/figures?period=year&from=${yearStart}&satisfactionBasis=satisfied_only&acceptanceBasis=excluding_diverted`);
    const byDefault = await getJson<Figures>(page, `/stats/figures?period=year&from=${yearStart}`);
    expect(chosen.figures.satisfactionRateBody!.value, 'the demo has answers rated 基本满意').not.toBe(byDefault.figures.satisfactionRateBody!.value);
    const card = (key: string) => page.getByTestId(`kpi-${key}`).locator('.ant-statistic-content');
    await expect.poll(() => card('satisfactionRateBody').textContent()).toBe(formatPercent(byDefault.figures.satisfactionRateBody!.value));

    await page.getByTestId('bases-button').click();
    await page.getByTestId('basis-satisfactionBasis').getByText('仅满意').click();
    await page.getByTestId('basis-acceptanceBasis').getByText('不含导入其他程序的事项').click();
    for (const key of ['satisfactionRateBody', 'acceptanceRate']) {
      await expect.poll(() => card(key).textContent(), { message: key }).toBe(formatPercent(chosen.figures[key]!.value));
    }
    await expect.poll(() => page.getByTestId('kpi-basis-satisfactionRateBody').textContent()).toContain('仅满意');
    await expect.poll(() => page.getByTestId('kpi-basis-acceptanceRate').textContent()).toContain('不含导入其他程序');
    expect(await page.getByTestId('kpi-basis-onTimeRate').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    await shot(page, 'dashboard-bases-zh');

    // the choice is kept in this browser
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => page.getByTestId('kpi-basis-satisfactionRateBody').textContent()).toContain('仅满意');

    // the report exported states the basis it was counted on
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-xlsx').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.getWorksheet('统计口径')!.eachRow((r) => rows.push(r.values!.toString()));
    expect(rows.find((r) => r.includes('满意率口径'))).toContain('满意 / 参评');
    expect(rows.find((r) => r.includes('受理率口径'))).toContain('导入其他程序的不计');

    // back to the defaults
    await page.getByTestId('bases-button').click();
    await page.getByTestId('bases-reset').click();
    await expect.poll(() => page.getByTestId('kpi-basis-satisfactionRateBody').count()).toBe(0);
  });
});

describe('the dispute register', () => {
  it('a township handler records a dispute and converts it into a case', async () => {
    const page = await as('town.handler');
    await page.getByTestId('menu-disputes').click();
    await page.getByTestId('disputes-table').waitFor();
    await page.getByTestId('dispute-new').click();
    await page.getByTestId('dispute-area').fill('130534100201');
    await page.getByTestId('dispute-person').fill('村调解主任');
    await page.getByTestId('dispute-summary').fill('两户村民因宅基地边界发生争执，浏览器测试登记。');
    await shot(page, 'disputes-new-zh');
    await page.getByTestId('dispute-save').click();
    const row = page.getByTestId('disputes-table').locator('tr', { hasText: '浏览器测试登记' }).first();
    await row.waitFor();
    await expect.poll(() => row.getByTestId('dispute-status').textContent()).toBe('化解中');
    const id = Number((await row.getAttribute('data-testid'))!.replace('dispute-row-', ''));

    await page.getByTestId(`dispute-convert-${id}`).click();
    await pickTreeOption(page, 'convert-category', '拖欠', '拖欠工资');
    await page.getByTestId('convert-name').fill('王建华');
    await shot(page, 'disputes-convert-zh');
    await page.getByTestId('convert-save').click();
    await page.getByTestId('convert-done').waitFor({ timeout: 10_000 }).catch(async (e) => { await shot(page, 'disputes-convert-failed'); throw e; });
    await expect.poll(() => row.getByTestId('dispute-status').textContent()).toBe('转入信访');
    const caseLink = page.getByTestId(`dispute-case-${id}`);
    await caseLink.waitFor();
    const d = await getJson<{ caseId: number; caseNo: string }>(page, `/disputes/${id}`);
    expect(await caseLink.textContent()).toBe(d.caseNo);
    await expect.poll(() => page.getByTestId('dispute-converted').textContent()).toMatch(/[1-9]/);
    await shot(page, 'disputes-zh');

    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => row.getByTestId('dispute-status').textContent()).toBe('Became a case');
    await shot(page, 'disputes-en');
    await page.getByTestId('lang-switch').getByText('中文').click();

    await caseLink.click();
    await page.getByTestId('case-page').waitFor();
    await expect.poll(() => page.textContent('body')).toContain(d.caseNo);
  });
});
