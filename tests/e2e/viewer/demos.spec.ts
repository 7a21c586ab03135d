import { expect, test } from '@playwright/test';
import type { Deck } from '../../../src/shared/deck';
import { openDeck } from './viewer';

test.describe('live demo widgets', () => {
  test('a deck with demos loads the widgets, and its demo slide shows a live widget', async ({ page }) => {
    await page.goto('/slides/kapitel-2/');
    const deck = JSON.parse((await page.locator('#deck-data').textContent()) ?? '{}') as Deck;
    const slide = deck.slides.find((candidate) => candidate.demos.length > 0);
    test.skip(!slide, 'kapitel-2 has no demo slide');
    await page.goto(`/slides/kapitel-2/#${(slide?.index ?? 0) + 1}`);
    const name = `${slide?.demos[0]}-demo`;
    await expect.poll(() => page.evaluate((element) => customElements.get(element) !== undefined, name)).toBe(true);
    await expect(page.locator(`.remark-visible ${name}`)).toBeVisible();
  });

  test('a deck without demos does not load them: its page needs its own script and one shared chunk', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await openDeck(page);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => customElements.get('tracking-demo'))).toBeUndefined();
    expect(scripts).toEqual([
      expect.stringMatching(/^\/assets\/deck-page-/),
      expect.stringMatching(/^\/assets\/site-/),
    ]);
  });
});
