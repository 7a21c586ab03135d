import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';
import { DECK, openDeck, visibleSlide } from './viewer';

/** The overflow warning exists only in `vite dev`; this starts one on a free port. */
let server: ChildProcess | undefined;
let devUrl = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

test.describe('overflow warning', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    const port = await freePort();
    devUrl = `http://127.0.0.1:${port}${DECK}`;
    const config = 'tests/e2e/viewer/dev.vite.config.ts';
    server = spawn('npx', ['vite', '--config', config, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
      stdio: 'ignore',
      detached: true,
    });
    await expect.poll(async () => (await fetch(devUrl).catch(() => undefined))?.status, { timeout: 60_000 }).toBe(200);
  });

  test.afterAll(() => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid);
  });

  test('in vite dev, a slide whose content grows too large is marked with its source line', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`${devUrl}#2`);
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
