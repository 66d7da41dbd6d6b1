import { expect, test } from '@playwright/test';

/** Built on 2026-11-30 (serve-site.ts): the early bird (until December 15, Chicago) is still open. */
const COURSE = '/courses/motivational-interviewing-for-counselors/';

test.describe('a course offered three times, re-checked against the reader’s clock', () => {
  test('shows the early-bird price on its last day and drops it at midnight after, in the offering’s zone', async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date('2026-12-16T05:59:00Z'));
    await page.goto(COURSE);
    const prices = page.locator('.key-facts .prices li');
    await expect(prices).toHaveText([
      'Early bird: $150, until Tuesday, December 15, 2026',
      'Standard: $195',
      'Students: $95',
    ]);

    await page.clock.setFixedTime(new Date('2026-12-16T06:00:00Z'));
    await page.reload();
    await expect(prices).toHaveText(['Standard: $195', 'Students: $95']);
  });

  test('stops inviting registration for an offering once it has started, and keeps the others open', async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date('2027-01-20T18:05:00Z'));
    await page.goto(COURSE);
    await expect(page.locator('.key-facts [data-status-label]')).toHaveText('In progress');
    await expect(page.locator('.key-facts [data-register]')).toHaveCount(0);
    await expect(
      page.locator('.key-facts').getByText('This course has started; registration is closed.'),
    ).toBeVisible();
    const registerLinks = page.locator('#offerings ~ ul.current [data-register]');
    await expect(registerLinks).toHaveCount(2);
    await expect(registerLinks.nth(0)).toHaveAttribute(
      'href',
      'https://register.example.org/mi/denver-spring',
    );
    await expect(registerLinks.nth(1)).toHaveAttribute(
      'href',
      'https://register.example.org/mi/on-demand',
    );
  });

  test('drops the on-demand Register link when its access closes', async ({ page }) => {
    const onDemand = page
      .locator('#offerings ~ ul.current > li')
      .filter({ hasText: 'Format On demand' });
    // August 31 ends at 05:00 UTC on September 1 in Chicago (CDT).
    await page.clock.setFixedTime(new Date('2027-09-01T04:59:00Z'));
    await page.goto(COURSE);
    await expect(onDemand.getByRole('link', { name: 'Register' })).toHaveAttribute(
      'href',
      'https://register.example.org/mi/on-demand',
    );

    await page.clock.setFixedTime(new Date('2027-09-01T05:00:00Z'));
    await page.reload();
    await expect(onDemand.getByRole('link', { name: 'Register' })).toHaveCount(0);
    await expect(
      onDemand.getByText(
        'On-demand access ended on Tuesday, August 31, 2027. Registration is closed.',
      ),
    ).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('shows every offering with its Register link as built', async ({ page }) => {
    await page.goto(COURSE);
    await expect(page.locator('.key-facts .prices li').first()).toHaveText(
      'Early bird: $150, until Tuesday, December 15, 2026',
    );
    await expect(page.locator('#offerings ~ ul.current [data-register]')).toHaveCount(3);
  });
});
