import { expect, test, type Page } from '@playwright/test';
import { postVisit } from './helpers';

/** The slide canvas the widget sits on: 1280×720 at 26px, less the slide's padding. */
const SLIDE = { width: 1152, fontSize: 26, widgetHeight: 540 };
const LIST_LENGTH = 6;

const widget = (page: Page) => page.locator('tracking-demo');

async function boxes(page: Page) {
  return widget(page).evaluate((element) => {
    const box = (selector: string) =>
      element.shadowRoot!.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
    return { widget: element.getBoundingClientRect().toJSON() as DOMRect, figure: box('figure'), list: box('ol') };
  });
}

test.beforeAll(async ({ request }) => {
  for (let i = 0; i < LIST_LENGTH + 3; i++) {
    await postVisit(request, { path: `/layout/${'ein-sehr-langer-pfad/'.repeat(i)}${i}` });
  }
});

test('at slide size: the chart over the widget’s full width, the newest visits below, one line each, well within the slide', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await widget(page).evaluate((element, slide) => {
    element.style.width = `${slide.width}px`;
    element.style.fontSize = `${slide.fontSize}px`;
  }, SLIDE);
  await expect(widget(page).getByRole('listitem')).toHaveCount(LIST_LENGTH);
  await expect(widget(page).locator('.chart canvas')).toHaveCount(1);

  const { widget: host, figure, list } = await boxes(page);
  expect(host.height).toBeLessThanOrEqual(SLIDE.widgetHeight);
  expect(list.top).toBeGreaterThanOrEqual(figure.bottom);
  expect(figure.width).toBeGreaterThanOrEqual(host.width * 0.9);
  const canvas = await widget(page)
    .locator('.chart canvas')
    .evaluate((element) => element.getBoundingClientRect().width);
  expect(canvas).toBeGreaterThanOrEqual(figure.width * 0.95);
  // The page's own view arrives a moment later and slides into the list: measure once it settled.
  await expect
    .poll(
      async () =>
        new Set(
          await widget(page)
            .getByRole('listitem')
            .evaluateAll((items) => items.map((item) => item.clientHeight)),
        ).size,
    )
    .toBe(1);
  const labelSize = await widget(page)
    .locator('.chart')
    .evaluate((chart) => parseFloat(getComputedStyle(chart).fontSize));
  expect(labelSize).toBeGreaterThanOrEqual(16);
});

/** The newest minute's bar (all visits of this file fall into it) ends before the plot's right edge. */
test('the newest bar is drawn whole, on screen at 1280 and 1920 px and in print', async ({ page }) => {
  for (const [width, height, media] of [
    [1280, 720, 'screen'],
    [1920, 1080, 'screen'],
    [1280, 720, 'print'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ media });
    await page.goto('/');
    await expect(widget(page).locator('.chart canvas')).toHaveCount(1);
    await expect(widget(page).getByRole('listitem')).toHaveCount(LIST_LENGTH);
    const bar = await widget(page)
      .locator('.chart')
      .evaluate(async (chart) => {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const canvas = chart.querySelector('canvas')!;
        const scale = canvas.width / canvas.getBoundingClientRect().width;
        // uPlot lays .u-over exactly over the plot area: its right edge is where bars get clipped.
        const over = chart.querySelector('.u-over')!.getBoundingClientRect();
        const plotRight = Math.round((over.right - canvas.getBoundingClientRect().left) * scale);
        // Thirty minutes, each bar 70 % of its minute and at most 24 CSS px (as the chart draws them).
        const fullWidth = Math.min((0.7 * over.width * scale) / 30, 24 * scale);
        const context = canvas.getContext('2d')!;
        const isBar = (x: number, y: number) => {
          const [r, g, b, a] = context.getImageData(x, y, 1, 1).data as unknown as number[];
          return a! > 0 && b! > 150 && r! < 200 && b! - r! > 40 && g! < 220;
        };
        // A row a little above the x axis crosses every bar: the rightmost filled run is the newest bar.
        const bottom = Math.round((over.bottom - canvas.getBoundingClientRect().top) * scale);
        const row = bottom - 4;
        const filled = [...Array(canvas.width).keys()].filter((x) => isBar(x, row));
        const right = Math.max(...filled);
        let left = right;
        while (left > 0 && isBar(left - 1, row)) left--;
        return { width: right - left + 1, right, plotRight, fullWidth };
      });
    const label = `${width}px ${media}`;
    expect(bar.width, label).toBeGreaterThanOrEqual(bar.fullWidth * 0.85);
    expect(bar.right, label).toBeLessThan(bar.plotRight);
  }
});

test('on a phone: the visit list below the chart, nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/');
  await expect(widget(page).getByRole('listitem')).toHaveCount(LIST_LENGTH);
  const { widget: host, figure, list } = await boxes(page);
  expect(list.top).toBeGreaterThanOrEqual(figure.bottom);
  expect(host.right).toBeLessThanOrEqual(390);
  const demo = await widget(page).evaluate((element) => {
    const box = element.shadowRoot!.querySelector<HTMLElement>('.demo')!;
    return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
  });
  expect(demo.scrollWidth).toBeLessThanOrEqual(demo.clientWidth);
});
