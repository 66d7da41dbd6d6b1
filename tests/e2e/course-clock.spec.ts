import { expect, test } from '@playwright/test';

/**
 * Pages built on 2026-11-30 (serve-site.ts), read later: the browser runs the build's function
 * (courseFactsAt) on the reader's clock, so the refund tier moves on at its deadline and a
 * lapsed approval's credit is withdrawn.
 */
const OFFERED_THRICE = '/courses/motivational-interviewing-for-counselors/';
const JOINTLY_ACCREDITED = '/courses/sleep-medicine-for-the-care-team/';

test('moves the key facts to the refund tier in force once a deadline has passed', async ({
  page,
}) => {
  const cancellation = page.locator('.key-facts [data-refund-now] dd');
  // January 5 ends at 06:00 UTC on January 6 in Chicago (CST).
  await page.clock.setFixedTime(new Date('2027-01-06T05:59:00Z'));
  await page.goto(OFFERED_THRICE);
  await expect(cancellation).toHaveText('Full refund until Tuesday, January 5, 2027');

  await page.clock.setFixedTime(new Date('2027-01-06T06:00:00Z'));
  await page.reload();
  await expect(cancellation).toHaveText(
    /^Refund less the \$40 fee until \w+day, January 1\d, 2027$/,
  );

  // From the start, no cancellation term is named at all.
  await page.clock.setFixedTime(new Date('2027-01-20T18:00:00Z'));
  await page.reload();
  await expect(page.locator('.key-facts [data-refund-now]')).toHaveCount(0);
});

test('withdraws the credit of an approval that has lapsed at the reader’s clock, and says so', async ({
  page,
}) => {
  const naadac = page.locator('.approvals > li[data-approval]').filter({ hasText: 'NAADAC' });
  await page.clock.setFixedTime(new Date('2027-04-01T03:59:00Z'));
  await page.goto(JOINTLY_ACCREDITED);
  await expect(naadac.locator('.holder')).toBeVisible();
  await expect(naadac.locator('[data-approval-lapsed]')).toHaveCount(0);

  // March 31 ends at 04:00 UTC on April 1 in New York (EDT).
  await page.clock.setFixedTime(new Date('2027-04-01T04:00:00Z'));
  await page.reload();
  await expect(naadac.locator('[data-approval-lapsed]')).toHaveText(
    'Credit from NAADAC is no longer offered for this course: its approval ended on Wednesday, March 31, 2027.',
  );
  await expect(naadac.locator('.holder')).toBeHidden();
  await expect(naadac.locator('.credit')).toBeHidden();
  // The jointly accredited bodies, whose accreditation has no end, still give their credit.
  await expect(page.locator('.joint-statement')).toBeVisible();
  await expect(page.locator('.designation').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('reads right as of the build', async ({ page }) => {
    await page.goto(OFFERED_THRICE);
    await expect(page.locator('.key-facts [data-refund-now] dd')).toHaveText(
      'Full refund until Tuesday, January 5, 2027',
    );
    await page.goto(JOINTLY_ACCREDITED);
    await expect(page.locator('[data-approval-lapsed]')).toHaveCount(0);
  });
});
