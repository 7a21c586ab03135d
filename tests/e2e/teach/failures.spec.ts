import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Job } from '../../../src/shared/tasks';
import type { LoadReport } from '../../../src/shared/teach';
import { slideNumber, TOKEN } from '../hall/hall';
import { waitForViewer } from '../viewer/viewer';

/** The failure demos of chapter 3 against the real task server of `npm start`. */

async function open(browser: Browser, slide: string, fragment = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`/slides/kapitel-3/${fragment}`);
  await waitForViewer(page);
  await goTo(page, slide);
  return page;
}

async function goTo(page: Page, slide: string): Promise<void> {
  const number = await slideNumber(page, slide);
  expect(number, slide).toBeGreaterThan(0);
  await page.evaluate((n) => (location.hash = `#${n}`), number);
}

const visible = (page: Page, element: string) => page.locator(`.remark-slides-area > .remark-visible ${element}`);

test('crash: the presenter kills the worker; the job shows two attempts and one result, and the clone the same', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const presenter = await open(browser, 'absturz-live', `#token=${TOKEN}`);
  const [clone] = await Promise.all([presenter.waitForEvent('popup'), presenter.keyboard.press('c')]);
  const demo = visible(presenter, 'crash-demo');
  const mirror = visible(clone, 'crash-demo');
  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  const crash = demo.getByRole('button', { name: 'Worker abstürzen lassen' });
  await expect(crash).toBeDisabled();

  await demo.getByRole('button', { name: /Job starten/ }).click();
  const attempts = demo.getByRole('listitem');
  await expect(attempts.nth(0)).toHaveText(/^Versuch 1 auf thread-\d+: läuft/, { timeout: 15_000 });
  await expect(crash).toBeEnabled();
  await crash.click();
  await expect(attempts.nth(0)).toHaveText(/^Versuch 1 auf thread-\d+: Worker abgestürzt, kein Ergebnis$/);
  await expect(attempts.nth(1)).toHaveText(/^Versuch 2 auf thread-\d+: Ergebnis geliefert – \{"sleptMs":6000\}$/, {
    timeout: 30_000,
  });
  await expect(attempts).toHaveCount(2);
  await expect(demo.locator('.message')).toHaveText('Fertig nach 2 Versuchen – und genau ein Ergebnis.');
  const [first, second] = [await attempts.nth(0).textContent(), await attempts.nth(1).textContent()];
  expect(/thread-\d+/.exec(first!)?.[0]).not.toBe(/thread-\d+/.exec(second!)?.[0]);

  // The projector shows the same attempts, with the controls not its own.
  await expect(mirror.getByRole('listitem')).toHaveText([first!, second!], { timeout: 1000 });
  await expect(mirror.getByRole('button', { name: /Job starten/ })).toBeDisabled();

  // The server says the same: one job, completed once, on its second attempt.
  const id = await demo.evaluate((element) => (element as unknown as { demoState: { job: string } }).demoState.job);
  const job = (await (await presenter.request.get(`/api/jobs/${id}`)).json()) as Job;
  expect(job).toMatchObject({ state: 'completed', attempts: 2, result: { sleptMs: 6000 } });
  await presenter.context().close();
});

test('crash: without the presenter token the button stays off, and the server refuses', async ({ browser }) => {
  const page = await open(browser, 'absturz-live');
  const demo = visible(page, 'crash-demo');
  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  await expect(demo.locator('.note')).toHaveText(/nur der Vortrag/);
  await demo.getByRole('button', { name: /Job starten/ }).click();
  await expect(demo.getByRole('listitem').nth(0)).toHaveText(/läuft/, { timeout: 15_000 });
  await expect(demo.getByRole('button', { name: 'Worker abstürzen lassen' })).toBeDisabled();
  const id = await demo.evaluate((element) => (element as unknown as { demoState: { job: string } }).demoState.job);
  const refused = await page.request.post(`/api/jobs/${id}/crash`);
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { message: string }).message).toMatch(/Token fehlt/);
  await page.context().close();
});

test('idempotency: the retried request counts twice without a key and once with it', async ({ browser }) => {
  test.setTimeout(45_000);
  const page = await open(browser, 'idempotenz-live');
  const demo = visible(page, 'idempotency-demo');
  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  await demo.getByRole('button', { name: 'Ohne Schlüssel senden' }).click();
  const runs = demo.getByRole('listitem');
  await expect(runs.nth(0)).toHaveText(/^Ohne Schlüssel: zwei Jobs, Zähler (\d+) → \d+ \(\+2\)$/, { timeout: 20_000 });
  await demo.getByRole('button', { name: 'Mit Idempotenzschlüssel senden' }).click();
  await expect(runs.nth(1)).toHaveText(/^Mit Schlüssel: derselbe Job, Zähler (\d+) → \d+ \(\+1\)$/, {
    timeout: 20_000,
  });

  // The counter on the server agrees: 2 + 1.
  const slot = await demo.evaluate((element) => (element as unknown as { demoState: { slot: number } }).demoState.slot);
  const counter = (await (await page.request.get(`/api/counters/${slot}`)).json()) as { count: number };
  expect(counter.count).toBe(3);
  await page.context().close();
});

test('load: the presenter drives the server above capacity; the queue rises and 429 appears', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await open(browser, 'ueberlast-live', `#token=${TOKEN}`);
  const refusedWithout = await page.request.post('/api/load', { data: { rate: 12, durationS: 4, jobMs: 500 } });
  expect(refusedWithout.status()).toBe(401);

  const demo = visible(page, 'load-demo');
  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  await demo.getByLabel('Jobs/s').fill('12');
  await demo.getByLabel('Dauer (s)').fill('5');
  await demo.getByLabel('Job (ms)').fill('500');
  await demo.getByLabel('Job (ms)').press('Tab');
  await demo.getByRole('button', { name: 'Last erzeugen' }).click();
  await expect(demo.locator('.summary')).toHaveText(/^Läuft/, { timeout: 5_000 });
  await expect(demo.locator('.summary')).toHaveText(/429: [1-9]\d*/, { timeout: 15_000 });
  await expect(demo.locator('svg')).toHaveCount(4);
  await expect(demo.locator('.summary')).toHaveText(/^Fertig/, { timeout: 40_000 });
  await expect(demo.locator('.little')).toHaveText(
    /^Littles Gesetz: λ = [\d,]+ Jobs\/s, W = [\d,]+ s → λ·W = [\d,]+; gemessen L = [\d,]+ Jobs im System$/,
  );

  const report = (await (await page.request.get('/api/load')).json()) as LoadReport;
  expect(report.request).toEqual({ rate: 12, durationS: 5, jobMs: 500 });
  expect(Math.max(...report.samples.map((sample) => sample.inSystem))).toBeGreaterThan(report.capacityPerS / 2);
  expect(Math.max(...report.samples.map((sample) => sample.waiting))).toBeGreaterThan(0);
  expect(report.refused['429'] + report.refused['503']).toBeGreaterThan(0);
  await page.context().close();
});
