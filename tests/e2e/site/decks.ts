import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { devices, expect, type Page } from '@playwright/test';
import { bankPath, listDeckFiles } from '../../../src/deck/load';
import { courseDecks } from '../../course';
import { MAX_PAGE_SIZE, VISITS_PATH, type VisitPage } from '../../../src/shared/tracking';

export interface ExpectedDeck {
  id: string;
  title: string;
  chapter: string;
  slides: number;
  quiz: boolean;
  /** The title slide has the link `../../praesentationen.html`, as the seed deck does. */
  titleLinksToList: boolean;
}

/** What the pages must list: the decks of `slides/`, compiled here independently of the build. */
export async function expectedDecks(): Promise<ExpectedDeck[]> {
  const banks = new Map(listDeckFiles('slides').map(({ id, path }) => [id, existsSync(bankPath(path))]));
  return (await courseDecks()).map((deck) => ({
    id: deck.id,
    title: deck.title,
    chapter: deck.chapter,
    slides: deck.total,
    quiz: banks.get(deck.id) ?? false,
    titleLinksToList: deck.slides[0]?.html.includes('href="../../praesentationen.html"') ?? false,
  }));
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A user agent of this test run only, so its visits can be told from those of other tests. */
export const BEACON_USER_AGENT = `${devices['Desktop Chrome'].userAgent} vs-e2e/${randomUUID()}`;

/** Opening the page sends its page view to the tracking service, which records it. */
export async function expectVisitRecorded(page: Page, path: string): Promise<void> {
  const beacon = page.waitForRequest(
    (request) => request.method() === 'POST' && new URL(request.url()).pathname === VISITS_PATH,
  );
  await page.goto(path);
  expect(JSON.parse((await beacon).postData() ?? '{}')).toMatchObject({ path });
  await expect
    .poll(async () => {
      const { visits } = (await (await page.request.get(`${VISITS_PATH}?limit=${MAX_PAGE_SIZE}`)).json()) as VisitPage;
      return visits.some((visit) => visit.path === path && visit.userAgent === BEACON_USER_AGENT);
    })
    .toBe(true);
}

export const PHONE = { width: 375, height: 740 };

/** Nothing on the page is wider than the screen (no sideways scrolling on a phone). */
export async function expectNoSidewaysScrolling(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}
