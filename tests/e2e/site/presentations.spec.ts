import { expect, test } from '@playwright/test';
import { expectedDecks, type ExpectedDeck } from './decks';

const PAGE = '/praesentationen.html';

/** Lecture chapters, then exercises, then the rest; by number within each. */
function rank(deck: ExpectedDeck): [number, number] {
  const lecture = /^Kapitel\s+(\d+)/.exec(deck.chapter);
  if (lecture) return [0, Number(lecture[1])];
  const exercise = /^Übung\s+(\d+)/.exec(deck.chapter);
  if (exercise) return [1, Number(exercise[1])];
  return [2, 0];
}

test('every deck of slides/ is listed with its chapter, slide count and links', async ({ page }) => {
  const decks = await expectedDecks();
  expect(decks.length).toBeGreaterThan(0);
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Präsentationen');
  await expect(page.locator('.vs-deck')).toHaveCount(decks.length);
  for (const deck of decks) {
    const card = page.locator(`.vs-deck[data-deck="${deck.id}"]`);
    await expect(card.getByRole('heading', { level: 3 })).toHaveText(deck.title);
    await expect(card.getByRole('link', { name: deck.title, exact: true })).toHaveAttribute(
      'href',
      `/slides/${deck.id}/`,
    );
    await expect(card.locator('.vs-deck-meta')).toContainText(`${deck.slides} Folien`);
    if (deck.chapter) await expect(card.locator('.vs-deck-meta')).toContainText(deck.chapter);
    await expect(card.getByRole('link', { name: `Referentenansicht zu „${deck.title}“` })).toHaveAttribute(
      'href',
      `/slides/${deck.id}/#p1`,
    );
    await expect(card.getByRole('link', { name: `Quiz zu „${deck.title}“` })).toHaveCount(deck.quiz ? 1 : 0);
    // The thumbnail shows the title slide's text to the eye only; the title link speaks for it.
    await expect(card.locator('.vs-thumb')).toHaveAttribute('aria-hidden', 'true');
    await expect(card.locator('.vs-thumb-title')).toHaveText(deck.title);
  }
});

test('the decks are ordered: chapters, then exercises, then the rest', async ({ page }) => {
  const decks = new Map((await expectedDecks()).map((deck) => [deck.id, deck]));
  await page.goto(PAGE);
  const shown = (
    await page.locator('.vs-deck').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-deck') ?? ''))
  ).map((id) => rank(decks.get(id)!));
  const sorted = [...shown].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  expect(shown).toEqual(sorted);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    ['Vorlesung', 'Übungen', 'Anleitungen und Weiteres'].filter((_, group) => shown.some(([g]) => g === group)),
  );
});

test('every link of the list leads to a page that works', async ({ page }) => {
  const decks = await expectedDecks();
  await page.goto(PAGE);
  const hrefs = await page
    .locator('.vs-deck-body a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  for (const href of new Set(hrefs.map((h) => h.replace(/#.*$/, '')))) {
    expect((await page.request.get(href)).status(), href).toBe(200);
  }
  const first = decks[0]!;
  await page.getByRole('link', { name: first.title, exact: true }).click();
  await expect(page.locator('.remark-slide-container.remark-visible')).toHaveAttribute(
    'aria-label',
    `Folie 1 von ${first.slides}`,
  );
});

test('the list links back to the course home', async ({ page }) => {
  await page.goto(PAGE);
  await page.getByRole('link', { name: 'Zur Kursseite' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verteilte Systeme');
});

test('a title slide that links to ../../praesentationen.html comes back to the list', async ({ page }) => {
  const decks = await expectedDecks();
  const withLink = decks.find((deck) => deck.titleLinksToList);
  test.skip(!withLink, 'no title slide links to the list');
  await page.goto(`/slides/${withLink!.id}/`);
  await page.locator('.remark-slide-container.remark-visible a[href="../../praesentationen.html"]').click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Präsentationen');
});
