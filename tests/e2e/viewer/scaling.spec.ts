import { expect, test } from '@playwright/test';
import { openDeck, visibleSlide } from './viewer';

const sizes = [
  { viewport: { width: 1280, height: 720 }, box: { x: 0, y: 0, width: 1280, height: 720 } },
  { viewport: { width: 3840, height: 2160 }, box: { x: 0, y: 0, width: 3840, height: 2160 } },
  // Too tall: bars above and below.
  { viewport: { width: 800, height: 800 }, box: { x: 0, y: 175, width: 800, height: 450 } },
  // Too wide: bars left and right.
  { viewport: { width: 1600, height: 600 }, box: { x: 266.67, y: 0, width: 1066.67, height: 600 } },
];

test.describe('the 16:9 canvas scales to fit and is letterboxed', () => {
  for (const { viewport, box } of sizes) {
    test(`${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openDeck(page, '#2');
      const actual = await visibleSlide(page).locator('.remark-slide').boundingBox();
      expect(actual?.x).toBeCloseTo(box.x, 0);
      expect(actual?.y).toBeCloseTo(box.y, 0);
      expect(actual?.width).toBeCloseTo(box.width, 0);
      expect(actual?.height).toBeCloseTo(box.height, 0);
    });
  }

  test('the layout contract: 26px text, 48px h1, 40px 64px padding inside the canvas', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeck(page, '#2');
    const content = visibleSlide(page).locator('.remark-slide-content');
    await expect(content).toHaveCSS('font-size', '26px');
    await expect(content).toHaveCSS('padding', '40px 64px');
    await expect(content.locator('h1')).toHaveCSS('font-size', '48px');
  });

  test('the scale follows a window resize', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeck(page);
    await page.setViewportSize({ width: 640, height: 360 });
    await expect
      .poll(async () => (await visibleSlide(page).locator('.remark-slide').boundingBox())?.width)
      .toBeCloseTo(640, 0);
  });
});
