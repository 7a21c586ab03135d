import { expect, test } from '@playwright/test';
import { expectSlide, openDeck, visibleSlide } from './viewer';

test.describe('keys move the deck', () => {
  for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', 'Space', 'j']) {
    test(`${key} goes to the next slide`, async ({ page }) => {
      await openDeck(page, '#2');
      await page.keyboard.press(key);
      await expectSlide(page, 3);
    });
  }

  for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'Shift+Space', 'k']) {
    test(`${key} goes to the previous slide`, async ({ page }) => {
      await openDeck(page, '#3');
      await page.keyboard.press(key);
      await expectSlide(page, 2);
    });
  }

  test('Home and End go to the first and the last slide', async ({ page }) => {
    await openDeck(page, '#4');
    await page.keyboard.press('End');
    await expectSlide(page, 12);
    await page.keyboard.press('Home');
    await expectSlide(page, 1);
  });

  test('a number and Enter jump to that slide; an unknown number does nothing', async ({ page }) => {
    await openDeck(page);
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expectSlide(page, 10);
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    await expectSlide(page, 10);
  });

  test('the deck does not wrap around at either end', async ({ page }) => {
    await openDeck(page);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 12);
  });

  test('keys with Alt or Ctrl are left to the browser', async ({ page }) => {
    await openDeck(page, '#2');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 3);
  });

  test('an incremental slide shows one more part per step', async ({ page }) => {
    await openDeck(page, '#3');
    const items = visibleSlide(page).locator('li');
    await expect(items).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(items).toHaveCount(1);
    await expect(visibleSlide(page).locator('.remark-slide')).toHaveClass(/remark-slide-incremental/);
    await page.keyboard.press('ArrowRight');
    await expect(items).toHaveCount(2);
    await expect(items.nth(1)).toContainText('Ausfälle überstehen');
  });

  test('B and the clicker key "." black the screen out; Esc brings it back', async ({ page }) => {
    await openDeck(page);
    const backdrop = page.locator('.remark-backdrop');
    await page.keyboard.press('b');
    await expect(backdrop).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(backdrop).toBeHidden();
    await page.keyboard.press('.');
    await expect(backdrop).toBeVisible();
    await page.keyboard.press('b');
    await expect(backdrop).toBeHidden();
  });

  test('M mirrors the slide', async ({ page }) => {
    await openDeck(page);
    await page.keyboard.press('m');
    await expect(page.locator('.remark-container')).toHaveClass(/remark-mirrored-mode/);
    await expect(page.locator('.remark-slides-area')).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
  });

  test('F switches to full screen and back', async ({ page }) => {
    await openDeck(page);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
  });

  test('P opens the presenter view with notes, next slide and slide number; the URL says #p', async ({ page }) => {
    await openDeck(page, '#6');
    await page.keyboard.press('p');
    await expect(page).toHaveURL(/#p6$/);
    await expect(page.getByRole('region', { name: 'Notizen' })).toContainText('überstehen ein Neuladen');
    await expect(page.getByRole('region', { name: 'Nächste Folie' })).toContainText('Code mit hervorgehobenen Zeilen');
    await expect(page.locator('.vs-presenter-number')).toHaveText('Folie 6 / 12');
    await expect(page.locator('.vs-clock')).toHaveText(/^\d\d:\d\d$/);
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#p7$/);
    await expect(page.getByRole('region', { name: 'Notizen' })).toContainText('highlightLines');
    await page.keyboard.press('p');
    await expect(page).toHaveURL(/#7$/);
    await expect(page.getByRole('region', { name: 'Notizen' })).toBeHidden();
  });

  test('S starts and pauses the timer, T resets it; the first move starts it', async ({ page }) => {
    await page.clock.install();
    await openDeck(page, '#p1');
    // From here on the page's time moves only when the test moves it.
    await page.clock.pauseAt(Date.now() + 60_000);
    const timer = page.getByRole('timer', { name: 'Vortragszeit' });
    await expect(timer).toHaveText('0:00:00');
    await page.keyboard.press('ArrowRight');
    await page.clock.runFor(5_000);
    await expect(timer).toHaveText('0:00:05');
    await page.keyboard.press('s');
    await page.clock.runFor(60_000);
    await expect(timer).toHaveText('0:00:05');
    await page.keyboard.press('s');
    await page.clock.runFor(2_000);
    await expect(timer).toHaveText('0:00:07');
    await page.keyboard.press('t');
    await expect(timer).toHaveText('0:00:00');
    await page.clock.runFor(3_000);
    await expect(timer).toHaveText('0:00:03');
  });

  test('C opens the cloned window on the current slide', async ({ page }) => {
    await openDeck(page, '#4');
    const [clone] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('c')]);
    await expect(visibleSlide(clone)).toHaveAttribute('aria-label', 'Folie 4 von 12');
    await expect(clone).toHaveURL(/\?clone=\w+#4$/);
  });
});
