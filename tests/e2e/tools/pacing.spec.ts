import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { visibleSlide, waitForViewer } from '../viewer/viewer';

test('pacing: the chapter’s 90-minute plan against the timer, on a fixed clock', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const start = new Date('2026-12-03T10:15:00+01:00').getTime();
  await page.clock.install({ time: start });
  await page.goto('/slides/kapitel-2/#p1');
  await waitForViewer(page);
  // From here on the clock moves only when the test moves it.
  await page.clock.pauseAt(start + 60_000);
  const pace = page.locator('.vs-pace');
  await expect(pace).toHaveText('Soll 0:01:00 von 1:30:00 · im Plan');

  // The timer starts with the first move; title, contents and goals share the first 3 minutes.
  await page.keyboard.press('ArrowRight');
  await expect(visibleSlide(page)).toHaveAttribute('aria-label', /^Folie 2 von /);
  await page.clock.fastForward('20:00');
  await expect(pace).toHaveText('Soll 0:02:00 von 1:30:00 · 18 min hinter dem Plan');
  await expect(pace).toHaveAttribute('data-state', 'behind');
  await page.screenshot({ path: test.info().outputPath('pacing-behind.png') });

  // The sources are planned for after the 90 minutes.
  await page.keyboard.press('End');
  await expect(pace).toHaveText('Soll 1:30:00 von 1:30:00 · 70 min vor dem Plan');
  await expect(pace).toHaveAttribute('data-state', 'ahead');
  // axe waits on timers of its own.
  await page.clock.resume();
  const { violations } = await new AxeBuilder({ page }).include('.remark-notes-area').analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);
});

test('a deck that plans no time shows no pacing line', async ({ page }) => {
  await page.goto('/slides/uebung-1/#p2');
  await waitForViewer(page);
  await expect(page.locator('.remark-toolbar')).toBeVisible();
  await expect(page.locator('.vs-pace')).toBeHidden();
});
