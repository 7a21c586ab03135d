import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { DECK, openDeck, visibleSlide } from './viewer';

/** `vite dev` on its own port: the overflow warning exists only there. */
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 4186);
let server: ChildProcess | undefined;

test.describe('overflow warning', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    server = spawn('npx', ['vite', '--port', String(DEV_PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${DEV_PORT}${DECK}`).catch(() => undefined))?.status, { timeout: 60_000 })
      .toBe(200);
  });

  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid);
  });

  test('in vite dev, a slide whose content grows too large is marked with its source line', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`http://127.0.0.1:${DEV_PORT}${DECK}#2`);
    await expect(visibleSlide(page)).toHaveCount(1);
    await expect(page.locator('.vs-overflow-warning')).toHaveCount(0);
    await visibleSlide(page)
      .locator('.remark-slide-content')
      .evaluate((content) => content.insertAdjacentHTML('beforeend', '<p>Noch eine Zeile</p>'.repeat(20)));
    const warning = visibleSlide(page).locator('.vs-overflow-warning');
    await expect(warning).toContainText(/Folie 2 \(Zeile \d+\) ist zu voll/);
  });

  test('the built site has no overflow warning', async ({ page }) => {
    await openDeck(page, '#2');
    await visibleSlide(page)
      .locator('.remark-slide-content')
      .evaluate((content) => content.insertAdjacentHTML('beforeend', '<p>Noch eine Zeile</p>'.repeat(20)));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('.vs-overflow-warning')).toHaveCount(0);
  });
});
