import { expect, test } from '@playwright/test';
import type { Job } from '../../../src/shared/tasks';
import { waitForViewer } from '../viewer/viewer';

/**
 * The timeout demo against the real task server: the client gives up after 2 s and says so,
 * yet the 5 s job completes on the server, and the demo shows that it did.
 */
test('the client times out after 2 s, the job still completes on the server', async ({ page }) => {
  test.setTimeout(30_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/slides/kapitel-3/#1');
  await waitForViewer(page);
  const position = await page.evaluate(() => {
    const deck = JSON.parse(document.getElementById('deck-data')!.textContent!) as { slides: { demos: string[] }[] };
    return deck.slides.findIndex((slide) => slide.demos.includes('timeout')) + 1;
  });
  expect(position).toBeGreaterThan(0);
  await page.evaluate((n) => (location.hash = `#${n}`), position);

  const demo = page.locator('.remark-slide-container.remark-visible timeout-demo');
  const button = demo.getByRole('button', { name: /Job starten/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toBeDisabled();

  const lines = demo.getByRole('listitem');
  await expect(lines.nth(0)).toContainText('gestartet');
  await expect(lines.nth(1)).toHaveText(/^Client: Timeout nach 2 s – keine Antwort/, { timeout: 5_000 });
  await expect(lines.nth(1)).toHaveClass('fehler');
  // While the client has given up, the server is still working on the job.
  await expect(lines.nth(3)).toHaveText(/^Server: Job (läuft noch|wartet)/);
  const asked = (await lines.nth(2).textContent()) ?? '';
  const id = /GET \/api\/jobs\/(timeout-[0-9a-f]+)/.exec(asked)?.[1];
  expect(id, asked).toBeDefined();

  await expect(lines.nth(3)).toHaveText(/^Server: Ja – Job abgeschlossen/, { timeout: 15_000 });
  await expect(lines.nth(3)).toHaveClass('ok');
  await expect(button).toBeEnabled();

  const job = (await (await page.request.get(`/api/jobs/${id}`)).json()) as Job;
  expect(job).toMatchObject({ id, task: 'sleep', state: 'completed', result: { sleptMs: 5000 } });

  // The demo keys of the viewer: Z clears the finished run, R starts the next one.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('z');
  await expect(lines).toHaveCount(0);
  await page.keyboard.press('r');
  await expect(lines.nth(0)).toContainText('gestartet');
  await expect(button).toBeDisabled();
});
