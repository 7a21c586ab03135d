import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** In `vite dev`, the list follows the files of the slides folder (here an empty temp folder). */
let server: ChildProcess | undefined;
let slides = '';
let listUrl = '';

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

const DECK = `class: center, middle

#### Kapitel 7

# Konsens in verteilten Systemen

---

# Zweite Folie
`;

test.describe('presentations list in vite dev', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    slides = mkdtempSync(join(tmpdir(), 'vs-site-slides-'));
    const port = await freePort();
    listUrl = `http://127.0.0.1:${port}/praesentationen.html`;
    const config = 'tests/e2e/site/dev.vite.config.ts';
    server = spawn('npx', ['vite', '--config', config, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, VS_SITE_SLIDES: slides },
    });
    await expect.poll(async () => (await fetch(listUrl).catch(() => undefined))?.status, { timeout: 60_000 }).toBe(200);
  });

  test.afterAll(() => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid);
    rmSync(slides, { recursive: true, force: true });
  });

  test('an empty slides folder shows a hint; a new deck, its quiz and its errors appear without a restart', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto(listUrl);
    await expect(page.locator('.vs-empty')).toContainText('Noch keine Foliensätze vorhanden');
    await expect(page.locator('.vs-deck')).toHaveCount(0);

    writeFileSync(join(slides, 'konsens.md'), DECK);
    const card = page.locator('.vs-deck[data-deck="konsens"]');
    await expect(card.getByRole('heading', { name: 'Konsens in verteilten Systemen' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(card.locator('.vs-deck-meta')).toHaveText('Kapitel 7 · 2 Folien');
    await expect(page.locator('.vs-empty')).toHaveCount(0);
    await expect(card.getByRole('link', { name: /^Quiz/ })).toHaveCount(0);

    writeFileSync(join(slides, 'konsens.quiz.md'), '# Fragen\n');
    await expect(card.getByRole('link', { name: /^Quiz/ })).toHaveAttribute('href', '/quiz/konsens/', {
      timeout: 20_000,
    });

    writeFileSync(join(slides, 'kaputt.md'), '# Eine Folie\n\n![Bild](fehlt.png)\n');
    await expect(page.getByRole('alert')).toContainText('slides/kaputt.md', { timeout: 20_000 });
    await expect(page.getByRole('alert')).toContainText('fehlt.png');
    await expect(card).toBeVisible();
  });
});
