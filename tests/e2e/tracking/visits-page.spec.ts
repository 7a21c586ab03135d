import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { HOSTILE, marker, postVisit } from './helpers';

/** Connected: the status says so, or already announces visits (parallel tests add some). */
const CONNECTED = /^(Live|Ein neuer Besuch|\d+ neue Besuche)/;

test.describe('/visits', () => {
  test('shows markup and control characters as text, and no script runs', async ({ page, request }) => {
    const id = marker();
    await postVisit(request, { path: `${HOSTILE.path}${id}`, referrer: HOSTILE.referrer }, HOSTILE.userAgent);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto('/visits');
    const row = page.locator('tbody tr', { hasText: id });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').nth(2)).toHaveText(
      '/<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>\\x07' + id,
    );
    await expect(row.locator('td').nth(3)).toHaveText(
      'javascript:window.__xss=3//"><svg onload="window.__xss=4">\\x1B[31m',
    );
    await expect(row.locator('td').nth(4)).toContainText('<script>window.__xss=5</script>');
    await expect(row.locator('img, script, svg')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('live mode adds new visits as they arrive, and catches up after a pause', async ({ page, request }) => {
    await page.goto('/visits');
    const status = page.locator('#live-status');
    await expect(status).toHaveText(CONNECTED);
    const first = `/live-${marker()}`;
    await postVisit(request, { path: first });
    await expect(page.locator('tbody tr', { hasText: first })).toBeVisible();

    const toggle = page.getByRole('button', { name: 'Live-Modus' });
    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(status).toHaveText('Live-Modus pausiert.');
    const second = `/paused-${marker()}`;
    await postVisit(request, { path: second });
    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('tbody tr', { hasText: second })).toBeVisible();
    await expect(page.locator('tbody tr').first()).toContainText(/live-|paused-|\//);
  });

  test('has no accessibility violations', async ({ page, request }) => {
    await postVisit(request, { path: `/axe-${marker()}` });
    await page.goto('/visits');
    await expect(page.locator('#live-status')).toHaveText(CONNECTED);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });

  test('follows the dark design, picked or from the system, with no accessibility violations', async ({
    page,
    request,
  }) => {
    await postVisit(request, { path: `/axe-dunkel-${marker()}` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/visits');
    await expect(page.locator('#live-status')).toHaveText(CONNECTED);
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).not.toBe('rgb(255, 255, 255)');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.evaluate(() => localStorage.setItem('vs-theme', 'light'));
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background()).toBe('rgb(255, 255, 255)');
  });
});
