import { expect, test, type Locator } from '@playwright/test';
import { DECK, waitForViewer } from './viewer';

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('nicht zu sehen');
  return found;
}

function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const width of [1280, 1440]) {
  test(`presenter view at ${width} px with A+ twice: one toolbar line, the publish badge clear of the preview`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${DECK}#p12&token=e2e-presenter`);
    await waitForViewer(page);
    const badge = page.locator('.vs-follow-publish');
    await expect(badge).toHaveText('Publikum folgt: Folie 12');
    const larger = page.getByRole('button', { name: 'Notizen größer' });
    await larger.click();
    await larger.click();
    await expect(page.locator('.remark-notes')).toHaveCSS('font-size', '26px');

    const toolbar = page.locator('.remark-toolbar');
    const items = toolbar.locator(':scope > *');
    const middles: number[] = [];
    for (const item of await items.all()) {
      const { y, height } = await box(item);
      middles.push(y + height / 2);
    }
    expect(Math.max(...middles) - Math.min(...middles), 'alles in einer Zeile').toBeLessThan(4);
    const bar = await box(toolbar);
    for (const item of await items.all()) {
      const { x, width: w } = await box(item);
      expect(x + w, 'innerhalb der Werkzeugleiste').toBeLessThanOrEqual(bar.x + bar.width + 0.5);
    }

    const preview = await box(page.getByRole('region', { name: 'Nächste Folie' }));
    const notes = await box(page.getByRole('region', { name: 'Notizen' }));
    const badgeBox = await box(badge);
    expect(overlap(badgeBox, preview), 'Abzeichen über der Vorschau').toBe(false);
    expect(overlap(badgeBox, notes), 'Abzeichen über den Notizen').toBe(false);
    expect(badgeBox.y + badgeBox.height).toBeLessThanOrEqual(800);
    await page.screenshot({ path: `test-results/presenter-${width}.png` });
  });
}
