import { expect, test } from '@playwright/test';
import { POLL_REVIEWS_KEY, type PollReview } from '../../../src/shared/polls';
import { bankOf, QUIZ, STORE_KEY, title } from './helpers';

test('answers from the lecture become reviews on the quiz page, once', async ({ page }) => {
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  const [, second, third] = bank.questions;
  if (!second || !third) throw new Error('bank has at least three questions');
  await expect(page.getByRole('button', { name: 'Jetzt fällig (0)' })).toBeVisible();

  const hourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  const otherDeck: PollReview = { deck: 'kapitel-3', question: 'x', right: true, at: hourAgo, poll: 'p9' };
  expect(POLL_REVIEWS_KEY).toBe('vs-poll-reviews');
  const reviews: PollReview[] = [
    // Wrong an hour ago: its learning step of 10 minutes is over, so it is due now.
    { deck: bank.deckId, question: second.id, right: false, at: hourAgo, poll: 'p1' },
    // Right: due in days, not today.
    { deck: bank.deckId, question: third.id, right: true, at: hourAgo, poll: 'p2' },
    otherDeck,
  ];
  await page.evaluate((value) => localStorage.setItem('vs-poll-reviews', value), JSON.stringify(reviews));
  await page.reload();

  await expect(page.getByRole('status').filter({ hasText: 'Vorlesung' })).toHaveText(
    /2 Antworten aus der Vorlesung wurden in Ihren Wiederholungsplan übernommen\./,
  );
  await expect(page.getByRole('button', { name: 'Jetzt fällig (1)' })).toBeVisible();
  await page.screenshot({ path: 'test-results/quiz-poll-reviews.png' });
  await expect(page.getByRole('button', { name: 'Falsche wiederholen (1)' })).toBeVisible();
  await expect(page.locator('.quiz-overview-item').nth(1)).toHaveText(/falsch · fällig$/);
  await expect(page.locator('.quiz-overview-item').nth(2)).toHaveText(/richtig$/);
  expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), POLL_REVIEWS_KEY)) ?? 'null')).toEqual([
    otherDeck,
  ]);

  await page.getByRole('button', { name: 'Jetzt fällig (1)' }).click();
  await expect(page).toHaveURL(new RegExp(`#${second.id}$`));

  // Seen again (another reveal of the same polls stored later): nothing is counted twice.
  await page.evaluate((value) => localStorage.setItem('vs-poll-reviews', value), JSON.stringify(reviews));
  await page.reload();
  await expect(title(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Jetzt fällig (1)' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Vorlesung' })).toHaveCount(0);
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORE_KEY)) ?? '{}') as {
    questions: Record<string, { attempts: unknown[] }>;
  };
  expect(stored.questions[second.id]?.attempts).toHaveLength(1);
  expect(stored.questions[third.id]?.attempts).toHaveLength(1);
});
