import { expect, test } from '@playwright/test';
import { QUIZ, tabTo } from './helpers';

const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '[klick](javascript:window.__pwned=%22link%22)',
].join('\n\n');

test('HTML typed as an answer is shown as text and never runs, also after a reload', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(QUIZ);
  await tabTo(page, page.locator('#answer'));
  await page.keyboard.insertText(HOSTILE);
  const preview = page.locator('#answer-preview');
  await expect(preview).toContainText('<script>window.__pwned = "script"</script>');
  await expect(preview).toContainText('<img src="x" onerror=');
  for (const selector of ['script', 'img', 'a[href^="javascript"]'])
    await expect(preview.locator(selector)).toHaveCount(0);

  await page.keyboard.press('Control+Enter');
  const own = page.locator('section[aria-labelledby="own-title"]');
  await expect(own).toContainText('<img src="x" onerror=');
  await page.keyboard.press('3');
  await page.reload();
  await expect(page.locator('.quiz-verdict')).toHaveText('Selbst bewertet: nicht gewusst.');
  await expect(own).toContainText('<script>');
  for (const selector of ['script', 'img', 'a[href^="javascript"]']) await expect(own.locator(selector)).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
