// Helpers for e2e tests: Debian Chromium through playwright-core on a phone viewport, signing in,
// and calling the API as a given user to check what reached the server.
// Browser launching, the sign-in form and the API client are shared with the benchmarks
// (test/support, free of vitest); this file binds them to the server of the current test file.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { signInPage } from '../support/app';
import { CHROMIUM, CHROMIUM_ARGS, launchChromium, PHONE } from '../support/browser';
import { signInApi, type Api } from '../support/server';

export { waitForServiceWorker } from '../support/app';
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
  return launchChromium();
}

/** A fresh browser profile on disk, so a test can close and reopen "the same phone". */
export function launchPersistent(userDataDir: string, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...PHONE, baseURL: baseURL(), ...opts });
}

export function phoneContext(browser: Browser, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, baseURL: baseURL(), ...opts });
}

/** Signs in through the real login form and waits for the app shell. */
export function signIn(page: Page, username: string, password = demoPassword()): Promise<void> {
  return signInPage(page, baseURL(), username, password);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: false });
}

/** A signed-in API client for checking what the server holds (Node fetch, same-origin header). */
export function apiAs(username: string, password = demoPassword()): Promise<Api> {
  return signInApi(baseURL(), username, password);
}

export interface SeedItem {
  id: string;
  number: string;
  kind: string;
  text: string;
  leadUnits: Array<{ id: string; name: string }>;
  targets: Array<{ id: string; value: number }>;
}

/** The seeded 吴中 2024 plan as its 督查室 sees it, with the unit accounts by unit name. */
export async function wuzhong2024(): Promise<{ admin: Api; planId: string; items: SeedItem[]; accountOf: Map<string, string> }> {
  const admin = await apiAs('wuzhong-admin');
  const { plans } = await admin.get<{ plans: Array<{ id: string; docNumber: string | null }> }>('/api/plans');
  const planId = plans.find((p) => p.docNumber === '吴政发〔2024〕1号')!.id;
  const { items } = await admin.get<{ items: SeedItem[] }>(`/api/plans/${planId}/tasks`);
  const accounts = demoAccounts().filter((a) => a.role === 'unit' && a.orgName.includes('吴中'));
  return { admin, planId, items, accountOf: new Map(accounts.map((a) => [a.unitName!, a.username])) };
}
