// Browser tests drive the real server (a child process on a fresh embedded database with a small
// demo data set) with Debian's Chromium through playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const DEMO_PASSWORD = 'Xinfang@2026';
export const SHOTS_DIR = path.resolve('.tmp/screenshots');

export interface RunningServer { url: string; stop(): Promise<void>; log(): string }

/** Starts `src/server/main.ts` on a free port with its own data folder and `cases` demo cases. */
export async function startServer(opts: { cases?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xf-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['src/server/main.ts'], {
    env: {
      ...process.env, PORT: '0', HOST: '127.0.0.1', XF_DATA_DIR: path.join(dir, 'pglite'), XF_STORAGE_DIR: path.join(dir, 'files'),
      XF_DEMO_CASES: String(opts.cases ?? 120), DATABASE_URL: '', LOG_LEVEL: 'warn', ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 240_000);
    const check = () => {
      const m = /Staff console\s*:\s*(http:\/\/[^/\s]+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${out}`)); });
  });
  return {
    url,
    log: () => out,
    async stop() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Playwright starts Chromium with a fresh temporary profile of its own (it refuses a --user-data-dir argument). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;

/** What the server's content security policy refused in any page of this file's tests (the console
 * reports each refusal); a browser suite fails the test during which one happened. */
export const refusedByPolicy: string[] = [];

export async function newPage(browser: Browser, opts: Parameters<Browser['newContext']>[0] = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...opts });
  context.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refusedByPolicy.push(`${m.location().url}: ${m.text()}`); });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Picks an option of a tree select (by its test id, or a locator for the select) by typing a search
 * and clicking the title. The filtered list re-renders while it opens, so a click can land on a node
 * that is being replaced: the pick is checked in the select and tried again, and the drop-down must be
 * closed before the next field is used (an open one covers the fields below it).
 */
export async function pickTreeOption(page: Page, target: string | Locator, search: string, title: string): Promise<void> {
  const select = typeof target === 'string' ? page.getByTestId(target) : target;
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    await page.keyboard.type(search);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: new RegExp(`^${title}$`) }).first();
    await option.waitFor();
    await page.waitForTimeout(300); // let the filtered list settle before clicking
    await option.click();
    if ((await select.textContent())?.includes(title)) {
      if (await dropdown.count()) await page.keyboard.press('Escape');
      await expect.poll(() => dropdown.count()).toBe(0);
      return;
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dropdown.count()).toBe(0);
  }
  throw new Error(`could not pick ${title} in ${typeof target === 'string' ? target : 'the select'}`);
}

/** Picks an option of a plain Select by its label, again if the dropdown was still moving (the list
 * above it may load and shift the page); `picked` says when the choice took. */
export async function pickOption(page: Page, target: string | Locator, label: string, picked: () => Promise<boolean>): Promise<void> {
  const select = typeof target === 'string' ? page.getByTestId(target) : target;
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first();
    await option.waitFor();
    await page.waitForTimeout(300); // let the dropdown finish opening before clicking
    await option.click();
    const took = await expect.poll(picked, { timeout: 3_000 }).toBe(true).then(() => true, () => false);
    if (took) return;
    if (await dropdown.count()) await page.keyboard.press('Escape');
    await expect.poll(() => dropdown.count()).toBe(0);
  }
  throw new Error(`could not pick ${label} in ${typeof target === 'string' ? target : 'the select'}`);
}

/** Saves a screenshot under .tmp/screenshots for people to look at. */
/** GETs an API path (under /api/v1) as the page's signed-in user; fails the test unless it answers 200. */
export async function apiJson<T>(page: Page, baseUrl: string, apiPath: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}/api/v1${apiPath}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** Waits until the lists inside have loaded and drawers or modals have finished moving. */
export async function settled(page: Page, ms = 400): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  await page.waitForTimeout(ms);
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: false });
}

/** Signs a demo user in on the staff console. */
export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor();
}

/** A test file's server and browser: started before its tests, stopped after them. */
export function browserSuite(opts: Parameters<typeof startServer>[0] = {}) {
  const s = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    s.server = await startServer(opts);
    s.browser = await launchBrowser();
  });
  afterEach(() => {
    const refused = refusedByPolicy.splice(0);
    expect(refused, 'refused by the content security policy').toEqual([]);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.stop();
  });
  return {
    get server() { return s.server; },
    get browser() { return s.browser; },
    /** A new page with `username` signed in on the staff console. */
    async as(username: string): Promise<Page> {
      const { page } = await newPage(s.browser);
      await signIn(page, s.server.url, username);
      return page;
    },
  };
}
