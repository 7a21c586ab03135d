import { expect, test } from '@playwright/test';
import { openDeck } from './viewer';

/**
 * The next slide is painted in the frame of the key press: in the first animation frame after
 * the keydown, its region is visible (visibility, opacity, a box inside the viewport).
 */
test('→ shows the next slide in the frame of the key press', async ({ page }) => {
  await openDeck(page, '#6');
  for (let step = 0; step < 4; step++) {
    const seen = await page.evaluate(
      () =>
        new Promise<{ label: string | null; visible: boolean }>((resolve) => {
          addEventListener(
            'keydown',
            () =>
              requestAnimationFrame(() => {
                const region = document.querySelector('.remark-slides-area > .remark-visible');
                const title = region?.querySelector('h1, h2, h3, p');
                const box = title?.getBoundingClientRect();
                resolve({
                  label: region?.getAttribute('aria-label') ?? null,
                  visible:
                    !!title &&
                    title.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
                    !!box &&
                    box.width > 0 &&
                    box.height > 0 &&
                    box.bottom > 0 &&
                    box.top < innerHeight,
                });
              }),
            { once: true },
          );
          document.body.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', bubbles: true }),
          );
        }),
    );
    expect(seen).toEqual({ label: `Folie ${7 + step} von 12`, visible: true });
  }
});
