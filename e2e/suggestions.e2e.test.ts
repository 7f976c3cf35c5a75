// 人民建议征集 end to end in a real browser: a citizen sends a suggestion on the portal (phone), a
// supervisor finds it in the console's 人民建议 page by status and topic, opens it (the citizen masked),
// adopts it with a reply, and the citizen's look-up on the portal then shows 已采纳 with that reply.
import { describe, expect, it } from 'vitest';
import { browserSuite, newPage, PHONE, pickOption, settled, shot } from './harness.ts';

const suite = browserSuite({ cases: 20 });

const REPLY = '已采纳：将在葛仙庄镇试点建设社区老年食堂，列入明年民生实事项目。';

describe('citizen suggestions', () => {
  it('a citizen suggests, a supervisor adopts it with a reply in the console, and the citizen reads the reply', async () => {
    // the citizen, on a phone
    const { page: citizen, context } = await newPage(suite.browser, PHONE);
    await citizen.goto(`${suite.server.url}/portal/suggestions`);
    await citizen.getByTestId('portal-suggestion-topic').selectOption('elderly_care');
    await citizen.getByTestId('portal-suggestion-area').selectOption('130534');
    await citizen.getByTestId('portal-suggestion-title').fill('在各镇增设社区老年食堂');
    await citizen.getByTestId('portal-suggestion-content').fill('建议在葛仙庄镇等乡镇增设社区老年食堂，方便独居老人就近就餐。');
    await citizen.getByTestId('portal-suggestion-name').fill('欧阳建言');
    await citizen.getByTestId('portal-suggestion-mobile').fill('13900005678');
    await citizen.getByTestId('portal-suggestion-submit').click();
    await citizen.getByTestId('portal-suggestion-sent').waitFor();
    const ref = /JY[A-Z2-9]{8}/.exec(await citizen.getByTestId('portal-suggestion-sent').innerText())![0];

    // the supervisor finds it: 研究中, topic 养老服务
    const staff = await suite.as('supervisor');
    await staff.getByTestId('menu-suggestions').click();
    const table = staff.getByTestId('suggestions-table');
    await table.waitFor();
    await staff.getByTestId('suggestion-status-filter').getByText('研究中').click();
    await expect.poll(() => new URL(staff.url()).searchParams.get('status')).toBe('received');
    await pickOption(staff, 'suggestion-topic-filter', '养老服务', async () => new URL(staff.url()).searchParams.get('topic') === 'elderly_care');
    const row = table.locator(`[data-testid="suggestion-row"][data-ref="${ref}"]`);
    await row.waitFor();
    const rows = table.getByTestId('suggestion-row');
    await expect.poll(async () => (await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-status')))).every((s) => s === 'received')).toBe(true);
    expect(await row.innerText()).toContain('在各镇增设社区老年食堂');
    expect(await row.innerText()).toContain('研究中');
    expect(await row.innerText()).not.toContain('13900005678');
    await settled(staff);
    await shot(staff, 'suggestions-list-zh');

    // 征集情况: this year's figures, as the API counts them
    const year = `${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()}-01-01`;
    const figures = async () => (await staff.request.get(`${suite.server.url}/api/v1/suggestions/figures?period=year&from=${year}`)).json() as Promise<{ decided: number; pendingNow: number }>;
    const before = await figures();
    const stat = (k: string) => staff.getByTestId(`suggestion-fig-${k}`).locator('.ant-statistic-content').innerText();
    await expect.poll(() => stat('decided')).toBe(String(before.decided));
    await expect.poll(() => stat('pending')).toBe(String(before.pendingNow));

    // opens it: the content, the citizen masked, the decision form
    const id = await row.getAttribute('data-id');
    await staff.getByTestId(`suggestion-open-${id}`).click();
    const drawer = staff.getByTestId('suggestion-drawer');
    await drawer.getByTestId('suggestion-content').waitFor();
    expect(await drawer.getByTestId('suggestion-content').innerText()).toContain('方便独居老人就近就餐');
    expect(await drawer.getByTestId('suggestion-mobile').innerText()).toBe('139****5678');
    expect(await drawer.getByTestId('suggestion-submitter').innerText()).toBe('欧**言');
    expect(await drawer.innerText()).not.toContain('13900005678');

    // the form asks for a choice and a reply before it sends anything
    const form = drawer.getByTestId('suggestion-decide-form');
    await form.getByTestId('suggestion-decide-submit').click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').count()).toBe(2);
    await form.getByTestId('suggestion-adopt').click();
    await form.getByTestId('suggestion-reply').fill(REPLY);
    await settled(staff);
    await shot(staff, 'suggestion-decide-zh');
    await form.getByTestId('suggestion-decide-submit').click();

    // decided: the drawer shows the decision and no form, the row 已采纳
    await drawer.getByTestId('suggestion-decision').waitFor();
    expect(await drawer.getByTestId('suggestion-reply-shown').innerText()).toBe(REPLY);
    expect(await drawer.getByTestId('suggestion-drawer-status').innerText()).toBe('已采纳');
    expect(await drawer.getByTestId('suggestion-decide-form').count()).toBe(0);
    await expect.poll(() => row.getByTestId('suggestion-status').innerText()).toBe('已采纳');
    // the figures follow: one more decided, one fewer waiting
    await expect.poll(() => stat('decided')).toBe(String(before.decided + 1));
    await expect.poll(() => stat('pending')).toBe(String(before.pendingNow - 1));
    await settled(staff);
    await shot(staff, 'suggestion-decided-zh');

    // in English (the drawer closed, as it covers the header)
    await staff.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => drawer.count()).toBe(0);
    await staff.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => row.getByTestId('suggestion-status').innerText()).toBe('Adopted');
    await staff.getByTestId(`suggestion-open-${id}`).click();
    await expect.poll(() => drawer.getByTestId('suggestion-drawer-status').innerText()).toBe('Adopted');
    expect(await drawer.innerText()).toContain('Decided by');
    expect(await drawer.getByTestId('suggestion-reply-shown').innerText()).toBe(REPLY);
    await settled(staff);
    await shot(staff, 'suggestion-decided-en');

    // the citizen's look-up shows the decision and the reply
    await citizen.getByTestId('portal-suggestion-ref').fill(ref);
    await citizen.getByTestId('portal-suggestion-digits').fill('5678');
    await citizen.getByTestId('portal-suggestion-check').click();
    const status = citizen.getByTestId('portal-suggestion-status');
    await status.waitFor();
    expect(await status.innerText()).toContain('已采纳');
    expect(await status.innerText()).toContain(REPLY);
    await status.scrollIntoViewIfNeeded();
    await shot(citizen, 'suggestion-reply-portal-390');
    await context.close();
  });
});
