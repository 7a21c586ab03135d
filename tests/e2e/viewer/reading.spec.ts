import { expect, test, type Browser, type Page } from '@playwright/test';
import { openDeck, visibleSlide, waitForViewer } from './viewer';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

async function phone(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(path);
  await waitForViewer(page);
  await expect(page.locator('.remark-container')).toHaveClass(/vs-reading-mode/);
  return page;
}

/** The 1-based slide whose region is at the top of the window. */
function slideAtTop(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const regions = [...document.querySelectorAll('.remark-slides-area > .remark-slide-container')];
    const top = regions.find((region) => {
      const { top: y, bottom } = region.getBoundingClientRect();
      return bottom > 0 && y < 100 && getComputedStyle(region).display !== 'none';
    });
    return top?.getAttribute('aria-label') ?? null;
  });
}

test.describe('reading view', () => {
  test('on a phone held upright the deck is one page: text ≥ 16 px, no horizontal scroll, every slide, live demos', async ({
    browser,
  }) => {
    const page = await phone(browser, '/slides/uebung-1/');
    const figures = await page.evaluate(() => {
      const texts = [...document.querySelectorAll('.remark-slide-content :is(p, li, td, th, dd, dt, blockquote)')];
      const sizes = texts.filter((t) => t.textContent?.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize));
      const shown = [...document.querySelectorAll('.remark-slides-area > .remark-slide-container')].filter(
        (region) => getComputedStyle(region).display !== 'none',
      );
      const data = JSON.parse(document.getElementById('deck-data')?.textContent ?? '{}') as {
        slides: { continued: boolean }[];
      };
      // A slide built in steps shows once, in its last step.
      const expected = data.slides.filter((_, index) => !data.slides[index + 1]?.continued);
      return {
        texts: sizes.length,
        smallest: Math.min(...sizes),
        scrollWidth: document.documentElement.scrollWidth,
        width: document.documentElement.clientWidth,
        shown: shown.length,
        expected: expected.length,
        height: document.documentElement.scrollHeight,
      };
    });
    expect(figures.texts).toBeGreaterThan(50);
    expect(figures.smallest).toBeGreaterThanOrEqual(16);
    expect(figures.scrollWidth).toBeLessThanOrEqual(figures.width);
    expect(figures.shown).toBe(figures.expected);
    expect(figures.expected).toBeGreaterThan(25);
    expect(figures.height).toBeGreaterThan(844 * 10);

    const demo = page.locator('task-demo').first();
    await demo.scrollIntoViewIfNeeded();
    const run = demo.getByRole('button', { name: 'Jetzt ausführen' });
    const box = await run.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await run.tap();
    await expect(demo.locator('output')).toHaveText('10');
    await page.screenshot({ path: 'test-results/reading-phone.png' });
    await page.context().close();
  });

  test('on a phone the simulations are drawn narrow: every label ≥ 12 px, nothing wider than the screen', async ({
    browser,
  }) => {
    const page = await phone(browser, '/slides/kapitel-3/');
    const simulations = page.locator(
      '.remark-slide-content :is(replication-demo, delivery-demo, clocks-demo, hashing-demo, balancing-demo)',
    );
    await expect.poll(() => simulations.count()).toBeGreaterThan(15);
    await expect
      .poll(() =>
        simulations.evaluateAll((all) => all.map((e) => e.shadowRoot?.querySelector('figure')?.dataset.layout)),
      )
      .toEqual(Array(await simulations.count()).fill('narrow'));
    const figures = await simulations.evaluateAll((all) =>
      all.map((element) => {
        const picture = element.shadowRoot!.querySelector('svg')!;
        const box = picture.getBoundingClientRect();
        // Rendered size of SVG text: its font size times the picture's scale.
        const scale = box.width / picture.viewBox.baseVal.width;
        const sizes = [...picture.querySelectorAll('text')].map(
          (t) => parseFloat(getComputedStyle(t).fontSize) * scale,
        );
        return { name: element.localName, texts: sizes.length, smallest: Math.min(...sizes), right: box.right };
      }),
    );
    for (const figure of figures) {
      expect(figure.texts, figure.name).toBeGreaterThan(0);
      expect(figure.smallest, figure.name).toBeGreaterThanOrEqual(12);
      expect(figure.right, figure.name).toBeLessThanOrEqual(390);
    }
    const width = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(width[0]).toBeLessThanOrEqual(width[1]!);
    for (const name of ['replication', 'delivery', 'clocks', 'hashing', 'balancing']) {
      const last = page.locator(`.remark-slide-content ${name}-demo`).last();
      await last.scrollIntoViewIfNeeded();
      await last.screenshot({ path: test.info().outputPath(`phone-${name}.png`) });
    }
    await page.context().close();
  });

  test('L switches it on and off anywhere; keys scroll to the slide; notes on request', async ({ page }) => {
    await openDeck(page, '#6');
    await page.keyboard.press('l');
    await expect(page.locator('.remark-container')).toHaveClass(/vs-reading-mode/);
    await expect.poll(() => slideAtTop(page)).toBe('Folie 6 von 12');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideAtTop(page)).toBe('Folie 7 von 12');
    await expect(page).toHaveURL(/#7$/);

    const notes = page.getByRole('button', { name: 'Notizen' });
    await expect(page.locator('.remark-slide-notes').first()).toBeHidden();
    await notes.click();
    await expect(notes).toHaveAttribute('aria-pressed', 'true');
    await expect(visibleSlide(page).locator('.remark-slide-notes')).toBeVisible();

    await page.keyboard.press('l');
    await expect(page.locator('.remark-container')).not.toHaveClass(/vs-reading-mode/);
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', 'Folie 7 von 12');
    await expect(page.getByRole('button', { name: 'Folienansicht' })).toBeHidden();
  });

  test('scrolling makes the slide at the top the current one', async ({ browser }) => {
    const page = await phone(browser, '/slides/anleitung/#2');
    await expect.poll(() => slideAtTop(page)).toBe('Folie 2 von 12');
    await page
      .locator('.remark-slide-container[aria-label="Folie 10 von 12"]')
      .evaluate((region) => region.scrollIntoView({ block: 'start' }));
    await expect(page).toHaveURL(/#10$/);
    await page.getByRole('button', { name: 'Folienansicht' }).tap();
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', 'Folie 10 von 12');
    await page.context().close();
  });

  test('a following phone scrolls to the lecturer’s slide', async ({ browser }) => {
    const lecturer = await browser.newPage();
    await lecturer.goto('/slides/uebung-1/#p3&token=e2e-presenter');
    await waitForViewer(lecturer);
    await expect(lecturer.getByText('Publikum folgt: Folie 3')).toBeVisible();
    const student = await phone(browser, '/slides/uebung-1/?follow');
    await expect(student.locator('.vs-follow-status')).toHaveText('Live – folgt dem Vortrag');
    await expect.poll(() => slideAtTop(student)).toMatch(/^Folie 3 von /);
    await lecturer.keyboard.press('End');
    const last = student.locator('.remark-slides-area > .remark-slide-container').last();
    await expect(last).toBeInViewport({ ratio: 1 });
    await student.context().close();
    await lecturer.close();
  });
});
