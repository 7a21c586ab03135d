import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { visibleSlide, waitForViewer } from '../viewer/viewer';

const DECK = '/slides/kapitel-2/';

async function open(page: Page, hash = ''): Promise<void> {
  await page.goto(`${DECK}${hash}`);
  await waitForViewer(page);
}

test.describe('search and contents', () => {
  test('/ searches every slide: a word on slide 60, Enter jumps there; Esc closes', async ({ page }) => {
    await open(page);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Suchen und Inhalt' });
    const field = dialog.getByRole('searchbox', { name: 'Suchbegriff' });
    await expect(field).toBeFocused();
    await page.keyboard.type('sidecar');
    await expect(dialog.getByRole('status')).toHaveText('3 Folien gefunden');
    const hits = dialog.getByRole('list', { name: 'Treffer' }).getByRole('button');
    await expect(hits.first()).toContainText('Folie 60');
    await expect(hits.first().locator('mark')).toHaveText('Sidecar');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', /^Folie 60 von /);
    await expect(page).toHaveURL(/#60$/);

    await page.keyboard.press('/');
    await expect(field).toHaveValue('sidecar');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', /^Folie 60 von /);
  });

  test('keys typed before the search has loaded are kept, Enter too', async ({ page }) => {
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    // Held from the start: nothing may fetch the search code before the test holds it back.
    await page.route(/\/assets\/search[^/]*\.js$/, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await open(page);
    await page.keyboard.press('/');
    await expect.poll(() => asked).toBe(true);
    await page.keyboard.type('sidecar');
    await page.keyboard.press('Enter');
    release();
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', /^Folie 60 von /);
    await expect(page.getByRole('dialog', { name: 'Suchen und Inhalt' })).toBeHidden();
  });

  test('titles come first; the arrow keys walk the hits; nothing found says so', async ({ page }) => {
    await open(page);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Suchen und Inhalt' });
    await expect(dialog.getByRole('searchbox')).toBeFocused();
    await page.keyboard.type('service mesh');
    const hits = dialog.getByRole('list', { name: 'Treffer' }).getByRole('button');
    await expect(hits.first()).toContainText('Folie 60');
    await expect(hits.first()).toContainText('Service Mesh');
    // A title hit shows no snippet; the rest mention the words somewhere in the text.
    await expect(hits.first().locator('mark')).toHaveCount(0);
    await expect(hits.last().locator('mark')).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await expect(hits.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(hits.nth(1)).toBeFocused();
    const target = (await hits.nth(1).locator('.vs-search-label').textContent())!.replace('Folie ', '');
    await page.keyboard.press('Enter');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', new RegExp(`^Folie ${target} von `));

    await page.keyboard.press('/');
    await dialog.getByRole('searchbox').fill('xylophonkonzert');
    await expect(dialog.getByRole('status')).toHaveText('Keine Folie enthält „xylophonkonzert“.');
    await expect(dialog.getByRole('list').getByRole('button')).toHaveCount(0);
  });

  test('without a query it lists the sections; on a phone too; no axe violations', async ({ browser }) => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await open(page, '#3');
      await page.keyboard.press('/');
      const dialog = page.getByRole('dialog', { name: 'Suchen und Inhalt' });
      const sections = dialog.getByRole('list', { name: 'Abschnitte' }).getByRole('button');
      await expect(sections).toContainText(['Systemarchitektur verteilter Softwaresysteme', 'Webarchitekturen']);
      const { violations } = await new AxeBuilder({ page }).include('.vs-dialog-search').analyze();
      expect(violations.map((violation) => violation.id)).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      await dialog.getByRole('searchbox').fill('quorum');
      await page.screenshot({ path: test.info().outputPath(`search-${viewport.width}.png`) });
      await context.close();
    }
  });

  test('the search code loads only when it is first opened', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await open(page);
    expect(scripts.filter((url) => /search/.test(url))).toEqual([]);
    await page.keyboard.press('/');
    await expect(page.getByRole('dialog', { name: 'Suchen und Inhalt' })).toBeVisible();
    // The view, and the search itself, which it shares with the course home.
    expect(scripts.filter((url) => /search/.test(url)).length).toBeGreaterThan(0);
  });
});
