import { expect, test, type Page } from '@playwright/test';
import { expectSlide, openDeck, visibleSlide } from './viewer';

async function openClone(presenter: Page): Promise<Page> {
  const [clone] = await Promise.all([presenter.waitForEvent('popup'), presenter.keyboard.press('c')]);
  await expect(visibleSlide(clone)).toHaveCount(1);
  return clone;
}

test.describe('presenter and cloned window follow each other', () => {
  test('moves go both ways, blackout too, while presenter view stays per window', async ({ page }) => {
    await openDeck(page, '#2');
    const clone = await openClone(page);
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowRight');
    await expectSlide(clone, 3);
    await expectSlide(page, 3, 'p');

    await clone.keyboard.press('ArrowRight');
    await clone.keyboard.press('ArrowRight');
    await expectSlide(page, 5, 'p');
    await expect(clone.locator('.remark-container')).not.toHaveClass(/remark-presenter-mode/);

    await page.keyboard.press('b');
    await expect(clone.locator('.remark-backdrop')).toBeVisible();
    await clone.keyboard.press('b');
    await expect(clone.locator('.remark-backdrop')).toBeHidden();
    await expect(page.locator('.remark-container')).not.toHaveClass(/remark-blackout-mode/);
  });

  test('a reloaded clone finds the presenter again, and so does a reloaded presenter', async ({ page }) => {
    await openDeck(page, '#1');
    const clone = await openClone(page);
    await clone.reload();
    await expect(visibleSlide(clone)).toHaveCount(1);
    await page.keyboard.press('ArrowRight');
    await expectSlide(clone, 2);

    await page.reload();
    await expect(visibleSlide(page)).toHaveCount(1);
    await clone.keyboard.press('End');
    await expectSlide(page, 12);
    await page.keyboard.press('Home');
    await expectSlide(clone, 1);
  });

  test('a clone that reloads with an outdated slide in its URL catches up with the presenter', async ({ page }) => {
    await openDeck(page, '#1');
    const clone = await openClone(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectSlide(clone, 3);
    await clone.evaluate(() => history.replaceState(null, '', '#1'));
    await clone.reload();
    await expectSlide(clone, 3);
    await expectSlide(page, 3);
  });

  test('an unrelated tab of the same deck is not moved', async ({ page, context }) => {
    await openDeck(page, '#1');
    const clone = await openClone(page);
    const other = await context.newPage();
    await openDeck(other, '#6');
    await clone.keyboard.press('ArrowRight');
    await expectSlide(page, 2);
    await other.keyboard.press('ArrowRight');
    await expectSlide(page, 2);
    await expectSlide(other, 7);
  });
});
