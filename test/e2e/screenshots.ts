// README screenshots: the main screens of each role (unit reporter, leader, 督查室) from the seeded
// demo, on a 390×844 phone, into docs/screenshot-*.png. Not part of CI; re-run after the seeding or
// the screens change:
//   npx tsx test/e2e/screenshots.ts          (builds the PWA, seeds a fresh local state, serves it
//                                             with wrangler dev on a free loopback port)
// It takes the demo as `npm start` would load it (worker/cli/seed.ts), adding nothing of its own.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { signInPage } from '../support/app';
import { launchChromium, PHONE } from '../support/browser';
import { DEMO_PASSWORD, ensurePwaBuilt, freshSeededState, signInApi, startServer } from '../support/server';

interface Shot {
  file: string;
  path: string;
  /** Waits until the screen shows its data. */
  ready: (page: Page) => Promise<unknown>;
}

const h1 = (page: Page) => page.locator('h1').first().waitFor({ timeout: 30_000 });
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 30_000 });

async function main() {
  ensurePwaBuilt(true);
  const state = await freshSeededState('duban-shots-', undefined, { demo: true });
  const server = await startServer(state.persistTo);
  const browser = await launchChromium();
  try {
    const admin = await signInApi(server.url, 'wuzhong-admin', DEMO_PASSWORD);
    const { plans } = await admin.get<{ plans: Array<{ id: string; year: number; docNumber: string | null }> }>('/api/plans');
    // The newest plan of the organisation, as 总览 opens it.
    const plan = [...plans].sort((a, b) => b.year - a.year)[0]!;
    const { items } = await admin.get<{ items: Array<{ id: string; kind: string; leadUnits: Array<{ name: string }> }> }>(`/api/plans/${plan.id}/tasks`);
    const units = new Map(state.accounts.filter((a) => a.role === 'unit' && a.orgName.includes('吴中')).map((a) => [a.unitName!, a.username]));
    // The unit that leads the most items: the fullest 我的任务.
    const led = new Map<string, number>();
    for (const it of items) for (const u of it.leadUnits) if (units.has(u.name)) led.set(u.name, (led.get(u.name) ?? 0) + 1);
    const unitName = [...led.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const task = items.find((i) => i.kind === 'task' && i.leadUnits.some((u) => u.name === unitName))!;

    const roles: Array<{ user: string; shots: Shot[] }> = [
      {
        user: units.get(unitName)!,
        shots: [
          { file: 'unit-tasks', path: '/', ready: (p) => p.locator('.task-item').first().waitFor({ timeout: 30_000 }) },
          { file: 'unit-task', path: `/tasks/${task.id}`, ready: (p) => p.locator('.task-full-text').waitFor({ timeout: 30_000 }) },
          { file: 'unit-report', path: `/tasks/${task.id}/report`, ready: (p) => p.locator('form.report-form').waitFor({ timeout: 30_000 }) },
        ],
      },
      {
        user: 'wuzhong-leader',
        shots: [
          { file: 'leader-overview', path: `/overview?plan=${plan.id}`, ready: (p) => p.locator('.big-number').first().waitFor({ timeout: 30_000 }) },
          { file: 'leader-plan', path: `/plans/${plan.id}`, ready: (p) => p.locator('.row-link').first().waitFor({ timeout: 30_000 }) },
          { file: 'leader-task', path: `/overview/tasks/${task.id}?plan=${plan.id}`, ready: async (p) => (await h1(p), await settled(p)) },
        ],
      },
      {
        user: 'wuzhong-admin',
        shots: [
          { file: 'admin-overview', path: `/overview?plan=${plan.id}`, ready: (p) => p.locator('.work-card .work-count').first().waitFor({ timeout: 30_000 }) },
          { file: 'admin-reminders', path: `/reminders?plan=${plan.id}`, ready: (p) => p.locator('.message-box').waitFor({ timeout: 30_000 }) },
          { file: 'admin-review', path: `/review?plan=${plan.id}`, ready: async (p) => (await h1(p), await settled(p)) },
        ],
      },
    ];
    mkdirSync('docs', { recursive: true });
    for (const role of roles) {
      const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 1.5, baseURL: server.url });
      const page = await context.newPage();
      await signInPage(page, server.url, role.user, DEMO_PASSWORD);
      for (const s of role.shots) {
        await page.goto(s.path);
        await s.ready(page);
        await page.waitForTimeout(400); // thumbnails and fonts
        await page.screenshot({ path: `docs/screenshot-${s.file}.png` });
        console.log(`docs/screenshot-${s.file}.png  (${role.user} ${s.path})`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    state.remove();
  }
}

await main();
