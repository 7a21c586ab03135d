/**
 * A handout: 2 or 3 slides per A4 page with their notes (below the slide with 2, beside it with
 * 3), printed by Chromium from slide pictures.
 */
import type { Browser } from '@playwright/test';
import type { Capture } from './capture';

export type HandoutLayout = 2 | 3;

/** Smallest notes font before a slide's notes are reported as too long for the page. */
const MIN_NOTES_PX = 7;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
}

function style(perPage: HandoutLayout): string {
  const beside = perPage === 3;
  return `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0; width: 186mm; font: 11px/1.4 'Source Sans 3', 'Segoe UI', Helvetica, Arial, sans-serif; color: #1c1c1c; }
.page { height: 272mm; display: grid; grid-template-rows: auto repeat(${perPage}, 1fr); gap: 4mm; break-after: page; }
.page:last-child { break-after: auto; }
header { display: flex; justify-content: space-between; border-bottom: 1px solid #999; padding-bottom: 1mm; color: #4a4a4a; }
.slide { display: grid; ${beside ? 'grid-template-columns: 55% 1fr;' : 'grid-template-rows: auto 1fr;'} gap: 3mm; min-height: 0; }
.slide img { width: 100%; border: 1px solid #999; display: block; }
.notes { overflow: hidden; min-height: 0; }
.notes > :first-child { margin-top: 0; }
.number { font-weight: 600; }
`;
}

function page(capture: Capture, shots: Capture['shots'], number: number, pages: number): string {
  const { deck } = capture;
  const slides = shots.map(({ index, png }) => {
    const slide = deck.slides[index];
    return `<section class="slide"><img alt="Folie ${slide?.number}" src="data:image/png;base64,${png.toString('base64')}">
<div class="notes"><p class="number">Folie ${slide?.number}</p>${slide?.notesHtml ?? ''}</div></section>`;
  });
  return `<div class="page"><header><span>${escapeHtml(deck.title)}</span><span>Seite ${number} von ${pages}</span></header>${slides.join('')}</div>`;
}

/** Writes the handout PDF; returns its page count and the numbers of slides whose notes did not fit. */
export async function writeHandout(
  browser: Browser,
  capture: Capture,
  perPage: HandoutLayout,
  out: string,
): Promise<{ pages: number; cut: number[] }> {
  const groups: Capture['shots'][] = [];
  for (let i = 0; i < capture.shots.length; i += perPage) groups.push(capture.shots.slice(i, i + perPage));
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(capture.deck.title)}</title>
<style>${style(perPage)}</style></head><body>${groups.map((shots, i) => page(capture, shots, i + 1, groups.length)).join('')}</body></html>`;
  const handout = await browser.newPage();
  try {
    await handout.emulateMedia({ media: 'print' });
    await handout.setContent(html, { waitUntil: 'load' });
    // Long notes get a smaller font until they fit their box.
    const cut = await handout.evaluate((min) => {
      const cut: number[] = [];
      for (const notes of document.querySelectorAll<HTMLElement>('.notes')) {
        let size = Number.parseFloat(getComputedStyle(notes).fontSize);
        while (notes.scrollHeight > notes.clientHeight && size > min) notes.style.fontSize = `${(size -= 0.5)}px`;
        if (notes.scrollHeight > notes.clientHeight)
          cut.push(Number(notes.querySelector('.number')?.textContent?.replace(/\D/g, '')));
      }
      return cut;
    }, MIN_NOTES_PX);
    await handout.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    return { pages: groups.length, cut };
  } finally {
    await handout.close();
  }
}
