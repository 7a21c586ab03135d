import { createServer, type Server, type Socket } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { OFFLINE_AFTER_MS } from '../../../src/widgets/connection';
import { BROWSER, HOSTILE, latestVisits, marker, postVisit } from './helpers';

const widget = (page: Page) => page.locator('tracking-demo');

async function openLive(page: Page): Promise<void> {
  await page.goto('/');
  await expect(widget(page).locator('.status')).toHaveText(/^Live: verbunden/);
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Visits of this browser, told apart from the parallel tests' by a user agent of its own. */
function visitsOf(agent: string, request: APIRequestContext, path: string) {
  return async () => (await latestVisits(request)).filter((v) => v.userAgent === agent && v.path === path).length;
}

test.describe('page-view beacon', () => {
  const agent = `${BROWSER} beacon-${marker()}`;
  test.use({ userAgent: agent });

  test('every page view is recorded once', async ({ page, request }) => {
    await page.goto('/praesentationen.html');
    await expect.poll(visitsOf(agent, request, '/praesentationen.html')).toBe(1);
    await page.reload();
    await expect.poll(visitsOf(agent, request, '/praesentationen.html')).toBe(2);
  });
});

test.describe('"Besuch senden"', () => {
  const agent = `${BROWSER} send-${marker()}`;
  test.use({ userAgent: agent });

  test('records a visit of this page, besides the page view', async ({ page, request }) => {
    await openLive(page);
    await expect.poll(visitsOf(agent, request, '/')).toBe(1);
    await widget(page).getByRole('button', { name: 'Besuch senden' }).click();
    await expect(widget(page).locator('.message')).toHaveText('Besuch gespeichert von instanz-e2e.');
    await expect.poll(visitsOf(agent, request, '/')).toBe(2);
  });
});

test.describe('<tracking-demo> against the server', () => {
  test('the live list and the count follow new visits', async ({ page, request }) => {
    await openLive(page);
    const count = widget(page).locator('.controls strong');
    const before = Number(await count.textContent());
    const path = `/widget-${marker()}`;
    await postVisit(request, { path });
    const item = widget(page)
      .getByRole('list', { name: 'Letzte Besuche' })
      .getByRole('listitem')
      .filter({ hasText: path });
    await expect(item).toBeVisible();
    await expect(item).toContainText('127.0.0.0/24');
    await expect.poll(async () => Number(await count.textContent())).toBeGreaterThan(before);
    await expect(widget(page).locator('.chart canvas')).toHaveCount(1);
  });

  test('shows markup and control characters as text, and no script runs', async ({ page, request }) => {
    await openLive(page);
    const id = marker();
    await postVisit(request, { path: `${HOSTILE.path}${id}` }, HOSTILE.userAgent);
    const item = widget(page).getByRole('listitem').filter({ hasText: id });
    await expect(item.locator('.page')).toHaveText(
      '/<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>\\x07' + id,
    );
    await expect(item.locator('img, script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('has no accessibility violations', async ({ page }) => {
    await openLive(page);
    await expect(widget(page).locator('.chart canvas')).toHaveCount(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
});

test.describe('<tracking-demo> without a server', () => {
  test('a closed port: says how to start the server and plays a labelled simulation', async ({ page }) => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await openLive(page);
    await widget(page).evaluate((element, url) => element.setAttribute('server', url), `http://127.0.0.1:${port}`);
    const status = widget(page).locator('.status');
    await expect(status).toContainText('Server nicht erreichbar');
    await expect(status.locator('code')).toHaveText('npm start');
    await expect(widget(page).locator('.badge')).toHaveText('Simulation');
    await expect(widget(page).locator('.badge')).toBeVisible();
    await expect(widget(page).getByRole('listitem').first()).toBeVisible();
    await expect(widget(page).locator('.chart')).toHaveAttribute('aria-label', /simuliert/);

    const button = widget(page).getByRole('button', { name: 'Besuch senden' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(widget(page).locator('.message')).toHaveText('Simulierter Besuch hinzugefügt.');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });

  test('a server that never answers: offline after the connection deadline', async ({ page }) => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    const port = await listen(silent);
    try {
      await page.goto('/');
      await widget(page).evaluate((element, url) => element.setAttribute('server', url), `http://127.0.0.1:${port}`);
      await expect(widget(page).locator('.status')).toContainText('Verbinde mit');
      await expect(widget(page).locator('.badge')).toBeVisible({ timeout: OFFLINE_AFTER_MS + 3000 });
      await expect(widget(page).locator('.status')).toContainText('Server nicht erreichbar');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
