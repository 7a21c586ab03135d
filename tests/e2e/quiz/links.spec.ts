import { expect, test } from '@playwright/test';
import { encodeProgress } from '../../../src/quiz/codec';
import * as scheduler from '../../../src/quiz/fsrs';
import { emptyProgress, recordAttempt, type Answer } from '../../../src/quiz/progress';
import { VISITS_PATH } from '../../../src/shared/tracking';
import { bankOf, QUIZ, STORE_KEY, title } from './helpers';

test('every question links to a slide that exists in the deck', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  // Every question answered right once, so each shows its feedback with the "Zur Folie" link.
  const progress = emptyProgress(bank.deckId);
  const now = new Date();
  for (const question of bank.questions) {
    const ids = question.choices.filter((c) => c.correct).map((c) => c.id);
    const answer: Answer =
      question.kind === 'text'
        ? { kind: 'text', text: 'x' }
        : question.kind === 'ordering'
          ? { kind: 'ordering', order: ids }
          : { kind: 'choice', selected: ids };
    progress.questions[question.id] = recordAttempt(
      scheduler,
      undefined,
      { at: now.toISOString(), outcome: 'right', hints: 0, answer },
      now,
    );
  }
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    STORE_KEY,
    JSON.stringify(encodeProgress(progress)),
  ] as const);
  await page.reload();

  const slides = new Set<string>();
  for (const question of bank.questions) {
    await page.goto(`${QUIZ}#${question.id}`);
    const link = page.locator('.quiz-slide-link a');
    await expect(link).toHaveAttribute('href', `../../slides/${bank.deckId}/#${question.slide}`);
    slides.add(new URL((await link.getAttribute('href')) ?? '', page.url()).href);
  }
  for (const url of slides) {
    await page.goto(url);
    await expect(page.locator(`#slide-${new URL(url).hash.slice(1)}`), url).toBeVisible();
  }
});

test('the deck opens the quiz from its comprehension questions, the quiz opens the deck', async ({ page }) => {
  await page.goto('/slides/kapitel-2/#verstaendnisfragen');
  const slide = page.locator('#slide-verstaendnisfragen');
  await expect(slide).toBeVisible();
  await slide.getByRole('link', { name: 'Zum Quiz' }).click();
  await expect(page).toHaveURL(/\/quiz\/kapitel-2\/(#.*)?$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Quiz');
  await page.getByRole('link', { name: 'Zum Foliensatz' }).click();
  await expect(page).toHaveURL(/\/slides\/kapitel-2\/(#.*)?$/);
  await expect(page.locator('.remark-slide-content').first()).toBeVisible();
});

test('a deep link opens its question', async ({ page }) => {
  await page.goto(`${QUIZ}#reverse-proxy-reihenfolge`);
  const bank = await bankOf(page);
  const position = bank.questions.findIndex((q) => q.id === 'reverse-proxy-reihenfolge') + 1;
  await expect(title(page)).toHaveText(`Frage ${position} von ${bank.questions.length}`);
  await expect(page.locator('.quiz-meta')).toContainText('Reihenfolge');
  await expect(page.locator('.quiz-step')).toHaveCount(4);
});

test('the quiz page sends the page-view beacon', async ({ page }) => {
  const beacon = page.waitForRequest(
    (request) => request.method() === 'POST' && new URL(request.url()).pathname === VISITS_PATH,
  );
  await page.goto(QUIZ);
  expect(JSON.parse((await beacon).postData() ?? '{}')).toMatchObject({ path: QUIZ });
});
