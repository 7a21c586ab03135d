import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { formatDecimal, QUIZ_DATA_ID, type Question, type QuizBank } from '../../../src/shared/quiz';

export const QUIZ = '/quiz/kapitel-2/';
export const STORE_KEY = 'vs-quiz/v1/kapitel-2';

export async function bankOf(page: Page): Promise<QuizBank> {
  return JSON.parse((await page.locator(`#${QUIZ_DATA_ID}`).textContent()) ?? '{}') as QuizBank;
}

export function title(page: Page): Locator {
  return page.locator('#question-title');
}

/** Presses Tab until `target` has focus: reaching a control the way a keyboard user does. */
export async function tabTo(page: Page, target: Locator, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab reached no ${String(target)}`);
}

/** Answers the question on screen with keys only; right or (for choices and ordering) wrong. */
export async function answerWithKeys(
  page: Page,
  question: Question,
  right = true,
  text = 'Meine Antwort',
): Promise<void> {
  if (question.kind === 'text') {
    await tabTo(page, page.locator('#answer'));
    await page.keyboard.type(text);
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press(right ? '1' : '3');
    return;
  }
  if (question.kind === 'number' && question.expected) {
    const { value, tolerance } = question.expected;
    await tabTo(page, page.locator('#answer'));
    await page.keyboard.type(formatDecimal(right ? value : value + 2 * tolerance + 1));
    await page.keyboard.press('Enter');
    return;
  }
  if (question.kind === 'ordering') {
    const wanted = question.choices.map((c) => c.id);
    if (!right) wanted.reverse();
    for (const [target, id] of wanted.entries()) {
      const order = await page
        .locator('.quiz-step')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-choice')));
      let position = order.indexOf(id);
      await page.keyboard.press(String(position + 1));
      for (; position > target; position--) await page.keyboard.press('ArrowUp');
    }
    await page.keyboard.press('Enter');
    return;
  }
  const order = await page
    .locator('.quiz-choice')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-choice')));
  const ticks = question.choices.filter((c) => c.correct === right).map((c) => c.id);
  for (const id of question.kind === 'single' ? ticks.slice(0, 1) : ticks)
    await page.keyboard.press(String(order.indexOf(id) + 1));
  await page.keyboard.press('Enter');
}

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
