import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { visibleSlide, waitForViewer } from './viewer';

/** A slide with a highlighted code block in the default code theme. */
const CODE_SLIDE = '/slides/uebung-1/#9';
const SCHEMES = ['light', 'dark'] as const;

async function expectNoViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** WCAG relative luminance of a computed `rgb(…)` colour. */
function luminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast of every code token's colour against its block's background, as the browser computes them. */
async function codeContrasts(page: Page): Promise<{ token: string; ratio: number; background: number }[]> {
  const tokens = await visibleSlide(page)
    .locator('pre.shiki')
    .first()
    .evaluate((pre) =>
      [...pre.querySelectorAll<HTMLElement>('.remark-code-line span')]
        .filter((span) => span.textContent?.trim())
        .map((span) => ({
          token: span.textContent ?? '',
          color: getComputedStyle(span).color,
          background: getComputedStyle(pre).backgroundColor,
        })),
    );
  return tokens.map(({ token, color, background }) => {
    const [text, ground] = [luminance(color), luminance(background)];
    const ratio = (Math.max(text, ground) + 0.05) / (Math.min(text, ground) + 0.05);
    return { token, ratio, background: ground };
  });
}

const DIAGRAM_SLIDE = '/slides/kapitel-2/#46';
/** A step of the replication simulation. */
const SIMULATION_SLIDE = '/slides/kapitel-3/#35';

/** The luminance of the fill of a diagram's first participant box. */
async function diagramFill(page: Page): Promise<number> {
  const box = visibleSlide(page).locator('.vs-diagram svg rect.actor').first();
  return luminance(await box.evaluate((rect) => getComputedStyle(rect).fill));
}

/** Whether a luminance belongs to a light (true) or a dark (false) fill. */
const isLight = (value: number): boolean => value > 0.5;

for (const scheme of SCHEMES) {
  test.describe(`${scheme} design`, () => {
    test.use({ colorScheme: scheme });

    test('code tokens keep WCAG AA contrast on their background', async ({ page }) => {
      await page.goto(CODE_SLIDE);
      await waitForViewer(page);
      const contrasts = await codeContrasts(page);
      expect(contrasts.length).toBeGreaterThan(5);
      for (const { token, ratio } of contrasts) expect(ratio, `„${token}“`).toBeGreaterThanOrEqual(4.5);
      // The block really is in this design: a light or a dark background.
      const background = contrasts[0]?.background ?? 0;
      if (scheme === 'dark') expect(background).toBeLessThan(0.05);
      else expect(background).toBeGreaterThan(0.8);
    });

    test('a code slide has no axe violations', async ({ page }) => {
      await page.goto(CODE_SLIDE);
      await waitForViewer(page);
      await expectNoViolations(page);
    });

    test('a diagram slide is drawn in the colours of the design, with no axe violations', async ({ page }) => {
      await page.goto(DIAGRAM_SLIDE);
      await waitForViewer(page);
      await expect(visibleSlide(page).locator('.vs-diagram svg')).toBeVisible();
      expect(isLight(await diagramFill(page))).toBe(scheme === 'light');
      await expectNoViolations(page);
    });

    test('an SVG figure turns dark in the dark design, with no axe violations', async ({ page }) => {
      await page.goto('/slides/kapitel-2/#17');
      await waitForViewer(page);
      const figure = visibleSlide(page).locator('figure img');
      await expect(figure).toBeVisible();
      const filter = await figure.evaluate((img) => getComputedStyle(img).filter);
      expect(filter).toBe(scheme === 'dark' ? 'invert(0.89) hue-rotate(180deg)' : 'none');
      await expectNoViolations(page);
    });

    test('a simulation is drawn in the colours of the design, with no axe violations', async ({ page }) => {
      await page.goto(SIMULATION_SLIDE);
      await waitForViewer(page);
      const simulation = visibleSlide(page).locator('.vs-simulation');
      await expect(simulation.locator('svg')).toBeVisible();
      const [plate = '', fill = '', ink = ''] = await simulation.evaluate((element) => {
        const svg = element.querySelector('replication-demo')?.shadowRoot?.querySelector('svg');
        const box = svg?.querySelector('g > rect');
        return [
          getComputedStyle(element).backgroundColor,
          box ? getComputedStyle(box).fill : '',
          svg ? getComputedStyle(svg).fill : '',
        ];
      });
      expect(plate).toBe('rgba(0, 0, 0, 0)');
      expect(isLight(luminance(fill))).toBe(scheme === 'light');
      expect(isLight(luminance(ink))).toBe(scheme === 'dark');
      await expectNoViolations(page);
    });

    test('an inverse slide stays dark with light text, and has no axe violations', async ({ page }) => {
      await page.goto('/slides/anleitung/#ende');
      await waitForViewer(page);
      const content = visibleSlide(page).locator('.remark-slide-content.inverse');
      const [background = '', text = ''] = await content.evaluate((element) => [
        getComputedStyle(element).backgroundColor,
        getComputedStyle(element).color,
      ]);
      expect(luminance(background)).toBeLessThan(0.05);
      expect(luminance(text)).toBeGreaterThan(0.8);
      await expectNoViolations(page);
    });

    test('the text-coloured pen contrasts with the slide; pen toolbar and phone remote have no axe violations', async ({
      page,
    }) => {
      await page.goto('/slides/anleitung/#2');
      await waitForViewer(page);
      await page.keyboard.press('d');
      await page.getByRole('button', { name: 'Farbe Textfarbe' }).click();
      await page.mouse.move(400, 600);
      await page.mouse.down();
      await page.mouse.move(600, 620, { steps: 5 });
      await page.mouse.up();
      const stroke = visibleSlide(page).locator('.vs-ink polyline').first();
      expect(isLight(luminance(await stroke.evaluate((line) => getComputedStyle(line).stroke)))).toBe(
        scheme === 'dark',
      );
      await expectNoViolations(page);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/slides/anleitung/?fernbedienung#token=e2e-presenter');
      await expect(page.getByRole('region', { name: 'Aktuelle Folie' })).toBeVisible();
      await expectNoViolations(page);
    });

    test('the home page and the quiz have no axe violations', async ({ page }) => {
      await page.goto('/');
      await expectNoViolations(page);
      await page.goto('/quiz/kapitel-2/');
      await expect(page.getByRole('button', { name: 'Dunkles Design' })).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

test.describe('the design switch', () => {
  test.use({ colorScheme: 'light' });

  test('N switches the deck to dark, is remembered, and another window of the deck follows', async ({
    page,
    context,
  }) => {
    await page.goto(CODE_SLIDE);
    await waitForViewer(page);
    const other = await context.newPage();
    await other.goto(CODE_SLIDE);
    await waitForViewer(other);
    const slideBackground = (p: Page): Promise<string> =>
      visibleSlide(p)
        .locator('.remark-slide')
        .evaluate((slide) => getComputedStyle(slide).backgroundColor);
    expect(await slideBackground(page)).toBe('rgb(255, 255, 255)');

    await page.keyboard.press('n');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await slideBackground(page)).not.toBe('rgb(255, 255, 255)');
    await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await waitForViewer(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    await page.keyboard.press('h');
    await expect(
      page.getByRole('dialog', { name: 'Tastenkürzel' }).getByRole('row', { name: /^N Dunkles/ }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await expect(other.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('N draws the diagrams again in the new design', async ({ page }) => {
    await page.goto(DIAGRAM_SLIDE);
    await waitForViewer(page);
    await expect(visibleSlide(page).locator('.vs-diagram svg')).toBeVisible();
    expect(isLight(await diagramFill(page))).toBe(true);
    await page.keyboard.press('n');
    await expect.poll(async () => isLight(await diagramFill(page))).toBe(false);
    await page.keyboard.press('n');
    await expect.poll(async () => isLight(await diagramFill(page))).toBe(true);
  });

  test('the course pages have a switch, remembered across pages', async ({ page }) => {
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dunkles Design' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.goto('/quiz/kapitel-2/');
    await expect(page.getByRole('button', { name: 'Dunkles Design' })).toHaveAttribute('aria-pressed', 'true');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
  });
});

test.describe('printing in the dark design', () => {
  test.use({ colorScheme: 'dark' });

  test('diagrams are drawn in the light design of paper', async ({ page }) => {
    await page.goto('/slides/kapitel-2/?print');
    await expect(page.locator('html')).toHaveAttribute('data-print', 'ready', { timeout: 60_000 });
    const fill = await page
      .locator('.vs-diagram svg rect.actor')
      .first()
      .evaluate((rect) => getComputedStyle(rect).fill);
    expect(isLight(luminance(fill))).toBe(true);
  });
});
