import { expect, test, type Page } from '@playwright/test';
import { DIAGRAM_SLIDE, waitForViewer } from '../viewer/viewer';

/** Records every CSP violation and every console line about one, from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => reports.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return reports;
}

const PAGES: [string, (page: Page) => Promise<void>][] = [
  ['/', async (page) => await expect(page.locator('main')).toBeVisible()],
  ['/praesentationen.html', async (page) => await expect(page.locator('main')).toBeVisible()],
  [
    `/slides/anleitung/#${DIAGRAM_SLIDE}`,
    async (page) => {
      await waitForViewer(page);
      await expect(page.locator('.remark-visible svg').first()).toBeVisible();
    },
  ],
  ['/slides/kapitel-2/', waitForViewer],
  ['/quiz/kapitel-2/', async (page) => await expect(page.locator('main')).toBeVisible()],
  ['/visits', async (page) => await expect(page.locator('table')).toBeVisible()],
];

for (const [path, ready] of PAGES) {
  test(`${path} sends a CSP and loads without a violation`, async ({ page }) => {
    const reports = await watchCsp(page);
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors '(self|none)'/);
    await ready(page);
    await page.waitForLoadState('networkidle');
    expect(reports).toEqual([]);
  });
}

test('a script injected into a deck page does not run', async ({ page }) => {
  const reports = await watchCsp(page);
  await page.goto('/slides/anleitung/');
  await waitForViewer(page);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.append(script);
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.injected = true;');
    image.src = 'data:,x';
    document.body.append(image);
    return new Promise((resolve) =>
      setTimeout(() => resolve((window as unknown as { injected?: boolean }).injected === true), 200),
    );
  });
  expect(ran).toBe(false);
  await expect.poll(() => reports.filter((report) => report.startsWith('script-src')).length).toBeGreaterThanOrEqual(2);
});
