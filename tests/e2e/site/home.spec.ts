import { expect, test } from '@playwright/test';
import { expectedDecks } from './decks';

test('the course home links to the list of presentations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verteilte Systeme');
  await page.getByRole('link', { name: 'Alle Präsentationen' }).click();
  await expect(page).toHaveURL(/praesentationen\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Präsentationen');
});

test('the home lists every deck and every quiz of slides/', async ({ page }) => {
  const decks = await expectedDecks();
  await page.goto('/');
  const section = page.getByRole('region', { name: 'Präsentationen' });
  for (const deck of decks) {
    await expect(section.getByRole('link', { name: deck.title, exact: true })).toHaveAttribute(
      'href',
      `/slides/${deck.id}/`,
    );
  }
  const quizzes = page.getByRole('region', { name: 'Quiz' }).getByRole('link');
  await expect(quizzes).toHaveCount(decks.filter((deck) => deck.quiz).length);
  for (const deck of decks.filter((d) => d.quiz)) {
    await expect(quizzes.filter({ hasText: deck.title })).toHaveAttribute('href', `/quiz/${deck.id}/`);
  }
});

test('the home embeds the live demos and says how to start the servers', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Live-Demo: Tracking' }).locator('tracking-demo')).toBeAttached();
  await expect(page.getByRole('region', { name: 'Live-Demo: Task-Server' }).locator('task-demo')).toBeAttached();
  const servers = page.getByRole('region', { name: 'Server starten' });
  for (const command of [
    'npm install && npm start',
    'npm run start:tracking',
    'npm run start:tasks',
    'REDIS_URL=redis://127.0.0.1:6379 npm run worker',
    'HOST=0.0.0.0 npm start',
  ]) {
    await expect(servers.getByText(command, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Präsentationen' }).locator('kbd', { hasText: 'H' })).toBeVisible();
});

test('the skip link is the first stop of the keyboard and leads to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The search field at the top of the content comes first, then the links.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').getByRole('link').first()).toBeFocused();
});

test('the home has the landmarks of a page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Start', exact: true })).toHaveAttribute('aria-current', 'page');
});
