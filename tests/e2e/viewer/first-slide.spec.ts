import { expect, test } from '@playwright/test';
import { DECK, SLIDES, visibleSlide } from './viewer';

/** The viewer's own script; held back, the page shows what it brings by itself. */
const VIEWER_SCRIPT = /\/assets\/deck-page-[\w-]+\.js$/;

test.describe('the first slide is in the page itself', () => {
  test('it shows, styled and scaled to the window, before the viewer’s script has run', async ({ page }) => {
    await page.route(VIEWER_SCRIPT, (route) => route.abort());
    await page.setViewportSize({ width: 800, height: 800 });
    await page.goto(DECK);
    const slide = visibleSlide(page);
    await expect(slide).toHaveAttribute('aria-label', `Folie 1 von ${SLIDES}`);
    await expect(slide.locator('h1')).toHaveText('Anleitung: Präsentieren mit dem Viewer');
    await expect(slide.locator('h1')).toHaveCSS('font-size', '48px');
    const box = await slide.locator('.remark-slide').boundingBox();
    expect(box).toMatchObject({ x: 0, width: 800 });
    expect(box?.y).toBeCloseTo(175, 0);
    expect(box?.height).toBeCloseTo(450, 0);
  });

  test('a link to another slide does not show the first one meanwhile', async ({ page }) => {
    await page.route(VIEWER_SCRIPT, (route) => route.abort());
    for (const hash of ['#4', '#p1', '#tasten']) {
      await page.goto('about:blank');
      await page.goto(`${DECK}${hash}`);
      await expect(page.locator('.remark-slide-container')).toHaveCount(1);
      await expect(visibleSlide(page)).toHaveCount(0);
    }
    await page.goto('about:blank');
    await page.goto(`${DECK}#1`);
    await expect(visibleSlide(page)).toHaveCount(1);
  });

  test('the viewer takes it over: one region per slide, the built one kept, no second container', async ({ page }) => {
    await page.addInitScript(() => {
      document.addEventListener(
        'readystatechange',
        () => {
          const region = document.querySelector('.remark-slide-container');
          if (region) region.setAttribute('data-from-page', '');
        },
        { once: true },
      );
    });
    await page.goto(DECK);
    await expect(page.locator('.remark-slide-container')).toHaveCount(SLIDES);
    await expect(page.locator('main')).toHaveCount(1);
    await expect(visibleSlide(page)).toHaveAttribute('data-from-page', '');
    await page.keyboard.press('ArrowRight');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', `Folie 2 von ${SLIDES}`);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the first slide shows, styled', async ({ page }) => {
    await page.goto(DECK);
    const title = visibleSlide(page).locator('h1');
    await expect(title).toHaveText('Anleitung: Präsentieren mit dem Viewer');
    await expect(title).toHaveCSS('font-size', '48px');
  });
});
