// Administration and printable documents in a real browser: an administrator adds a holiday to the
// working-day calendar, adds a user and edits the time limits, resets a handler's password (the
// handler must then choose a new one before reaching the home page); a clerk opens a case's acceptance
// notice from the case page, prints it (print media shows the sheet alone) and downloads the PDF, and
// opens the forwarding or assignment sheet of a matter waiting for acceptance.
// Screenshots at 1280x800 in Chinese and English.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { request, type Page } from 'playwright-core';
import { newPage, pickOption, pickTreeOption, settled, shot, signIn, SHOTS_DIR, browserSuite } from './harness.ts';

const suite = browserSuite({ cases: 150 });

async function as(username: string): Promise<Page> {
  const { page } = await newPage(suite.browser, { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await signIn(page, suite.server.url, username);
  return page;
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${suite.server.url}/api/v1${url}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** The text box of an antd input, whether the test id sits on the input or on its wrapper. */
const field = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function toEnglish(page: Page) {
  await page.getByTestId('lang-switch').getByText('EN').click();
}

/** No dictionary key or undefined text leaked onto the page. */
async function expectTranslated(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\bundefined\b|\bl(Route|Accept|Answer|Evaluation)\b|admin-tab-|\bdoc_[a-z]+\b/);
}

describe('administration', () => {
  it('adds a holiday to the calendar, adds a user and edits the time limits', async () => {
    const page = await as('admin');
    await page.getByTestId('menu-admin').click();
    await page.getByTestId('org-tree').getByText('清河县信访局').first().waitFor();
    expect(page.url()).toContain('/console/admin/orgs');
    await page.getByTestId('org-tree').getByText('县教育局').click();
    await expect.poll(() => page.getByTestId('org-name').inputValue()).toBe('县教育局');
    await shot(page, 'admin-orgs-zh');

    // a village passes to another township (调整隶属), with its matters and figures
    const orgs = await getJson<{ id: number; name: string; parentId: number | null; path: string }[]>(page, '/orgs');
    const village = orgs.find((o) => o.name === '西枣园村')!;
    const lianzhuang = orgs.find((o) => o.name === '连庄镇')!;
    expect(village.parentId).not.toBe(lianzhuang.id);
    // townships start folded: open 葛仙庄镇 to reach its village
    const township = orgs.find((o) => o.id === village.parentId)!;
    await page.getByTestId('org-tree').locator('.ant-tree-treenode', { has: page.getByTestId(`org-node-${township.id}`) }).locator('.ant-tree-switcher').click();
    await page.getByTestId('org-tree').getByText('西枣园村').click();
    await expect.poll(() => page.getByTestId('org-name').inputValue()).toBe('西枣园村');
    await page.getByTestId('org-move').click();
    await pickTreeOption(page, 'org-move-parent', '连庄镇', '连庄镇');
    await shot(page, 'admin-org-move-zh');
    await page.getByTestId('org-move-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已调整隶属：1 个单位');
    await expect.poll(async () => (await getJson<typeof orgs>(page, '/orgs')).find((o) => o.id === village.id)?.parentId).toBe(lianzhuang.id);
    expect((await getJson<typeof orgs>(page, '/orgs')).find((o) => o.id === village.id)!.path).toBe(`${lianzhuang.path}${village.id}/`);
    // the tree shows it under its new township, and the form its new path
    await expect.poll(() => page.getByTestId('org-form').textContent()).toContain(`${lianzhuang.path}${village.id}/`);

    // calendar: a working Wednesday becomes a holiday
    await page.getByTestId('admin-tab-calendar').click();
    await page.getByTestId('calendar-grid').waitFor();
    const year = Number(await field(page, 'calendar-year').inputValue());
    const day = `${year}-06-03`;
    expect((await getJson<{ day: string }[]>(page, `/calendar/${year}`)).some((d) => d.day === day)).toBe(false);
    await page.getByTestId(`day-${day}`).click();
    // the dialog opens with an animation: choose the kind until the name field appears
    for (let i = 0; i < 5 && !(await page.getByTestId('day-name').isVisible()); i++) {
      await page.getByTestId('day-kind-holiday').click();
      await page.getByTestId('day-name').waitFor({ timeout: 2000 }).catch(() => {});
    }
    await page.getByTestId('day-name').fill('测试假日');
    await page.getByTestId('day-ok').click();
    await expect.poll(() => page.getByTestId(`day-${day}`).getAttribute('class')).toContain('is-holiday');
    await page.getByTestId('save-calendar').click();
    await expect.poll(async () => (await getJson<{ day: string; kind: string; name: string }[]>(page, `/calendar/${year}`)).find((d) => d.day === day))
      .toEqual({ day, kind: 'holiday', name: '测试假日' });
    await shot(page, 'admin-calendar-zh');

    // users: a new intake clerk at the county bureau, who can then sign in
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('user-table').waitFor();
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-username').fill('e2e.clerk');
    await page.getByTestId('user-name').fill('测试登记员');
    await pickTreeOption(page, 'user-org', '清河县信访局', '清河县信访局');
    await pickOption(page, 'user-role', '登记员', async () => ((await page.getByTestId('user-role').textContent()) ?? '').includes('登记员'));
    await page.getByTestId('user-password').fill('Dengji@2026');
    await page.getByTestId('save-user').click();
    await field(page, 'user-search').fill('e2e');
    await page.getByTestId('user-row-e2e.clerk').waitFor();
    const users = await getJson<{ username: string; role: string; orgName: string }[]>(page, '/users');
    expect(users.find((u) => u.username === 'e2e.clerk')).toMatchObject({ role: 'clerk', orgName: '清河县信访局' });
    const fresh = await request.newContext(); // its own cookies: the administrator stays signed in
    expect((await fresh.post(`${suite.server.url}/api/v1/auth/login`, { data: { username: 'e2e.clerk', password: 'Dengji@2026' } })).status()).toBe(200);
    await fresh.dispose();
    await field(page, 'user-search').fill('');
    await shot(page, 'admin-users-zh');

    // time limits: the answer limit becomes 45 days
    await page.getByTestId('admin-tab-limits').click();
    await page.getByTestId('limits-form').waitFor();
    const answer = field(page, 'limit-answer-days');
    await expect.poll(() => answer.inputValue()).toBe('60');
    await answer.fill('45');
    await page.getByTestId('save-limits').click();
    await expect.poll(async () => (await getJson<{ answer: { days: number } }>(page, '/settings/time-limits')).answer.days).toBe(45);
    await shot(page, 'admin-limits-zh');

    // an empty limit is refused before it reaches the server
    await answer.fill('');
    await page.getByTestId('save-limits').click();
    await page.getByTestId('limits-form').locator('.ant-form-item-explain-error').first().waitFor();
    await expect.poll(async () => (await getJson<{ answer: { days: number } }>(page, '/settings/time-limits')).answer.days).toBe(45);

    await page.getByTestId('admin-tab-evaluation').click();
    await page.getByTestId('evaluation-form').waitFor();
    await shot(page, 'admin-evaluation-zh');
    await page.getByTestId('admin-tab-categories').click();
    await page.getByTestId('category-tree').getByText('城乡建设').waitFor();
    await shot(page, 'admin-categories-zh');

    await toEnglish(page);
    await page.getByTestId('admin-tab-limits').click();
    await page.getByTestId('limits-form').getByText('Handle and answer (Art 34)').waitFor();
    await expectTranslated(page);
    await shot(page, 'admin-limits-en');
    await page.getByTestId('admin-tab-calendar').click();
    await page.getByTestId('calendar-grid').getByText('June').waitFor();
    await expectTranslated(page);
    await shot(page, 'admin-calendar-en');
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('user-table').getByText('Intake clerk').first().waitFor();
    await shot(page, 'admin-users-en');
    await page.getByTestId('admin-tab-orgs').click();
    await page.getByTestId('org-tree').waitFor();
    await expectTranslated(page);
    await shot(page, 'admin-orgs-en');

    // casework is not the administrator's: no case menu, and a typed case address says so
    expect(await page.getByTestId('menu-cases').count()).toBe(0);
    await page.goto(`${suite.server.url}/console/cases`);
    await page.getByTestId('forbidden').waitFor();
    expect((await page.request.get(`${suite.server.url}/api/v1/cases`)).status()).toBe(403);
  });
});

describe('password reset', () => {
  it('an administrator resets a handler\'s password; the handler signs in, must change it, then reaches the home page', async () => {
    const user = 'town.handler';
    const admin = await as('admin');
    await admin.getByTestId('menu-admin').click();
    await admin.getByTestId('admin-tab-users').click();
    await admin.getByTestId('user-table').waitFor();
    await field(admin, 'user-search').fill(user);
    await admin.getByTestId(`user-reset-${user}`).click();
    await admin.locator('.ant-popconfirm .ant-btn-primary').click();
    const temp = admin.getByTestId('temp-password');
    await temp.waitFor();
    const temporaryPassword = (await temp.textContent())!.trim();
    expect(temporaryPassword).toMatch(/^Xf-[A-Za-z2-9]{10}$/);
    await settled(admin);
    await shot(admin, 'admin-reset-password-zh');
    await admin.locator('.ant-modal-confirm .ant-btn-primary').click();
    await admin.getByTestId(`user-must-change-${user}`).waitFor();

    // the handler opens a case list address, signs in with the temporary password and is held on the change page
    const { page } = await newPage(suite.browser);
    await page.goto(`${suite.server.url}/console/cases`);
    await page.getByTestId('login-username').fill(user);
    await page.getByTestId('login-password').fill(temporaryPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-page').waitFor();
    await page.getByTestId('password-required').waitFor();
    await expect.poll(() => page.url()).toMatch(/\/console\/password$/);
    expect(await page.getByTestId('app-shell').count()).toBe(0);
    const held = await page.request.get(`${suite.server.url}/api/v1/cases/queues`);
    expect(held.status()).toBe(403);
    expect((await held.json()).error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    // a wrong current password is refused inline; two different new ones are caught before sending
    await page.getByTestId('password-current').fill('Xf-wrongguess');
    await page.getByTestId('password-new').fill('Zhenli@2026');
    await page.getByTestId('password-confirm').fill('Zhenli@2026');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => page.getByTestId('password-error').textContent()).toContain('当前密码不正确');
    await page.getByTestId('password-current').fill(temporaryPassword);
    await page.getByTestId('password-confirm').fill('Zhenli@2027');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-form').getByText('两次输入的新密码不一致').waitFor();
    await page.getByTestId('password-confirm').fill('Zhenli@2026');
    await expect.poll(() => page.getByTestId('password-form').locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(await page.getByTestId('password-error').count(), 'a corrected form drops the old refusal').toBe(0);
    await shot(page, 'password-change-required-zh');
    await toEnglish(page);
    await page.getByTestId('password-required').getByText('Choose a password of your own').waitFor();
    await expectTranslated(page);
    await settled(page);
    await shot(page, 'password-change-required-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await page.getByTestId('password-submit').click();

    await page.getByTestId('app-shell').waitFor();
    await page.getByTestId('home-page').waitFor();
    expect(page.url()).toMatch(/\/console\/?$/);
    await page.getByTestId('queue-in_handling').waitFor();
    expect((await page.request.get(`${suite.server.url}/api/v1/cases/queues`)).status()).toBe(200);
    expect(await getJson<{ mustChangePassword: boolean }>(page, '/auth/me')).toMatchObject({ mustChangePassword: false });
    await shot(page, 'password-changed-home-zh');
    // from now on the header opens the same page inside the workbench, for a change of the user's own accord
    await page.getByTestId('change-password').click();
    await page.getByTestId('app-shell').getByTestId('password-page').waitFor();
    expect(await page.getByTestId('password-required').count()).toBe(0);
    await settled(page);
    await shot(page, 'password-change-own-zh');

    // the new password signs in straight to the home page; the administrator's list no longer flags the user
    const again = (await newPage(suite.browser)).page;
    await again.goto(`${suite.server.url}/`);
    await again.getByTestId('login-username').fill(user);
    await again.getByTestId('login-password').fill('Zhenli@2026');
    await again.getByTestId('login-submit').click();
    await again.getByTestId('home-page').waitFor();
    await admin.reload();
    await field(admin, 'user-search').fill(user);
    await admin.getByTestId(`user-row-${user}`).waitFor();
    expect(await admin.getByTestId(`user-must-change-${user}`).count()).toBe(0);
  });
});

describe('printable documents', () => {
  it('a clerk opens the acceptance notice from the case page, prints the sheet alone and downloads the PDF', async () => {
    const page = await as('clerk');
    const list = await getJson<{ items: { id: number; caseNo: string }[] }>(page, '/cases?state=handling&limit=5');
    expect(list.items.length, 'the demo data has cases in handling').toBeGreaterThan(0);
    const c = list.items[0]!;
    await page.goto(`${suite.server.url}/console/cases/${c.id}`);
    await page.getByTestId('doc-accept-notice').click();
    const sheet = page.getByTestId('doc-sheet');
    await sheet.waitFor();
    expect(page.url()).toContain(`/console/documents/${c.id}/accept-notice`);
    await expect.poll(() => page.getByTestId('doc-title').textContent()).toBe('信访事项受理告知书');
    await expect.poll(() => page.getByTestId('doc-number').textContent()).toMatch(/^信受〔\d{4}〕\d+号$/);
    expect(await sheet.textContent()).toContain(c.caseNo);
    expect(await page.getByTestId('doc-addressee').textContent()).toMatch(/：$/);
    await shot(page, 'document-accept-zh');

    // print: the sheet alone, without the console's menu, header or toolbar
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('doc-print').isVisible()).toBe(false);
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await shot(page, 'document-accept-print');
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('doc-pdf').click()]);
    const file = path.join(SHOTS_DIR, 'document-accept.pdf');
    await download.saveAs(file);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length).toBe(1);
    expect(download.suggestedFilename()).toContain(c.caseNo);

    // the same page in English: the toolbar switches, the document stays as issued (Chinese)
    await toEnglish(page);
    await page.getByTestId('doc-pdf').getByText('Download PDF').waitFor();
    await expectTranslated(page);
    expect(await page.getByTestId('doc-title').textContent()).toBe('信访事项受理告知书');
    await shot(page, 'document-accept-en');
  });

  it('a clerk opens the assignment or forwarding sheet the bureau sent with a matter still waiting for acceptance', async () => {
    const page = await as('clerk');
    const waiting = await getJson<{ items: { id: number; caseNo: string }[] }>(page, '/cases?state=awaiting_acceptance&limit=20');
    let routed: { id: number; caseNo: string; type: 'forward-sheet' | 'assign-sheet' } | undefined;
    for (const c of waiting.items) {
      const d = await getJson<{ routeKind: string | null; designatedByOrgId: number | null }>(page, `/cases/${c.id}`);
      if (d.designatedByOrgId === null && (d.routeKind === 'forward' || d.routeKind === 'assign')) { routed = { ...c, type: `${d.routeKind}-sheet` }; break; }
    }
    expect(routed, 'the demo data has a matter routed by the bureau and waiting for acceptance').toBeDefined();
    await page.goto(`${suite.server.url}/console/cases/${routed!.id}`);
    await page.getByTestId(`doc-${routed!.type}`).click();
    const sheet = page.getByTestId('doc-sheet');
    await sheet.waitFor();
    const title = routed!.type === 'forward-sheet' ? '信访事项转送单' : '信访事项交办单';
    await expect.poll(() => page.getByTestId('doc-title').textContent()).toBe(title);
    await expect.poll(() => page.getByTestId('doc-number').textContent()).toMatch(routed!.type === 'forward-sheet' ? /^信转〔\d{4}〕\d+号$/ : /^信交〔\d{4}〕\d+号$/);
    const text = (await sheet.textContent())!;
    expect(text).toContain(routed!.caseNo);
    expect(text).toContain('决定是否受理');
    expect(text).toContain('提出异议');
    await shot(page, `document-${routed!.type}-zh`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('doc-pdf').click()]);
    expect(download.suggestedFilename()).toContain(routed!.caseNo);
  });

  it('shows an answered case\'s opinion, and says so when a document is not yet due', async () => {
    const page = await as('clerk');
    const concluded = await getJson<{ items: { id: number }[] }>(page, '/cases?state=concluded&limit=5');
    expect(concluded.items.length).toBeGreaterThan(0);
    await page.goto(`${suite.server.url}/console/documents/${concluded.items[0]!.id}/opinion`);
    await page.getByTestId('doc-sheet').waitFor();
    await expect.poll(() => page.getByTestId('doc-title').textContent()).toBe('信访事项处理意见书');
    const text = await page.getByTestId('doc-sheet').textContent();
    expect(text).toContain('第三十二条');
    expect(text).toContain('书面提出复查申请');
    await shot(page, 'document-opinion-zh');

    const handling = await getJson<{ items: { id: number }[] }>(page, '/cases?state=handling&limit=5');
    await page.goto(`${suite.server.url}/console/documents/${handling.items[0]!.id}/opinion`);
    await page.getByTestId('doc-error').waitFor();
    expect(await page.getByTestId('doc-error').textContent()).toContain('暂不能出具此文书');
    expect(await page.getByTestId('doc-pdf').isDisabled()).toBe(true);
  });
});
