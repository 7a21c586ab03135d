import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DECK_DATA_ID, type Deck } from '../../../src/shared/deck';
import { waitForViewer } from '../viewer/viewer';

/** The most a demo may take on a 1280×720 slide below a heading (and a line of text). */
const SLIDE_BUDGET_PX = 540;

/** Opens the slide named `name` in deck `deck` and returns its live task demo. */
async function openSlide(page: Page, deck: string, name: string): Promise<Locator> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/slides/${deck}/#1`);
  await waitForViewer(page);
  const data = JSON.parse((await page.locator(`#${DECK_DATA_ID}`).textContent()) ?? '') as Deck;
  const slide = data.slides.find((candidate) => candidate.name === name);
  expect(slide, `${deck} hat eine Folie ${name}`).toBeDefined();
  await page.evaluate((hash) => (location.hash = hash), `#${slide!.index + 1}`);
  const demo = page.locator('.remark-slide-container.remark-visible task-demo');
  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  return demo;
}

/** The widget's own layout size, unaffected by the transform that scales the slide. */
function layoutHeight(demo: Locator): Promise<number> {
  return demo.evaluate((element) => (element as HTMLElement).offsetHeight);
}

async function box(locator: Locator): Promise<{ left: number; right: number; top: number; bottom: number }> {
  return locator.evaluate((element) => {
    const { left, right, top, bottom } = element.getBoundingClientRect();
    return { left, right, top, bottom };
  });
}

test.describe('<task-demo> layout', () => {
  // Both slide tests queue jobs as one client: in parallel they would meet the server's fair share.
  test.describe.configure({ mode: 'serial' });

  test('on a slide: form beside the run, and bounded however many jobs and however long the result', async ({
    page,
  }) => {
    const demo = await openSlide(page, 'kapitel-2', 'demo-workers');
    const form = await box(demo.getByRole('form', { name: 'Task ausführen' }));
    const run = await box(demo.locator('.run'));
    expect(run.left).toBeGreaterThanOrEqual(form.right);
    expect(run.top).toBeLessThan(form.bottom);

    const task = demo.getByLabel('Task', { exact: true });
    await task.selectOption('sleep');
    await demo.getByLabel('Millisekunden').fill('500');
    for (let i = 0; i < 2; i++) await demo.getByRole('button', { name: '5 Jobs auf einmal' }).click();
    const jobs = demo.getByRole('list', { name: 'Zuletzt eingereihte Jobs' }).getByRole('listitem');
    await expect(jobs).toHaveCount(5);
    // Every row of the list shows whole: none is cut off by the region around it.
    const workers = demo.getByRole('region', { name: 'Worker und Jobs', exact: true });
    const region = await box(workers);
    for (const row of await jobs.all()) expect((await box(row)).bottom).toBeLessThanOrEqual(region.bottom + 0.5);
    await task.selectOption('fibonacci');
    await demo.getByLabel('Index n').fill('5000');
    await demo.getByRole('button', { name: 'Jetzt ausführen' }).click();
    await expect(demo.locator('output')).toHaveText(/^\d+ … \(\d+ Zeichen\)$/, { timeout: 15_000 });
    await task.selectOption('hash');
    expect(await layoutHeight(demo)).toBeLessThanOrEqual(SLIDE_BUDGET_PX);

    // What does not fit scrolls inside a labelled region that the keyboard reaches and scrolls,
    // and while it has the focus, its keys scroll it instead of changing the slide.
    const slide = await page.evaluate(() => location.hash);
    for (const name of ['Ergebnis']) {
      const region = demo.getByRole('region', { name, exact: true });
      expect(await region.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
      await region.focus();
      await expect(region).toBeFocused();
      await page.keyboard.press('End');
      await expect.poll(() => region.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
      expect(await page.evaluate(() => location.hash)).toBe(slide);
    }
    const results = await new AxeBuilder({ page }).include('.remark-visible task-demo').analyze();
    expect(results.violations).toEqual([]);
  });

  test('before the first run: no empty progress or result; every text at least 20 px on a 1280×720 slide', async ({
    page,
  }) => {
    const demo = await openSlide(page, 'kapitel-2', 'demo-workers');
    await expect(demo.getByRole('progressbar')).toBeHidden();
    await expect(demo.getByText('Ergebnis', { exact: true })).toBeHidden();
    await expect(demo.getByRole('list', { name: 'Zuletzt eingereihte Jobs' })).toBeHidden();
    await demo.getByLabel('Task', { exact: true }).selectOption('sleep');
    await demo.getByLabel('Millisekunden').fill('300');
    await demo.getByRole('button', { name: '5 Jobs auf einmal' }).click();
    await expect(demo.locator('.progress-text')).toHaveText(/^5 von 5 Jobs fertig/, { timeout: 15_000 });
    await demo.getByRole('button', { name: 'Jetzt ausführen' }).click();
    await expect(demo.locator('output')).toHaveText(/sleptMs/, { timeout: 10_000 });
    const smallest = await demo.evaluate((host) => {
      const scale = host.getBoundingClientRect().width / (host as HTMLElement).offsetWidth;
      const sizes: [number, string][] = [];
      for (const element of host.shadowRoot!.querySelectorAll('*')) {
        const text = [...element.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
        );
        if (text && element.getClientRects().length > 0)
          sizes.push([parseFloat(getComputedStyle(element).fontSize) * scale, element.textContent!.slice(0, 40)]);
      }
      return sizes.sort((a, b) => a[0] - b[0])[0]!;
    });
    expect(smallest[0], smallest[1]).toBeGreaterThanOrEqual(19.9);
  });

  test('on a phone: the run below the form', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    const demo = page.locator('task-demo');
    await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
    const form = await box(demo.getByRole('form', { name: 'Task ausführen' }));
    const run = await box(demo.locator('.run'));
    expect(run.top).toBeGreaterThanOrEqual(form.bottom);
    expect(await demo.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  });
});
