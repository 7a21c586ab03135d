import { expect, test } from '@playwright/test';
import { answerWithKeys, bankOf, expectAccessible, QUIZ, tabTo, title } from './helpers';

test('a whole quiz run with the keyboard only ends with full marks in every topic', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  expect(bank.questions.length).toBeGreaterThanOrEqual(23 + 15 + 1);
  await expectAccessible(page);
  const checked = new Set<string>();

  for (const [i, question] of bank.questions.entries()) {
    await expect(title(page)).toHaveText(`Frage ${i + 1} von ${bank.questions.length}`);
    await answerWithKeys(page, question);
    const verdict = page.locator('.quiz-verdict');
    await expect(verdict).toHaveText(question.kind === 'text' ? 'Selbst bewertet: gewusst.' : 'Richtig!');
    await expect(verdict).toBeFocused();
    await expect(page.getByRole('link', { name: `Zur Folie: „${question.slideTitle}“` })).toBeVisible();
    if (!checked.has(question.kind)) {
      checked.add(question.kind);
      await expectAccessible(page);
    }
    // Enter after the feedback moves on to the next question.
    if (i < bank.questions.length - 1) await page.keyboard.press('Enter');
  }

  await expect(page.locator('.quiz-overview')).toContainText(
    `${bank.questions.length} von ${bank.questions.length} Fragen beantwortet`,
  );
  await expect(page.locator('.quiz-overview-state', { hasText: 'neu' })).toHaveCount(0);
  const results = page.getByRole('button', { name: 'Ergebnis nach Thema' });
  await tabTo(page, results);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ergebnis nach Thema' })).toBeFocused();
  const topics = [...new Set(bank.questions.map((q) => q.topic))];
  await expect(page.locator('.quiz-chart .quiz-chart-bar')).toHaveCount(topics.length);
  for (const topic of topics) {
    await expect(
      page
        .getByRole('row', { name: new RegExp(`^${topic} `) })
        .getByRole('cell')
        .last(),
    ).toHaveText('100 %');
  }
  await expect(page.getByRole('img', { name: /Anteil richtig beantworteter Fragen je Thema/ })).toBeVisible();
  await expectAccessible(page);
});

test('arrows move between questions, digits choose, Enter checks, H shows a hint', async ({ page }) => {
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  await page.keyboard.press('ArrowRight');
  await expect(title(page)).toHaveText(`Frage 2 von ${bank.questions.length}`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(title(page)).toHaveText(`Frage 1 von ${bank.questions.length}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('h');
  await expect(page.locator('.quiz-hint')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.locator('.quiz-verdict')).toHaveCount(0);
  await page.keyboard.press('2');
  await expect(page.locator('.quiz-choice input').nth(1)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.locator('.quiz-verdict')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.locator('.quiz-choice input:checked')).toHaveCount(0);
});
