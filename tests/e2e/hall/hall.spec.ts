import { expect, test } from '@playwright/test';
import { expectFollowing, expectSame, openPage, slideNumber, taskDemo, TOKEN } from './hall';

// The tests present the same deck, and the server has one follow channel per deck: followers
// of one test would follow the other's presenter. No other test file presents this deck.
test.describe.configure({ mode: 'serial' });

test('presenter, clone and two followers show the same demo: run now, a queued job, a follower reloading mid-job', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const probe = await openPage(browser, '');
  const slide = await slideNumber(probe, 'demo-workers');
  await probe.context().close();

  const presenter = await openPage(browser, `#p${slide}&token=${TOKEN}`);
  await expect(presenter.getByText(`Publikum folgt: Folie ${slide}`)).toBeVisible();
  const [clone] = await Promise.all([presenter.waitForEvent('popup'), presenter.keyboard.press('c')]);
  const laptop = await openPage(browser, '?follow');
  const phone = await openPage(browser, '?follow', { width: 390, height: 844 });
  const driver = taskDemo(presenter);
  const mirrors = [taskDemo(clone), taskDemo(laptop), taskDemo(phone)];
  await expect(driver.locator('.status')).toHaveText(/^Live: verbunden/);
  for (const mirror of mirrors) await expect(mirror).toBeAttached();

  await driver.getByLabel('Zahlen').fill('5 5 5');
  await driver.getByRole('button', { name: 'Jetzt ausführen' }).click();
  await expect(driver.locator('output')).toHaveText('15');
  for (const mirror of mirrors) await expect(mirror.locator('output')).toHaveText('15');
  await expectSame(driver, mirrors);

  await driver.getByLabel('Task', { exact: true }).selectOption('sleep');
  // Long enough to still run after a follower's reload on a loaded machine, short enough not to
  // count as a long job (those wait for a second free thread, which parallel tests may hold).
  await driver.getByLabel('Millisekunden').fill('9000');
  await driver.getByRole('button', { name: 'In die Warteschlange' }).click();
  // Other tests' jobs may hold the threads: the job waits its turn first.
  await expect(driver.locator('.progress-text')).toHaveText(/läuft auf \S+ · \d+ %/, { timeout: 30_000 });
  await expectFollowing(driver, mirrors);

  // A follower that reloads in the middle of the job shows the running job at once.
  await laptop.reload();
  await expect(taskDemo(laptop).locator('.progress-text')).toHaveText(/läuft auf \S+ · \d+ %/);
  await expectFollowing(driver, [taskDemo(laptop)]);

  await expect(driver.locator('output')).toHaveText('{"sleptMs":9000}', { timeout: 60_000 });
  await expectSame(driver, [taskDemo(clone), taskDemo(laptop), taskDemo(phone)]);

  // A follower may try the demo alone, and go back to the lecture's.
  const own = taskDemo(phone);
  await own.getByRole('button', { name: 'Selbst ausprobieren' }).click();
  await expect(own.getByRole('button', { name: 'Jetzt ausführen' })).toBeEnabled();
  await own.getByRole('button', { name: 'Zurück zum Vortrag' }).click();
  await expect(own.locator('output')).toHaveText('{"sleptMs":9000}');
  await expect(own.getByRole('button', { name: 'Jetzt ausführen' })).toBeDisabled();

  for (const [name, page] of [
    ['presenter', presenter],
    ['clone', clone],
    ['phone', phone],
  ] as const) {
    await page.screenshot({ path: test.info().outputPath(`hall-${name}.png`) });
  }
  await presenter.context().close();
  await laptop.context().close();
  await phone.context().close();
});

test('the cloned window draws the presenter window’s demo: run now, queued job, joining late', async ({ browser }) => {
  const presenter = await openPage(browser, `#token=${TOKEN}`);
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
  await expect(driver.locator('.progress-text')).toHaveText(/läuft auf \S+ · \d+ %/, { timeout: 30_000 });
  await expectFollowing(driver, [mirror]);

  // A clone that reloads in the middle of the job gets the state again.
  await clone.reload();
  await expect(taskDemo(clone).locator('.progress-text')).toHaveText(/läuft auf|Fertig/);
  await expect(driver.locator('output')).toHaveText('{"sleptMs":2500}', { timeout: 10_000 });
  await expectSame(driver, [taskDemo(clone)]);
  await presenter.context().close();
});
