import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { DECK, SLIDES } from './viewer';

/** Page count and size (points) of a PDF, read from its page objects. */
function pdfPages(pdf: Buffer): { count: number; size: string | undefined } {
  const text = pdf.toString('latin1');
  const count = text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
  return { count, size: box ? `${Math.round(Number(box[1]))}x${Math.round(Number(box[2]))}` : undefined };
}

test.describe('printing', () => {
  test('?print gives one 16:9 page per slide and step, with the diagram drawn', async ({ page }) => {
    await page.goto(`${DECK}?print`);
    await expect(page.locator('html')).toHaveAttribute('data-print', 'ready');
    await page.emulateMedia({ media: 'print' });
    await expect(
      page.locator('.remark-slides-area .remark-slide-container').nth(7).locator('.vs-diagram svg'),
    ).toBeVisible();
    const { count, size } = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(count).toBe(SLIDES);
    // 1280 × 720 CSS px = 960 × 540 pt.
    expect(size).toBe('960x540');
  });

  test('?print=notes puts the notes under each slide on a taller page', async ({ page }) => {
    await page.goto(`${DECK}?print=notes`);
    await expect(page.locator('html')).toHaveAttribute('data-print', 'ready');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.remark-slide-notes').first()).toContainText('Notizen für Vortragende');
    const { count, size } = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(count).toBe(SLIDES);
    expect(size).toBe('960x1358');
  });

  test('Ctrl+P in the presenter view draws every diagram and prints with notes', async ({ page }) => {
    await page.goto(`${DECK}#p1`);
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', 'yes');
    });
    await page.keyboard.press('Control+p');
    await expect(page.locator('html')).toHaveAttribute('data-printed', 'yes');
    await expect(page.locator('.remark-container')).toHaveClass(/vs-print-notes/);
    await expect(page.locator('.remark-slides-area .vs-diagram[data-state="drawn"]')).toHaveCount(1);
    await expect(page.locator('.remark-slides-area .vs-diagram[data-state="error"]')).toHaveCount(1);
    await expect(page.locator('.remark-slides-area .remark-slide-content')).toHaveCount(SLIDES);
  });

  test('npm run pdf writes the PDF of a deck, and names an unknown deck', async () => {
    test.setTimeout(90_000);
    const run = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), 'vs-pdf-'));
    const out = join(dir, 'anleitung.pdf');
    const env = { ...process.env, SITE_DIR: process.env.SITE_DIR ?? 'dist' };
    try {
      const { stdout } = await run('npx', ['tsx', 'src/cli/pdf.ts', 'anleitung', '--notes', '--out', out], { env });
      expect(stdout).toContain(`${SLIDES} Seiten, mit Notizen`);
      expect(pdfPages(readFileSync(out)).count).toBe(SLIDES);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const failed = await run('npx', ['tsx', 'src/cli/pdf.ts', 'gibtsnicht'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('Foliensatz „gibtsnicht“ nicht gefunden');
  });
});
