import AxeBuilder from '@axe-core/playwright';
import { devices, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { waitForViewer } from '../viewer/viewer';

const TOKEN = 'e2e-presenter';
const DECK = '/slides/kapitel-3/';

const contexts: BrowserContext[] = [];

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function open(browser: Browser, path: string, phone = false): Promise<Page> {
  const context = await browser.newContext(
    phone ? { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } } : {},
  );
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${DECK}${path}`);
  await waitForViewer(page);
  return page;
}

test('a number poll: typed with a decimal comma, counted per value, the right value marked on reveal', async ({
  browser,
  request,
}) => {
  const lecturer = await open(browser, `#verstaendnisfragen&token=${TOKEN}`);
  await lecturer.keyboard.press('p');
  await expect(lecturer.getByText(/Publikum folgt: Folie \d+/)).toBeVisible();
  const laptop = await open(browser, '?follow');
  const phone = await open(browser, '?follow', true);
  await expect(phone.locator('.vs-follow-status')).toHaveText('Live – folgt dem Vortrag');

  // The lecturer picks the Little's-law question from the list of the deck's questions.
  const opened = await request.post('/api/polls/kapitel-3', {
    headers: { authorization: `Bearer ${TOKEN}` },
    data: { question: 'little-zahl' },
  });
  expect(opened.status()).toBe(201);
  const console = lecturer.locator('.vs-poll-console');
  await expect(console).toContainText('Littles Gesetz');

  const sheet = (page: Page) => page.locator('.vs-poll-voter');
  const field = sheet(phone).getByRole('textbox', { name: 'Ihre Zahl' });
  await expect(field).toHaveAttribute('inputmode', 'decimal');
  await field.fill('drei');
  await sheet(phone).getByRole('button', { name: 'Abstimmen' }).tap();
  await expect(sheet(phone).getByRole('status')).toHaveText('Das ist keine Zahl – schreiben Sie z. B. 3 oder 0,5.');
  await field.fill('30,0');
  await sheet(phone).getByRole('button', { name: 'Abstimmen' }).tap();
  await expect(sheet(phone).getByRole('status')).toContainText('Ihre Stimme ist gespeichert');

  // The laptop forgets to convert milliseconds, with the keyboard only.
  await sheet(laptop).getByRole('textbox', { name: 'Ihre Zahl' }).fill('30000');
  await laptop.keyboard.press('Enter');
  await expect(sheet(laptop).getByRole('status')).toContainText('Ihre Stimme ist gespeichert');

  await expect(console.locator('.vs-poll-voters')).toHaveText('2 Stimmen');
  await expect(console.locator('.vs-poll-bar-label')).toHaveText(['30', '30000']);

  // A reload shows the stored vote in German writing.
  await phone.reload();
  await waitForViewer(phone);
  await expect(sheet(phone).getByRole('textbox', { name: 'Ihre Zahl' })).toHaveValue('30');

  await console.getByRole('button', { name: 'Antwort aufdecken' }).click();
  for (const page of [lecturer, laptop, phone]) {
    await expect(page.locator('.vs-poll-correct')).toHaveCount(1);
    await expect(page.locator('.vs-poll-correct .vs-poll-bar-label')).toHaveText('✓ 30');
  }
  await lecturer.screenshot({ path: test.info().outputPath('presenter-number.png') });
  await phone.screenshot({ path: test.info().outputPath('phone-number.png') });
  const axe = await new AxeBuilder({ page: phone }).include('.vs-poll-voter').analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  await console.getByRole('button', { name: 'Schließen' }).click();
  await console.getByRole('button', { name: 'Ausblenden' }).click();
  await expect(sheet(phone)).toHaveCount(0);
});
