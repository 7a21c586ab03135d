import { devices, expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible } from '../quiz/helpers';
import { pollPath, voteUrl, type PollQuestion, type PollView } from '../../../src/shared/polls';

const TOKEN = 'e2e-presenter';
const DECK = 'uebung-2';
const auth = { authorization: `Bearer ${TOKEN}` };

/** One single-choice poll on the deck, voted by three devices (two of them right), revealed and closed. */
async function runPoll(request: APIRequestContext): Promise<{ view: PollView; right: string; wrong: string }> {
  const listed = await request.get(`${pollPath(DECK)}/questions`);
  expect(listed.status()).toBe(200);
  const { questions } = (await listed.json()) as { questions: PollQuestion[] };
  const question = questions.find((q) => q.kind === 'single');
  if (!question) throw new Error(`${DECK} has a single-choice question`);
  const opened = await request.post(pollPath(DECK), { headers: auth, data: { question: question.id } });
  expect(opened.status()).toBe(201);
  const view = (await opened.json()) as PollView;
  const revealed = await request.post(`${pollPath(DECK)}/${view.id}/reveal`, { headers: auth });
  expect(revealed.status()).toBe(200);
  const right = ((await revealed.json()) as PollView).solution?.correct[0];
  const wrong = view.choices.find((choice) => choice.id !== right)?.id;
  if (!right || !wrong) throw new Error('the question has a right and a wrong choice');
  for (const [device, answer] of [
    ['geraet-results-0001', right],
    ['geraet-results-0002', right],
    ['geraet-results-0003', wrong],
  ]) {
    const voted = await request.put(voteUrl(DECK, view.id, device as string), { data: { answer } });
    expect(voted.ok()).toBe(true);
  }
  for (const action of ['close', 'dismiss'])
    expect((await request.post(`${pollPath(DECK)}/${view.id}/${action}`, { headers: auth })).ok()).toBe(true);
  return { view, right, wrong };
}

test('the lecturer sees each question’s counts as bars with the correct answer, and downloads the CSV', async ({
  browser,
  request,
}) => {
  const { view, right, wrong } = await runPoll(request);

  // Without the token the page says how to give it.
  const stranger = await browser.newPage();
  await stranger.goto(`/abstimmungen.html#${DECK}`);
  await expect(stranger.getByRole('alert')).toContainText('Presenter-Token');
  await stranger.close();

  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/abstimmungen.html#${DECK}&token=${TOKEN}`);
  await expect(page).toHaveURL(new RegExp(`#${DECK}$`));
  const card = page.locator('.vs-results-poll').last();
  await expect(card.locator('.vs-results-meta')).toContainText('Einfachauswahl');
  await expect(card.locator('.vs-results-meta')).toContainText('3 Stimmen');
  const bars = card.locator('.vs-results-bars li');
  await expect(bars).toHaveCount(view.choices.length);
  const rightBar = bars.filter({ has: page.locator('.vs-results-label', { hasText: '✓' }) });
  await expect(rightBar).toHaveCount(1);
  await expect(rightBar.locator('.vs-results-count')).toHaveText('2');
  const wrongIndex = view.choices.findIndex((choice) => choice.id === wrong);
  await expect(bars.nth(wrongIndex).locator('.vs-results-count')).toHaveText('1');
  // The bar of the right answer fills the track; the wrong one half of it.
  const width = (index: number) =>
    bars
      .nth(index)
      .locator('.vs-results-fill')
      .evaluate((fill) => fill.getBoundingClientRect().width);
  const track = await bars
    .nth(wrongIndex)
    .locator('.vs-results-track')
    .evaluate((element) => element.getBoundingClientRect().width);
  expect(await width(view.choices.findIndex((choice) => choice.id === right))).toBeCloseTo(track, 0);
  expect(await width(wrongIndex)).toBeCloseTo(track / 2, 0);
  await expect(card.locator('.vs-results-answer')).toContainText('Richtig:');
  await expect(page.getByRole('heading', { level: 3 })).toContainText(['Vorlesung am']);
  // Readable on a phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/abstimmungen-phone.png', fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Als CSV herunterladen' }).press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toBe(`abstimmungen-${DECK}.csv`);
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(await file.path(), 'utf8');
  expect(csv).toContain('Vorlesung,Beginn,Frage,Art,Antwort,Text,Stimmen,Richtig');
  expect(csv).toContain(`,${right},`);

  // With a wrong token the download and the page are refused with the server's message.
  await page.evaluate(() => localStorage.setItem('vs-presenter-token', 'falsch'));
  await page.getByRole('link', { name: 'Als CSV herunterladen' }).press('Enter');
  await expect(page.locator('.vs-results-head').getByRole('alert')).toHaveText('Falsches Token (PRESENTER_TOKEN).');
  await expect(card.locator('.vs-results-bars li')).toHaveCount(view.choices.length);
  await page.getByLabel('Foliensatz').fill(DECK);
  await page.getByLabel('Foliensatz').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Falsches Token (PRESENTER_TOKEN).');
  await context.close();

  const wide = await browser.newContext();
  const desktop = await wide.newPage();
  await desktop.goto(`/abstimmungen.html#${DECK}&token=${TOKEN}`);
  await expect(desktop.locator('.vs-results-poll').last()).toContainText('3 Stimmen');
  await expectAccessible(desktop);
  await desktop.screenshot({ path: 'test-results/abstimmungen-desktop.png', fullPage: true });
  await wide.close();
});
