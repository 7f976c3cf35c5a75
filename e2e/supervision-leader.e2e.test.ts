// The supervision board and the leaders' page in a real browser: a supervisor finds an overdue case
// under its body and issues a notice in one click; a leader schedules a reception day, records a
// visit linked to a case and finds it on the calendar. Screenshots at 1280x800 in Chinese and English.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiJson, pickTreeOption, settled, shot, browserSuite } from './harness.ts';

const suite = browserSuite({ cases: 150 });
const as = suite.as;

const getJson = <T>(page: Page, apiPath: string) => apiJson<T>(page, suite.server.url, apiPath);

async function toEnglish(page: Page) {
  await page.getByTestId('lang-switch').getByText('EN').click();
}

/** Today in China time, as the server and the browser (Asia/Shanghai) see it. */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Board { bodies: { orgId: number; orgName: string; overdue: number; cases: { id: number; caseNo: string; daysLeft: number; openNotices: number }[] }[] }

describe('supervision board', () => {
  it('a supervisor sees an overdue case under its body, issues a notice in one click and sees it in the notices', async () => {
    const page = await as('supervisor');
    await page.getByTestId('menu-supervision').click();
    await page.getByTestId('supervision-board').waitFor();
    const board = await getJson<Board>(page, '/supervision/board');
    const body = board.bodies.find((b) => b.cases.some((c) => c.daysLeft < 0 && c.openNotices === 0));
    expect(body, 'the demo data has an overdue case without an open notice').toBeTruthy();
    const target = body!.cases.find((c) => c.daysLeft < 0 && c.openNotices === 0)!;

    const header = page.getByTestId(`supervision-body-${body!.orgId}`);
    await expect.poll(() => header.textContent()).toContain(body!.orgName);
    await expect.poll(() => header.textContent()).toContain(`已超期 ${body!.overdue}`);
    if (!(await page.getByTestId(`board-case-${target.id}`).isVisible())) await header.click();
    const row = page.getByTestId(`board-case-${target.id}`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain(target.caseNo);
    await expect.poll(() => row.textContent()).toContain(`超期 ${-target.daysLeft} 天`);
    await settled(page);
    await shot(page, 'supervision-board-zh');

    await page.getByTestId(`issue-notice-${target.id}`).click();
    await page.getByTestId(`notice-open-${target.id}`).waitFor();
    const notices = await getJson<{ id: number; caseId: number }[]>(page, '/supervision');
    const notice = notices.find((n) => n.caseId === target.id);
    expect(notice).toBeTruthy();
    const noticeRow = page.getByTestId(`notice-row-${notice!.id}`);
    await noticeRow.waitFor();
    await expect.poll(() => noticeRow.textContent()).toContain(target.caseNo);
    await expect.poll(() => noticeRow.getByTestId('notice-state').textContent()).toBe('待反馈');
    await noticeRow.scrollIntoViewIfNeeded();
    await settled(page);
    await shot(page, 'supervision-notices-zh');

    // the case link leads to the case page, whose timeline now shows the notice
    await page.getByTestId(`board-case-${target.id}`).getByRole('link').click();
    await page.getByTestId('case-page').waitFor();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('督办');
    await page.goBack();
    await page.getByTestId('supervision-board').waitFor();

    await toEnglish(page);
    await expect.poll(() => page.getByTestId('supervision-board').textContent()).toContain('Overdue and nearly due, by body');
    await expect.poll(() => page.getByTestId(`notice-row-${notice!.id}`).getByTestId('notice-state').textContent()).toBe('Open');
    await settled(page);
    await shot(page, 'supervision-board-en');
  });
});

describe('leaders', () => {
  it('a leader schedules a reception day, records a visit linked to a case and sees it on the calendar', async () => {
    const page = await as('leader');
    await page.getByTestId('menu-leader').click();
    await page.getByTestId('leader-owned').waitFor();
    await settled(page);
    await shot(page, 'leader-owned-zh');
    await page.getByTestId('tab-instructions').click();
    await page.getByTestId('leader-instructions').waitFor();
    await settled(page);
    await shot(page, 'leader-instructions-zh');

    await page.getByTestId('tab-reception').click();
    await page.getByTestId('reception-calendar').waitFor();
    await page.getByTestId('reception-new').click();
    const today = chinaToday();
    await page.locator('#reception_day').click();
    await page.locator('#reception_day').fill(today);
    await page.locator('#reception_day').press('Enter');
    // the leader goes down to a township to receive there (下访)
    await page.getByTestId('reception-kind-field').click();
    await page.locator('#reception_place').fill('葛仙庄镇政府会议室');
    await page.locator('#reception_topic').fill('征地拆迁');
    await settled(page);
    await shot(page, 'leader-reception-new-zh');
    await page.getByTestId('reception-form-submit').click();

    // the new day opens; link a case the leader may see
    const drawer = page.getByTestId('reception-drawer');
    await drawer.waitFor();
    await expect.poll(() => page.getByTestId('reception-leader').textContent()).toBe('陈副县长');
    expect(await page.getByTestId('reception-kind').textContent()).toBe('下访');
    const cases = await getJson<{ items: { id: number; caseNo: string }[] }>(page, '/cases?limit=5');
    const linked = cases.items[0]!;
    await page.getByTestId('visit-case-no').fill(linked.caseNo);
    await page.getByTestId('visit-link-submit').click();
    await page.getByTestId('reception-visit-result').waitFor();
    await page.getByTestId(`reception-visit-${linked.id}`).waitFor();
    await settled(page);
    await shot(page, 'leader-reception-day-zh');

    const days = await getJson<{ id: number; day: string; visitCount: number; headcountTotal: number; visits: { caseId: number }[] }[]>(page, `/reception-days?from=${today}&to=${today}`);
    const mine = days.find((d) => d.visits.some((v) => v.caseId === linked.id))!;
    expect(mine).toMatchObject({ day: today, visitCount: 1 });

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    const cell = page.getByTestId(`reception-day-${mine.id}`);
    await expect.poll(() => cell.textContent()).toContain('陈副县长');
    await expect.poll(() => cell.textContent()).toContain('下访');
    await expect.poll(() => cell.textContent()).toContain('· 1');
    await expect.poll(() => page.getByTestId('reception-month-summary').textContent()).toMatch(/接访 [1-9]\d* 批/);
    await settled(page);
    await shot(page, 'leader-reception-zh');

    // the visit links to its case
    await cell.click();
    await page.getByTestId(`reception-visit-link-${linked.id}`).click();
    await page.getByTestId('case-page').waitFor();
    await expect.poll(() => page.getByTestId('case-no').textContent()).toBe(linked.caseNo);
    await page.goBack();

    await page.getByTestId('reception-calendar').waitFor();
    await toEnglish(page);
    await expect.poll(() => page.getByTestId('reception-month-summary').textContent()).toMatch(/visits received: [1-9]\d*/);
    await settled(page);
    await shot(page, 'leader-reception-en');
    await page.getByTestId(`reception-day-${mine.id}`).click();
    await page.getByTestId('reception-drawer').waitFor();
    await settled(page);
    await shot(page, 'leader-reception-day-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-instructions').click();
    await page.getByTestId('leader-instructions').waitFor();
    await settled(page);
    await shot(page, 'leader-instructions-en');
    await page.getByTestId('tab-owned').click();
    await page.getByTestId('leader-owned').waitFor();
    await settled(page);
    await shot(page, 'leader-owned-en');

    // a clerk at the reception registers a new visitor on that day: a visit case with its query code
    const clerk = await as('clerk');
    await clerk.getByTestId('menu-leader').click();
    await clerk.getByTestId('reception-calendar').waitFor();
    await clerk.getByTestId(`reception-day-${mine.id}`).click();
    await clerk.getByTestId('reception-drawer').waitFor();
    await clerk.locator('#visit_name').fill('刘桂兰');
    await clerk.locator('#visit_headcount').fill('3');
    await pickTreeOption(clerk, clerk.locator('#visit_categoryId').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'), '拖欠', '拖欠工资');
    await clerk.locator('#visit_title').fill('反映某工地拖欠工资问题');
    await clerk.locator('#visit_content').fill('在接待日当面反映，工地拖欠三人工资共五万元。');
    await clerk.getByTestId('visit-register-submit').click();
    await expect.poll(() => clerk.getByTestId('reception-visit-query-code').textContent()).toMatch(/[A-Z2-9]{8}/);
    const after = await getJson<{ id: number; visitCount: number; headcountTotal: number }[]>(clerk, `/reception-days?from=${today}&to=${today}`);
    expect(after.find((d) => d.id === mine.id)).toMatchObject({ visitCount: 2, headcountTotal: mine.headcountTotal + 3 });
    await expect.poll(() => clerk.locator('[data-testid^="reception-visit-link-"]').count()).toBe(2);
    await clerk.getByTestId('reception-visit-result').scrollIntoViewIfNeeded();
    await settled(clerk);
    await shot(clerk, 'leader-reception-register-zh');
  });

  it('a leader moves a reception day to another place, then cancels it with the reason: it stays on the calendar as cancelled', async () => {
    const page = await as('leader');
    await page.goto(`${suite.server.url}/console/leader?tab=reception`);
    await page.getByTestId('reception-calendar').waitFor();
    // month by month, and back
    const thisMonth = chinaToday().slice(0, 7);
    await expect.poll(() => page.getByTestId('reception-shown-month').textContent()).toBe(thisMonth);
    await page.getByTestId('reception-next').click();
    await expect.poll(() => page.getByTestId('reception-shown-month').textContent()).not.toBe(thisMonth);
    await page.getByTestId('reception-this-month').click();
    await expect.poll(() => page.getByTestId('reception-shown-month').textContent()).toBe(thisMonth);
    await page.getByTestId('reception-new').click();
    const later = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#reception_day').click();
    await page.locator('#reception_day').fill(later);
    await page.locator('#reception_day').press('Enter');
    await page.locator('#reception_place').fill('县信访局二楼接待室');
    await page.getByTestId('reception-form-submit').click();
    const drawer = page.getByTestId('reception-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.textContent()).toContain('县信访局二楼接待室');

    await page.getByTestId('reception-edit').click();
    await page.getByTestId('reception-edit-form').waitFor();
    await page.locator('#reception_edit_place').fill('葛仙庄镇综治中心');
    await settled(page);
    await shot(page, 'leader-reception-edit-zh');
    await page.getByTestId('reception-form-submit').click();
    await expect.poll(() => drawer.textContent()).toContain('葛仙庄镇综治中心');

    await page.getByTestId('reception-cancel').click();
    // no reason, no cancellation
    await page.getByTestId('reception-cancel-submit').click();
    await page.locator('#reception_cancel_reason_help').waitFor();
    await page.getByTestId('reception-cancel-reason').fill('领导参加全县防汛工作会议，接待日另行安排');
    await page.getByTestId('reception-cancel-submit').click();
    await page.getByTestId('reception-cancelled').waitFor();
    await expect.poll(() => page.getByTestId('reception-cancelled').textContent()).toContain('领导参加全县防汛工作会议');
    await expect.poll(() => page.getByTestId('reception-status').textContent()).toBe('已取消');
    expect(await page.getByTestId('reception-edit').count()).toBe(0);
    await settled(page);
    await shot(page, 'leader-reception-cancelled-zh');

    const days = await getJson<{ id: number; place: string; status: string; cancelReason: string | null; visitCount: number }[]>(page, `/reception-days?from=${later}&to=${later}`);
    const moved = days.find((d) => d.place === '葛仙庄镇综治中心');
    expect(moved).toMatchObject({ status: 'cancelled', cancelReason: '领导参加全县防汛工作会议，接待日另行安排', visitCount: 0 });
  });

  it('a leader invites the petitioners of two matters to an appointment (约访) and receives one; the case tells when and where', async () => {
    const page = await as('leader');
    const invited = (await getJson<{ items: { id: number; caseNo: string; title: string }[] }>(page, '/cases?state=handling&limit=2')).items;
    expect(invited).toHaveLength(2);
    await page.goto(`${suite.server.url}/console/leader?tab=reception`);
    await page.getByTestId('reception-new').click();
    await page.locator('#reception_day').click();
    await page.locator('#reception_day').fill(chinaToday());
    await page.locator('#reception_day').press('Enter');
    await page.getByTestId('reception-kind-appointment').click();
    for (const [id, time] of [['#reception_startsAt', '19:00'], ['#reception_endsAt', '20:30']] as const) {
      await page.locator(id).click();
      await page.locator(id).fill(time);
      await page.locator(id).press('Enter');
    }
    await page.locator('#reception_place').fill('县信访局约访室');
    const cases = page.getByTestId('reception-form-cases').locator('input');
    // each is found as the user types, by its number in full or by words of its title, and picked from the list
    await cases.fill(invited[0]!.caseNo);
    await page.getByTestId(`reception-case-option-${invited[0]!.caseNo}`).click();
    await cases.fill(invited[1]!.title.replace(/^反映/, '').slice(0, 6));
    const option = page.getByTestId(`reception-case-option-${invited[1]!.caseNo}`);
    await option.waitFor();
    expect(await option.textContent()).toContain(invited[1]!.title);
    await shot(page, 'leader-appointment-search-zh');
    await option.click();
    // words that name no matter find none, and nothing is added
    await cases.fill('并无此事项的标题');
    await page.locator('.ant-select-dropdown:visible', { hasText: '没有找到相符的事项' }).waitFor();
    await page.keyboard.press('Escape');
    for (const c of invited) await expect.poll(() => page.getByTestId('reception-form-cases').textContent()).toContain(c.caseNo);
    expect(await page.getByTestId('reception-form-cases').textContent()).not.toContain('并无此事项');
    await settled(page);
    await shot(page, 'leader-appointment-new-zh');
    await page.getByTestId('reception-form-submit').click();

    const drawer = page.getByTestId('reception-drawer');
    await drawer.waitFor();
    expect(await page.getByTestId('reception-kind').textContent()).toBe('约访');
    for (const c of invited) await page.getByTestId(`reception-invited-${c.id}`).waitFor();
    // the first comes: one click records the visit, and the list says who was received
    await page.getByTestId(`reception-invited-receive-${invited[0]!.id}`).click();
    await page.getByTestId(`reception-visit-${invited[0]!.id}`).waitFor();
    await expect.poll(() => page.getByTestId(`reception-invited-${invited[0]!.id}`).textContent()).toContain('已接访');
    expect(await page.getByTestId(`reception-invited-${invited[1]!.id}`).textContent()).toContain('未到');
    await settled(page);
    await shot(page, 'leader-appointment-day-zh');

    // the case's timeline says when and where the petitioner was invited
    await page.goto(`${suite.server.url}/console/cases/${invited[1]!.id}`);
    const ev = page.getByTestId('timeline-reception_invite');
    await ev.waitFor();
    expect(await ev.textContent()).toContain('县信访局约访室');
    expect(await ev.textContent()).toContain('19:00');
  });

  it('a leader is told in the header when the supervisor schedules a day for them, and the notice opens the day', async () => {
    const supervisor = await as('supervisor');
    const leaderUser = await getJson<{ leaders: { id: number; name: string }[] }>(supervisor, '/reception-days/options');
    const leaderId = leaderUser.leaders.find((l) => l.name === '陈副县长')!.id;
    const day = new Date(Date.now() + 8 * 3_600_000 + 20 * 86_400_000).toISOString().slice(0, 10);
    const res = await supervisor.request.post(`${suite.server.url}/api/v1/reception-days`, {
      data: { leaderUserId: leaderId, day, startsAt: '16:00', endsAt: '17:00', place: '县信访局三楼会议室', kind: 'fixed' },
    });
    expect(res.status(), await res.text()).toBe(201);
    const dayId = (await res.json()).id as number;
    await supervisor.context().close();

    const page = await as('leader');
    const bell = page.getByTestId('notifications-bell');
    await expect.poll(async () => (await bell.getAttribute('aria-label')) ?? '').toMatch(/通知 \([1-9]\d*\)/);
    const before = Number(/\((\d+)\)/.exec((await bell.getAttribute('aria-label'))!)![1]);
    await bell.click();
    const drawer = page.getByTestId('notifications-drawer');
    const item = drawer.locator('[data-kind="reception_scheduled"]', { hasText: '县信访局三楼会议室' }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain('王督办 为您安排了接待日');
    expect(await item.textContent()).toContain(`${day} 16:00–17:00`);
    await settled(page);
    await shot(page, 'leader-notifications-zh');
    await item.click();
    // the day opens on the calendar, and the notice is read
    await page.getByTestId('reception-drawer').waitFor();
    await expect.poll(() => page.getByTestId('reception-drawer').textContent()).toContain('县信访局三楼会议室');
    expect(new URL(page.url()).searchParams.get('open')).toBe(String(dayId));
    await expect.poll(async () => (await bell.getAttribute('aria-label')) ?? '').toBe(before - 1 > 0 ? `通知 (${before - 1})` : '通知');
  });

  it("a handler is told in the header of a supervision notice on a matter of their body, and the notice opens the case", async () => {
    const page = await as('hrss.handler');
    const list = await getJson<{ items: { id: number; caseNo: string }[] }>(page, '/cases?state=handling&limit=5');
    expect(list.items.length, 'the demo data has a matter in handling at the county human-resources bureau').toBeGreaterThan(0);
    const target = list.items[0]!;
    const supervisor = await as('supervisor');
    const c = await getJson<{ version: number }>(supervisor, `/cases/${target.id}`);
    const res = await supervisor.request.post(`${suite.server.url}/api/v1/cases/${target.id}/supervise`, { data: { version: c.version, text: '请于五日内书面报告办理进展' } });
    expect(res.status(), await res.text()).toBe(200);
    await supervisor.context().close();

    await page.reload();
    const bell = page.getByTestId('notifications-bell');
    await expect.poll(async () => (await bell.getAttribute('aria-label')) ?? '').toMatch(/通知 \([1-9]\d*\)/);
    const before = Number(/\((\d+)\)/.exec((await bell.getAttribute('aria-label'))!)![1]);
    await bell.click();
    const item = page.getByTestId('notifications-drawer').locator('[data-kind="supervision_issued"]', { hasText: target.caseNo }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain('清河县信访局对本单位承办的事项发出督办单');
    expect(await item.textContent()).toContain('请于五日内书面报告办理进展');
    await settled(page);
    await shot(page, 'handler-notifications-zh');
    await item.click();
    await page.getByTestId('case-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/cases/${target.id}`);
    await expect.poll(async () => (await bell.getAttribute('aria-label')) ?? '').toBe(before - 1 > 0 ? `通知 (${before - 1})` : '通知');

    // another notice on the matter: opening the case page, not the notice, reads it too
    const again = await as('supervisor');
    const v = await getJson<{ version: number }>(again, `/cases/${target.id}`);
    const res2 = await again.request.post(`${suite.server.url}/api/v1/cases/${target.id}/supervise`, { data: { version: v.version, text: '请再次报告进展' } });
    expect(res2.status(), await res2.text()).toBe(200);
    await again.context().close();
    await page.goto(`${suite.server.url}/console/`);
    await expect.poll(async () => (await bell.getAttribute('aria-label')) ?? '').toBe(`通知 (${before})`);
    await page.goto(`${suite.server.url}/console/cases/${target.id}`);
    await page.getByTestId('case-page').waitFor();
    await expect.poll(async () => (await bell.getAttribute('aria-label')) ?? '').toBe(before - 1 > 0 ? `通知 (${before - 1})` : '通知');
  });

  it('a township leader schedules only for the township: the form offers no other body', async () => {
    const page = await as('town.head');
    await page.goto(`${suite.server.url}/console/leader?tab=reception`);
    await page.getByTestId('reception-new').click();
    await page.locator('#reception_orgId').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    const offered = await options.allTextContents();
    expect(offered.every((o) => ['葛仙庄镇'].includes(o))).toBe(true);
  });
});
