// The staff console walked through as the roles would: a clerk registers a visit and routes it; the
// handler accepts and asks for an extension; the head of the body approves; the handler answers; a
// supervisor issues a supervision notice on an overdue case; a leader records an instruction; the
// answer is delivered and reviewed, and the reviewing body revokes it and orders a new one; the matter
// is reported as major and urgent and the county leader finds it in the 重大紧急 queue. A matter whose
// acceptance two departments dispute is designated by the bureau's supervisor with a co-handling body,
// which finds it in its 协办事项 queue and gives its opinion (Art 24).
// Screenshots of the main pages at 1280x800 in Chinese and English go to .tmp/screenshots.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiJson, DEMO_PASSWORD, newPage, pickTreeOption, settled, shot, browserSuite } from './harness.ts';
import { generateIdCardNumber } from '../src/shared/validators.ts';

const PETITIONER_ID = generateIdCardNumber('130534', '19700312', 517);
const suite = browserSuite({ cases: 150 });
const as = suite.as;

async function act(page: Page, action: string, fill: (p: Page) => Promise<void> = async () => {}) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId(`action-modal-${action}`).waitFor();
  await fill(page);
  const modal = page.getByTestId(`action-modal-${action}`);
  const submit = page.getByTestId('action-submit');
  await submit.click();
  // on a loaded machine a click on a form still opening can be lost: once the form is neither saving
  // nor showing why it was refused, it is sent again (a form that was sent closes, or says why not)
  let closed = await modal.waitFor({ state: 'detached', timeout: 10_000 }).then(() => true, () => false);
  if (!closed && !(await page.getByTestId('action-error').count()) && !(await page.getByTestId('action-conflict').count())
    && !(await submit.getAttribute('class'))?.includes('ant-btn-loading')) {
    await submit.click().catch(() => {});
  }
  closed = closed || await modal.waitFor({ state: 'detached', timeout: 30_000 }).then(() => true, () => false);
  if (!closed) throw new Error(`the ${action} form did not close: ${await modal.textContent()}`);
}

const stateText = (page: Page) => page.getByTestId('case-state');

describe('staff console', () => {
  let caseUrl = '';
  let caseNo = '';

  it('signs in, rejects a wrong password inline, and shows the home queues', async () => {
    const { page } = await newPage(suite.browser);
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${suite.server.url}/`);
    await page.getByTestId('login-username').waitFor();
    // opening signed out asks who is signed in and is told no one: nothing fails in the browser's console
    expect(errors).toEqual([]);
    await shot(page, 'console-login-zh');
    await page.getByTestId('login-username').fill('clerk');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-password').press('Enter'); // Enter submits
    await page.getByTestId('app-shell').waitFor();
    expect(page.url()).toMatch(/\/console\/?$/);
    await expect.poll(() => page.getByTestId('header-role').textContent()).toBe('登记员');
    expect(await page.getByTestId('header-org').textContent()).toBe('清河县信访局');
    const toRoute = page.getByTestId('queue-to_route');
    await toRoute.waitFor();
    expect(await toRoute.textContent()).toMatch(/待转送交办\s*\d+\s*件/);
    await shot(page, 'console-home-zh');

    // a queue opens the list filtered to it, with the filter in the URL
    const overdue = page.getByTestId('queue-overdue');
    const overdueCount = Number((await overdue.locator('.ant-statistic-content-value').textContent())!.replace(/\D/g, ''));
    expect(overdueCount).toBeGreaterThan(0); // the demo data has overdue cases
    await overdue.click();
    await page.getByTestId('case-list-page').waitFor();
    expect(page.url()).toContain('queue=overdue');
    await page.locator('[data-testid^="case-row-"]').first().waitFor();
    const rows = await page.locator('[data-testid^="case-row-"]').allTextContents();
    expect(rows.length).toBe(Math.min(overdueCount, 20));
    for (const r of rows) expect(r).toMatch(/超期 \d+天/);
    await shot(page, 'console-cases-zh');

    // all cases: keyset paging forward and back to the first page
    await page.getByTestId('menu-cases').click();
    await expect.poll(() => page.url()).not.toContain('queue=');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="case-row-"]').length === 20);
    const ids = () => page.locator('[data-testid^="case-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    const firstIds = await ids();
    await page.getByTestId('page-next').click();
    await expect.poll(() => page.url()).toContain('cursor=');
    await page.waitForFunction((first) => document.querySelector('[data-testid^="case-row-"]')?.getAttribute('data-testid') !== first, firstIds[0]);
    const nextIds = await ids();
    expect(nextIds.some((id) => firstIds.includes(id))).toBe(false);
    await page.getByTestId('page-first').click();
    await expect.poll(() => page.url()).not.toContain('cursor=');
    await page.waitForFunction((first) => document.querySelector('[data-testid^="case-row-"]')?.getAttribute('data-testid') === first, firstIds[0]);

    // filters go to the URL and survive a reload
    await page.getByTestId('filter-q').fill('工资');
    await page.getByTestId('filter-submit').click();
    await expect.poll(() => page.url()).toContain('q=');
    // a reload keeps the filters (they live in the URL)
    await page.reload();
    await page.getByTestId('case-list-page').waitFor();
    expect(await page.getByTestId('filter-q').inputValue()).toBe('工资');

    // sign out returns to the sign-in page
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await page.context().close();
  });

  it('a clerk registers a visit, gets the receipt, and routes it to the competent department', async () => {
    const page = await as('clerk');
    await page.getByTestId('menu-register').click();
    await page.getByTestId('register-page').waitFor();
    const idNumber = PETITIONER_ID;
    // look-up of a petitioner never seen before
    await page.getByTestId('lookup-id').fill(idNumber);
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('lookup-none').waitFor();

    // validation mirrors the API's, inline and in Chinese
    await page.getByTestId('reg-mobile').fill('12345');
    await page.getByTestId('register-submit').click();
    await page.getByText('手机号码无效').waitFor();
    await page.getByText('请填写姓名').waitFor();

    await page.getByTestId('channel-visit').click();
    await page.getByTestId('reg-name').fill('刘建国');
    await page.getByTestId('reg-mobile').fill('13903190001');
    await page.getByTestId('kind-claim').click();
    await pickTreeOption(page, 'reg-category', '拖欠', '拖欠工资');
    await pickTreeOption(page, 'reg-area', '葛仙庄镇', '葛仙庄镇');
    await page.getByTestId('reg-title').fill('某建筑公司拖欠农民工工资');
    await page.getByTestId('reg-content').fill('本人2025年在县城某工地务工，工程结束后工资三万元至今未结清，请求协调解决。');
    await page.getByTestId('reg-upload').locator('input[type=file]').setInputFiles({ name: '欠条.txt', mimeType: 'text/plain', buffer: Buffer.from('欠条：欠刘建国工资三万元。') });
    await page.getByText('欠条.txt').waitFor();
    await shot(page, 'console-register-zh');
    await page.getByTestId('register-submit').click();

    const no = page.getByTestId('receipt-case-no');
    await no.waitFor();
    caseNo = (await no.textContent())!;
    expect(caseNo).toMatch(/\d/);
    expect((await page.getByTestId('receipt-query-code').textContent())!).toMatch(/^[A-Z2-9]{8}$/);
    await shot(page, 'console-receipt-zh');

    await page.getByTestId('receipt-open-case').click();
    await page.getByTestId('case-page').waitFor();
    caseUrl = page.url();
    await expect.poll(() => stateText(page).textContent()).toBe('已登记');
    await page.getByTestId('timeline-register').waitFor();
    expect(await page.getByTestId('attachments').textContent()).toContain('欠条.txt');
    // personal data masked until shown (the showing is logged by the server)
    expect(await page.getByTestId('person-name').first().textContent()).toBe('刘*国');
    await page.getByTestId('reveal-personal').click();
    await page.getByTestId('revealed-note').waitFor();
    expect(await page.getByTestId('person-name').first().textContent()).toBe('刘建国');

    await act(page, 'assign', async (p) => {
      await pickTreeOption(p, 'field-targetOrgId', '人力资源', '县人力资源和社会保障局');
      await p.getByTestId('field-note').fill('请依法办理并按时答复。');
    });
    await expect.poll(() => stateText(page).textContent()).toBe('待受理');
    const assigned = page.getByTestId('timeline-assign');
    await assigned.waitFor();
    expect(await assigned.textContent()).toContain('县人力资源和社会保障局');
    expect(await assigned.textContent()).toContain('李登记');
    await shot(page, 'console-case-zh');
    await page.context().close();
  });

  it('the handler accepts and asks for an extension; a stale second tab gets a clear version conflict', async () => {
    const page = await as('hrss.handler');
    await page.goto(caseUrl);
    await expect.poll(() => stateText(page).textContent()).toBe('待受理');
    await act(page, 'accept');
    await expect.poll(() => stateText(page).textContent()).toBe('办理中');
    await page.getByTestId('timeline-accept').waitFor();
    expect(await page.getByTestId('clock-answer').textContent()).toMatch(/剩余 \d+ 天/);
    await page.getByTestId('doc-accept-notice').waitFor();

    const stale = await page.context().newPage();
    await stale.goto(caseUrl);
    await stale.getByTestId('action-request_extension').waitFor();

    await act(page, 'request_extension', async (p) => {
      // the limit comes from the time-limit profile (Art 34: 30 days)
      await expect.poll(() => p.getByTestId('action-modal-request_extension').textContent()).toContain('最多 30 天');
      await p.getByTestId('field-days').fill('20');
      await p.getByTestId('field-reason').fill('需调取用工单位工资台账，核实时间较长。');
    });
    await page.getByTestId('extension-pending').waitFor();
    expect(await page.getByTestId('timeline-request_extension').textContent()).toContain('20');

    await stale.getByTestId('action-request_extension').click();
    await stale.getByTestId('field-days').fill('10');
    await stale.getByTestId('field-reason').fill('重复提交');
    await stale.getByTestId('action-submit').click();
    await stale.getByTestId('action-conflict').waitFor();
    await stale.getByTestId('action-reload').click();
    await stale.getByTestId('extension-pending').waitFor();
    await page.context().close();
  });

  it('the head of the handling body approves; the handler answers with the 信访处理意见书', async () => {
    const head = await as('hrss.head');
    await head.goto(caseUrl);
    await head.getByTestId('extension-pending').waitFor();
    await act(head, 'approve_extension');
    await head.getByTestId('timeline-approve_extension').waitFor();
    expect(await head.getByTestId('extension-pending').count()).toBe(0);
    await head.getByTestId('doc-extension-notice').waitFor();
    await head.context().close();

    const page = await as('hrss.handler');
    await page.goto(caseUrl);
    await act(page, 'answer', async (p) => {
      await p.getByTestId('option-outcome-upheld').click();
      await p.getByTestId('field-text').fill('经核实，用工单位确欠你工资三万元，已责令其于十五日内全额支付。');
    });
    await expect.poll(() => stateText(page).textContent()).toBe('已答复待送达');
    expect(await page.getByTestId('timeline-answer').textContent()).toContain('支持');
    await page.getByTestId('doc-opinion').waitFor();
    await page.context().close();
  });

  it('a supervisor finds an overdue case through the overdue queue and issues a supervision notice', async () => {
    const page = await as('supervisor');
    const overdue = page.getByTestId('queue-overdue');
    await overdue.waitFor();
    await overdue.click();
    await page.getByTestId('case-list-page').waitFor();
    expect(page.url()).toContain('queue=overdue');
    const link = page.locator('[data-testid^="case-link-"]').first();
    await link.waitFor();
    expect(await page.locator('[data-testid^="case-row-"]').first().textContent()).toContain('超期');
    await link.click();
    await page.getByTestId('case-page').waitFor();
    expect(await page.getByTestId('clocks').textContent()).toMatch(/已超期 \d+ 天/);
    await act(page, 'supervise', async (p) => {
      await p.getByTestId('field-text').fill('该事项已超过办理期限，请于五个工作日内办结并报送结果。');
    });
    const ev = page.getByTestId('timeline-supervise');
    await ev.waitFor();
    expect(await ev.textContent()).toContain('王督办');
    await page.getByTestId('doc-supervision-notice').waitFor();
    await page.context().close();
  });

  it('a leader records an instruction on the case', async () => {
    const page = await as('leader');
    await page.goto(caseUrl);
    await act(page, 'instruct', async (p) => {
      await p.getByTestId('field-text').fill('请县人社局加大协调力度，确保工资按时足额发放。');
    });
    const ev = page.getByTestId('timeline-instruct');
    await ev.waitFor();
    expect(await ev.textContent()).toContain('陈副县长');
    await page.context().close();
  });

  it('works in English, with the keyboard, at 1280x800', async () => {
    const page = await as('clerk');
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('header-role').textContent()).toBe('Intake clerk');
    await page.getByTestId('queue-to_route').waitFor();
    await shot(page, 'console-home-en');
    await page.getByTestId('menu-cases').click();
    await page.locator('[data-testid^="case-row-"]').first().waitFor();
    await shot(page, 'console-cases-en');
    await page.getByTestId('menu-register').click();
    await page.getByTestId('register-page').waitFor();
    await page.getByTestId('register-submit').click();
    await page.getByText('Enter name').waitFor();
    await shot(page, 'console-register-en');
    await page.goto(caseUrl);
    await expect.poll(() => stateText(page).textContent()).toBe('Answered, to deliver');
    await page.getByTestId('timeline-instruct').waitFor();
    await shot(page, 'console-case-en');

    // nothing overflows the 1280 px viewport horizontally
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // keyboard: tabbing from the page start reaches the menu links with a visible focus outline
    await page.goto(`${suite.server.url}/console/`);
    await page.getByTestId('queue-to_route').waitFor();
    let focusedMenu = false;
    for (let i = 0; i < 12 && !focusedMenu; i++) {
      await page.keyboard.press('Tab');
      focusedMenu = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'menu-cases');
    }
    expect(focusedMenu).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-list-page').waitFor();

    // tablet width: the menu folds to icons and no page overflows horizontally
    await page.setViewportSize({ width: 820, height: 1180 });
    for (const path of ['/console/', '/console/cases', '/console/register', caseUrl.replace(suite.server.url, '')]) {
      await page.goto(`${suite.server.url}${path}`);
      await page.getByTestId('app-shell').waitFor();
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
    }
    await shot(page, 'console-case-tablet-en');
    await page.setViewportSize({ width: 1280, height: 800 });

    // the English sign-in page, for the screenshots
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await shot(page, 'console-login-en');
    await page.context().close();
  });

  it('receipt in English and the registration of a collective visit with representatives', async () => {
    const page = await as('clerk');
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByTestId('menu-register').click();
    await page.getByTestId('channel-visit').click();
    await page.getByTestId('reg-name').fill('王秀英');
    await page.getByTestId('reg-collective').click();
    await page.getByTestId('reg-headcount').fill('12');
    for (let i = 0; i < 5; i++) {
      await page.getByTestId('rep-add').click();
      await page.getByTestId(`rep-name-${i}`).fill(`代表${i + 1}`);
    }
    expect(await page.getByTestId('rep-add').count()).toBe(0); // at most 5 representatives
    await page.getByTestId('kind-suggestion').click();
    await pickTreeOption(page, 'reg-category', 'Rural', 'Rural affairs and agriculture');
    await pickTreeOption(page, 'reg-area', '连庄', '连庄镇');
    await page.getByTestId('reg-title').fill('关于修缮村道的建议');
    await page.getByTestId('reg-content').fill('村内道路年久失修，雨天无法通行，建议列入年度修缮计划。');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('receipt-case-no').waitFor();
    await shot(page, 'console-receipt-en');
    await page.getByTestId('receipt-open-case').click();
    await page.getByTestId('case-page').waitFor();
    expect(await page.getByTestId('case-page').textContent()).toContain('Collective 12');
    expect(await page.locator('[data-testid="person"]').count()).toBe(6);
    await page.context().close();
  });

  it('a returning petitioner is found by 身份证 with the earlier case, and a repeat joins the open case', async () => {
    const page = await as('clerk');
    await page.getByTestId('menu-register').click();
    await page.getByTestId('lookup-id').fill(PETITIONER_ID);
    await page.getByTestId('lookup-id').press('Enter');
    const found = page.getByTestId('lookup-result');
    await found.waitFor();
    expect(await found.textContent()).toContain(caseNo);
    const caseId = caseUrl.split('/').pop()!;
    await page.getByTestId(`repeat-of-${caseId}`).click();
    await page.getByTestId('repeat-warning').waitFor();
    await page.getByTestId('channel-phone').click();
    await page.getByTestId('reg-name').fill('刘建国');
    await pickTreeOption(page, 'reg-category', '拖欠', '拖欠工资');
    await pickTreeOption(page, 'reg-area', '葛仙庄镇', '葛仙庄镇');
    await page.getByTestId('reg-title').fill('再次反映工资未结清');
    await page.getByTestId('reg-content').fill('答复后仍未收到工资，再次来电反映。');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('receipt-case-no').waitFor();
    expect(await page.getByTestId('receipt-case-no').textContent()).toBe(caseNo); // added to the open case
    await page.getByTestId('receipt-open-case').click();
    await page.getByTestId('timeline-add_submission').waitFor();
    await page.context().close();
  });

  it('the answer is delivered, review is asked, and the reviewing body revokes it and orders a new answer (撤销重办)', async () => {
    const handler = await as('hrss.handler');
    await handler.goto(caseUrl);
    await act(handler, 'deliver');
    await expect.poll(() => stateText(handler).textContent()).toBe('已办结');
    await handler.context().close();

    const clerk = await as('clerk');
    await clerk.goto(caseUrl);
    // a body that is not the one above the answering body is refused with the reason, and nothing changes
    await clerk.getByTestId('action-request_review').click();
    await clerk.getByTestId('action-modal-request_review').waitFor();
    await clerk.getByTestId('field-reason').fill('用工单位至今未付款，请求复查。');
    await pickTreeOption(clerk, 'field-reviewOrgId', '邢台市人民政府', '邢台市人民政府');
    await clerk.getByTestId('action-submit').click();
    await expect.poll(() => clerk.getByTestId('action-error').textContent()).toContain('上一级');
    await clerk.getByTestId('action-cancel').click();
    await clerk.getByTestId('action-modal-request_review').waitFor({ state: 'detached' });
    await expect.poll(() => stateText(clerk).textContent()).toBe('已办结');
    await act(clerk, 'request_review', async (p) => { await p.getByTestId('field-reason').fill('用工单位至今未付款，请求复查。'); });
    await expect.poll(() => stateText(clerk).textContent()).toBe('复查中');
    await clerk.context().close();

    const county = await as('county.handler');
    await county.goto(caseUrl);
    // revoking is not one of the review decision's outcomes: it is the action of its own
    await county.getByTestId('action-decide_review').click();
    await county.getByTestId('action-modal-decide_review').waitFor();
    await county.getByTestId('option-outcome-maintained').waitFor();
    expect(await county.getByTestId('option-outcome-revoked').count()).toBe(0);
    await county.getByTestId('action-cancel').click();
    await county.getByTestId('action-modal-decide_review').waitFor({ state: 'detached' });
    await act(county, 'redo', async (p) => {
      expect(await p.getByTestId('redo-hint').textContent()).toContain('原办理机关重新办理');
      await p.getByTestId('field-text').fill('原处理意见未查明用工单位的付款能力，认定事实不清。');
      await shot(p, 'console-redo-zh');
    });
    await expect.poll(() => stateText(county).textContent()).toBe('办理中');
    expect(await county.getByTestId('timeline-redo').textContent()).toContain('认定事实不清');
    await county.getByTestId('doc-review-opinion').waitFor();
    await county.context().close();
  });

  it('the handler reports the matter as major and urgent, and the county leader finds it in the 重大紧急 queue (Art 25)', async () => {
    const handler = await as('hrss.handler');
    await handler.goto(caseUrl);
    await act(handler, 'report_urgent', async (p) => {
      expect(await p.getByTestId('urgent-hint').textContent()).toContain('第二十五条');
      await p.getByTestId('field-text').fill('四十余名农民工在县政府门前聚集讨薪，情绪激动，已安排专人劝导。');
    });
    await handler.getByTestId('case-urgent').waitFor();
    expect(await handler.getByTestId('timeline-report_urgent').textContent()).toContain('清河县人民政府');
    await handler.context().close();

    const leader = await as('leader');
    const queue = leader.getByTestId('queue-urgent');
    await queue.waitFor();
    expect(await queue.textContent()).toMatch(/重大紧急\s*[1-9]\d*\s*件/);
    await queue.click();
    await leader.getByTestId('case-list-page').waitFor();
    expect(leader.url()).toContain('queue=urgent');
    const caseId = caseUrl.split('/').pop()!;
    await leader.getByTestId(`urgent-${caseId}`).waitFor();
    await shot(leader, 'console-urgent-queue-zh');
    await leader.context().close();
  });

  it('two departments object to a matter; the supervisor designates one to accept with the other co-handling, which gives its opinion (Art 24)', async () => {
    // the matter is registered and bounced through the API; the decision and the opinion are taken in the console
    const clerk = await as('clerk');
    const url = suite.server.url;
    const orgs = await apiJson<{ id: number; name: string }[]>(clerk, url, '/orgs');
    const hrss = orgs.find((o) => o.name === '县人力资源和社会保障局')!.id;
    const housing = orgs.find((o) => o.name === '县住房和城乡建设局')!.id;
    const cats = await apiJson<{ id: number; code: string }[]>(clerk, url, '/categories');
    const reg = await clerk.request.post(`${url}/api/v1/cases`, {
      headers: { 'idempotency-key': `joint-${Date.now()}` },
      data: {
        channel: 'letter', kind: 'claim', categoryId: cats.find((c) => c.code === '0601')!.id, areaCode: '130534',
        petitioner: { name: '张桂兰', idNumber: generateIdCardNumber('130534', '19660508', 224), mobile: '13903190077' },
        title: '企业改制后职工安置房和社保接续问题', content: '原县纺织厂改制后，职工安置房迟迟未交付，社保关系也未接续，请求解决。',
      },
    });
    expect(reg.status(), await reg.text()).toBe(201);
    const id = (await reg.json()).caseId as number;
    const post = async (page: Page, action: string, body: object) => {
      const cur = await apiJson<{ version: number }>(page, url, `/cases/${id}`);
      const res = await page.request.post(`${url}/api/v1/cases/${id}/${action}`, { data: { version: cur.version, ...body } });
      expect(res.status(), await res.text()).toBe(200);
    };
    const hrssPage = await as('hrss.handler');
    const housingPage = await as('housing.handler');
    await post(clerk, 'forward', { targetOrgId: hrss });
    await post(hrssPage, 'object', { reason: '安置房属住建部门职责' });
    await post(clerk, 'forward', { targetOrgId: housing });
    await post(housingPage, 'object', { reason: '社保接续属人社部门职责' });
    await clerk.context().close();

    const supervisor = await as('supervisor');
    await supervisor.goto(`${url}/console/cases/${id}`);
    await supervisor.getByTestId('acceptance-disputed').waitFor();
    expect(await supervisor.getByTestId('acceptance-disputed').textContent()).toContain('第二十四条');
    await act(supervisor, 'designate', async (p) => {
      expect(await p.getByTestId('designate-hint').textContent()).toContain('共同的上一级机关');
      await pickTreeOption(p, 'field-targetOrgId', '人力资源', '县人力资源和社会保障局');
      await pickTreeOption(p, 'field-coOrgIds', '住房', '县住房和城乡建设局');
      await p.getByTestId('field-reason').fill('经县政府协调，由县人社局主办，县住建局协办。');
      await shot(p, 'console-designate-zh');
    });
    await expect.poll(() => stateText(supervisor).textContent()).toBe('待受理');
    expect(await supervisor.getByTestId('case-current-org').textContent()).toBe('县人力资源和社会保障局');
    expect(await supervisor.getByTestId(`co-org-${housing}`).textContent()).toContain('待提交协办意见');
    expect(await supervisor.getByTestId('case-designated-by').textContent()).toContain('清河县信访局');
    expect(await supervisor.getByTestId('timeline-designate').textContent()).toContain('经县政府协调');
    // the notice of designation is among the case's documents; the forwarding sheets objected to are not
    expect(await supervisor.getByTestId('doc-forward-sheet').count()).toBe(0);
    await supervisor.getByTestId('doc-designation-notice').click();
    await expect.poll(() => supervisor.getByTestId('doc-title').textContent()).toBe('信访事项指定受理通知');
    expect(await supervisor.getByTestId('doc-sheet').textContent()).toContain('不再提出异议');
    await shot(supervisor, 'document-designation-zh');
    await supervisor.context().close();

    // the designated body accepts: it can no longer object
    await hrssPage.goto(`${url}/console/cases/${id}`);
    await expect.poll(() => stateText(hrssPage).textContent()).toBe('待受理');
    expect(await hrssPage.getByTestId('action-object').count()).toBe(0);
    await act(hrssPage, 'accept');
    await expect.poll(() => stateText(hrssPage).textContent()).toBe('办理中');

    // the co-handling body finds it in its queue and gives its opinion; it has no other action on the matter
    await housingPage.goto(`${url}/console/`);
    const queue = housingPage.getByTestId('queue-co_handling');
    await queue.waitFor();
    expect(await queue.textContent()).toMatch(/协办事项\s*[1-9]\d*\s*件/);
    await queue.click();
    await housingPage.getByTestId('case-list-page').waitFor();
    await housingPage.getByText('企业改制后职工安置房和社保接续问题').first().click();
    await housingPage.getByTestId('case-page').waitFor();
    await housingPage.getByTestId('action-contribute').waitFor();
    expect(await housingPage.getByTestId('case-actions').locator('button').count()).toBe(1);
    await act(housingPage, 'contribute', async (p) => {
      expect(await p.getByTestId('contribute-hint').textContent()).toContain('协办单位');
      await p.getByTestId('field-text').fill('安置房建设手续已报批，预计明年三月交付，可在答复中说明。');
    });
    await housingPage.getByTestId('timeline-contribute').waitFor();
    expect(await housingPage.getByTestId(`co-org-${housing}`).textContent()).toContain('已提交协办意见');
    await housingPage.context().close();

    // the lead sees the opinion on the case page, and in the answer form
    await hrssPage.reload();
    await hrssPage.getByTestId('timeline-contribute').waitFor();
    expect(await hrssPage.getByTestId('timeline-contribute').textContent()).toContain('预计明年三月交付');
    await shot(hrssPage, 'console-co-handling-zh');
    await hrssPage.getByTestId('action-answer').click();
    const opinions = hrssPage.getByTestId('answer-co-opinions');
    await opinions.waitFor();
    expect(await opinions.textContent()).toContain('县住房和城乡建设局');
    expect(await opinions.textContent()).toContain('预计明年三月交付');
    await settled(hrssPage);
    await shot(hrssPage, 'console-answer-co-opinions-zh');
    await hrssPage.getByTestId('action-cancel').click();

    // in handling the lead finds the township concerned too and asks it to take part
    const township = orgs.find((o) => o.name === '葛仙庄镇')!.id;
    await act(hrssPage, 'add_co_handlers', async (p) => {
      expect(await p.getByTestId('add-co-hint').textContent()).toContain('第二十四条');
      await pickTreeOption(p, 'field-coOrgIds', '葛仙庄', '葛仙庄镇');
      await p.getByTestId('field-reason').fill('安置房地块位于葛仙庄镇');
    });
    await hrssPage.getByTestId(`co-org-${township}`).waitFor();
    expect(await hrssPage.getByTestId(`co-org-${township}`).textContent()).toContain('待提交协办意见');
    expect(await hrssPage.getByTestId(`co-org-${housing}`).textContent()).toContain('已提交协办意见');
    await settled(hrssPage);
    await shot(hrssPage, 'console-add-co-handler-zh');
    await hrssPage.context().close();
  });
});

describe('a re-review that revokes (复核撤销重办)', () => {
  it('the re-reviewing body revokes the review opinion and the answer from the console; the matter goes back to the body that answered', async () => {
    // the matter is taken to re-review through the API; the decision is taken in the console
    const url = suite.server.url;
    const pages = new Map<string, Page>();
    const page = async (who: string) => pages.get(who) ?? pages.set(who, await as(who)).get(who)!;
    const step = async (who: string, id: number, action: string, body: object = {}) => {
      const p = await page(who);
      const { version } = await apiJson<{ version: number }>(p, url, `/cases/${id}`);
      const res = await p.request.post(`${url}/api/v1/cases/${id}/${action}`, { data: { version, ...body } });
      expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
    };
    const clerk = await page('clerk');
    const orgs = await apiJson<{ id: number; name: string }[]>(clerk, url, '/orgs');
    const cats = await apiJson<{ id: number; code: string }[]>(clerk, url, '/categories');
    const reg = await clerk.request.post(`${url}/api/v1/cases`, {
      headers: { 'idempotency-key': `re-review-${Date.now()}` },
      data: {
        channel: 'visit', kind: 'claim', categoryId: cats.find((c) => c.code === '0601')!.id, areaCode: '130534',
        petitioner: { name: '刘秀英', idNumber: generateIdCardNumber('130534', '19580617', 301), mobile: '13903190521' },
        title: '养老保险视同缴费年限认定问题', content: '本人1976年至1985年在县农机厂工作，退休时未认定视同缴费年限，请求重新核定。',
      },
    });
    expect(reg.status(), await reg.text()).toBe(201);
    const id = (await reg.json()).caseId as number;
    await step('clerk', id, 'forward', { targetOrgId: orgs.find((o) => o.name === '县人力资源和社会保障局')!.id });
    await step('hrss.handler', id, 'accept');
    await step('hrss.handler', id, 'answer', { outcome: 'not_upheld', text: '经查，档案中无1976年至1985年的招工手续，不能认定视同缴费年限。' });
    await step('hrss.handler', id, 'deliver');
    await step('clerk', id, 'request-review', { reason: '有当年工资表为证' });
    await step('county.handler', id, 'decide-review', { outcome: 'maintained', text: '经复查，维持原处理意见。' });
    await step('clerk', id, 'request-re-review', { reason: '复查未调取县农机厂工资表' });
    for (const p of pages.values()) await p.context().close();

    const city = await as('city.handler');
    await city.goto(`${url}/console/cases/${id}`);
    await expect.poll(() => stateText(city).textContent()).toBe('复核中');
    // revoking is not an outcome of the re-review decision: it is the action of its own
    await city.getByTestId('action-decide_re_review').click();
    await city.getByTestId('action-modal-decide_re_review').waitFor();
    await city.getByTestId('option-outcome-maintained').waitFor();
    expect(await city.getByTestId('option-outcome-revoked').count()).toBe(0);
    await city.getByTestId('action-cancel').click();
    await city.getByTestId('action-modal-decide_re_review').waitFor({ state: 'detached' });
    await act(city, 'redo_re_review', async (p) => {
      expect(await p.getByTestId('redo-hint').textContent()).toContain('撤销复查意见和原处理意见');
      await p.getByTestId('field-text').fill('复查未调取县农机厂1976年至1985年工资表，认定事实不清。');
      expect(await p.getByTestId('action-modal-redo_re_review').textContent()).toContain('复核认定的事实及依据');
      await settled(p);
      await shot(p, 'console-redo-re-review-zh');
    });
    await expect.poll(() => stateText(city).textContent()).toBe('办理中');
    expect(await city.getByTestId('timeline-redo_re_review').textContent()).toContain('认定事实不清');
    // the 复核意见书 stands; the revoked review opinion and answer are no longer offered
    await city.getByTestId('doc-rereview-opinion').waitFor();
    expect(await city.getByTestId('doc-review-opinion').count()).toBe(0);
    expect(await city.getByTestId('doc-opinion').count()).toBe(0);
    await settled(city);
    await shot(city, 'console-after-redo-re-review-zh');
    await city.getByTestId('doc-rereview-opinion').click();
    await expect.poll(() => city.locator('body').textContent()).toContain('撤销复查意见和县人力资源和社会保障局作出的信访事项处理意见');
    await city.context().close();
  });
});
