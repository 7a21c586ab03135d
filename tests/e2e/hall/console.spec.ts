import { expect, test } from '@playwright/test';
import { openPage, slideNumber, taskDemo } from './hall';

test('the demo console: R, Q, W and Z work the current slide’s demo from the presenter view', async ({ browser }) => {
  const page = await openPage(browser, '');
  await page.evaluate(async (number) => (location.hash = `#p${number}`), await slideNumber(page, 'demo-workers'));
  await expect(page.locator('.remark-container')).toHaveClass(/remark-presenter-mode/);
  const demo = taskDemo(page);
  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  await expect(demo.locator('.progress')).toBeHidden();

  await page.keyboard.press('r');
  await expect(demo.locator('output')).toHaveText('10');
  await page.keyboard.press('q');
  await expect(demo.locator('.jobs li')).toHaveCount(1);
  await page.keyboard.press('w');
  await expect(demo.locator('.jobs li')).toHaveCount(5);
  await expect(demo.locator('.progress-text')).toHaveText(/^5 von 5 Jobs fertig/, { timeout: 10_000 });
  await page.keyboard.press('z');
  await expect(demo.locator('.jobs li')).toHaveCount(0);
  await expect(demo.locator('.progress')).toBeHidden();
  // The keys never left the presenter view or the slide.
  await expect(page.locator('.remark-container')).toHaveClass(/remark-presenter-mode/);

  await page.keyboard.press('h');
  const help = page.getByRole('dialog');
  for (const key of ['R', 'Q', 'W', 'Z'])
    await expect(help.locator('kbd', { hasText: new RegExp(`^${key}$`) })).toHaveCount(1);
});

test('the demo keys and the clone channel leave the simulations (which keep their own step) alone', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/slides/kapitel-3/');
  const slide = await page.evaluate(() => {
    const deck = JSON.parse(document.getElementById('deck-data')!.textContent!) as { slides: { demos: string[] }[] };
    return deck.slides.findIndex((candidate) => candidate.demos.length > 0) + 1;
  });
  expect(slide).toBeGreaterThan(0);
  await page.evaluate((number) => (location.hash = `#${number}`), slide);
  const [clone] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('c')]);
  clone.on('pageerror', (error) => errors.push(error.message));
  for (const key of ['r', 'q', 'w', 'z']) await page.keyboard.press(key);
  await clone.reload();
  await page.waitForTimeout(500);
  expect(errors).toEqual([]);
});
