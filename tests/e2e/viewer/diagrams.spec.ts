import { expect, test, type Page } from '@playwright/test';
import { BROKEN_DIAGRAM_SLIDE, DIAGRAM_SLIDE, expectSlide, openDeck, visibleSlide } from './viewer';

function mermaidRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/mermaid|flowchart/i.test(request.url())) urls.push(request.url());
  });
  return urls;
}

test.describe('mermaid diagrams', () => {
  test('mermaid is not requested before a diagram slide is near, and draws when it is', async ({ page }) => {
    const requests = mermaidRequests(page);
    await openDeck(page, '#1');
    for (let position = 2; position < DIAGRAM_SLIDE - 1; position++) {
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, position);
    }
    // Wait until the page is idle, so that a stray early download would have shown up.
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, DIAGRAM_SLIDE);
    const diagram = visibleSlide(page).locator('.vs-diagram svg');
    await expect(diagram).toBeVisible();
    await expect(diagram).toContainText('Tracking-Server');
    expect(requests.length).toBeGreaterThan(0);
  });

  test('a deep link to a diagram slide fetches mermaid from the page itself, before the viewer asks', async ({
    page,
    context,
  }) => {
    const mermaidPreloads = (target: Page) =>
      target
        .locator('head link[rel="modulepreload"][href*="/mermaid-"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    await openDeck(page, '#diagramm');
    expect(await mermaidPreloads(page)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/assets\/mermaid-[\w-]+\.js$/),
        expect.stringMatching(/^\/assets\/mermaid-flowchart-/),
      ]),
    );
    const first = await context.newPage();
    await openDeck(first, '#1');
    expect(await mermaidPreloads(first)).toEqual([]);
  });

  test('a cold deep link to a diagram slide draws the diagram', async ({ page }) => {
    await openDeck(page, '#diagramm');
    await expect(visibleSlide(page).locator('.vs-diagram svg')).toContainText('Webserver');
  });

  test('a diagram that does not parse shows an error box; the rest of the deck works', async ({ page }) => {
    await openDeck(page, `#${BROKEN_DIAGRAM_SLIDE}`);
    const error = visibleSlide(page).locator('.vs-diagram-error');
    await expect(error).toContainText('Diagramm kann nicht gezeichnet werden');
    await expect(error).toContainText('A[Client --> B[Server]');
    await page.keyboard.press('ArrowLeft');
    await expect(visibleSlide(page).locator('.vs-diagram svg')).toBeVisible();
    await page.keyboard.press('End');
    await expectSlide(page, 12);
  });
});
