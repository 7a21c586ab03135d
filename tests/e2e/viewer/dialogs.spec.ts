import { expect, test } from '@playwright/test';
import { expectSlide, openDeck, SLIDES } from './viewer';

test.describe('overview', () => {
  test('O shows every slide, with focus on the current one; Enter on another jumps there', async ({ page }) => {
    await openDeck(page, '#6');
    await page.keyboard.press('o');
    const overview = page.getByRole('dialog', { name: 'Folienübersicht' });
    await expect(overview).toBeVisible();
    const thumbs = overview.getByRole('button', { name: /^Folie \d+ von 12/ });
    await expect(thumbs).toHaveCount(SLIDES);
    await expect(thumbs.nth(5)).toBeFocused();
    await expect(thumbs.nth(5)).toHaveAttribute('aria-current', 'true');

    await page.keyboard.press('ArrowRight');
    await expect(thumbs.nth(6)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(thumbs.nth(4)).toBeFocused();
    await expectSlide(page, 6);
    await page.keyboard.press('Enter');
    await expect(overview).toBeHidden();
    await expectSlide(page, 5);
  });

  test('arrow down moves one row down the grid', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeck(page);
    await page.keyboard.press('o');
    const thumbs = page.getByRole('dialog', { name: 'Folienübersicht' }).getByRole('button', { name: /^Folie/ });
    const columns = await page
      .locator('.vs-overview-grid')
      .evaluate((grid) => getComputedStyle(grid).gridTemplateColumns.split(' ').length);
    expect(columns).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await expect(thumbs.nth(columns)).toBeFocused();
    await page.keyboard.press('End');
    await expect(thumbs.nth(SLIDES - 1)).toBeFocused();
  });

  test('a click on a thumbnail jumps there', async ({ page }) => {
    await openDeck(page);
    await page.keyboard.press('o');
    await page.getByRole('button', { name: 'Folie 10 von 12: Zwei Spalten' }).click();
    await expectSlide(page, 10);
  });

  test('Esc or O closes it and gives focus back; slide keys do not leak through', async ({ page }) => {
    await openDeck(page, '#2');
    const overview = page.getByRole('dialog', { name: 'Folienübersicht' });
    await page.keyboard.press('o');
    await page.keyboard.press('p');
    await page.keyboard.press('Escape');
    await expect(overview).toBeHidden();
    await expect(page.locator('.remark-container')).not.toHaveClass(/remark-presenter-mode/);
    await expect(page.locator('.remark-slide-container.remark-visible')).toBeFocused();
    await page.keyboard.press('o');
    await expect(overview).toBeVisible();
    await page.keyboard.press('o');
    await expect(overview).toBeHidden();
    await expectSlide(page, 2);
  });
});

test.describe('help', () => {
  test('H and ? show every key in German; Esc closes and restores focus', async ({ page }) => {
    await openDeck(page);
    await page.keyboard.press('h');
    const help = page.getByRole('dialog', { name: 'Tastenkürzel' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('button', { name: 'Schließen' })).toBeFocused();
    for (const key of [
      '→',
      '←',
      'Bild ↓',
      'Bild ↑',
      'Leertaste',
      'Rücktaste',
      'Pos 1',
      'Ende',
      'Nummer, dann Eingabe',
      'P',
      'C',
      'F',
      'B',
      'M',
      'O',
      'S',
      'T',
      'H',
      '?',
      'Esc',
      'Strg + P',
      'Wischen',
      'Mausrad',
    ]) {
      await expect(help.locator('kbd', { hasText: new RegExp(`^${key.replace(/[?+.]/g, '\\$&')}$`) })).toHaveCount(1);
    }
    await expect(help).toContainText('Referentenansicht');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 1);
    await page.keyboard.press('h');
    await expect(help).toBeHidden();
    await expect(page.locator('.remark-slide-container.remark-visible')).toBeFocused();
  });
});
