import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { waitForViewer } from '../viewer/viewer';

export const TOKEN = 'e2e-presenter';
export const DECK = 'kapitel-2';
/*
 * These tests wait for states (every window shows the same), never for a time, so that a loaded
 * machine cannot fail them; how fast things travel belongs in benchmarks (`npm run bench:follow`).
 */

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
  for (const other of others) await expect.poll(() => shown(other)).toEqual(expected);
}

/** The job and its progress that a window's job line shows (`Job abc: läuft auf w · 40 %`). */
function progressOf(line: string): { job: string; percent: number } | undefined {
  const match = /^Job (\S+): läuft auf \S+ · (\d+) %$/.exec(line);
  return match ? { job: match[1]!, percent: Number(match[2]) } : undefined;
}

/**
 * While a job runs, every other window shows the driving window's job, and never a progress the
 * driving window has not reached yet: read the driver, then the mirror, then the driver again.
 */
export async function expectFollowing(driver: Locator, others: Locator[]): Promise<void> {
  const job = progressOf((await shown(driver)).line)?.job;
  if (!job) return; // Done already: what follows is compared with expectSame.
  for (const other of others) {
    await expect
      .poll(async () => {
        const mirrored = progressOf((await shown(other)).line);
        return mirrored?.job === job || progressOf((await shown(driver)).line) === undefined;
      })
      .toBe(true);
    const mirrored = progressOf((await shown(other)).line);
    const after = progressOf((await shown(driver)).line);
    if (mirrored && after) expect(mirrored.percent).toBeLessThanOrEqual(after.percent);
  }
}
