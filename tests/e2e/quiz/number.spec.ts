import { expect, test } from '@playwright/test';
import { answerWithKeys, bankOf, expectAccessible, tabTo } from './helpers';

test('a number question on a phone: decimal keys, a German comma, a wrong value, then the right one', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/quiz/kapitel-3/#verfuegbarkeit-replikate');
  const field = page.getByRole('textbox', { name: 'Ihre Antwort (eine Zahl)' });
  await expect(field).toHaveAttribute('inputmode', 'decimal');
  await expect(page.locator('.quiz-number-unit')).toHaveText('%');
  await expect(field).toBeInViewport();

  await field.fill('neun');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#answer-help')).toHaveText('Das ist keine Zahl – schreiben Sie z. B. 3 oder 0,5.');
  await field.press('Enter');
  await expect(page.locator('.quiz-verdict')).toHaveCount(0);

  await field.fill('99,99');
  await field.press('Enter');
  await expect(page.locator('.quiz-verdict')).toHaveText('Leider falsch.');
  await expect(page.locator('.quiz-number')).toContainText('Richtig ist: 99,9999 ± 0,00005 %');
  await page.getByRole('button', { name: 'Noch einmal beantworten' }).tap();
  await field.fill('99,9999');
  await field.press('Enter');
  await expect(page.locator('.quiz-verdict')).toHaveText('Richtig!');
  await expect(page.locator('.quiz-number')).toContainText('Ihre Antwort: 99,9999 %');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('phone-number.png'), fullPage: true });
  await context.close();
});

test('every number question of chapter 3 is right with its value and wrong outside its tolerance, by keys', async ({
  page,
}) => {
  await page.goto('/quiz/kapitel-3/');
  const numbers = (await bankOf(page)).questions.filter((question) => question.kind === 'number');
  expect(numbers.length).toBeGreaterThanOrEqual(2);
  for (const question of numbers) {
    await page.goto(`/quiz/kapitel-3/#${question.id}`);
    await answerWithKeys(page, question, false);
    await expect(page.locator('.quiz-verdict')).toHaveText('Leider falsch.');
    await tabTo(page, page.getByRole('button', { name: /Noch einmal beantworten/ }));
    await page.keyboard.press('Enter');
    await answerWithKeys(page, question);
    await expect(page.locator('.quiz-verdict')).toHaveText('Richtig!');
  }
});
