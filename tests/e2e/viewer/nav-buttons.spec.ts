import { expect, test, type Page } from '@playwright/test';
import { expectSlide, openDeck, visibleSlide } from './viewer';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Folien blättern' });

test.describe('on-screen buttons', () => {
  test('show while the mouse moves, fade when it rests, and move the deck', async ({ page }) => {
    await openDeck(page, '#1');
    await expect(nav(page)).toHaveCSS('opacity', '0');
    await expect(page.getByRole('button', { name: 'Vorherige Folie' })).toBeDisabled();
    await page.mouse.move(400, 300);
    await page.mouse.move(640, 690);
    await expect(nav(page)).toHaveCSS('opacity', '1');
    await page.getByRole('button', { name: 'Nächste Folie' }).click();
    await page.getByRole('button', { name: 'Nächste Folie' }).click();
    await expectSlide(page, 3);
    await page.getByRole('button', { name: 'Vorherige Folie' }).click();
    await expectSlide(page, 2);
    await expect(nav(page)).toHaveCSS('opacity', '0', { timeout: 6000 });
    await page.mouse.move(600, 600);
    await page.getByRole('button', { name: 'Folienübersicht' }).click();
    await expect(page.getByRole('dialog', { name: 'Folienübersicht' })).toBeVisible();
  });

  test('Tab reaches them while they are faded out, and focus shows them', async ({ page }) => {
    await openDeck(page, '#4');
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'Nächste Folie'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(focused).toBe('Nächste Folie');
    await expect(nav(page)).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    await expectSlide(page, 5);
  });

  test('never in print, blackout, the presenter view or the clone window', async ({ page }) => {
    await openDeck(page, '#2');
    await page.mouse.move(640, 690);
    await expect(nav(page)).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(nav(page)).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('b');
    await expect(nav(page)).toBeHidden();
    await page.keyboard.press('b');
    await page.keyboard.press('p');
    await expect(nav(page)).toBeHidden();
    const [clone] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('c')]);
    await expect(visibleSlide(clone)).toHaveCount(1);
    await expect(clone.locator('.vs-nav')).toHaveCount(0);
  });
});
