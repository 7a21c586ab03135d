import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { SLIDES } from './viewer';

/** The fixture deck without its steps: slides 3–5 are one slide. */
const COMPLETE_SLIDES = SLIDES - 2;
const run = promisify(execFile);
const env = { ...process.env, SITE_DIR: process.env.SITE_DIR ?? 'dist' };

async function exportDeck(...args: string[]): Promise<string> {
  const { stdout } = await run('npx', ['tsx', 'src/cli/pdf.ts', 'anleitung', ...args], { env });
  return stdout;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Share of pixels that are clearly not white, decoded by the browser. */
async function inkShare(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(
    async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4)
        if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 600) ink++;
      return ink / (data.length / 4);
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
}

test.describe('exports', () => {
  let dir: string;
  test.beforeEach(() => {
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), 'vs-export-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('--png writes one picture per slide and step at the chosen width, none of them blank', async ({ page }) => {
    const out = join(dir, 'bilder');
    expect(await exportDeck('--png', '--width', '640', '--out', out)).toContain(`${SLIDES} Bilder`);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(SLIDES);
    expect(files[0]).toBe('anleitung-01.png');
    for (const file of files) {
      const png = readFileSync(join(out, file));
      expect(pngSize(png), file).toEqual({ width: 640, height: 360 });
      expect(await inkShare(page, png), file).toBeGreaterThan(0.002);
    }
  });

  test('--pptx writes one slide per complete slide with its notes as speaker notes', async () => {
    const out = join(dir, 'anleitung.pptx');
    expect(await exportDeck('--pptx', '--out', out)).toContain(`${COMPLETE_SLIDES} Folien, mit Notizen`);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const slides = zip.file(/^ppt\/slides\/slide\d+\.xml$/);
    expect(slides).toHaveLength(COMPLETE_SLIDES);
    expect(zip.file(/^ppt\/media\/.+\.png$/)).toHaveLength(COMPLETE_SLIDES);
    const first = (await zip.file('ppt/notesSlides/notesSlide1.xml')?.async('string')) ?? '';
    expect(first).toContain('Diese Zeilen sind Notizen für Vortragende.');
    // Slide 3 of the file is the third step of "Schritt für Schritt", with that slide's notes.
    const third = (await zip.file('ppt/notesSlides/notesSlide3.xml')?.async('string')) ?? '';
    expect(third).toContain('Im Markdown trennt eine Zeile mit genau zwei Bindestrichen die Schritte.');
    const layout = (await zip.file('ppt/presentation.xml')?.async('string')) ?? '';
    expect(layout).toMatch(/<p:sldSz cx="9144000" cy="5143500"/);
  });

  for (const perPage of [2, 3]) {
    test(`--handout ${perPage} puts ${perPage} slides with notes on each A4 page`, async () => {
      const out = join(dir, `handout-${perPage}.pdf`);
      const pages = Math.ceil(COMPLETE_SLIDES / perPage);
      expect(await exportDeck('--handout', String(perPage), '--out', out)).toContain(`${pages} Seiten`);
      const pdf = await PDFDocument.load(readFileSync(out));
      expect(pdf.getPageCount()).toBe(pages);
      const { width, height } = pdf.getPage(0).getSize();
      // A4 in points.
      expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    });
  }

  test('wrong export options are refused in German', async () => {
    for (const [args, message] of [
      [['--png', '--pptx'], 'schließen einander aus'],
      [['--handout', '4'], '--handout: 2 oder 3 Folien je Seite'],
      [['--png', '--width', 'breit'], '--width: eine ganze Zahl'],
      [['--width', '800'], '--width gilt nur mit --png'],
    ] as const) {
      const failed = await exportDeck(...args).catch((error: { code: number; stderr: string }) => error);
      expect(failed).toMatchObject({ code: 1 });
      expect((failed as { stderr: string }).stderr).toContain(message);
    }
  });
});
