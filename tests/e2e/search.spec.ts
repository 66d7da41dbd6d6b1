/**
 * The search on the built browser-test site (content/ plus tests/fixtures/e2e: the seed course,
 * past, with all eight boards; "Self-Compassion in Practice", upcoming, approved by NBCC and
 * ASWB only; and tests/fixtures/ce: "Ethics of Care in Telehealth", upcoming, with NBCC among its
 * bodies). Covers the /search/ page, the header's dialog, the keyboard, the URL, axe, the
 * page without JavaScript, lazy loading and the Content-Security-Policy.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';

const SEED = '/courses/attachment-theory-treatment-effectiveness/';
const SEED_TITLE = 'Improving Treatment Effectiveness with Attachment Theory';
const FIXTURE_TITLE = 'Self-Compassion in Practice';
/** The CE-disclosure fixture (tests/fixtures/ce), upcoming, approved by NBCC among others. */
const CE_TITLE = 'Ethics of Care in Telehealth';
/** The course given three times; its search date is its next offering's, January 20, 2027. */
const OFFERED_TITLE = 'Motivational Interviewing for Counselors';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// The policy the search must run under: scripts and styles only from files, plus Pagefind's WebAssembly.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

/** The search page showing past courses too, as the tests that look for the (past) seed course need. */
const WITH_PAST = '/search/?past=show';

const searchPage = (page: Page) => ({
  box: page.getByRole('searchbox', { name: 'Search courses and instructors' }),
  status: page.locator('main [data-search-status]'),
  results: page.locator('main a.result-link'),
  filter: (name: string | RegExp) =>
    page.locator('main [data-search-filters]').getByRole('checkbox', { name }),
});

test.describe('the search page', () => {
  test('lists the seed course first for “mentalizing”, with its facts and the word highlighted, and puts the words in the URL', async ({
    page,
  }) => {
    await page.goto(WITH_PAST);
    const { box, status, results } = searchPage(page);
    await box.fill('mentalizing');
    await expect(status).toHaveText('1 result for “mentalizing”.');
    await expect(results.first()).toHaveText(SEED_TITLE);
    await expect(results.first()).toHaveAttribute('href', SEED);
    const first = page.locator('main .result').first();
    await expect(first.locator('.result-facts')).toHaveText(
      /Course.*October 19 – November 9, 2020.*8 CE hours.*Live online.*Past/,
    );
    await expect(
      first
        .locator('.result-excerpt mark')
        .filter({ hasText: /^Mentalizing/ })
        .first(),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/search\/\?q=mentalizing&past=show$/);
    await expect(page).toHaveTitle(/^“mentalizing”/);
  });

  test('shows result excerpts from the course text, never the labels of its key facts', async ({
    page,
  }) => {
    await page.goto('/search/?q=attachment&past=show');
    const excerpts = page.locator('main .result-excerpt');
    await expect(excerpts.first()).toBeVisible();
    for (const excerpt of await excerpts.allTextContents()) {
      expect(excerpt).not.toMatch(
        /Key facts|Status|Past course|Dates|Full refund until|Registration is closed/,
      );
    }
  });

  test('finds the seed course by “STEAM”, a word of its agenda', async ({ page }) => {
    await page.goto(WITH_PAST);
    const { box, results } = searchPage(page);
    await box.fill('STEAM');
    await expect(results.first()).toHaveText(SEED_TITLE);
  });

  test('lists every course for a profession from its filter alone, upcoming ones only until past ones are asked for, and those last', async ({
    page,
  }) => {
    await page.goto('/search/');
    const { status, results, filter } = searchPage(page);
    const includePast = page.getByRole('checkbox', { name: 'Include past courses' });
    await filter(/^Social Workers/).check();
    await expect(page).toHaveURL(/\?profession=social-workers$/);
    await expect(status).toHaveText('1 result with 1 filter. 1 past course is hidden.');
    await expect(results).toHaveText([FIXTURE_TITLE]);
    await expect(includePast).not.toBeChecked();

    await includePast.check();
    await expect(page).toHaveURL(/\?profession=social-workers&past=show$/);
    await expect(status).toHaveText('2 results with 1 filter.');
    // Without words every result scores the same: the upcoming course comes first.
    await expect(results).toHaveText([FIXTURE_TITLE, SEED_TITLE]);
  });

  test('combines values of one filter group with OR and groups with AND, with counts to match', async ({
    page,
  }) => {
    await page.goto('/search/?board=apa&past=show');
    const { status, results, filter } = searchPage(page);
    await expect(results).toHaveCount(2);
    await filter(/^Association of Social Work Boards/).check();
    await expect(page).toHaveURL(/\?board=apa&board=aswb&past=show$/);
    await expect(status).toHaveText('3 results with 2 filters.');
    await expect(filter('In person (1)')).toBeVisible();
    await filter(/^In person/).check();
    await expect(results).toHaveText([FIXTURE_TITLE]);
    await expect(status).toHaveText('1 result with 3 filters.');
  });

  test('hides past courses by default once there are upcoming ones, and says so', async ({
    page,
  }) => {
    await page.goto('/search/?q=mentalizing');
    const { status, results } = searchPage(page);
    await expect(status).toHaveText('No results for “mentalizing”. 1 past course is hidden.');
    await expect(results).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Include past courses' }).check();
    await expect(results).toHaveText([SEED_TITLE]);
  });

  test('keeps the seed course under a board it has, drops it under one it lacks, and shows the counts', async ({
    page,
  }) => {
    await page.goto('/search/?q=mentalizing&past=show');
    const { status, results, filter } = searchPage(page);
    await expect(results.first()).toHaveText(SEED_TITLE);
    const apa = filter('American Psychological Association (APA) (1)');
    const aswb = filter('Association of Social Work Boards (ASWB) (0)');
    await expect(apa).toBeVisible();
    await expect(aswb).toBeVisible();

    await apa.check();
    await expect(page).toHaveURL(/\?q=mentalizing&board=apa&past=show$/);
    await expect(status).toHaveText('1 result for “mentalizing” with 1 filter.');
    await expect(results.first()).toHaveText(SEED_TITLE);

    await apa.uncheck();
    await aswb.check();
    await expect(page).toHaveURL(/\?q=mentalizing&board=aswb&past=show$/);
    await expect(status).toHaveText('No results for “mentalizing” with 1 filter.');
    await expect(results).toHaveCount(0);
  });

  test('says helpfully that a nonsense word matches nothing, and offers the browse pages', async ({
    page,
  }) => {
    await page.goto('/search/');
    const { box, status, results } = searchPage(page);
    await box.fill('xyzzyq');
    await expect(status).toHaveText('No results for “xyzzyq”.');
    await expect(results).toHaveCount(0);
    const help = page.locator('main [data-search-help]');
    await expect(help).toBeVisible();
    await expect(help).toContainText('Check the spelling');
    await expect(help.getByRole('link', { name: 'All courses' })).toHaveAttribute(
      'href',
      '/courses/',
    );
    await expect(help.getByRole('link', { name: 'Courses by CE board' })).toHaveAttribute(
      'href',
      '/boards/',
    );
  });

  test('opens a shared URL with its words, filters and order, and the back button steps through the filters', async ({
    page,
  }) => {
    await page.goto('/search/?board=nbcc&sort=oldest&past=show');
    const { box, status, results, filter } = searchPage(page);
    await expect(status).toHaveText('4 results with 1 filter, earliest first.');
    await expect(results).toHaveText([SEED_TITLE, OFFERED_TITLE, CE_TITLE, FIXTURE_TITLE]);
    await expect(filter(/National Board for Certified Counselors/)).toBeChecked();
    await expect(page.getByLabel('Order')).toHaveValue('oldest');
    await expect(box).toHaveValue('');

    await page.getByLabel('Order').selectOption('newest');
    await expect(results).toHaveText([FIXTURE_TITLE, CE_TITLE, OFFERED_TITLE, SEED_TITLE]);
    await expect(page).toHaveURL(/\?board=nbcc&sort=newest&past=show$/);

    await filter(/Upcoming/).check();
    await expect(results).toHaveText([FIXTURE_TITLE, CE_TITLE, OFFERED_TITLE]);
    await expect(page).toHaveURL(/\?board=nbcc&status=upcoming&sort=newest&past=show$/);

    await page.goBack();
    await expect(page).toHaveURL(/\?board=nbcc&sort=newest&past=show$/);
    await expect(filter(/Upcoming/)).not.toBeChecked();
    await expect(results).toHaveText([FIXTURE_TITLE, CE_TITLE, OFFERED_TITLE, SEED_TITLE]);
    await page.goBack();
    await expect(page.getByLabel('Order')).toHaveValue('oldest');
    await expect(results).toHaveText([SEED_TITLE, OFFERED_TITLE, CE_TITLE, FIXTURE_TITLE]);
  });

  test('returns to the same search after opening a result', async ({ page }) => {
    await page.goto(WITH_PAST);
    const { box, results } = searchPage(page);
    await box.fill('steam');
    await results.first().click();
    await expect(page).toHaveURL(SEED);
    await page.goBack();
    await expect(box).toHaveValue('steam');
    await expect(results.first()).toHaveText(SEED_TITLE);
  });

  test('works by keyboard alone: `/`, typing, arrows, Enter, Escape', async ({ page }) => {
    await page.goto(WITH_PAST);
    const { box, results } = searchPage(page);
    await page.keyboard.press('/');
    await expect(box).toBeFocused();
    await page.keyboard.type('self-compassion');
    await expect(results).toHaveText([FIXTURE_TITLE, SEED_TITLE]);
    await page.keyboard.press('ArrowDown');
    await expect(results.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(box).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');
    await expect(results).toHaveCount(0);
    await page.keyboard.type('steam');
    await expect(results.first()).toHaveText(SEED_TITLE);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(SEED);
  });

  test('does not shift the layout while results load', async ({ page }) => {
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[]) {
          if (!entry.hadRecentInput) shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/search/?q=self-compassion&format=in-person');
    await expect(searchPage(page).results).toHaveText([FIXTURE_TITLE]);
    await page.waitForTimeout(300);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no axe violations with results and filters open, ${scheme} scheme`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto('/search/?q=self-compassion&board=nbcc&past=show');
      await expect(searchPage(page).results).toHaveCount(2);
      await expect(page.locator('main [data-search-filters] fieldset').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(
        results.violations.map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    });
  }

  test('says so, instead of failing silently, when the index cannot load', async ({ page }) => {
    await page.route('**/pagefind/**', (route) =>
      route.fulfill({ status: 404, body: 'Not found' }),
    );
    await page.goto('/search/?q=steam');
    await expect(searchPage(page).status).toHaveText('The search could not load.');
    await expect(page.locator('main [data-search-help]')).toContainText('browse the courses');
  });
});

test.describe('the search dialog in the header', () => {
  test('opens with `/`, lists results, moves by arrows, opens one with Enter', async ({ page }) => {
    await page.goto('/courses/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect(dialog).toBeHidden();
    await page.keyboard.press('/');
    await expect(dialog).toBeVisible();
    const box = dialog.getByRole('searchbox');
    await expect(box).toBeFocused();
    await page.keyboard.type('mentalizing');
    await expect(dialog.locator('[data-search-status]')).toHaveText('1 result for “mentalizing”.');
    await expect(
      dialog.getByRole('link', { name: 'Filters and sorting: open the search page' }),
    ).toHaveAttribute('href', '/search/?q=mentalizing');
    await page.keyboard.press('ArrowDown');
    await expect(dialog.locator('a.result-link').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(SEED);
  });

  test('closes with Escape and gives the focus back to the search entry', async ({ page }) => {
    await page.goto('/');
    const entry = page.locator('header [data-search-entry]');
    await entry.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('searchbox')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(entry).toBeFocused();
  });

  test('does not take `/` from a reader typing in a field', async ({ page }) => {
    await page.goto('/search/');
    const { box } = searchPage(page);
    await box.fill('a/b');
    await box.press('/');
    await expect(box).toHaveValue('a/b/');
  });

  test('has no axe violations with results open', async ({ page }) => {
    await page.goto(SEED);
    await page.locator('header [data-search-entry]').click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('self-compassion');
    await expect(dialog.locator('a.result-link')).toHaveCount(2);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(
      results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  });
});

test.describe('loading', () => {
  test('a course page loads no search code until the reader reaches for it, and stays within 4 KB of JavaScript', async ({
    page,
  }, testInfo) => {
    const scripts: string[] = [];
    const pagefind: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) pagefind.push(request.url());
      else if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(SEED);
    await page.waitForLoadState('networkidle');
    expect(pagefind).toEqual([]);

    // Every script that runs before the search is opened: external files and inline modules.
    const inline = await page
      .locator('script:not([src]):not([type="application/ld+json"])')
      .allTextContents();
    const external = await Promise.all(
      scripts.map(async (url) => (await page.request.get(url)).body()),
    );
    const gzipped = [...inline.map((code) => Buffer.from(code)), ...external].reduce(
      (sum, code) => sum + gzipSync(code, { level: 9 }).length,
      0,
    );
    testInfo.annotations.push({
      type: 'JavaScript before search (gzip bytes)',
      description: String(gzipped),
    });
    // 3 KB until the page re-ran every clock-bound fact (#20: status, registration, prices, the
    // refund tier, approvals, on-demand credit) with the build's own function: 3.9 KB today.
    expect(gzipped).toBeLessThanOrEqual(4 * 1024);

    const sizes = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.url().includes('/pagefind/'))
        sizes.set(response.url(), (await response.body()).length);
    });
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('mentalizing');
    await expect(dialog.locator('a.result-link').first()).toHaveText(SEED_TITLE);
    await page.waitForLoadState('networkidle');
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    testInfo.annotations.push({
      type: 'Pagefind bytes for a first query (uncompressed responses)',
      description: String(total),
    });
    expect(pagefind.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(pagefind.some((url) => url.endsWith('pagefind-worker.js'))).toBe(false);
  });

  test('the search page shows its filters with counts but loads Pagefind only at the first search', async ({
    page,
  }) => {
    const pagefind: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) pagefind.push(request.url());
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/search/');
    await page.waitForLoadState('networkidle');
    const { filter, results } = searchPage(page);
    await expect(filter('Social Workers (2)')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Include past courses' })).not.toBeChecked();
    expect(pagefind).toEqual([]);

    await filter(/^Social Workers/).check();
    await expect(results).toHaveText([FIXTURE_TITLE]);
    expect(pagefind.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
  });

  test('runs under a Content-Security-Policy without inline scripts or styles, with WebAssembly allowed', async ({
    page,
  }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.effectiveDirective} ${event.blockedURI || 'inline'}`,
        );
      });
    });
    await page.route(/\/(search\/)?(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': CSP },
      });
    });
    await page.goto('/search/?q=steam&past=show');
    await expect(searchPage(page).results.first()).toHaveText(SEED_TITLE);
    await page.goto('/');
    await page.keyboard.press('/');
    await page.getByRole('dialog', { name: 'Search' }).getByRole('searchbox').fill('mentalizing');
    await expect(
      page.getByRole('dialog', { name: 'Search' }).locator('a.result-link').first(),
    ).toHaveText(SEED_TITLE);
    expect(await page.locator('[style]').count()).toBe(0);
    expect(violations).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search entry is a link to /search/, which explains and links to the catalog and browse pages', async ({
    page,
  }) => {
    await page.goto('/courses/');
    const entry = page.locator('header [data-search-entry]');
    await expect(entry).toHaveAttribute('href', '/search/');
    await expect(entry).not.toHaveAttribute('role', 'button');
    await entry.click();
    await expect(page).toHaveURL('/search/');
    await expect(page.getByRole('searchbox')).toBeHidden();
    await expect(page.getByText('Searching needs JavaScript')).toBeVisible();
    const main = page.locator('main');
    await expect(main.getByRole('link', { name: 'all courses' })).toHaveAttribute(
      'href',
      '/courses/',
    );
    await expect(main.getByRole('link', { name: 'topic', exact: true })).toHaveAttribute(
      'href',
      '/topics/',
    );
    await expect(main.getByRole('link', { name: 'CE board', exact: true })).toHaveAttribute(
      'href',
      '/boards/',
    );
    await expect(main.locator('a[href="/formats/live-online/"]')).toHaveCount(1);
    await expect(main.locator('a[href="/levels/beginner/"]')).toHaveCount(1);
  });
});
