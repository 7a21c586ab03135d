import { expect, test } from '@playwright/test';

test('the course home links to the list of presentations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verteilte Systeme');
  await page.getByRole('link', { name: 'Alle Präsentationen' }).click();
  await expect(page).toHaveURL(/praesentationen\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Präsentationen');
});
