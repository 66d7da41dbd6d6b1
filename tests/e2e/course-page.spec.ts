import { expect, test } from '@playwright/test';

const SEED = '/courses/attachment-theory-treatment-effectiveness/';
const FIXTURE = '/courses/self-compassion-in-practice/';

test.describe('the seed course page', () => {
  test('shows the facts a reader decides from', async ({ page }) => {
    await page.goto(SEED);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Improving Treatment Effectiveness with Attachment Theory',
    );
    const sessions = page.locator('[data-session] .when');
    await expect(sessions).toHaveText([
      'Monday, October 19, 2020, 4–6 PM EDT',
      'Monday, October 26, 2020, 4–6 PM EDT',
      'Monday, November 2, 2020, 4–6 PM EST',
      'Monday, November 9, 2020, 4–6 PM EST',
    ]);
    await expect(page.locator('.key-facts')).toContainText('8 CE hours');
    await expect(page.locator('.key-facts')).toContainText('Past course');
    await expect(page.locator('.approvals > li')).toHaveCount(8);
    await expect(page.locator('.references li')).toHaveCount(4);
    await expect(
      page.getByText(
        'Cancel on or before Monday, October 5, 2020: refund minus the $30 administrative processing fee.',
      ),
    ).toBeVisible();
    await expect(page.locator('[data-register]')).toHaveCount(0);
  });
});

test.describe('local time', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });
  test('shows a reader in Los Angeles their own time beside each session', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/zone-abbreviations.json')) fetched.push(request.url());
    });
    await page.goto(SEED);
    const notes = page.locator('[data-session] [data-local-time]');
    await expect(notes.first()).toBeVisible();
    await expect(notes).toHaveText([
      'Your time: 1–3 PM PDT',
      'Your time: 1–3 PM PDT',
      'Your time: 1–3 PM PST',
      'Your time: 1–3 PM PST',
    ]);
    // Intl names Pacific time by its letters: the table is not fetched.
    expect(fetched).toEqual([]);
  });
});

test.describe('local time in a zone Intl names by its offset', () => {
  test.use({ timezoneId: 'Australia/Sydney' });
  test('shows a reader in Sydney the letters their calendar uses, fetched for them alone', async ({
    page,
  }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/zone-abbreviations.json')) fetched.push(request.url());
    });
    await page.goto(SEED);
    const notes = page.locator('[data-session] [data-local-time]');
    await expect(notes).toHaveText([
      'Your time: Tue, Oct 20, 7–9 AM AEDT',
      'Your time: Tue, Oct 27, 7–9 AM AEDT',
      'Your time: Tue, Nov 3, 8–10 AM AEDT',
      'Your time: Tue, Nov 10, 8–10 AM AEDT',
    ]);
    expect(fetched).toHaveLength(1);
  });
});

test.describe('in the course time zone', () => {
  test.use({ timezoneId: 'America/New_York' });
  test('adds no note for a reader who shares the course zone', async ({ page }) => {
    await page.goto(SEED);
    await expect(page.locator('[data-local-time]').first()).toBeHidden();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('still shows the schedule and the status', async ({ page }) => {
    await page.goto(SEED);
    await expect(page.locator('[data-session]')).toHaveCount(4);
    await expect(page.locator('[data-session] .when').first()).toHaveText(
      'Monday, October 19, 2020, 4–6 PM EDT',
    );
    await expect(page.locator('[data-local-time]').first()).toBeHidden();
    await expect(page.locator('[data-status-label]')).toHaveText('Past course');
  });
});

test.describe('status re-checked in the browser', () => {
  test('an upcoming course offers registration until it starts', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-03-01T12:00:00Z'));
    await page.goto(FIXTURE);
    await expect(page.locator('[data-status-label]')).toHaveText('Upcoming');
    await expect(page.getByRole('link', { name: 'Register' })).toHaveAttribute(
      'href',
      'https://www.example.org/register/self-compassion',
    );
  });

  test('a page built before the start stops inviting registrations once the course has begun', async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date('2027-03-26T10:00:00Z'));
    await page.goto(FIXTURE);
    await expect(page.locator('[data-status-label]')).toHaveText('In progress');
    await expect(page.getByRole('link', { name: 'Register' })).toHaveCount(0);
    await expect(page.getByText('This course has started; registration is closed.')).toBeVisible();
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the register and calendar links', async ({ page }) => {
    await page.goto(FIXTURE);
    const reached = new Set<string>();
    for (let press = 0; press < 40 && reached.size < 2; press += 1) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (label === 'Register' || label.startsWith('Add the sessions to your calendar'))
        reached.add(label);
    }
    expect([...reached].sort()).toEqual(['Add the sessions to your calendar (.ics)', 'Register']);
  });
});

test.describe('print', () => {
  test('hides navigation and keeps schedule, hours, approvals and terms', async ({ page }) => {
    await page.goto(SEED);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('nav[aria-label="Breadcrumb"]')).toBeHidden();
    for (const id of ['#schedule-heading', '#ce-credit', '#refunds'])
      await expect(page.locator(id)).toBeVisible();
  });
});

test.describe('the key facts aside', () => {
  test('stays in view beside the text while scrolling at 1280 px', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(FIXTURE);
    const facts = page.locator('.key-facts');
    const about = page.locator('#about-heading');
    const [factsBox, aboutBox] = [await facts.boundingBox(), await about.boundingBox()];
    expect(factsBox!.x).toBeGreaterThan(aboutBox!.x + aboutBox!.width);
    await page.locator('#refunds').scrollIntoViewIfNeeded();
    await expect(page.getByRole('link', { name: 'Register' })).toBeInViewport();
    await expect(facts).toBeInViewport();
  });

  test('is a block above the text at 375 px, left behind when scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(FIXTURE);
    const facts = page.locator('.key-facts');
    const aboutBox = await page.locator('#about-heading').boundingBox();
    expect((await facts.boundingBox())!.y).toBeLessThan(aboutBox!.y);
    await page.locator('#refunds').scrollIntoViewIfNeeded();
    await expect(facts).not.toBeInViewport();
  });
});

test.describe('CE disclosures', () => {
  const CE_FIXTURE = '/courses/ethics-of-care-webinar/';

  test('a reader meets the disclosures before the Register button, and a printed page keeps them', async ({
    page,
  }) => {
    await page.goto(CE_FIXTURE);
    const disclosures = page.getByRole('region', { name: 'Disclosures' });
    await expect(disclosures).toContainText(
      'Rowan Example (instructor) has no relevant financial relationships with ineligible companies.',
    );
    const above = await disclosures.evaluate((element) => {
      const register = document.querySelector('[data-register]');
      return (
        register !== null &&
        Boolean(element.compareDocumentPosition(register) & Node.DOCUMENT_POSITION_FOLLOWING)
      );
    });
    expect(above).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const id of ['#disclosures', '#ce-credit', '#how-to-get-ce'])
      await expect(page.locator(id)).toBeVisible();
  });

  test('the key facts link to how credit is earned', async ({ page }) => {
    await page.goto(CE_FIXTURE);
    await page.getByRole('link', { name: 'How do I get my CE?' }).click();
    await expect(page).toHaveURL(/#how-to-get-ce$/);
    await expect(page.getByRole('heading', { name: 'How do I get my CE?' })).toBeInViewport();
  });
});

test.describe('screenshots', () => {
  for (const width of [375, 1280]) {
    test(`course page at ${width} px`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(SEED);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`course-${width}.png`), fullPage: true });
      await page.goto('/courses/ethics-of-care-webinar/');
      await page.screenshot({
        path: testInfo.outputPath(`ce-course-${width}.png`),
        fullPage: true,
      });
    });
  }
});

test.describe('pages that use the screen', () => {
  const PAGES = {
    home: '/',
    course: FIXTURE,
    catalog: '/courses/',
    search: '/search/',
    profession: '/professions/social-workers/',
  };
  for (const [width, height] of [
    [375, 812],
    [1280, 800],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`home, course, catalog, search and profession pages at ${width} px, ${scheme}, as screenshots`, async ({
        page,
      }, testInfo) => {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, url] of Object.entries(PAGES)) {
          await page.goto(url);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, name).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: testInfo.outputPath(`${name}-${width}-${scheme}.png`),
            fullPage: true,
          });
        }
      });
    }

    test(`the home page shows search and what is coming up above the fold, professions and topics too on a wide screen, at ${width} px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto('/');
      await expect(
        page.getByRole('searchbox', { name: 'Search courses and instructors' }),
      ).toBeInViewport();
      // On a phone the list of upcoming courses fills the first screen; professions and topics follow it.
      const aboveTheFold =
        width < 640
          ? ['Coming up next']
          : ['Coming up next', 'Courses for your profession', 'Topics'];
      for (const heading of aboveTheFold)
        await expect(page.getByRole('heading', { name: heading })).toBeInViewport();
      // The soonest course: the live-online offering of the course given three times.
      await expect(
        page.getByRole('link', { name: 'Motivational Interviewing for Counselors' }),
      ).toBeInViewport();
      await page.getByRole('link', { name: 'Social Workers' }).click();
      await expect(page).toHaveURL('/professions/social-workers/');
    });
  }
});
