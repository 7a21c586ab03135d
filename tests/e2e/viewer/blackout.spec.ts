import { expect, test, type Page } from '@playwright/test';
import { DECK, expectSlide, nonBlackPixels, openDeck, visibleSlide, waitForViewer } from './viewer';

async function openClone(presenter: Page): Promise<Page> {
  const [clone] = await Promise.all([presenter.waitForEvent('popup'), presenter.keyboard.press('c')]);
  await expect(visibleSlide(clone)).toHaveCount(1);
  return clone;
}

async function expectBlack(page: Page, png: Buffer, what: string): Promise<void> {
  expect(await nonBlackPixels(page, png), `${what}: Pixel, die nicht schwarz sind`).toBe(0);
}

/** A screenshot of the whole pixels inside an element (its box may end on a fraction of a pixel). */
async function insideOf(page: Page, selector: string): Promise<Buffer> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} ist nicht zu sehen`);
  const x = Math.ceil(box.x);
  const y = Math.ceil(box.y);
  const clip = { x, y, width: Math.floor(box.x + box.width) - x, height: Math.floor(box.y + box.height) - y };
  return page.screenshot({ clip });
}

test.describe('blackout', () => {
  test('the clone window and the presenter’s audience preview are entirely black; a move ends the blackout first', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDeck(page, '#2');
    const clone = await openClone(page);
    // A letterboxed projector window: the slide does not fill it.
    await clone.setViewportSize({ width: 1200, height: 900 });
    await page.keyboard.press('p');
    await expect(page.locator('.remark-notes-area')).toBeVisible();

    await page.keyboard.press('b');
    await expect(clone.locator('.remark-container')).toHaveClass(/remark-blackout-mode/);
    await expectBlack(clone, await clone.screenshot(), 'Beamer-Fenster');
    await expectBlack(page, await insideOf(page, '.remark-slides-area'), 'Referentenansicht, aktuelle Folie');
    await expect(page.locator('.remark-notes-area')).toBeVisible();

    await page.keyboard.press('ArrowRight');
    await expect(clone.locator('.remark-container')).not.toHaveClass(/remark-blackout-mode/);
    await expectSlide(clone, 2);
    await expectSlide(page, 2, 'p');
    expect(await nonBlackPixels(clone, await clone.screenshot())).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    await expectSlide(clone, 3);
  });

  test('a student’s window in blackout is entirely black: no follow button, nothing in the letterbox', async ({
    browser,
    request,
  }) => {
    // "Folgen" shows only while a presenter is live for the deck.
    const published = await request.post('/api/follow/anleitung', {
      headers: { authorization: 'Bearer e2e-presenter' },
      data: { index: 2 },
    });
    expect(published.ok()).toBe(true);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const student = await context.newPage();
    await student.goto(`${DECK}?follow#3`);
    await waitForViewer(student);
    await expect(student.locator('.vs-follow')).toBeVisible();
    await student.keyboard.press('b');
    await expectBlack(student, await student.screenshot(), 'Studierende');
    await student.keyboard.press('Escape');
    await expect(student.locator('.vs-follow')).toBeVisible();
    await context.close();
  });
});
