import { test } from '@playwright/test';
import {
  BEACON_USER_AGENT,
  expectNoAxeViolations,
  expectNoSidewaysScrolling,
  expectVisitRecorded,
  PHONE,
} from './decks';

const PAGES = [
  { name: 'the course home', path: '/' },
  { name: 'the list of presentations', path: '/praesentationen.html' },
];

for (const { name, path } of PAGES) {
  test(`${name} has no axe violations, on a desktop and on a phone`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
    await page.setViewportSize(PHONE);
    await page.reload();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScrolling(page);
  });
}

test.describe('tracking', () => {
  test.use({ userAgent: BEACON_USER_AGENT });

  for (const path of [...PAGES.map((page) => page.path), '/slides/kapitel-2/']) {
    test(`opening ${path} records a visit`, async ({ page }) => {
      await expectVisitRecorded(page, path);
    });
  }
});
