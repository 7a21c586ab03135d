/**
 * Opens a deck of the built site in print layout (`?print`) and photographs its pages: every
 * slide and every step, at the slide's size times a scale, with diagrams drawn.
 */
import type { Browser, Page } from '@playwright/test';
import type { Deck } from '../../shared/deck';
import { DECK_DATA_ID } from '../../shared/deck';

const PAGES = '.remark-slides-area .remark-slide-container';

export interface SlideShot {
  /** Index in `deck.slides` (steps count). */
  index: number;
  png: Buffer;
}

export interface Capture {
  deck: Deck;
  canvas: { width: number; height: number };
  /** One picture per slide and step, in order. */
  shots: SlideShot[];
}

async function openPrintLayout(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-print="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
  await page.emulateMedia({ media: 'print' });
}

/** The canvas size of a deck page (CSS px), read from its container. */
async function canvasOf(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.querySelector('.remark-container') as Element);
    return {
      width: Number.parseFloat(style.getPropertyValue('--vs-canvas-w')),
      height: Number.parseFloat(style.getPropertyValue('--vs-canvas-h')),
    };
  });
}

/**
 * Pictures of every page of `url` (a deck page), `width` px wide each (default: the canvas
 * width); `only` picks slide indices (all when left out).
 */
export async function capture(
  browser: Browser,
  url: string,
  width: number | undefined,
  only?: (deck: Deck) => number[],
): Promise<Capture> {
  const probe = await browser.newPage();
  await probe.goto(url);
  const canvas = await canvasOf(probe);
  const deck = await probe.evaluate(
    (id) => JSON.parse(document.getElementById(id)?.textContent ?? 'null') as Deck,
    DECK_DATA_ID,
  );
  await probe.close();

  const context = await browser.newContext({
    viewport: canvas,
    deviceScaleFactor: (width ?? canvas.width) / canvas.width,
  });
  try {
    const page = await context.newPage();
    await openPrintLayout(page, url);
    const pages = page.locator(PAGES);
    const indices = only ? only(deck) : deck.slides.map((slide) => slide.index);
    const shots: SlideShot[] = [];
    for (const index of indices) {
      shots.push({ index, png: await pages.nth(index).locator('.remark-slide-scaler').screenshot() });
    }
    return { deck, canvas, shots };
  } finally {
    await context.close();
  }
}

/** The complete slides: the last step of each, where all of it is shown. */
export function completeSlides(deck: Deck): number[] {
  return deck.slides.filter((slide, i) => !deck.slides[i + 1]?.continued).map((slide) => slide.index);
}
