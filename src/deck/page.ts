/**
 * A deck page: the viewer's template with the deck's title, the first slide already in place
 * (so that it shows before any script has run), the compiled deck as JSON, and the deck's own
 * stylesheets in the head — so every view of the page (slides, presenter, print) has them.
 */
import { DECK_DATA_ID, type Deck } from '../shared/deck';
import { escapeHtml } from '../shared/html';
import { CANVAS, slideRegion } from '../shared/slide-markup';
import { THEME_STORAGE_KEY } from '../shared/theme';

export const TITLE_PLACEHOLDER = '<!--deck-title-->';
export const FIRST_SLIDE_PLACEHOLDER = '<!--deck-first-slide-->';
export const DATA_PLACEHOLDER = '<!--deck-data-->';

/** Module URLs that draw a diagram: mermaid itself, and what a flowchart adds. Known only in a build. */
export interface DiagramModules {
  mermaid: string[];
  flowchart: string[];
}

export interface PageParts {
  /** The deck's stylesheets (math, its own), in the head so that every view of the page has them. */
  styles?: readonly string[];
  diagramModules?: DiagramModules;
}

export function renderDeckPage(template: string, deck: Deck, { styles = [], diagramModules }: PageParts = {}): string {
  const needed = [
    TITLE_PLACEHOLDER,
    FIRST_SLIDE_PLACEHOLDER,
    DATA_PLACEHOLDER,
    ...(styles.length > 0 ? ['</head>'] : []),
  ];
  for (const placeholder of needed) {
    if (!template.includes(placeholder)) throw new Error(`Die Vorlage der Folienseite enthält ${placeholder} nicht`);
  }
  const data = `<script type="application/json" id="${DECK_DATA_ID}">${scriptSafeJson(deck)}</script>`;
  const head = styles.map((css) => `<style>${css.replace(/<\/(style)/gi, '<\\/$1')}</style>`).join('');
  return template
    .replace('</head>', () => `${head}</head>`)
    .replace(TITLE_PLACEHOLDER, () => escapeHtml(deck.title))
    .replace(FIRST_SLIDE_PLACEHOLDER, () => firstSlide(deck, diagramModules))
    .replace(DATA_PLACEHOLDER, () => data);
}

/**
 * The viewer's container with the first slide built and shown. A small inline script scales it
 * to the window at once, and hides it when the URL asks for another slide, which the viewer
 * then shows. When the URL names a slide with a diagram, it starts fetching the diagram's
 * modules right away, long before the viewer asks for them.
 */
export function firstSlide(deck: Deck, diagramModules?: DiagramModules): string {
  const { width, height } = CANVAS[deck.options.ratio];
  const [slide] = deck.slides;
  if (!slide) return '';
  const area = `<div class="remark-slides-area">${slideRegion(deck, slide, { built: true, visible: true })}</div>`;
  const preloads = diagramModules ? diagramPreloads(deck, diagramModules) : undefined;
  // The design is set before the first paint: the picked one, or light for a deck that opts out.
  const theme = deck.options.dark
    ? `try { var theme = localStorage.getItem('${THEME_STORAGE_KEY}'); if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme; } catch (e) {}`
    : `document.documentElement.dataset.deckTheme = 'light';`;
  const script = `(function (area, hash) {
  ${theme}
  area.style.setProperty('--vs-scale', String(Math.min(innerWidth / ${width}, innerHeight / ${height})));
  if (hash !== '' && hash !== '#1') area.firstElementChild.classList.remove('remark-visible');${
    preloads
      ? `
  var preload = ${scriptSafeJson(preloads)};
  (preload.modules[preload.slides[hash.slice(1)]] || []).forEach(function (href) {
    document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'modulepreload', crossOrigin: '', href: href }));
  });`
      : ''
  }
})(document.currentScript.previousElementSibling.firstElementChild, location.hash);`;
  return `<main class="remark-container" style="--vs-canvas-w: ${width}px; --vs-canvas-h: ${height}px">${area}</main><script>${script}</script>`;
}

/**
 * For each way a URL can name a slide with a diagram (`12`, `p12`, its name; the first slide
 * also without a hash), which module list it needs: 0 mermaid alone, 1 with the flowchart part.
 */
function diagramPreloads(
  deck: Deck,
  modules: DiagramModules,
): { slides: Record<string, number>; modules: string[][] } | undefined {
  const slides: Record<string, number> = {};
  for (const slide of deck.slides) {
    if (slide.diagrams === 0) continue;
    const list = /\b(flowchart|graph)\s+(TB|TD|BT|RL|LR)\b/.test(slide.html) ? 1 : 0;
    for (const key of [`${slide.index + 1}`, `p${slide.index + 1}`, slide.name, slide.index === 0 ? '' : undefined]) {
      if (key !== undefined) slides[key] = list;
    }
  }
  if (Object.keys(slides).length === 0) return undefined;
  return { slides, modules: [modules.mermaid, [...new Set([...modules.mermaid, ...modules.flowchart])]] };
}

/** JSON that cannot end its `<script>` element or be misread as HTML or as a JS line break. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
