// The citizen portal in a real suite.browser, at a phone viewport (390x844) and on desktop: submit a
// petition, reload mid-form and find the draft, a double tap plus a retry after a lost answer give
// one case, follow with the 查询码, see the staff's answer appear after the console acts (staff
// actions go through the API with a staff session), download the 处理意见书 as PDF, rate 不满意 and ask for review right there, and
// read why review can no longer be asked on a demo case whose window has passed. Screenshots at
// 390x844 in Chinese go to .tmp/screenshots.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DESKTOP, newPage, PHONE, shot, browserSuite } from './harness.ts';
import { generateIdCardNumber } from '../src/shared/validators.ts';

const suite = browserSuite({ cases: 100, env: { XF_PORTAL_LOOKUP_PER_MINUTE: '1000', XF_PORTAL_SUBMIT_PER_MINUTE: '1000' } });

/** A staff session from node: sign in through the API and call it with the session cookie. */
async function staff(username: string) {
  const res = await fetch(`${suite.server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async (method: string, url: string, body?: object) => {
    const r = await fetch(`${suite.server.url}/api/v1${url}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const json = await r.json();
    if (!r.ok) throw new Error(`${method} ${url}: ${JSON.stringify(json)}`);
    return json;
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: object = {}) => call('POST', url, body),
    async act(caseId: number, action: string, body: object = {}) {
      const cur = await call('GET', `/cases/${caseId}`);
      return call('POST', `/cases/${caseId}/${action}`, { version: cur.version, ...body });
    },
  };
}

async function orgIdByName(name: string): Promise<number> {
  const admin = await staff('admin');
  const orgs = (await admin.get('/orgs')) as { id: number; name: string }[];
  return orgs.find((o) => o.name === name)!.id;
}

let seq = 0;
function person() {
  seq++;
  return { name: `网上信访人${seq}`, idNumber: generateIdCardNumber('130534', `1985060${seq}`, 100 + seq), mobile: `1381234${String(5000 + seq * 37).slice(-4)}` };
}

async function fillIdentity(page: Page, p: { name: string; idNumber: string; mobile: string }) {
  await page.getByTestId('portal-name').fill(p.name);
  await page.getByTestId('portal-id-number').fill(p.idNumber);
  await page.getByTestId('portal-mobile').fill(p.mobile);
}

for (const [label, device] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
  describe(`portal on ${label}`, () => {
    it('submits, survives a reload, creates one case on a double tap and a retry, and follows it to the answer, rating and review', async () => {
      const { page, context } = await newPage(suite.browser, device);
      const p = person();
      const title = `小区门前道路破损积水（${label}）`;
      await page.goto(`${suite.server.url}/portal`);
      await page.getByTestId('portal-home').waitFor();
      if (label === 'phone') await shot(page, 'portal-home-390');
      await page.getByTestId('portal-go-submit').click();

      await page.getByTestId('portal-kind-claim').click();
      const category = await page.getByTestId('portal-category').locator('option', { hasText: '交通出行' }).getAttribute('value');
      await page.getByTestId('portal-category').selectOption(category!);
      await page.getByTestId('portal-area').selectOption('130534');
      await page.getByTestId('portal-title').fill(title);
      await page.getByTestId('portal-content').fill('清河县城东关街小区门前道路破损两年，雨天积水严重，老人孩子出行困难，请求修复。');
      await page.getByTestId('portal-name').fill(p.name);

      // reload mid-form: the draft is back (the 身份证 is deliberately not kept)
      await page.reload();
      await page.getByTestId('portal-draft-restored').waitFor();
      expect(await page.getByTestId('portal-title').inputValue()).toBe(title);
      expect(await page.getByTestId('portal-content').inputValue()).toContain('道路破损两年');
      expect(await page.getByTestId('portal-name').inputValue()).toBe(p.name);
      expect(await page.getByTestId('portal-kind-claim').getAttribute('aria-pressed')).toBe('true');
      expect(page.url()).not.toContain(p.idNumber);
      await fillIdentity(page, p);
      await page.getByTestId('portal-agent').fill('');
      expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(p.idNumber); // the draft keeps no 身份证
      expect(await page.evaluate(() => JSON.stringify(localStorage))).toContain(p.mobile.slice(0, 7));
      // a photo from the phone (a minimal PNG)
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      await page.getByTestId('portal-files').setInputFiles({ name: '路面照片.png', mimeType: 'image/png', buffer: png });
      if (label === 'phone') {
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, 'portal-submit-top-390');
        await page.getByTestId('portal-name').scrollIntoViewIfNeeded();
        await shot(page, 'portal-submit-identity-390');
      }

      // the first answer is lost on the way back (the case was created); the citizen taps twice, then retries
      let posts = 0;
      await page.route('**/api/v1/portal/petitions', async (route) => {
        posts++;
        if (posts === 1) {
          await route.fetch();
          await route.abort('failed');
        } else {
          await route.continue();
        }
      });
      await page.getByTestId('portal-submit').dblclick();
      await page.getByTestId('portal-error').waitFor();
      expect(await page.getByTestId('portal-error').innerText()).toContain('网络');
      expect(posts).toBe(1);
      await page.getByTestId('portal-submit').click();
      await page.getByTestId('portal-receipt').waitFor();
      expect(posts).toBe(2);
      const caseNo = (await page.getByTestId('portal-receipt-case-no').innerText()).trim();
      const queryCode = (await page.getByTestId('portal-receipt-query-code').innerText()).trim();
      expect(caseNo).toMatch(/^XF\d{4}130534\d{7}$/);
      expect(queryCode).toMatch(/^[A-Z2-9]{8}$/);
      expect(await page.getByTestId('portal-receipt-due').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
      if (label === 'phone') await shot(page, 'portal-receipt-390');

      const clerk = await staff('clerk');
      const found = (await clerk.get(`/cases?q=${encodeURIComponent(title)}`)).items as { id: number; caseNo: string; channel: string }[];
      expect(found).toHaveLength(1);
      expect(found[0]!.caseNo).toBe(caseNo);
      expect(found[0]!.channel).toBe('online');
      const caseId = found[0]!.id;

      // follow with the code, in a fresh browser session (no cookie from the submission)
      await context.close();
      const { page: f, context: fc } = await newPage(suite.browser, device);
      await f.goto(`${suite.server.url}/portal/follow`);
      await f.getByTestId('portal-follow-code').fill(queryCode);
      await f.getByTestId('portal-follow-digits').fill(p.mobile.slice(-4) === '0000' ? '1111' : '0000');
      await f.getByTestId('portal-follow-submit').click();
      await f.getByTestId('portal-error').waitFor();
      expect(await f.getByTestId('portal-error').innerText()).toContain('查询码或手机号（身份证号）后四位不正确');
      expect(await f.locator('label[for="xf-digits"]').innerText()).toBe('手机号或身份证号后四位');
      expect(await f.locator('#xf-digits-hint').innerText()).toContain('身份证号');
      if (label === 'phone') await shot(f, 'portal-follow-form-390');
      // the 身份证 number's last four work as well as the mobile's (typed in lower case: taken as X)
      await f.getByTestId('portal-follow-digits').fill(p.idNumber.slice(-4).toLowerCase());
      expect(await f.getByTestId('portal-follow-digits').inputValue()).toBe(p.idNumber.slice(-4));
      await f.getByTestId('portal-follow-submit').click();
      await f.getByTestId('portal-stage').waitFor();
      expect(await f.getByTestId('portal-stage').innerText()).toContain('已收到');
      expect(await f.getByTestId('portal-next-due').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(f.url()).toBe(`${suite.server.url}/portal/follow`);
      expect(await f.getByTestId('portal-case').innerText()).toContain('路面照片.png');
      if (label === 'phone') await shot(f, 'portal-follow-registered-390');

      // the staff act; the answer appears for the petitioner
      const answer = '经现场核实，该路段已列入今年城区道路维修计划，将于 30 日内完成修复。';
      await clerk.act(caseId, 'forward', { targetOrgId: await orgIdByName('县住房和城乡建设局') });
      const handler = await staff('housing.handler');
      await handler.act(caseId, 'accept');
      await handler.act(caseId, 'answer', { outcome: 'upheld', text: answer });
      await handler.act(caseId, 'deliver', { method: 'online' });
      await f.reload();
      await f.getByTestId('portal-stage').waitFor();
      expect(await f.getByTestId('portal-stage').innerText()).toContain('已答复');
      expect(await f.getByTestId('portal-answer-text').innerText()).toBe(answer);
      expect(await f.getByTestId('portal-case').innerText()).toContain('县住房和城乡建设局');

      // the 受理告知书 and the 处理意见书 issued to the petitioner, as PDF
      expect(await f.getByTestId('portal-official-documents').innerText()).toContain('信访事项受理告知书');
      const [download] = await Promise.all([f.waitForEvent('download'), f.getByTestId('portal-official-opinion').click()]);
      expect(download.suggestedFilename()).toBe(`信访事项处理意见书-${caseNo}.pdf`);
      const pdf = await readFile((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (label === 'phone') await shot(f, 'portal-official-documents-390');

      // rate: bureau satisfied, handling body 不满意 -> the review request is offered right there
      await f.getByTestId('portal-rate-bureau-satisfied').click();
      await f.getByTestId('portal-rate-handler-dissatisfied').click();
      if (label === 'phone') await shot(f, 'portal-rate-390');
      await f.getByTestId('portal-rate-submit').click();
      await f.getByTestId('portal-review').waitFor();
      expect(await f.getByTestId('portal-review-last-day').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
      await f.getByTestId('portal-review-reason').fill('维修期限过长，雨季前无法通行，请求复查。');
      if (label === 'phone') await shot(f, 'portal-review-form-390');
      await f.getByTestId('portal-review-request').click();
      await f.waitForFunction(() => document.querySelector('[data-testid="portal-stage"]')?.textContent?.includes('复查中'));
      const detail = await clerk.get(`/cases/${caseId}`);
      expect(detail.state).toBe('reviewing');
      expect(detail.evaluationStatus).toBe('done');
      if (label === 'phone') await shot(f, 'portal-reviewing-390');
      await fc.close();
    });

    it('explains why review can no longer be asked on a case whose window has passed', async () => {
      const clerk = await staff('clerk');
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const concluded = (await clerk.get('/cases?state=concluded&limit=100')).items as { id: number }[];
      let target: { queryCode: string; mobile: string; lastDay: string } | null = null;
      for (const c of concluded) {
        const d = await clerk.get(`/cases/${c.id}`);
        const due = (d.clocks as { name: string; due: string }[]).find((k) => k.name === 'reviewRequest')?.due;
        if (!due || due >= today || !d.queryCode) continue;
        const full = await clerk.post(`/cases/${c.id}/reveal`);
        if (!full.petitioner?.mobile) continue;
        target = { queryCode: d.queryCode, mobile: full.petitioner.mobile, lastDay: due };
        break;
      }
      expect(target, 'the demo data holds a concluded case past its review window').not.toBeNull();
      const { page, context } = await newPage(suite.browser, device);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      await page.goto(`${suite.server.url}/portal/follow`);
      await page.getByTestId('portal-follow-code').waitFor({ timeout: 10_000 }).catch(async () => {
        await shot(page, `debug-follow-${label}`);
        throw new Error(`follow form missing: ${problems.join(' | ')} :: ${(await page.content()).slice(0, 1500)}`);
      });
      // opening with no look-up open asks whether one is and is told no: nothing fails in the console
      expect(problems).toEqual([]);
      await page.getByTestId('portal-follow-code').fill(target!.queryCode);
      await page.getByTestId('portal-follow-digits').fill(target!.mobile.slice(-4));
      await page.getByTestId('portal-follow-submit').click();
      await page.getByTestId('portal-review-closed').waitFor();
      const text = await page.getByTestId('portal-review-closed').innerText();
      expect(text).toContain(target!.lastDay);
      expect(text).toContain('30 日内');
      expect(await page.getByTestId('portal-review-request').count()).toBe(0);
      if (label === 'phone') {
        await page.getByTestId('portal-review-closed').scrollIntoViewIfNeeded();
        await shot(page, 'portal-review-closed-390');
      }
      await context.close();
    });
  });
}

describe('portal extras', () => {
  it('switches to English, takes a citizen suggestion and shows it adopted, and shows the open figures page', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/portal/suggestions`);
    await page.getByTestId('portal-suggestion-topic').selectOption('elderly_care');
    await page.getByTestId('portal-suggestion-area').selectOption('130534');
    await page.getByTestId('portal-suggestion-title').fill('在各镇增设老年食堂');
    await page.getByTestId('portal-suggestion-content').fill('建议在葛仙庄镇等乡镇增设老年食堂，方便独居老人就餐。');
    await page.getByTestId('portal-suggestion-name').fill('李明');
    await page.getByTestId('portal-suggestion-mobile').fill('13800004321');
    await shot(page, 'portal-suggestion-390');
    await page.getByTestId('portal-suggestion-submit').click();
    await page.getByTestId('portal-suggestion-sent').waitFor();
    const ref = /JY[A-Z2-9]{8}/.exec(await page.getByTestId('portal-suggestion-sent').innerText())![0];

    const supervisor = await staff('supervisor');
    const list = (await supervisor.get('/suggestions?status=received')) as { items: { id: number; refCode: string }[] };
    await supervisor.post(`/suggestions/${list.items.find((s) => s.refCode === ref)!.id}/decision`, { adopted: true, reply: '已采纳，列入明年民生实事项目。' });
    await page.getByTestId('portal-suggestion-ref').fill(ref);
    await page.getByTestId('portal-suggestion-digits').fill('4321');
    await page.getByTestId('portal-suggestion-check').click();
    await page.getByTestId('portal-suggestion-status').waitFor();
    expect(await page.getByTestId('portal-suggestion-status').innerText()).toContain('已采纳');

    await page.getByTestId('portal-lang').click();
    await page.goto(`${suite.server.url}/portal`);
    expect(await page.getByTestId('portal-home').innerText()).toContain('Submit a petition');
    await page.getByTestId('portal-lang').click();

    await page.goto(`${suite.server.url}/portal/figures`);
    await page.getByTestId('portal-figures').waitFor();
    expect(await page.getByTestId('portal-figures-totals').innerText()).toMatch(/信访量\s*\d+/);
    expect(await page.locator('[data-testid^="portal-figures-2"]').count()).toBeGreaterThan(0);
    await shot(page, 'portal-figures-390');
    await context.close();
  });
});
