import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { visibleSlide, waitForViewer } from '../viewer/viewer';

test.describe('search on the course home', () => {
  test('one field finds slides of every deck and quiz questions; a hit opens the slide', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(request.url()));
    await page.goto('/');
    expect(scripts.filter((url) => url.endsWith('/search-index.json'))).toEqual([]);
    const field = page.getByRole('searchbox', { name: 'In allen Folien und Quizfragen suchen' });
    await field.fill('sidecar');
    const hits = page.getByRole('list', { name: 'Treffer' }).getByRole('link');
    await expect(hits.first()).toContainText('Kapitel 2 · Folie 60');
    await expect(page.locator('#suche-status')).toHaveText(/^\d+ Treffer$/);

    await field.fill('idempotenz');
    await expect(hits.filter({ hasText: /^Quiz / }).first()).toBeVisible();
    await expect(hits.filter({ hasText: /· Folie \d+/ }).first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('.vs-search').analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);

    await field.fill('xylophonkonzert');
    await expect(page.locator('#suche-status')).toHaveText('Nichts gefunden zu „xylophonkonzert“.');
    await expect(hits).toHaveCount(0);

    await field.fill('sidecar');
    await expect(hits.first()).toContainText('Folie 60');
    await field.press('Enter');
    await waitForViewer(page);
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', /^Folie 60 von /);
  });

  test('readable on a phone', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('searchbox').fill('quorum');
    await expect(page.getByRole('list', { name: 'Treffer' }).getByRole('link').first()).toBeVisible();
    const width = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(width[0]).toBeLessThanOrEqual(width[1]!);
    await page.locator('.vs-search').screenshot({ path: test.info().outputPath('home-search-phone.png') });
    await context.close();
  });
});
