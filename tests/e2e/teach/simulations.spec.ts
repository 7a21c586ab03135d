import { expect, test, type Page } from '@playwright/test';
import { DECK_DATA_ID, type Deck } from '../../../src/shared/deck';
import { waitForViewer } from '../viewer/viewer';

/**
 * The simulations of chapter 3 on their slides: each shows the step its slide names, readable
 * at 1280×720, and the same picture however the slide is reached (stepping, reloading, a second
 * window, printing).
 */
const DECK = '/slides/kapitel-3/';
const SIMULATIONS = ['replication-demo', 'delivery-demo', 'clocks-demo', 'hashing-demo', 'balancing-demo'];
const SELECTOR = SIMULATIONS.join(', ');

async function openDeck(page: Page, hash: string): Promise<Deck> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${DECK}${hash}`);
  await waitForViewer(page);
  return JSON.parse((await page.locator(`#${DECK_DATA_ID}`).textContent()) ?? '') as Deck;
}

/** The visible simulation's shadow DOM, once drawn. */
async function picture(page: Page): Promise<string> {
  const widget = page.locator(`.remark-slide-container.remark-visible :is(${SELECTOR})`);
  await expect(widget.locator('svg')).toBeVisible();
  return widget.evaluate((element) => element.shadowRoot!.innerHTML);
}

function simulationSlides(deck: Deck): { position: number; element: string; step: number }[] {
  return deck.slides.flatMap((slide) => {
    const match = /<(\w+-demo) step="(\d+)"/.exec(slide.html);
    return match && SIMULATIONS.includes(match[1]!)
      ? [{ position: slide.index + 1, element: match[1]!, step: Number(match[2]) }]
      : [];
  });
}

test('every simulation slide shows its own step, with no text under 20 px at 1280×720', async ({ page }) => {
  test.setTimeout(120_000);
  const deck = await openDeck(page, '#1');
  const slides = simulationSlides(deck);
  expect(new Set(slides.map((s) => s.element))).toEqual(new Set(SIMULATIONS));
  for (const { position, element, step } of slides) {
    await page.evaluate((n) => (location.hash = `#${n}`), position);
    const widget = page.locator(`.remark-slide-container.remark-visible ${element}`);
    await expect(widget.locator('.progress')).toHaveText(new RegExp(`^Schritt ${step + 1} von \\d+$`));
    const smallest = await widget.evaluate((host) => {
      const root = host.shadowRoot!;
      const svg = root.querySelector('svg')!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      sizes.push(parseFloat(getComputedStyle(root.querySelector('figcaption')!).fontSize));
      return Math.min(...sizes);
    });
    expect(smallest, `${element} Schritt ${step} (Folie ${position})`).toBeGreaterThanOrEqual(20);
  }
});

test('stepping back, reloading and a second window show the same picture of a step', async ({ page, browser }) => {
  const deck = await openDeck(page, '#1');
  const violation = simulationSlides(deck).find((s) => s.element === 'replication-demo' && s.step === 4)!;
  await page.evaluate((n) => (location.hash = `#${n}`), violation.position);
  const first = await picture(page);
  expect(first).toContain('Read-your-writes ist verletzt');

  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.remark-slide-container.remark-visible replication-demo .progress')).toHaveText(
    'Schritt 6 von 7',
  );
  await page.keyboard.press('ArrowLeft');
  expect(await picture(page)).toBe(first);

  // The address follows a move a moment later; a reload before that would reload the old slide.
  await expect(page).toHaveURL(new RegExp(`#${violation.position}$`));
  await page.reload();
  await waitForViewer(page);
  expect(await picture(page)).toBe(first);

  const other = await browser.newPage();
  await openDeck(other, `#${violation.position}`);
  expect(await picture(other)).toBe(first);
  await other.close();
});

test('the demo keys R, Q, W and Z leave a simulation as it is, without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const deck = await openDeck(page, '#1');
  const slide = simulationSlides(deck).find((s) => s.element === 'delivery-demo' && s.step === 2)!;
  await page.evaluate((n) => (location.hash = `#${n}`), slide.position);
  const before = await picture(page);
  for (const key of ['r', 'q', 'w', 'z']) await page.keyboard.press(key);
  expect(await picture(page)).toBe(before);
  await expect(page).toHaveURL(new RegExp(`#${slide.position}$`));
  expect(errors).toEqual([]);
});

test('the print view draws every simulation at the step of its slide', async ({ page }) => {
  await page.goto(`${DECK}?print`);
  await expect(page.locator('html')).toHaveAttribute('data-print', 'ready');
  await page.emulateMedia({ media: 'print' });
  const widgets = page.locator(`.remark-slides-area :is(${SELECTOR})`);
  const count = await widgets.count();
  expect(count).toBe(25);
  for (let i = 0; i < count; i++) {
    const widget = widgets.nth(i);
    const step = Number(await widget.getAttribute('step'));
    await expect(widget.locator('.progress')).toHaveText(new RegExp(`^Schritt ${step + 1} von`));
  }
});

test('the first slide loads without the simulations; they come as their own chunk', async ({ page }) => {
  const html = await (await page.request.get(DECK)).text();
  expect(html).not.toMatch(/simulations-[\w-]+\.js/);
  const chunk = page.waitForRequest(/\/assets\/simulations-[\w-]+\.js$/);
  await openDeck(page, '#1');
  await chunk;
});
