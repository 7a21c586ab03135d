import { devices, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { waitForViewer } from '../viewer/viewer';

/**
 * Opens the deck at `deck` in a context of its own per screen (the lecturer's, a laptop, a phone
 * at 390×844); every context closes after the test. Call at the top of a spec file.
 */
export function screensOf(deck: string): (browser: Browser, path: string, phone?: boolean) => Promise<Page> {
  const contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  return async (browser, path, phone = false) => {
    const context = await browser.newContext(
      phone ? { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } } : {},
    );
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${deck}${path}`);
    await waitForViewer(page);
    return page;
  };
}
