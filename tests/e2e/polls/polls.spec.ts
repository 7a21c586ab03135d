import AxeBuilder from '@axe-core/playwright';
import { devices, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { waitForViewer } from '../viewer/viewer';

const TOKEN = 'e2e-presenter';
const DECK = '/slides/uebung-1/';

// One deck, one current poll on the server: the tests run one after the other.
test.describe.configure({ mode: 'serial' });

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

/** The presenter on the summary slide, whose poll: names seven questions. */
async function presenter(browser: Browser): Promise<Page> {
  const page = await open(browser, `#zusammenfassung&token=${TOKEN}`);
  await page.keyboard.press('p');
  await expect(page.getByText(/Publikum folgt: Folie \d+/)).toBeVisible();
  return page;
}

function bars(panel: ReturnType<Page['locator']>) {
  return panel.locator('.vs-poll-bar-count');
}

test('presenter and two followers (one a phone): open, vote, change, show, reveal, close, refuse', async ({
  browser,
}) => {
  const lecturer = await presenter(browser);
  const laptop = await open(browser, '?follow');
  const phone = await open(browser, '?follow', true);
  await expect(laptop.locator('.vs-follow-status')).toHaveText('Live – folgt dem Vortrag');
  await expect(phone.locator('.vs-follow-status')).toHaveText('Live – folgt dem Vortrag');

  // A opens the slide's first poll: the ordering of the tracking steps; A again the next one.
  await lecturer.keyboard.press('a');
  const console = lecturer.locator('.vs-poll-console');
  await expect(console.getByRole('heading', { name: 'Abstimmung läuft' })).toBeVisible();
  await expect(console).toContainText('Tracking-Anfrage');
  await expect(console.locator('.vs-poll-voters')).toHaveText('0 Stimmen');
  await lecturer.keyboard.press('Escape');
  await lecturer.locator('body').press('a');
  await expect(console).toContainText('Wann antwortet');

  const sheet = (page: Page) => page.locator('.vs-poll-voter');
  await expect(sheet(laptop)).toContainText('Wann antwortet');
  await expect(sheet(phone)).toContainText('Wann antwortet');
  const choices = sheet(laptop).getByRole('radio');
  const count = await choices.count();
  expect(count).toBeGreaterThan(1);

  // The laptop votes with the keyboard: the first option, then changes to the second.
  await choices.first().focus();
  await laptop.keyboard.press('Space');
  await sheet(laptop).getByRole('button', { name: 'Abstimmen' }).press('Enter');
  await expect(sheet(laptop).getByRole('status')).toContainText('Ihre Stimme ist gespeichert');
  await choices.first().focus();
  await laptop.keyboard.press('ArrowDown');
  await sheet(laptop).getByRole('button', { name: 'Stimme ändern' }).click();
  await expect(sheet(laptop).getByRole('status')).toContainText('Ihre Stimme ist gespeichert');

  // The phone votes the second option by touch.
  await sheet(phone).getByRole('radio').nth(1).tap();
  await sheet(phone).getByRole('button', { name: 'Abstimmen' }).tap();
  await expect(sheet(phone).getByRole('status')).toContainText('Ihre Stimme ist gespeichert');
  const box = await sheet(phone).boundingBox();
  expect(box?.width).toBe(390);

  // Live counts in the presenter view: two votes, both on the second option.
  await expect(console.locator('.vs-poll-voters')).toHaveText('2 Stimmen');
  await expect(bars(console).nth(1)).toHaveText('2');
  await expect(bars(console).nth(0)).toHaveText('0');
  // The followers see no results before they are shown.
  await expect(sheet(laptop).locator('.vs-poll-bars')).toHaveCount(0);

  await phone.screenshot({ path: test.info().outputPath('phone-voted.png') });
  await laptop.screenshot({ path: test.info().outputPath('laptop-voted.png') });

  // A reload keeps the vote.
  await phone.reload();
  await waitForViewer(phone);
  await expect(sheet(phone).getByRole('radio').nth(1)).toBeChecked();
  await expect(sheet(phone).getByRole('status')).toContainText('Ihre Stimme ist gespeichert');

  // Ergebnis zeigen: the same counts on every screen.
  await console.getByRole('button', { name: 'Ergebnis zeigen' }).click();
  for (const page of [laptop, phone]) {
    await expect(sheet(page).locator('.vs-poll-voters')).toHaveText('2 Stimmen');
    await expect(bars(sheet(page)).nth(1)).toHaveText('2');
  }

  // Antwort aufdecken: the bank's answer and the right option marked, on every screen.
  await console.getByRole('button', { name: 'Antwort aufdecken' }).click();
  for (const page of [lecturer, laptop, phone]) {
    await expect(page.locator('.vs-poll-solution')).toContainText('Auflösung');
    await expect(page.locator('.vs-poll-correct')).toHaveCount(1);
  }

  await lecturer.screenshot({ path: test.info().outputPath('presenter.png') });
  await phone.screenshot({ path: test.info().outputPath('phone-revealed.png') });

  // Schließen: voting ends, a late vote is refused with a message.
  await console.getByRole('button', { name: 'Schließen' }).click();
  await expect(console.getByRole('heading', { name: 'Abstimmung geschlossen' })).toBeVisible();
  await expect(sheet(laptop).getByRole('status')).toContainText('Die Abstimmung ist geschlossen');
  await expect(sheet(laptop).getByRole('radio').first()).toBeDisabled();
  const refused = await laptop.evaluate(async () => {
    const { poll } = (await (await fetch('/api/polls/uebung-1')).json()) as { poll: { id: string } };
    const response = await fetch(`/api/polls/uebung-1/${poll.id}/votes/${localStorage.getItem('vs-device')}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer: 'a' }),
    });
    return { status: response.status, message: ((await response.json()) as { message: string }).message };
  });
  expect(refused).toEqual({ status: 409, message: 'Die Abstimmung ist geschlossen: Es zählen keine Stimmen mehr.' });

  // The sheet on the phone passes axe, and its text is readable.
  const axe = await new AxeBuilder({ page: phone }).include('.vs-poll-voter').analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  // Ausblenden: the poll leaves every screen.
  await console.getByRole('button', { name: 'Ausblenden' }).click();
  await expect(sheet(laptop)).toHaveCount(0);
  await expect(sheet(phone)).toHaveCount(0);
  await expect(console).toHaveCount(0);
});

test('the picker opens any question of the bank, and the projector mirrors shown results', async ({ browser }) => {
  const lecturer = await presenter(browser);
  // A slide without poll: opens the picker.
  await lecturer.keyboard.press('Home');
  await lecturer.keyboard.press('a');
  const picker = lecturer.getByRole('dialog', { name: 'Frage für die Abstimmung wählen' });
  await expect(picker).toBeVisible();
  await lecturer.screenshot({ path: test.info().outputPath('picker.png') });
  await picker.getByRole('button', { name: /Welche Angaben speichert/ }).click();
  const console = lecturer.locator('.vs-poll-console');
  await expect(console.getByRole('heading', { name: 'Abstimmung läuft' })).toBeVisible();

  const clonePromise = lecturer.context().waitForEvent('page');
  await lecturer.keyboard.press('c');
  const projector = await clonePromise;
  await waitForViewer(projector);
  const student = await open(browser, '?follow');
  const sheet = student.locator('.vs-poll-voter');
  await sheet.getByRole('checkbox').first().check();
  await sheet.getByRole('button', { name: 'Abstimmen' }).click();
  await expect(sheet.getByRole('status')).toContainText('Ihre Stimme ist gespeichert');
  await expect(console.locator('.vs-poll-voters')).toHaveText('1 Stimme');
  await expect(projector.locator('.vs-poll-projector')).toHaveCount(0);
  await console.getByRole('button', { name: 'Ergebnis zeigen' }).click();
  await expect(projector.locator('.vs-poll-projector .vs-poll-voters')).toHaveText('1 Stimme');
  await projector.screenshot({ path: test.info().outputPath('projector.png') });
  await console.getByRole('button', { name: 'Ausblenden' }).click();
  await expect(projector.locator('.vs-poll-projector')).toHaveCount(0);
});

test('a student asks, two others upvote, and the presenter sees the ranking and shows it to the room and on the projector', async ({
  browser,
}) => {
  const lecturer = await presenter(browser);
  const [projector] = await Promise.all([lecturer.waitForEvent('popup'), lecturer.keyboard.press('c')]);
  await projector.waitForLoadState();
  await waitForViewer(projector);
  const band = projector.locator('.vs-hall-projector');
  const students = [
    await open(browser, '?follow'),
    await open(browser, '?follow'),
    await open(browser, '?follow', true),
  ];
  const [asker, second, phone] = students as [Page, Page, Page];
  const text = `Warum wartet der Server auf den Commit? ${Date.now()}`;
  await asker.getByRole('button', { name: /Frage stellen|Fragen \(/ }).click();
  await asker.getByLabel(/Ihre Frage/).fill(text);
  await asker.getByRole('button', { name: 'Frage senden' }).click();
  await expect(asker.locator('.vs-hall .vs-poll-status')).toHaveText('Ihre Frage ist angekommen.');
  for (const page of [second, phone]) {
    await page.locator('.vs-hall-toggle').click();
    const item = page.locator('.vs-hall-item', { hasText: text });
    await item.getByRole('button', { name: /Frage unterstützen/ }).click();
    await expect(item.getByRole('button', { name: /Frage unterstützen/ })).toHaveAttribute('aria-pressed', 'true');
  }
  const ranked = lecturer.locator('.vs-hall-console .vs-hall-item', { hasText: text });
  await expect(ranked.locator('.vs-hall-votes')).toHaveText('▲ 3');
  await expect(lecturer.locator('.vs-hall-console .vs-hall-item').first()).toContainText(text);
  await phone.screenshot({ path: test.info().outputPath('phone-hall.png') });
  await ranked.getByRole('button', { name: 'Im Saal zeigen' }).click();
  await expect(asker.locator('.vs-hall-item.vs-hall-shown')).toContainText('Wird gerade besprochen');
  await expect(band).toHaveText(`Frage aus dem Saal${text}`);
  await expect(band.getByRole('heading', { name: 'Frage aus dem Saal' })).toBeVisible();
  await lecturer.screenshot({ path: test.info().outputPath('presenter-hall.png') });
  await projector.screenshot({ path: test.info().outputPath('projector-hall.png') });
  // A reloaded projector asks the presenter window again and shows the question again.
  await projector.reload();
  await waitForViewer(projector);
  await expect(band).toContainText(text);
  await ranked.getByRole('button', { name: 'Nicht mehr zeigen' }).click();
  await expect(band).toHaveCount(0);
  await ranked.getByRole('button', { name: 'Im Saal zeigen' }).click();
  await expect(band).toContainText(text);
  await ranked.getByRole('button', { name: 'Beantwortet' }).click();
  await expect(band).toHaveCount(0);
  await expect(lecturer.locator('.vs-hall-console .vs-hall-item', { hasText: text })).toHaveCount(0);
  await expect(asker.locator('.vs-hall-item', { hasText: text })).toHaveCount(0);
});
