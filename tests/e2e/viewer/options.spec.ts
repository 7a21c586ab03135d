import { expect, test, type Page } from '@playwright/test';
import { firstSlide, scriptSafeJson } from '../../../src/deck/page';
import { DECK_DATA_ID, type Deck } from '../../../src/shared/deck';
import { DECK, visibleSlide, waitForViewer } from './viewer';

/**
 * Opens the fixture deck with changed options: its built page is fetched, the deck data and the
 * first slide in it rewritten as the build would write them, and served under another address
 * (the viewer's assets are the real ones).
 */
async function openVariant(page: Page, change: (deck: Deck) => void, suffix = ''): Promise<void> {
  const response = await page.request.get(DECK);
  const html = await response.text();
  const pattern = new RegExp(`(<script type="application/json" id="${DECK_DATA_ID}">)(.*?)(</script>)`, 's');
  const deck = JSON.parse(pattern.exec(html)?.[2] ?? '') as Deck;
  change(deck);
  const body = html
    .replace(pattern, (_, open: string, _old: string, close: string) => open + scriptSafeJson(deck) + close)
    .replace(/<main class="remark-container".*?<\/main><script>.*?<\/script>/s, () => firstSlide(deck));
  await page.route(
    (url) => url.pathname === '/slides/variante/',
    (route) => route.fulfill({ contentType: 'text/html', body }),
  );
  await page.goto(`/slides/variante/${suffix}`);
  await waitForViewer(page);
}

test.describe('deck options', () => {
  test('a deck with "dark": false stays light in a dark system and after N', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openVariant(page, (deck) => {
      deck.options.dark = false;
    });
    const background = (): Promise<string> =>
      visibleSlide(page)
        .locator('.remark-slide')
        .evaluate((slide) => getComputedStyle(slide).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.keyboard.press('n');
    await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
    expect(await background()).toBe('rgb(255, 255, 255)');
  });

  test('a 4:3 deck is 960×720, letterboxed, and prints on 4:3 pages', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openVariant(page, (deck) => {
      deck.options.ratio = '4:3';
    });
    const box = await visibleSlide(page).locator('.remark-slide').boundingBox();
    expect(box?.width).toBeCloseTo(960, 0);
    expect(box?.height).toBeCloseTo(720, 0);
    expect(box?.x).toBeCloseTo(160, 0);
    await openVariant(
      page,
      (deck) => {
        deck.options.ratio = '4:3';
      },
      '?print',
    );
    await expect(page.locator('html')).toHaveAttribute('data-print', 'ready');
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    // 960 × 720 CSS px = 720 × 540 pt, one page per slide.
    expect(pdf.match(/\/MediaBox\s*\[\s*0 0 720 540\s*\]/g)).toHaveLength(12);
  });

  test('the slide number follows slideNumberFormat; an empty format hides it', async ({ page }) => {
    await openVariant(
      page,
      (deck) => {
        deck.options.slideNumberFormat = 'Folie %current% von %total%';
      },
      '#3',
    );
    await expect(visibleSlide(page).locator('.remark-slide-number')).toHaveText('Folie 3 von 12');
    await openVariant(page, (deck) => {
      deck.options.slideNumberFormat = '';
    });
    await expect(page.locator('.remark-slide-number')).toHaveCount(0);
  });

  test('background properties of a slide become inline styles', async ({ page }) => {
    await openVariant(page, (deck) => {
      Object.assign(deck.slides[0]?.properties ?? {}, {
        'background-color': 'rgb(255, 238, 170)',
        'background-size': 'cover',
      });
    });
    const content = visibleSlide(page).locator('.remark-slide-content');
    await expect(content).toHaveCSS('background-color', 'rgb(255, 238, 170)');
    await expect(content).toHaveCSS('background-size', 'cover');
  });

  test('with click on, a left click goes forward and a right click back; links still work', async ({ page }) => {
    await openVariant(
      page,
      (deck) => {
        deck.options.click = true;
      },
      '#2',
    );
    const label = (n: number): string => `Folie ${n} von 12`;
    await page.mouse.click(640, 600);
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', label(3));
    await page.mouse.click(640, 600, { button: 'right' });
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', label(2));
    await page.keyboard.press('End');
    await page.getByRole('link', { name: 'Zurück zum Anfang' }).click();
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', label(1));
  });

  test('with scroll off, the wheel does not move the deck', async ({ page }) => {
    await openVariant(
      page,
      (deck) => {
        deck.options.scroll = false;
      },
      '#2',
    );
    await page.mouse.move(640, 360);
    await page.mouse.wheel(0, 200);
    await page.keyboard.press('ArrowRight');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', 'Folie 3 von 12');
  });
});
