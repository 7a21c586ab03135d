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

  test('the diagram looks like the house figures: 20 px text and more, thick lines, real arrowheads, no green chips, centred, captioned', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeck(page, '#diagramm');
    const figure = visibleSlide(page).locator('figure.vs-diagram-figure');
    const svg = figure.locator('.vs-diagram svg');
    await expect(svg).toBeVisible();
    await expect(figure.locator('figcaption')).toHaveText(/^Abb\. 1: /);
    await expect(svg).toHaveAttribute('aria-label', /^Abb\. 1: /);

    const look = await svg.evaluate((drawing) => {
      const px = (element: Element, property: string): number =>
        parseFloat(getComputedStyle(element).getPropertyValue(property));
      const texts = [...drawing.querySelectorAll('.nodeLabel, .edgeLabel span, text')].filter((t) =>
        t.textContent?.trim(),
      );
      const chips = [...drawing.querySelectorAll('.edgeLabel, .labelBkg')].map(
        (e) => getComputedStyle(e).backgroundColor,
      );
      return {
        smallestText: Math.min(...texts.map((t) => t.getBoundingClientRect().height)),
        nodeStroke: Math.min(
          ...[...drawing.querySelectorAll('.node rect, .node path')].map((e) => px(e, 'stroke-width')),
        ),
        edgeStroke: Math.min(...[...drawing.querySelectorAll('.flowchart-link')].map((e) => px(e, 'stroke-width'))),
        arrowheads: [...drawing.querySelectorAll('marker')].map((m) => Number(m.getAttribute('markerWidth'))),
        chips,
      };
    });
    // A label box is a little higher than its font size; 20 px text needs at least that.
    expect(look.smallestText).toBeGreaterThanOrEqual(20);
    expect(look.nodeStroke).toBeGreaterThanOrEqual(2.5);
    expect(look.edgeStroke).toBeGreaterThanOrEqual(3);
    expect(Math.min(...look.arrowheads)).toBeGreaterThanOrEqual(12);
    for (const chip of look.chips) expect(['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)']).toContain(chip);

    const drawing = await svg.boundingBox();
    const slide = await visibleSlide(page).locator('.remark-slide').boundingBox();
    if (!drawing || !slide) throw new Error('nicht zu sehen');
    expect(Math.abs(drawing.x + drawing.width / 2 - (slide.x + slide.width / 2))).toBeLessThan(2);
    // It uses the slide: at least two thirds of the content width (1152 px) or of its height.
    expect(drawing.width >= 768 || drawing.height >= 300).toBe(true);
    await page.screenshot({ path: 'test-results/mermaid-slide.png' });
  });
});
