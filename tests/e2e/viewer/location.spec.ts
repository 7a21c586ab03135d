import { expect, test } from '@playwright/test';
import { expectSlide, openDeck, visibleSlide } from './viewer';

test.describe('deep links and the URL', () => {
  test('#N opens the N-th slide', async ({ page }) => {
    await openDeck(page, '#7');
    await expectSlide(page, 7);
    await expect(visibleSlide(page)).toContainText('Code mit hervorgehobenen Zeilen');
  });

  test('#name opens the named slide', async ({ page }) => {
    await openDeck(page, '#spalten');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', 'Folie 10 von 12');
    await expect(visibleSlide(page)).toContainText('Zwei Spalten');
    await expect(page.locator('#slide-spalten')).toBeVisible();
  });

  test('#pN opens that slide in the presenter view', async ({ page }) => {
    await openDeck(page, '#p4');
    await expect(page.locator('.remark-container')).toHaveClass(/remark-presenter-mode/);
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', 'Folie 4 von 12');
  });

  test('unknown, out-of-range and non-canonical hashes open the first slide, say so and correct the address', async ({
    page,
  }) => {
    for (const hash of ['#nonexistent', '#9999', '#02', '#0']) {
      await openDeck(page, hash);
      await expectSlide(page, 1, '');
      await expect(page).toHaveURL(/#1$/);
      await expect(page.getByRole('status').filter({ hasText: hash })).toHaveText(
        `„${hash}“ gibt es in diesem Foliensatz nicht. Sie sehen Folie 1 von 12.`,
      );
    }
  });

  test('an unknown hash typed later keeps the slide shown and puts its address back', async ({ page }) => {
    await openDeck(page, '#4');
    await page.evaluate(() => {
      location.hash = '#9999';
    });
    await expect(page.getByRole('status').filter({ hasText: '#9999' })).toContainText('Sie sehen Folie 4 von 12');
    await expectSlide(page, 4);
  });

  test('moving replaces the history entry, so Back leaves the deck', async ({ page }) => {
    await page.goto('/');
    await openDeck(page);
    const length = await page.evaluate(() => history.length);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expectSlide(page, 5);
    expect(await page.evaluate(() => history.length)).toBe(length);
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
  });

  test('a reload keeps the slide', async ({ page }) => {
    await openDeck(page, '#3');
    await page.keyboard.press('ArrowRight');
    // The URL follows the slide once the move has been painted.
    await expectSlide(page, 4);
    await page.reload();
    await expectSlide(page, 4);
  });

  test('editing the hash by hand, or a link to a named slide, moves the deck', async ({ page }) => {
    await openDeck(page, '#2');
    await page.evaluate(() => {
      location.hash = '#9';
    });
    await expectSlide(page, 9);
    await page.keyboard.press('End');
    await page.getByRole('link', { name: 'Zurück zum Anfang' }).click();
    await expectSlide(page, 1);
  });

  test('the deck page links back to the list of presentations', async ({ page }) => {
    await openDeck(page, '#12');
    await page.getByRole('link', { name: 'Alle Präsentationen' }).click();
    await expect(page).toHaveURL(/\/praesentationen\.html$/);
  });
});
