import { createServer, type Server, type Socket } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { OFFLINE_HINT } from '../../../src/shared/demos';
import { OFFLINE_AFTER_MS } from '../../../src/widgets/connection';

const widget = (page: Page) => page.locator('task-demo');

async function openLive(page: Page): Promise<Locator> {
  await page.goto('/');
  const demo = widget(page);
  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  return demo;
}

/** A server that accepts connections and never answers: the widget must give up after 2 s. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

test.describe('<task-demo>', () => {
  test('runs the seed’s sum now and shows result, time and worker', async ({ page }) => {
    const demo = await openLive(page);
    await expect(demo.getByLabel('Task', { exact: true })).toHaveValue('sum');
    await expect(demo.getByLabel('Zahlen')).toHaveValue('1, 2, 3, 4');
    await demo.getByRole('button', { name: 'Jetzt ausführen' }).click();
    await expect(demo.locator('output')).toHaveText('10');
    await expect(demo.locator('dd').nth(1)).toHaveText(/\S/);
    await expect(demo.locator('dd').nth(2)).toHaveText(/ms gerechnet, Antwort nach [\d.]+ ms von instanz-e2e/);
    await demo.getByLabel('Task', { exact: true }).selectOption('multiplication');
    await demo.getByRole('button', { name: 'Jetzt ausführen' }).click();
    await expect(demo.locator('output')).toHaveText('24');
  });

  test('queues a job and follows its progress to the result', async ({ page }) => {
    const demo = await openLive(page);
    await demo.getByLabel('Task', { exact: true }).selectOption('sleep');
    await demo.getByLabel('Millisekunden').fill('3000');
    await demo.getByRole('button', { name: 'In die Warteschlange' }).click();
    const progress = demo.getByRole('progressbar', { name: 'Fortschritt' });
    await expect
      .poll(async () => Number(await progress.evaluate((bar) => (bar as HTMLProgressElement).value)))
      .toBeGreaterThan(0.2);
    await expect(demo.locator('.progress-text')).toHaveText(/läuft auf \S+ · \d+ %/);
    await expect(demo.locator('output')).toHaveText('{"sleptMs":3000}', { timeout: 15_000 });
    await expect(progress).toHaveJSProperty('value', 1);
  });

  test('shows which worker runs which job', async ({ page }) => {
    const demo = await openLive(page);
    await expect(demo.locator('caption')).toHaveText(/^Worker online: [1-9]/);
    await demo.getByLabel('Task', { exact: true }).selectOption('sleep');
    await demo.getByLabel('Millisekunden').fill('1500');
    await demo.getByRole('button', { name: '5 Jobs auf einmal' }).click();
    await expect(demo.locator('tbody td', { hasText: /sleep \(Job \w+/ }).first()).toBeVisible();
    const jobs = demo.getByRole('list', { name: 'Zuletzt eingereihte Jobs' }).getByRole('listitem');
    await expect(jobs).toHaveCount(5);
    await expect(jobs.filter({ hasText: /· fertig auf \S+/ })).toHaveCount(5, { timeout: 20_000 });
  });

  test('names bad input in the form and from the server', async ({ page }) => {
    const demo = await openLive(page);
    await demo.getByLabel('Zahlen').fill('1, zwei');
    await demo.getByRole('button', { name: 'Jetzt ausführen' }).click();
    await expect(demo.getByRole('alert')).toHaveText('„zwei“ ist keine Zahl.');
    await expect(demo.getByLabel('Zahlen')).toHaveAttribute('aria-invalid', 'true');
    await expect(demo.getByLabel('Zahlen')).toBeFocused();

    await demo.getByLabel('Task', { exact: true }).selectOption('primes');
    await demo.getByLabel('Obergrenze n').fill('1000000000');
    await demo.getByRole('button', { name: 'In die Warteschlange' }).click();
    await expect(demo.getByRole('alert')).toHaveText(/„params\.n“ ist zu groß \(Grenze: 100000000\)/);
    await expect(demo.getByLabel('Obergrenze n')).toHaveAttribute('aria-invalid', 'true');
  });

  test('works with the keyboard alone', async ({ page }) => {
    const demo = await openLive(page);
    await demo.getByLabel('Task', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(demo.getByLabel('Task', { exact: true })).toHaveValue('multiplication');
    await page.keyboard.press('Tab');
    await expect(demo.getByLabel('Zahlen')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2 3 7');
    await page.keyboard.press('Enter');
    await expect(demo.locator('output')).toHaveText('42');
  });

  test('without a server: the hint within 2 s and a clearly labelled simulation', async ({ page }) => {
    const silent = await silentServer();
    try {
      await page.goto('/');
      await widget(page).evaluate((element, url) => element.setAttribute('server', url), silent.url);
      const demo = widget(page);
      await expect(demo.locator('.status')).toContainText(OFFLINE_HINT.replaceAll('`', ''), {
        timeout: OFFLINE_AFTER_MS + 1_500,
      });
      await expect(demo.locator('.badge')).toHaveText('Simulation');
      await expect(demo.locator('.status')).toContainText('Simulation');
      await demo.getByRole('button', { name: 'Jetzt ausführen' }).click();
      await expect(demo.locator('output')).toHaveText('10 (simuliert)');
      await expect(demo.locator('dd').nth(1)).toHaveText(/^sim-worker-\d \(simuliert\)$/);
      await expect(demo.locator('caption')).toHaveText('Worker online: 2 (simuliert)');
      const results = await new AxeBuilder({ page }).include('task-demo').analyze();
      expect(results.violations).toEqual([]);
    } finally {
      await silent.close();
    }
  });

  test('shows a hostile server address as text', async ({ page }) => {
    await page.goto('/');
    const hostile = 'http://127.0.0.1:9/<img src=x onerror="window.__xss=1">';
    await widget(page).evaluate((element, url) => element.setAttribute('server', url), hostile);
    const demo = widget(page);
    await expect(demo.locator('.badge')).toBeVisible({ timeout: OFFLINE_AFTER_MS + 1_500 });
    await expect(demo.locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('has no accessibility violations while live', async ({ page }) => {
    const demo = await openLive(page);
    await demo.getByRole('button', { name: 'Jetzt ausführen' }).click();
    await expect(demo.locator('output')).toHaveText('10');
    const results = await new AxeBuilder({ page }).include('task-demo').analyze();
    expect(results.violations).toEqual([]);
  });
});
