import { expect, test } from '@playwright/test';
import { bankOf, QUIZ } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('on a phone held upright the question is on the first screen, and no key hints show', async ({ page }) => {
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  const choice = bank.questions.find((question) => question.kind === 'single');
  if (!choice) throw new Error('the bank has a single-choice question');
  await page.goto(`${QUIZ}#${choice.id}`);
  const prompt = page.locator('.quiz-prompt');
  await expect(prompt).toBeVisible();
  const box = await prompt.boundingBox();
  expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThan(844 / 2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  await expect(page.locator('.quiz-choices .quiz-keyhint')).toBeHidden();
  await expect(page.locator('.quiz-key').first()).toBeHidden();

  await expect(page.getByRole('button', { name: 'Fortschritt exportieren' })).toBeHidden();
  await page.getByRole('button', { name: 'Mehr', exact: true }).tap();
  await expect(page.getByRole('button', { name: 'Fortschritt exportieren' })).toBeVisible();
});
