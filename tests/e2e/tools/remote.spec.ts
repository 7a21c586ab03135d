import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DECK, expectSlide, waitForViewer } from '../viewer/viewer';

const TOKEN = 'e2e-presenter';

async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((violation) => violation.id);
}

test('a phone with the remote link from the presenter’s QR dialog moves the deck, blacks it out and sees its notes', async ({
  browser,
}) => {
  test.slow();
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const lecturer = await laptop.newPage();
  await lecturer.goto(`${DECK}#p1&token=${TOKEN}`);
  await waitForViewer(lecturer);
  await expect(lecturer.getByText('Publikum folgt: Folie 1')).toBeVisible();

  await lecturer.keyboard.press('g');
  const dialog = lecturer.getByRole('dialog', { name: 'Telefon als Fernbedienung' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'QR-Code des Links' }).locator('path')).toHaveCount(1);
  const link = (await dialog.locator('.vs-remote-url').textContent())!;
  expect(link).toMatch(/\/slides\/anleitung\/\?fernbedienung#token=e2e-presenter$/);
  await lecturer.screenshot({ path: test.info().outputPath('remote-qr.png') });
  expect(await violations(lecturer)).toEqual([]);
  await lecturer.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const pocket = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await pocket.newPage();
  await phone.goto(link);
  // The token leaves the address at once, as in the presenter's browser.
  await expect(phone).toHaveURL(/\?fernbedienung$/);
  await expect(phone.getByRole('status')).toHaveText('Verbunden');
  const now = phone.getByRole('region', { name: 'Aktuelle Folie' });
  await expect(now).toContainText('Folie 1 von 12');
  await expect(phone.getByRole('region', { name: 'Notizen' })).toContainText(
    'Diese Zeilen sind Notizen für Vortragende',
  );
  await expect(phone.getByRole('timer')).toHaveText(/^\d:\d\d:\d\d$/);
  expect(await violations(phone)).toEqual([]);

  await phone.getByRole('button', { name: 'Weiter ›' }).tap();
  await expectSlide(lecturer, 2, 'p');
  await expect(now).toContainText('Folie 2 von 12');
  await expect(phone.getByRole('region', { name: 'Notizen' })).toContainText('Die Nummer, die man tippt');
  await phone.getByRole('button', { name: 'Weiter ›' }).tap();
  await expectSlide(lecturer, 3, 'p');
  await phone.getByRole('button', { name: '‹ Zurück' }).tap();
  await expectSlide(lecturer, 2, 'p');

  await phone.getByRole('button', { name: 'Schwarzbild' }).tap();
  await expect(lecturer.locator('.remark-blackout-mode')).toHaveCount(1);
  await expect(phone.getByRole('button', { name: 'Schwarzbild' })).toHaveAttribute('aria-pressed', 'true');
  await phone.screenshot({ path: test.info().outputPath('remote-phone.png'), fullPage: true });
  await phone.getByRole('button', { name: 'Schwarzbild' }).tap();
  await expect(lecturer.locator('.remark-blackout-mode')).toHaveCount(0);

  // Without the token nobody steers the deck: the server refuses, the presenter stays where it is.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`${DECK}?fernbedienung`);
  await expect(stranger.getByRole('button', { name: 'Weiter ›' })).toBeDisabled();
  const forged = await stranger.evaluate(() =>
    fetch('/api/follow/anleitung/remote', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer geraten' },
      body: JSON.stringify({ command: 'next' }),
    }).then((response) => response.status),
  );
  expect(forged).toBe(403);
  await expectSlide(lecturer, 2, 'p');
  await stranger.context().close();
  await pocket.close();
  await laptop.close();
});
