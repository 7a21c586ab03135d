import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DECK, expectSlide, visibleSlide, waitForViewer } from '../viewer/viewer';

const TOKEN = 'e2e-presenter';
const contexts: BrowserContext[] = [];

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function open(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${DECK}${path}`);
  await waitForViewer(page);
  return page;
}

function lines(page: Page) {
  return visibleSlide(page).locator('.vs-ink polyline');
}

/** The stroke's points, parsed (slide pixels). */
async function points(page: Page): Promise<number[]> {
  const text = await lines(page).first().getAttribute('points');
  return (text ?? '').split(' ').map(Number);
}

/** The presenter at a slide with the projector window open, and a follower. */
async function room(browser: Browser, slide: number): Promise<{ lecturer: Page; clone: Page; student: Page }> {
  const lecturer = await open(browser, `#p${slide}&token=${TOKEN}`);
  await expect(lecturer.getByText(`Publikum folgt: Folie ${slide}`)).toBeVisible();
  const [clone] = await Promise.all([lecturer.waitForEvent('popup'), lecturer.keyboard.press('c')]);
  await expect(visibleSlide(clone)).toHaveAttribute('aria-label', new RegExp(`^Folie ${slide} von `));
  const student = await open(browser, '?follow');
  await expectSlide(student, slide);
  return { lecturer, clone, student };
}

/** Draws a zigzag over the middle of the slide as a mouse would. */
async function draw(page: Page): Promise<void> {
  const box = (await visibleSlide(page).locator('.remark-slide').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(box.x + box.width * (0.3 + step * 0.04), box.y + box.height * (step % 2 ? 0.5 : 0.4), {
      steps: 3,
    });
  }
  await page.mouse.up();
}

test('pen strokes drawn in the presenter view appear on the clone and a follower, late joiners too; clear and undo reach them', async ({
  browser,
}) => {
  // Four windows and a reload: on a loaded machine this takes longer than one page.
  test.slow();
  const { lecturer, clone, student } = await room(browser, 2);

  await lecturer.keyboard.press('d');
  const tools = lecturer.getByRole('toolbar', { name: 'Stift' });
  await expect(tools).toBeVisible();
  await tools.getByRole('button', { name: 'Farbe Blau' }).click();
  await draw(lecturer);
  await expect(lines(lecturer)).toHaveCount(1);
  const drawn = await points(lecturer);
  // In slide pixels: the zigzag spans 30–70 % of the 1280 px wide canvas, whatever the window's size.
  expect(drawn.length).toBeGreaterThan(20);
  expect(Math.min(...drawn.filter((_, i) => i % 2 === 0))).toBeGreaterThan(1280 * 0.25);
  expect(Math.max(...drawn.filter((_, i) => i % 2 === 0))).toBeLessThan(1280 * 0.75);

  for (const page of [clone, student]) {
    await expect(lines(page)).toHaveCount(1);
    await expect(lines(page)).toHaveAttribute('stroke', '#1a5fb4');
    await expect.poll(() => points(page)).toEqual(drawn);
  }
  await lecturer.screenshot({ path: test.info().outputPath('pen-presenter.png') });
  await clone.screenshot({ path: test.info().outputPath('pen-clone.png') });

  // A follower who joins now sees the strokes of the lecturer's slide.
  const late = await open(browser, '?follow');
  await expectSlide(late, 2);
  await expect(lines(late)).toHaveCount(1);
  await late.screenshot({ path: test.info().outputPath('pen-follower.png') });

  // The strokes belong to slide 2: the next slide is clean, and they are back on return.
  await lecturer.keyboard.press('ArrowRight');
  await expectSlide(student, 3);
  await expect(lines(student)).toHaveCount(0);
  await lecturer.keyboard.press('ArrowLeft');
  await expectSlide(student, 2);
  await expect(lines(student)).toHaveCount(1);

  // A reload keeps them for the session.
  await lecturer.reload();
  await waitForViewer(lecturer);
  await expect(lines(lecturer)).toHaveCount(1);

  // Entf clears the slide for everyone, and undo (Ctrl+Z) brings the strokes back.
  await lecturer.keyboard.press('Delete');
  for (const page of [lecturer, clone, student]) await expect(lines(page)).toHaveCount(0);
  await lecturer.keyboard.press('Control+z');
  for (const page of [lecturer, clone, student]) await expect(lines(page)).toHaveCount(1);
});

test('the laser dot follows the presenter’s pointer on clone and follower, and fades when idle', async ({
  browser,
}) => {
  const { lecturer, clone, student } = await room(browser, 1);

  await lecturer.keyboard.press('x');
  const box = (await visibleSlide(lecturer).locator('.remark-slide').boundingBox())!;
  await lecturer.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await lecturer.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.5, { steps: 8 });
  for (const page of [clone, student]) {
    const dot = visibleSlide(page).locator('.vs-laser');
    await expect(dot).toHaveClass(/vs-laser-on/);
    await expect.poll(async () => Number(await dot.getAttribute('cx'))).toBeCloseTo(1280 * 0.75, -1);
    await expect.poll(async () => Number(await dot.getAttribute('cy'))).toBeCloseTo(720 * 0.5, -1);
  }
  await student.screenshot({ path: test.info().outputPath('laser-follower.png') });
  // Idle, the dot fades out everywhere.
  await expect(visibleSlide(student).locator('.vs-laser')).not.toHaveClass(/vs-laser-on/);
  await expect(visibleSlide(clone).locator('.vs-laser')).not.toHaveClass(/vs-laser-on/);
});

test('strokes go into print only when the lecturer ticks "Striche drucken"', async ({ browser }) => {
  const page = await open(browser, '#2');
  await page.keyboard.press('d');
  await draw(page);
  await expect(lines(page)).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page }).include('.vs-ink-tools').analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);
  await page.keyboard.press('ArrowRight');
  await page.emulateMedia({ media: 'print' });
  const slideTwo = page.locator('.remark-slide-container').nth(1);

  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(slideTwo.locator('.vs-ink polyline')).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('checkbox', { name: 'Striche drucken' }).check();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(slideTwo.locator('.vs-ink polyline')).toHaveCount(1);
  await expect(page.getByRole('toolbar', { name: 'Stift' })).toBeHidden();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(slideTwo.locator('.vs-ink polyline')).toHaveCount(0);
});
