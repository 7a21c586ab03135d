import { expect, test, type Browser } from '@playwright/test';
import type { ClusterReport } from '../../../src/shared/cluster';
import { slideNumber, TOKEN } from '../hall/hall';
import { waitForViewer } from '../viewer/viewer';

/** The cluster demo on chapter 2's scale-cube slides, against `npm start` alone (one instance, no Redis). */

async function open(browser: Browser, fragment = '', viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`/slides/kapitel-2/${fragment}`);
  await waitForViewer(page);
  const number = await slideNumber(page, 'demo-cluster');
  expect(number).toBeGreaterThan(0);
  await page.evaluate((n) => (location.hash = `#${n}`), number);
  return { page, demo: page.locator('.remark-slides-area > .remark-visible cluster-demo') };
}

test('one instance alone: the demo lists it as the one that answered and says how to start a cluster; the clone mirrors it', async ({
  browser,
}) => {
  const { page, demo } = await open(browser, `#token=${TOKEN}`);
  const report = (await (await page.request.get('/api/cluster')).json()) as ClusterReport;
  expect(report).toMatchObject({ shared: false, instances: [{ name: report.self, state: 'running' }] });

  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  await expect(demo.locator('.note').first()).toHaveText(
    `Es läuft eine Instanz (${report.self}), ohne Load-Balancer und ohne Redis. Einen Cluster mit drei Instanzen hinter nginx starten Sie mit npm run cluster.`,
  );
  const rows = demo.getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveText(
    new RegExp(`^${report.self} läuft\\d+ Verbindung(en)?↑ beantwortete Sie zuletzt$`),
  );
  await expect(rows.first()).toHaveClass(/served/);
  await expect(demo.getByRole('button', { name: `${report.self} anhalten` })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('cluster-presenter.png') });

  // Q asks for the stop; the one instance refuses, in German, and keeps running.
  await page.keyboard.press('q');
  const refused = await page.request.post('/api/cluster/stop', {
    headers: { authorization: `Bearer ${TOKEN}` },
    data: { instance: report.self },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { message: string }).message).toMatch(/^Es läuft nur diese eine Instanz/);
  await expect(rows.first()).toHaveText(/läuft/);

  const [clone] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('c')]);
  const mirror = clone.locator('.remark-slides-area > .remark-visible cluster-demo');
  await expect(mirror.getByRole('listitem').first()).toHaveText(/↑ beantwortete den Vortrag zuletzt$/);
  await page.context().close();
});

test('without the presenter token the stop is refused; on a phone the list stays readable', async ({ browser }) => {
  const { page, demo } = await open(browser, '', { width: 390, height: 844 });
  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  const unauthorised = await page.request.post('/api/cluster/stop', { data: { instance: 'x' } });
  expect(unauthorised.status()).toBe(401);
  expect(((await unauthorised.json()) as { message: string }).message).toMatch(/Token fehlt/);
  const hostile = await page.request.post('/api/cluster/stop', {
    headers: { authorization: `Bearer ${TOKEN}` },
    data: { instance: 'x'.repeat(5_000) },
  });
  expect(hostile.status()).toBe(400);
  const row = demo.getByRole('listitem').first();
  await expect(row).toHaveText(/läuft/);
  const box = await row.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('cluster-phone.png') });
  await page.context().close();
});
