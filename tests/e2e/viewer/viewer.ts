import { expect, type Locator, type Page } from '@playwright/test';

/** The fixture deck `slides/anleitung.md`: 12 displayed slides (slides 3–5 are one slide in three steps). */
export const DECK = '/slides/anleitung/';
const DECK_NAME = 'anleitung';
export const SLIDES = 12;
export const DIAGRAM_SLIDE = 8;
export const BROKEN_DIAGRAM_SLIDE = 9;

export function visibleSlide(page: Page): Locator {
  return page.locator('.remark-slides-area > .remark-slide-container.remark-visible');
}

/**
 * Waits until the viewer runs: the page shows its first slide before that, but keys, the hash
 * and the other slides need the viewer, which then holds one region per slide of the deck.
 */
export async function waitForViewer(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const data = document.getElementById('deck-data')?.textContent;
    const regions = document.querySelectorAll('.remark-slides-area > .remark-slide-container').length;
    return data !== undefined && regions === (JSON.parse(data ?? '{}') as { slides: unknown[] }).slides.length;
  });
  await expect(visibleSlide(page)).toHaveCount(1);
}

/** Opens the deck (optionally at a hash) and waits until the viewer shows the slide. */
export async function openDeck(page: Page, hash = ''): Promise<void> {
  await page.goto(`${DECK}${hash}`);
  await waitForViewer(page);
}

/**
 * Asserts the deck shows the slide with this 1-based position, in the DOM and in the URL
 * (a deck opened without a hash keeps it empty until the first move).
 */
export async function expectSlide(page: Page, position: number, hashPrefix = ''): Promise<void> {
  await expect(visibleSlide(page)).toHaveAttribute('aria-label', `Folie ${position} von ${SLIDES}`);
  const hash = position === 1 && !hashPrefix ? '(#1)?' : `#${hashPrefix}${position}`;
  await expect(page).toHaveURL(new RegExp(`/${DECK_NAME}/(\\?[^#]*)?${hash}$`));
}

/** Pixels of a PNG screenshot that are not black (any channel above 8), decoded by Chromium itself. */
export async function nonBlackPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i] as number) > 8 || (data[i + 1] as number) > 8 || (data[i + 2] as number) > 8) count++;
    }
    return count;
  }, png.toString('base64'));
}
