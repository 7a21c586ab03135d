import { expect, test } from '@playwright/test';
import { expectFollowing, expectSame, openPage, slideNumber, taskDemo } from './hall';

test('the cloned window draws the presenter window’s demo: run now, queued job, joining late', async ({ browser }) => {
  const presenter = await openPage(browser, '#token=e2e-presenter');
  const slide = await slideNumber(presenter, 'demo-workers');
  await presenter.evaluate((number) => (location.hash = `#${number}`), slide);
  const [clone] = await Promise.all([presenter.waitForEvent('popup'), presenter.keyboard.press('c')]);
  await presenter.keyboard.press('p');
  const driver = taskDemo(presenter);
  const mirror = taskDemo(clone);
  await expect(driver.locator('.status')).toHaveText(/^Live: verbunden/);

  await driver.getByLabel('Zahlen').fill('5 5 5');
  await driver.getByRole('button', { name: 'Jetzt ausführen' }).click();
  await expect(driver.locator('output')).toHaveText('15');
  await expect(mirror.locator('output')).toHaveText('15');
  await expect(mirror.getByLabel('Zahlen')).toHaveValue('5 5 5');
  await expect(mirror.getByRole('button', { name: 'Jetzt ausführen' })).toBeDisabled();
  // The projector shows the lecture, not a control to follow it.
  await expect(presenter.locator('.vs-follow-publish')).toBeVisible();
  await expect(clone.locator('.vs-follow, .vs-follow-publish')).toHaveCount(0);

  await driver.getByLabel('Task', { exact: true }).selectOption('sleep');
  await driver.getByLabel('Millisekunden').fill('2500');
  await driver.getByRole('button', { name: 'In die Warteschlange' }).click();
  await expect(driver.locator('.progress-text')).toHaveText(/läuft auf \S+ · \d+ %/);
  await expectFollowing(driver, [mirror]);

  // A clone that reloads in the middle of the job gets the state again.
  await clone.reload();
  await expect(taskDemo(clone).locator('.progress-text')).toHaveText(/läuft auf|Fertig/);
  await expect(driver.locator('output')).toHaveText('{"sleptMs":2500}', { timeout: 10_000 });
  await expectSame(driver, [taskDemo(clone)]);
});
