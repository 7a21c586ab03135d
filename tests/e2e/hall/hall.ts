import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { waitForViewer } from '../viewer/viewer';

export const TOKEN = 'e2e-presenter';
export const DECK = 'kapitel-2';
/** Mirrored state must reach every window within this (the goal is 500 ms; 1 s with test overhead). */
export const MIRROR_MS = 1000;

/** The 1-based number of the slide called `name` in the built deck. */
export async function slideNumber(page: Page, name: string): Promise<number> {
  return page.evaluate((wanted) => {
    const deck = JSON.parse(document.getElementById('deck-data')?.textContent ?? '{}') as {
      slides: { name?: string }[];
    };
    return deck.slides.findIndex((slide) => slide.name === wanted) + 1;
  }, name);
}

export async function openPage(browser: Browser, path: string, viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await page.goto(`/slides/${DECK}/${path}`);
  await waitForViewer(page);
  return page;
}

export function taskDemo(page: Page): Locator {
  return page.locator('.remark-slides-area > .remark-visible task-demo');
}

/** What a window shows of a task demo, read in one go, to compare windows. */
export async function shown(demo: Locator): Promise<{ line: string; result: string; jobs: string[] }> {
  return demo.evaluate((element) => {
    const root = element.shadowRoot!;
    return {
      line: root.querySelector('.progress-text')?.textContent ?? '',
      result: root.querySelector('output')?.textContent ?? '',
      jobs: [...root.querySelectorAll('.jobs li')].map((item) => item.textContent ?? ''),
    };
  });
}

/** Once everything has settled: every window shows exactly what the driving one shows. */
export async function expectSame(driver: Locator, others: Locator[]): Promise<void> {
  const expected = await shown(driver);
  for (const other of others) await expect.poll(() => shown(other), { timeout: MIRROR_MS }).toEqual(expected);
}

/**
 * While a job runs: for `forMs`, whatever another window shows is something the driving window
 * showed at most MIRROR_MS before (progress moves on meanwhile, so "equal now" would be a race).
 */
export async function expectFollowing(driver: Locator, others: Locator[], forMs = 1500): Promise<void> {
  const history: { at: number; text: string }[] = [];
  const end = Date.now() + forMs;
  while (Date.now() < end) {
    const at = Date.now();
    history.push({ at, text: JSON.stringify(await shown(driver)) });
    for (const other of others) {
      const text = JSON.stringify(await shown(other));
      const recent = history.filter((entry) => entry.at >= Date.now() - MIRROR_MS).map((entry) => entry.text);
      if (!recent.includes(text)) {
        // It may be ahead of our last look at the driver: look once more.
        const now = JSON.stringify(await shown(driver));
        history.push({ at: Date.now(), text: now });
        expect([...recent, now]).toContain(text);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
