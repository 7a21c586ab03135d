import { expect, test, type Page } from '@playwright/test';
import { listDeckFiles } from '../../../src/deck/load';
import { DECK_DATA_ID, type Deck } from '../../../src/shared/deck';
import { waitForViewer } from '../viewer/viewer';
import { DEMOS, demoElementName } from '../../../src/shared/demos';
import { VISITS_PATH } from '../../../src/shared/tracking';

/**
 * Every slide of every deck in `slides/`, at the two projector resolutions: nothing may stick
 * out of the slide, nothing may be cut off inside it, and every image must load. One page per
 * deck and resolution walks through the slides with the URL hash (`#N`), as a lecturer would.
 */
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

interface SlideReport {
  /** Each problem as one readable line; empty when the slide is fine. */
  problems: string[];
}

async function readDeck(page: Page): Promise<Deck> {
  return JSON.parse((await page.locator(`#${DECK_DATA_ID}`).textContent()) ?? '') as Deck;
}

/**
 * Shows slide `index` (0-based) through the hash, waits until its images, diagrams and fonts
 * are ready, and measures it against the slide canvas (the same test as the viewer's
 * overflow warning in `vite dev`, plus clipped boxes inside the slide and broken images).
 */
function inspectSlide(page: Page, index: number): Promise<SlideReport> {
  return page.evaluate(
    async ({ index, widgetNames }): Promise<SlideReport> => {
      /** Waits (frame by frame, at most 10 s) until `ready()`; false when it never was. */
      const until = async (ready: () => boolean): Promise<boolean> => {
        const deadline = performance.now() + 10_000;
        while (!ready()) {
          if (performance.now() > deadline) return false;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        return true;
      };
      location.hash = `#${index + 1}`;
      const container = document.querySelectorAll<HTMLElement>('.remark-slides-area > .remark-slide-container')[index];
      if (!container) return { problems: ['Folie fehlt im Viewer'] };
      if (!(await until(() => container.classList.contains('remark-visible'))))
        return { problems: ['Folie wird nicht angezeigt'] };
      const content = container.querySelector<HTMLElement>('.remark-slide-content');
      if (!content) return { problems: ['kein .remark-slide-content'] };
      const images = [...content.querySelectorAll('img')];
      await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
      const problems: string[] = [];
      const diagrams = [...content.querySelectorAll<HTMLElement>('.vs-diagram')];
      if (!(await until(() => diagrams.every((d) => d.dataset.state === 'drawn' || d.dataset.state === 'error')))) {
        problems.push('Diagramm wird nicht gezeichnet');
      }
      // A demo is measured at its fullest: drawn, and the tracking demo with its list of visits.
      for (const widget of content.querySelectorAll(widgetNames.join(', '))) {
        const drawn = (): boolean => (widget.shadowRoot?.childElementCount ?? 0) > 0;
        const filled = (): boolean =>
          widget.localName !== 'tracking-demo' || widget.shadowRoot?.querySelector('li') != null;
        if (!(await until(() => drawn() && filled())))
          problems.push(`Live-Demo <${widget.localName}> erscheint nicht vollständig`);
      }
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(resolve));

      const style = getComputedStyle(container);
      const canvas = {
        width: parseFloat(style.getPropertyValue('--vs-canvas-w')),
        height: parseFloat(style.getPropertyValue('--vs-canvas-h')),
      };
      const width = Math.max(content.offsetWidth, content.scrollWidth);
      const height = content.offsetHeight;
      if (width > canvas.width + 1 || height > canvas.height + 1) {
        problems.push(`Inhalt ${width} × ${height} px, die Folie hat ${canvas.width} × ${canvas.height} px`);
      }
      const describe = (element: Element): string => {
        const classes = [...element.classList]
          .slice(0, 2)
          .map((name) => `.${name}`)
          .join('');
        const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `<${element.localName}${classes}>${text ? ` „${text}“` : ''}`;
      };
      const frame = container.querySelector('.remark-slide-scaler')!.getBoundingClientRect();
      const scale = frame.width / canvas.width;
      const tooLarge = problems.length > 0;
      // An SVG clips its own drawing (mermaid draws lifelines far past the picture), so only its box counts;
      // KaTeX's MathML copy of a formula is clipped to 1 px on purpose (it is there for screen readers).
      for (const element of content.querySelectorAll<HTMLElement | SVGElement>(
        '*:not(svg *):not(.katex-mathml, .katex-mathml *)',
      )) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || element.parentElement?.closest('[data-fit-reported]')) continue;
        const clipped =
          element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
        const outside =
          Math.max(frame.left - box.left, box.right - frame.right, frame.top - box.top, box.bottom - frame.bottom) /
          scale;
        if (clipped && getComputedStyle(element).overflow !== 'visible') {
          problems.push(
            `${describe(element)} schneidet Inhalt ab (${element.scrollWidth} × ${element.scrollHeight} px in ${element.clientWidth} × ${element.clientHeight} px)`,
          );
        } else if (outside > 1 && !tooLarge) {
          problems.push(`${describe(element)} ragt ${Math.round(outside)} px über den Folienrand`);
        } else continue;
        element.dataset.fitReported = '';
      }
      for (const image of images) {
        if (!image.complete || image.naturalWidth === 0)
          problems.push(`Bild fehlt oder ist defekt: ${image.getAttribute('src')}`);
      }
      return { problems };
    },
    { index, widgetNames: DEMOS.map(demoElementName) },
  );
}

/** The tracking demo lists this many visits; with them, it is as tall as it gets. */
const VISIT_LIST_LENGTH = 8;

async function recordVisits(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await page.request.post(VISITS_PATH, { data: { path: `/slides-fit/${i}` } });
    expect(response.status()).toBe(201);
  }
}

const decks = listDeckFiles('slides');

test('there are decks to check', () => {
  expect(decks.length).toBeGreaterThan(0);
});

for (const { id } of decks) {
  for (const viewport of VIEWPORTS) {
    test(`${id}: every slide fits at ${viewport.width}×${viewport.height} and its images load`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(viewport);
      await page.goto(`/slides/${id}/#1`);
      await waitForViewer(page);
      const deck = await readDeck(page);
      if (deck.slides.some((slide) => slide.demos.includes('tracking'))) await recordVisits(page, VISIT_LIST_LENGTH);

      const findings: string[] = [];
      for (const slide of deck.slides) {
        const { problems } = await inspectSlide(page, slide.index);
        const heading = /<h[1-3][^>]*>(.*?)<\/h[1-3]>/s
          .exec(slide.html)?.[1]
          ?.replace(/<[^>]+>/g, '')
          .trim();
        const label = [slide.name && `name: ${slide.name}`, heading && `„${heading}“`, `Zeile ${slide.line}`]
          .filter(Boolean)
          .join(', ');
        for (const problem of problems) findings.push(`${id} #${slide.index + 1} (${label}): ${problem}`);
      }
      if (findings.length > 0) console.log(`${viewport.width}×${viewport.height}\n${findings.join('\n')}`);
      expect(findings).toEqual([]);
    });
  }
}

test('the check reports a slide that is too full, a clipped code line and a broken image', async ({ page }) => {
  await page.goto(`/slides/${decks[0]!.id}/#1`);
  await waitForViewer(page);
  const content = page.locator('.remark-slide-container.remark-visible .remark-slide-content');
  await content.evaluate((element) =>
    element.insertAdjacentHTML(
      'beforeend',
      `${'<p>Noch eine Zeile</p>'.repeat(30)}<pre>${'x'.repeat(300)}</pre><img src="/fehlt.png" alt="">`,
    ),
  );
  const { problems } = await inspectSlide(page, 0);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Inhalt \d+ × \d+ px, die Folie hat 1280 × 720 px$/),
      expect.stringMatching(/^<pre> „x+“ schneidet Inhalt ab/),
      'Bild fehlt oder ist defekt: /fehlt.png',
    ]),
  );
});
