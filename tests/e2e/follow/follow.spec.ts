import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DECK, expectSlide, nonBlackPixels, waitForViewer } from '../viewer/viewer';

const TOKEN = 'e2e-presenter';
const LIVE = 'Live – folgt dem Vortrag';

// All tests share the server's one channel of this deck.
test.describe.configure({ mode: 'serial' });

/** Windows of one test; closed after it, so that no presenter of an earlier test publishes on. */
const contexts: BrowserContext[] = [];

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function open(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${DECK}${path}`);
  await waitForViewer(page);
  return page;
}

async function presenter(browser: Browser, slide = 1): Promise<Page> {
  const page = await open(browser, `#p${slide}&token=${TOKEN}`);
  await expect(page.getByText(`Publikum folgt: Folie ${slide}`)).toBeVisible();
  return page;
}

function status(page: Page) {
  return page.locator('.vs-follow-status');
}

test('two followers move with the presenter; a follower without the token cannot move them', async ({ browser }) => {
  const lecturer = await presenter(browser);
  const first = await open(browser, '?follow');
  const second = await open(browser, '?follow');
  await expect(status(first)).toHaveText(LIVE);
  await expect(status(second)).toHaveText(LIVE);
  expect(lecturer.url()).not.toContain(TOKEN);

  await lecturer.keyboard.press('ArrowRight');
  await lecturer.keyboard.press('ArrowRight');
  await expectSlide(first, 3);
  await expectSlide(second, 3);

  const forged = await first.evaluate(async () => {
    const post = (headers: Record<string, string>) =>
      fetch('/api/follow/anleitung', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ index: 10 }),
      }).then((response) => response.status);
    return [await post({}), await post({ authorization: 'Bearer geraten' })];
  });
  expect(forged).toEqual([401, 403]);
  await lecturer.keyboard.press('ArrowRight');
  await expectSlide(second, 4);
  await expectSlide(first, 4);
  await expect(lecturer.getByText('Publikum folgt: Folie 4')).toBeVisible();
});

test('a follower that steps away pauses, and "Zurück zu live" brings it back', async ({ browser }) => {
  const lecturer = await presenter(browser, 2);
  const student = await open(browser, '?follow');
  await expectSlide(student, 2);
  await student.keyboard.press('ArrowRight');
  await student.keyboard.press('ArrowRight');
  await expectSlide(student, 4);
  const back = student.getByRole('button', { name: 'Zurück zu live' });
  await expect(back).toBeVisible();
  await expect(status(student)).toContainText('Pausiert');

  await lecturer.keyboard.press('ArrowRight');
  await expect(lecturer.getByText('Publikum folgt: Folie 3')).toBeVisible();
  await expectSlide(student, 4);
  await back.focus();
  await student.keyboard.press('Enter');
  await expectSlide(student, 3);
  await expect(status(student)).toHaveText(LIVE);
  await expect(back).toBeHidden();
  await lecturer.keyboard.press('ArrowRight');
  await expectSlide(student, 4);
});

test('the "Folgen" button turns following on and off, without axe violations', async ({ browser }) => {
  const lecturer = await presenter(browser, 5);
  const student = await open(browser, '#1');
  const { violations: before } = await new AxeBuilder({ page: student }).analyze();
  expect(before.map((violation) => violation.id)).toEqual([]);
  await student.getByRole('button', { name: 'Folgen' }).click();
  await expectSlide(student, 5);
  await expect(status(student)).toHaveText(LIVE);
  const { violations } = await new AxeBuilder({ page: student }).analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);

  await student.getByRole('button', { name: 'Folgen beenden' }).click();
  await expect(status(student)).toBeHidden();
  await lecturer.keyboard.press('ArrowRight');
  await expect(lecturer.getByText('Publikum folgt: Folie 6')).toBeVisible();
  await expectSlide(student, 5);
});

test('after a network drop the follower reconnects and jumps to the current slide', async ({ browser }) => {
  const lecturer = await presenter(browser, 1);
  const student = await open(browser, '?follow');
  await expect(status(student)).toHaveText(LIVE);
  // Chromium's offline emulation leaves open streams alone: refuse new ones, then cut the open one.
  await student.route('**/api/follow/*/events', (route) => route.abort('internetdisconnected'));
  await student.evaluate(() => window.stop());
  await expect(status(student)).toContainText('Verbindung unterbrochen');
  await lecturer.keyboard.press('End');
  await expect(lecturer.getByText('Publikum folgt: Folie 12')).toBeVisible();
  await student.unrouteAll();
  await expectSlide(student, 12);
  await expect(status(student)).toHaveText(LIVE);
});

test('the lecturer’s blackout reaches followers, late joiners too, and ends with the lecturer’s', async ({
  browser,
}) => {
  const lecturer = await presenter(browser, 4);
  const laptop = await open(browser, '?follow');
  await expect(status(laptop)).toHaveText(LIVE);
  await lecturer.keyboard.press('b');
  await expect(lecturer.getByText('Publikum folgt: Folie 4 · Schwarzbild')).toBeVisible();
  const hint = 'Der Vortrag ist kurz pausiert';
  await expect(laptop.getByRole('status').filter({ hasText: hint })).toBeVisible();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  contexts.push(context);
  const phone = await context.newPage();
  await phone.goto(`${DECK}?follow`);
  await waitForViewer(phone);
  await expect(phone.getByText(hint)).toBeVisible();
  for (const [name, page] of [
    ['Laptop', laptop],
    ['Telefon', phone],
  ] as const) {
    const { width, height } = page.viewportSize()!;
    // Everything but the line of the hint at the bottom is black.
    const above = await page.screenshot({ clip: { x: 0, y: 0, width, height: height - 120 } });
    expect(await nonBlackPixels(page, above), `${name}: Pixel, die nicht schwarz sind`).toBe(0);
    await page.screenshot({ path: test.info().outputPath(`blackout-${name}.png`) });
  }

  // A move key first ends the blackout (the room sees the slide before it changes).
  await lecturer.keyboard.press('ArrowRight');
  await expect(lecturer.getByText('Publikum folgt: Folie 4', { exact: true })).toBeVisible();
  for (const page of [laptop, phone]) await expect(page.getByText(hint)).toBeHidden();
  await expectSlide(laptop, 4);
  await lecturer.keyboard.press('ArrowRight');
  await expectSlide(laptop, 5);
});

test('the follow bar leaves the slide number free', async ({ browser }) => {
  const page = await open(browser, '#2');
  const bar = await page.locator('.vs-follow').boundingBox();
  const number = await page.locator('.remark-visible .remark-slide-number').boundingBox();
  expect(bar && number).toBeTruthy();
  const apart =
    bar!.x + bar!.width <= number!.x ||
    number!.x + number!.width <= bar!.x ||
    bar!.y + bar!.height <= number!.y ||
    number!.y + number!.height <= bar!.y;
  expect(apart).toBe(true);
  await page.context().close();
});

test('the presenter token comes in the URL fragment: stored, removed from the address, never sent', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen: string[] = [];
  page.on('request', (request) => seen.push(request.url(), request.headers().referer ?? ''));
  await page.goto(`${DECK}#p3&token=${TOKEN}`);
  await waitForViewer(page);
  await expect(page.getByText('Publikum folgt: Folie 3')).toBeVisible();
  await expectSlide(page, 3, 'p');
  expect(page.url()).not.toContain('token');
  await page.reload();
  await waitForViewer(page);
  await expect(page.getByText('Publikum folgt: Folie 3')).toBeVisible();
  expect(seen.filter((text) => text.includes(TOKEN))).toEqual([]);
  await context.close();
});

test('"Folgen" is offered only while a presenter is live for the deck', async ({ browser, request }) => {
  const context = await browser.newContext();
  const student = await context.newPage();
  await student.goto('/slides/uebung-2/');
  await waitForViewer(student);
  const follow = student.getByRole('button', { name: 'Folgen' });
  // Nobody presents uebung-2: a student at home sees no "Folgen", on any slide.
  await student.waitForResponse((response) => response.url().endsWith('/api/follow/uebung-2'));
  await expect(follow).toBeHidden();
  await student.keyboard.press('ArrowRight');
  await expect(follow).toBeHidden();

  const published = await request.post('/api/follow/uebung-2', {
    headers: { authorization: `Bearer ${TOKEN}` },
    data: { index: 1 },
  });
  expect(published.ok()).toBe(true);
  await student.reload();
  await waitForViewer(student);
  await follow.click();
  await expect(status(student)).toHaveText(LIVE);
  await expect(student.locator('.remark-visible')).toHaveAttribute('aria-label', /^Folie 2 von/);
  await context.close();
});
