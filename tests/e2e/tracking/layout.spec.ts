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

test('at slide size: chart beside the newest visits, one line each, well within the slide', async ({ page }) => {
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
  expect(list.left).toBeGreaterThanOrEqual(figure.right);
  expect(list.top).toBeLessThan(figure.bottom);
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
