import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Fastify, { type FastifyInstance } from 'fastify';
import { sitePlugin } from '../../../src/server/site';
import { demoElementName, LIVE_DEMOS } from '../../../src/shared/demos';
import { openPage, slideNumber, taskDemo } from './hall';

const SITE = resolve(process.env.SITE_DIR || 'dist');

/** What a printed page shows, the demos' shadow trees included: the text of every visible node. */
function printedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.checkVisibility() && node.textContent?.trim()) texts.push(node.textContent.trim());
      }
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
    };
    walk(document);
    return texts.join('\n');
  });
}

test.describe('printing demo slides', () => {
  let site: FastifyInstance;
  let base: string;

  // The print path of `npm run pdf`: the built site alone, without the demo servers' APIs.
  test.beforeAll(async () => {
    site = Fastify({ logger: false });
    await site.register(sitePlugin, { root: SITE });
    base = await site.listen({ host: '127.0.0.1', port: 0 });
  });
  test.afterAll(async () => site.close());

  for (const deck of readdirSync(join(SITE, 'slides'))) {
    test(`${deck}: no error text on paper, a placeholder naming each demo that has nothing to show`, async ({
      page,
    }) => {
      await page.goto(`${base}/slides/${deck}/?print`);
      await page.locator('html[data-print="ready"]').waitFor({ state: 'attached' });
      // Long enough for every widget to have given up on its server.
      await page.waitForTimeout(2500);
      await page.emulateMedia({ media: 'print' });
      const text = await printedText(page);
      expect(text).not.toMatch(/antwortet nicht|HTTP 404|Server nicht erreichbar —/);
      const demos = await page.locator(LIVE_DEMOS.map(demoElementName).join(', ')).count();
      const placeholders = text.match(/^Im Vortrag: /gm)?.length ?? 0;
      expect(placeholders).toBe(demos);
    });
  }
});

test('a demo with a result prints that result, not the placeholder', async ({ browser }) => {
  const page = await openPage(browser, '');
  await page.evaluate(async (number) => (location.hash = `#${number}`), await slideNumber(page, 'demo-workers'));
  const demo = taskDemo(page);
  await expect(demo.locator('.status')).toHaveText(/^Live: verbunden/);
  await demo.getByRole('button', { name: 'Jetzt ausführen' }).click();
  await expect(demo.locator('output')).toHaveText('10');
  await page.emulateMedia({ media: 'print' });
  await expect(demo.locator('output')).toBeVisible();
  await expect(demo.locator('.placeholder')).toBeHidden();
  await expect(demo.locator('.status')).toBeHidden();
  await page.context().close();
});
