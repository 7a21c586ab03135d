import { test, type Page } from '@playwright/test';
import { expectSlide, openDeck } from './viewer';

test.describe('touch', () => {
  test.use({ hasTouch: true, viewport: { width: 800, height: 450 } });

  async function swipe(page: Page, fromX: number, toX: number, y = 220): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] });
    for (let step = 1; step <= 5; step++) {
      const x = fromX + ((toX - fromX) * step) / 5;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  test('a swipe to the left shows the next slide, to the right the previous one', async ({ page }) => {
    await openDeck(page, '#2');
    await swipe(page, 600, 200);
    await expectSlide(page, 3);
    await swipe(page, 150, 650);
    await swipe(page, 150, 650);
    await expectSlide(page, 1);
  });

  test('a tap on the right half goes forward, on the left half back', async ({ page }) => {
    await openDeck(page, '#2');
    await page.touchscreen.tap(700, 200);
    await expectSlide(page, 3);
    await page.touchscreen.tap(100, 200);
    await expectSlide(page, 2);
  });

  test('a tap on a link follows the link instead', async ({ page }) => {
    await openDeck(page, '#12');
    await page.getByRole('link', { name: 'Zurück zum Anfang' }).tap();
    await expectSlide(page, 1);
  });
});

test.describe('mouse wheel and trackpad', () => {
  test('one notch moves one slide; turning the wheel back moves back at once', async ({ page }) => {
    await openDeck(page, '#2');
    await page.mouse.move(640, 360);
    await page.mouse.wheel(0, 100);
    await expectSlide(page, 3);
    await page.mouse.wheel(0, -100);
    await expectSlide(page, 2);
  });

  test('a trackpad swipe with its inertia tail moves exactly one slide', async ({ page }) => {
    await openDeck(page, '#2');
    await page.mouse.move(640, 360);
    // 40 wheel events, 16 ms apart, with decaying deltas: what a two-finger swipe sends. Their
    // time stamps are set, so a busy machine cannot stretch the tail into a second gesture.
    await page.evaluate(() => {
      const area = document.querySelector('.remark-slides-area') as HTMLElement;
      const start = performance.now();
      for (let i = 0; i < 40; i++) {
        const event = new WheelEvent('wheel', { deltaY: 80 * 0.92 ** i + 1, bubbles: true });
        Object.defineProperty(event, 'timeStamp', { value: start + i * 16 });
        area.dispatchEvent(event);
      }
    });
    await expectSlide(page, 3);
  });
});
