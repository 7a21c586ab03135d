import { expect, test, type Page } from '@playwright/test';
import { openDeck, visibleSlide } from '../viewer/viewer';

function content(page: Page) {
  return visibleSlide(page).locator('.remark-slide-content');
}

test('zoom into a part of the slide mirrors to the projector window; Esc returns on both', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDeck(page, '#2');
  const [clone] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('c')]);
  await expect(visibleSlide(clone)).toHaveAttribute('aria-label', /^Folie 2 von /);

  await page.keyboard.press('+');
  await expect(content(page)).toHaveCSS('transform', 'matrix(1.5, 0, 0, 1.5, 0, 0)');
  await expect(content(clone)).toHaveCSS('transform', 'matrix(1.5, 0, 0, 1.5, 0, 0)');

  // Alt+click zooms further in, around the point clicked (top left quarter of the slide).
  const box = (await content(page).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
  await page.keyboard.down('Alt');
  await page.mouse.down();
  await page.mouse.up();
  await page.keyboard.up('Alt');
  await expect(content(clone)).toHaveCSS('transform', 'matrix(2.25, 0, 0, 2.25, 0, 0)');
  const origin = await content(clone).evaluate((element) => getComputedStyle(element).transformOrigin);
  const [x, y] = origin.split(' ').map(parseFloat);
  const size = await content(clone).evaluate((element) => [
    (element as HTMLElement).offsetWidth,
    (element as HTMLElement).offsetHeight,
  ]);
  expect(x! / size[0]!).toBeLessThan(0.5);
  expect(y! / size[1]!).toBeLessThan(0.5);
  await clone.screenshot({ path: test.info().outputPath('zoom-clone.png') });

  await page.keyboard.press('Escape');
  await expect(content(page)).toHaveCSS('transform', 'none');
  await expect(content(clone)).toHaveCSS('transform', 'none');

  // A slide change shows the whole next slide.
  await page.keyboard.press('+');
  await expect(content(clone)).toHaveCSS('transform', 'matrix(1.5, 0, 0, 1.5, 0, 0)');
  await page.keyboard.press('ArrowRight');
  await expect(visibleSlide(clone)).toHaveAttribute('aria-label', /^Folie 3 von /);
  await expect(content(clone)).toHaveCSS('transform', 'none');
  await expect(content(page)).toHaveCSS('transform', 'none');
});
