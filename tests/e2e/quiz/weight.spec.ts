import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { bankOf, QUIZ, title } from './helpers';

test('the quiz page is light until a free-text question needs markdown-it, and the scheduler until an answer', async ({
  browser,
}) => {
  const probe = await browser.newPage();
  await probe.goto(QUIZ);
  const bank = await bankOf(probe);
  await probe.close();
  const choice = bank.questions.find((question) => question.kind === 'single');
  const text = bank.questions.find((question) => question.kind === 'text');
  if (!choice || !text) throw new Error('the bank has single-choice and free-text questions');

  const page = await browser.newPage();
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(new URL(response.url()).pathname, gzipSync(await response.body()).length);
  });
  await page.goto(`${QUIZ}#${choice.id}`);
  await expect(title(page)).toContainText('Frage');
  await page.waitForLoadState('networkidle');
  const names = [...scripts.keys()];
  expect(names.some((name) => name.includes('answer-markdown'))).toBe(false);
  expect(names.some((name) => name.includes('fsrs'))).toBe(false);
  const kilobytes = [...scripts.values()].reduce((sum, size) => sum + size, 0) / 1024;
  expect(kilobytes).toBeLessThanOrEqual(15);

  await page.locator('.quiz-choice label').first().click();
  await expect.poll(() => [...scripts.keys()].some((name) => name.includes('fsrs'))).toBe(true);

  await page.goto(`${QUIZ}#${text.id}`);
  await expect.poll(() => [...scripts.keys()].some((name) => name.includes('answer-markdown'))).toBe(true);
  await page.locator('#answer').fill('Ein **Knoten**');
  await expect(page.locator('#answer-preview strong')).toHaveText('Knoten');
});

test('the move buttons of an ordering question say aria-disabled="true" at the ends', async ({ page }) => {
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  const ordering = bank.questions.find((question) => question.kind === 'ordering');
  if (!ordering) throw new Error('the bank has an ordering question');
  await page.goto(`${QUIZ}#${ordering.id}`);
  await expect(page.locator('.quiz-step').first().locator('.quiz-move').first()).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(page.locator('.quiz-step').last().locator('.quiz-move').last()).toHaveAttribute('aria-disabled', 'true');
  await expect(page.locator('.quiz-step').nth(1).locator('.quiz-move').first()).not.toHaveAttribute('aria-disabled');
});
