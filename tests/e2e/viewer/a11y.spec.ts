import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DIAGRAM_SLIDE, openDeck, visibleSlide } from './viewer';

async function expectNoViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('accessibility', () => {
  test('the normal view has no axe violations, also on a diagram slide', async ({ page }) => {
    await openDeck(page);
    await expectNoViolations(page);
    await openDeck(page, `#${DIAGRAM_SLIDE}`);
    await expect(visibleSlide(page).locator('.vs-diagram svg')).toBeVisible();
    await expectNoViolations(page);
  });

  test('the presenter view has no axe violations', async ({ page }) => {
    await openDeck(page, '#p6');
    await expect(page.getByRole('region', { name: 'Notizen' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the overview has no axe violations', async ({ page }) => {
    await openDeck(page, '#2');
    await page.keyboard.press('o');
    await expect(page.getByRole('dialog', { name: 'Folienübersicht' })).toBeVisible();
    await expect(page.locator('.vs-thumb .vs-diagram svg').first()).toBeVisible();
    await expectNoViolations(page);
  });

  test('the help has no axe violations', async ({ page }) => {
    await openDeck(page);
    await page.keyboard.press('h');
    await expect(page.getByRole('dialog', { name: 'Tastenkürzel' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('each slide is a labelled region and every move is announced', async ({ page }) => {
    await openDeck(page, '#6');
    await expect(page.getByRole('region', { name: 'Folie 6 von 12' })).toBeVisible();
    const live = page.locator('[aria-live="polite"]');
    await page.keyboard.press('ArrowRight');
    await expect(live).toHaveText('Folie 7 von 12: Code mit hervorgehobenen Zeilen');
    await page.keyboard.press('b');
    await expect(live).toHaveText('Schwarzbild an');
  });

  test('prefers-reduced-motion switches the progress animation off', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openDeck(page);
    await expect(page.locator('.vs-progress-bar')).toHaveCSS('transition-duration', '0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect(page.locator('.vs-progress-bar')).toHaveCSS('transition-duration', '0.2s');
  });
});
