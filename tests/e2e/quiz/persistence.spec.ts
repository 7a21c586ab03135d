import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { answerWithKeys, bankOf, expectAccessible, QUIZ, STORE_KEY, tabTo, title } from './helpers';

/** Writes raw data into the quiz's store before the quiz page first loads. */
async function seedStore(page: Page, entries: Record<string, string>): Promise<void> {
  await page.goto('/');
  await page.evaluate((items) => {
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, entries);
}

test('progress, answers and the current question survive a reload', async ({ page }) => {
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  const [first, second] = bank.questions;
  if (first?.kind !== 'text' || second?.kind !== 'single')
    throw new Error('bank starts with a text and a single-choice question');
  await tabTo(page, page.locator('#answer'));
  await page.keyboard.type('Mehrere **Knoten**');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await answerWithKeys(page, second, false);
  await expect(page.locator('.quiz-verdict')).toHaveText('Leider falsch.');
  const chosen = await page.locator('.quiz-choice input:checked').getAttribute('value');

  await page.reload();
  await expect(title(page)).toHaveText(`Frage 2 von ${bank.questions.length}`);
  await expect(page.locator('.quiz-verdict')).toHaveText('Leider falsch.');
  await expect(page.locator('.quiz-choice input:checked')).toHaveAttribute('value', chosen ?? '');
  await expect(page.getByRole('button', { name: 'Falsche wiederholen (1)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Jetzt fällig (0)' })).toBeVisible();
  await expect(page.locator('.quiz-overview-item').nth(1)).toHaveText(/falsch$/);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#answer')).toHaveValue('Mehrere **Knoten**');
  await expect(page.locator('#answer-preview strong')).toHaveText('Knoten');
});

test('a corrupt store is recovered with a notice and a backup, never a blank page', async ({ page }) => {
  await seedStore(page, { [STORE_KEY]: '{"version":1,"questions":{"vs-defini' });
  await page.goto(QUIZ);
  const notice = page.getByRole('status').filter({ hasText: 'beschädigt' });
  await expect(notice).toContainText('Ihr gespeicherter Fortschritt war beschädigt und wurde zurückgesetzt.');
  await expect(title(page)).toHaveText(/^Frage 1 von \d+$/);
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await notice.getByRole('link', { name: 'Sicherung herunterladen' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe('{"version":1,"questions":{"vs-defini');
  expect(await page.evaluate(() => localStorage.getItem('vs-quiz/backup/kapitel-2'))).toBe(
    '{"version":1,"questions":{"vs-defini',
  );

  // The quiz works and stores again; the next visit is quiet.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.reload();
  await expect(page.locator('.quiz-notice')).toHaveCount(0);
  await expect(page.locator('.quiz-overview')).toContainText('1 von');
});

test('a store of an older quiz version is recovered with a notice', async ({ page }) => {
  await seedStore(page, { 'vs-quiz/v0/kapitel-2': '{"answers":{"1":"b"}}' });
  await page.goto(QUIZ);
  await expect(page.getByRole('status')).toContainText('stammt aus einer älteren Version des Quiz');
  await expect(title(page)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('vs-quiz/v0/kapitel-2'))).toBeNull();
});

test('progress exported as a file imports into a fresh browser; a bad file is refused', async ({ page, browser }) => {
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  await page.keyboard.press('ArrowRight');
  const second = bank.questions[1];
  if (!second) throw new Error('bank too small');
  await answerWithKeys(page, second, true);
  const download = page.waitForEvent('download');
  await tabTo(page, page.getByRole('button', { name: 'Fortschritt exportieren' }));
  await page.keyboard.press('Enter');
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/^quiz-kapitel-2-\d{4}-\d{2}-\d{2}\.json$/);

  const fresh = await browser.newPage();
  await fresh.goto(QUIZ);
  await expect(fresh.locator('.quiz-overview')).toContainText(`0 von ${bank.questions.length}`);
  const chooser = fresh.waitForEvent('filechooser');
  await tabTo(fresh, fresh.getByRole('button', { name: 'Fortschritt importieren' }));
  await fresh.keyboard.press('Enter');
  await (await chooser).setFiles(file);
  await expect(fresh.getByRole('status')).toContainText('Fortschritt importiert: 1 beantwortete Frage.');
  await expect(fresh.locator('.quiz-overview-item').nth(1)).toContainText('richtig');

  const refused = fresh.waitForEvent('filechooser');
  await fresh.getByRole('button', { name: 'Fortschritt importieren' }).click();
  await (
    await refused
  ).setFiles({ name: 'fremd.json', mimeType: 'application/json', buffer: Buffer.from('{"hallo": 1}') });
  await expect(fresh.getByRole('alert')).toContainText(
    'Import abgelehnt: Die Datei ist kein exportierter Quiz-Fortschritt.',
  );
  await expect(fresh.locator('.quiz-overview-item').nth(1)).toContainText('richtig');
  await fresh.close();
});

test('a question failed twice asks to read its slide again; the review modes list it', async ({ page }) => {
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  const second = bank.questions[1];
  if (!second) throw new Error('bank too small');
  await page.keyboard.press('ArrowRight');
  await answerWithKeys(page, second, false);
  await page.keyboard.press('r');
  await answerWithKeys(page, second, false);
  const reread = page.locator('.quiz-reread');
  await expect(reread).toContainText('Mehrmals in Folge falsch');
  await expect(reread.getByRole('link', { name: 'Folie noch einmal lesen' })).toHaveAttribute(
    'href',
    `../../slides/kapitel-2/#${second.slide}`,
  );
  await expect(page.locator('.quiz-overview-item').nth(1)).toContainText('Folie noch einmal lesen');

  await page.getByRole('button', { name: 'Falsche wiederholen (1)' }).click();
  await expect(title(page)).toHaveText('Frage 1 von 1');
  await expect(page.locator('.quiz-verdict')).toHaveCount(0);
  await answerWithKeys(page, second, true);
  await expect(page.locator('.quiz-reread')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Falsche wiederholen (0)' })).toBeVisible();
  await page.getByRole('button', { name: 'Falsche wiederholen (0)' }).click();
  await expect(title(page)).toHaveText('Nichts zu wiederholen');
  await expectAccessible(page);
});

test('a wrong answer falls due again after 10 minutes, and the page says so when the time comes', async ({ page }) => {
  await page.clock.install({ time: new Date('2024-10-14T08:00:00Z') });
  await page.goto(QUIZ);
  const bank = await bankOf(page);
  const second = bank.questions[1];
  if (second?.kind !== 'single') throw new Error('the second question is single choice');
  await page.goto(`${QUIZ}#${second.id}`);
  await expect(title(page)).toHaveText(`Frage 2 von ${bank.questions.length}`);
  await answerWithKeys(page, second, false);
  await expect(page.locator('.quiz-verdict')).toHaveText('Leider falsch.');
  await expect(page.getByRole('button', { name: 'Jetzt fällig (0)' })).toBeVisible();
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('button', { name: 'Jetzt fällig (0)' })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('button', { name: 'Jetzt fällig (1)' })).toBeVisible();
  await expect(page.locator('.quiz-overview-item').nth(1)).toContainText('falsch · fällig');
});
