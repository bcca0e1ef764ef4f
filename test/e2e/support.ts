// Helpers for e2e tests: Debian Chromium through playwright-core on a phone viewport, signing in,
// and calling the API as a given user to check what reached the server.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

let currentURL: string | null = null;
let currentState: string | null = null;

/** Set by per-file.ts: the worker serving this test file. */
export function setServer(url: string, persistTo: string): void {
  currentURL = url;
  currentState = persistTo;
}

export function baseURL(): string {
  if (!currentURL) throw new Error('no e2e server: per-file.ts did not run');
  return currentURL;
}

/** This file's local D1/R2 state folder (for tests that start a second server on a copy). */
export function statePath(): string {
  if (!currentState) throw new Error('no e2e server: per-file.ts did not run');
  return currentState;
}
export const demoPassword = () => inject('demoPassword');
export const demoAccounts = () => inject('demoAccounts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh browser profile on disk, so a test can close and reopen "the same phone". */
export function launchPersistent(userDataDir: string, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: baseURL(),
    ...opts,
  });
}

export function phoneContext(browser: Browser, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: baseURL(),
    ...opts,
  });
}

/** Signs in through the real login form and waits for the app shell. */
export async function signIn(page: Page, username: string, password = demoPassword()): Promise<void> {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

/** Waits until the page's service worker controls it (so offline reloads come from the cache). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return !!reg.active && !!navigator.serviceWorker.controller;
  }, undefined, { timeout: 30_000 }).catch(async () => {
    // The first load is not controlled until the worker claims it; a reload is.
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: false });
}

/** A signed-in API client for checking what the server holds (Node fetch, same-origin header). */
export async function apiAs(username: string, password = demoPassword()) {
  const url = baseURL();
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    cookie,
    async get<T = any>(path: string): Promise<T> {
      const res = await fetch(`${url}${path}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async send(method: string, path: string, body?: unknown): Promise<Response> {
      return fetch(`${url}${path}`, {
        method,
        headers: { cookie, origin: url, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}
